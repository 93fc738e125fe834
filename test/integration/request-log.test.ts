// The server log across a real flow (issue 19): a clerk's login, a ticket issued by a kiosk with a visitor's
// ID number, window commands over HTTP and from a keypad over MQTT, a board page opened with its token in the
// query. Every line is JSON with level and time; every request line carries a request id, the one echoed in
// `X-Request-Id` (the caller's own when it sent one); and no token, password or ID number is ever written.
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BOARD_TOKEN,
  KEYPAD_TOKEN,
  KIOSK_TOKEN,
  LED_TOKEN,
  PAD_TOKEN,
  PASSWORD,
  client,
  startTestHall,
} from '../helpers/hall';
import { mqttConnected, until } from '../helpers/wait';

const ID_NUMBER = '370902199001011235';
const BASE = 'hall/reqlog';

let s: Awaited<ReturnType<typeof startTestHall>>;
const out: string[] = [];
beforeAll(async () => {
  s = await startTestHall({
    log: undefined, // the real logger (pino), not the tests' silent one
    logDestination: { write: (line: string) => out.push(line) },
    mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE },
  });
  await mqttConnected(s);
});
afterAll(async () => s?.stop());

type Entry = Record<string, unknown>;
const entries = (): Entry[] =>
  out
    .join('')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Entry);

describe('request ids and redaction in the server log', () => {
  let sessionToken = '';
  const seen: Record<string, string> = {};

  it('runs the flow: login, ticket with an ID number, HTTP and keypad commands, a page with ?token=', async () => {
    const api = client(s.url);
    const login = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clerkId: 'c1', password: PASSWORD, windowNo: 1 }),
    });
    sessionToken = ((await login.json()) as { token: string }).token;
    seen.login = login.headers.get('x-request-id')!;
    expect(seen.login).toMatch(/^[0-9a-f-]{36}$/);

    const issue = await fetch(`${s.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KIOSK_TOKEN}` },
      body: JSON.stringify({ serviceId: 'general', idNumber: ID_NUMBER }),
    });
    expect(issue.status).toBe(201);
    seen.issue = issue.headers.get('x-request-id')!;

    // The caller's own request id is kept and echoed.
    const call = await api.post('/api/windows/1/call-next', {}, sessionToken, { 'x-request-id': 'console-7f3a9c01' });
    expect(call.status).toBe(200);
    const echoed = await fetch(`${s.url}/api/hall`, { headers: { 'x-request-id': 'console-7f3a9c02' } });
    expect(echoed.headers.get('x-request-id')).toBe('console-7f3a9c02');
    // Not a plain token (a line break, too long): replaced by one of ours.
    const odd = await fetch(`${s.url}/api/hall`, { headers: { 'x-request-id': 'x'.repeat(200) } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    await fetch(`${s.url}/board?token=${BOARD_TOKEN}`);
    await api.post('/api/windows/1/finish', {}, sessionToken);
    const ev = (await api.get('/api/evaluations', await api.login('sup'))).body.evaluations[0];
    if (ev) await api.post(`/api/evaluations/${ev.id}`, { level: 'basic' }, PAD_TOKEN);

    // A keypad command over MQTT (with its token as password); a malformed one is logged.
    const k = await mqtt.connectAsync(`mqtt://127.0.0.1:${s.mqtt.brokerPort!}`, {
      protocolVersion: 4,
      username: 'keypad-1',
      password: KEYPAD_TOKEN,
      reconnectPeriod: 0,
    });
    await k.publishAsync(`${BASE}/keypad/1/command`, JSON.stringify({ action: 'next', requestId: 'k1' }), { qos: 1 });
    await k.publishAsync(`${BASE}/keypad/1/command`, JSON.stringify({ action: 'explode' }), { qos: 1 });
    await until(() => out.some((l) => l.includes('sent a malformed')), 'the keypad refusal logged');
    await k.endAsync();
    // A failed login carries a password in its body: the body is never logged.
    await api.post('/api/auth/login', { clerkId: 'c2', password: 'wrong-password-123' });
    await until(() => entries().filter((e) => e.msg === 'http request').length >= 10, 'the request lines');
  });

  it('every line is JSON with level and time; request lines carry their request id', () => {
    const all = entries();
    expect(all.length).toBeGreaterThan(10);
    for (const e of all) {
      expect(typeof e.level, JSON.stringify(e)).toBe('string');
      expect(Number.isNaN(Date.parse(String(e.time))), JSON.stringify(e)).toBe(false);
    }
    const requests = all.filter((e) => e.msg === 'http request');
    for (const e of requests) expect(e.reqId, JSON.stringify(e)).toEqual(expect.any(String));
    const byId = (id: string) => requests.find((e) => e.reqId === id);
    expect(byId(seen.login!)).toMatchObject({ method: 'POST', route: '/api/auth/login', status: 200 });
    expect(byId(seen.issue!)).toMatchObject({ method: 'POST', route: '/api/tickets', status: 201 });
    expect(byId('console-7f3a9c01')).toMatchObject({ route: '/api/windows/:no/call-next', status: 200 });
    expect(requests.find((e) => e.path === '/board')).toBeDefined();
    // A keypad's MQTT message is a request too: its refusal carries an id of its own.
    const keypad = all.find((e) => String(e.msg).includes('sent a malformed'));
    expect(keypad?.reqId).toEqual(expect.any(String));
    expect(requests.map((e) => e.reqId)).not.toContain(keypad?.reqId);
  });

  it('no device token, session token, password or ID number appears anywhere in the log', () => {
    const text = out.join('');
    for (const secret of [
      KIOSK_TOKEN,
      KEYPAD_TOKEN,
      PAD_TOKEN,
      BOARD_TOKEN,
      LED_TOKEN,
      sessionToken,
      PASSWORD,
      'wrong-password-123',
      ID_NUMBER,
    ])
      expect(text.includes(secret), secret.slice(0, 6)).toBe(false);
    expect(sessionToken.length).toBeGreaterThan(20);
  });
});
