// Idempotency keys through HTTP and MQTT keypads (issue 23, finding 11): a key is bound to the caller, the
// window and the request's content. A retry gets the first answer; the same key on another request, or from
// another caller, is never answered with something that did not happen; keys expire and are pruned.
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { FakeClock, KEYPAD_TOKEN, client, startTestHall } from '../helpers/hall';
import { mqttConnected, sleep, until, useCleanup } from '../helpers/wait';

const BASE = 'hall/test';
const cleanup = useCleanup();

const dbState = (s: HallServer) =>
  JSON.stringify([
    s.db.prepare('SELECT * FROM tickets ORDER BY id').all(),
    s.db.prepare('SELECT * FROM window_state ORDER BY no').all(),
    s.db.prepare('SELECT COUNT(*) AS n FROM events').get(),
  ]);

describe('idempotency keys over HTTP', () => {
  it('bound to the caller and the content; a reused key on another request is refused; keys expire', async () => {
    const clock = new FakeClock();
    const s = await startTestHall({ clock: clock.fn, sessionSweepMs: 50 });
    cleanup(() => s.stop());
    const api = client(s.url);
    for (let i = 0; i < 4; i++) await api.issue('general');
    const c1 = await api.login('c1', 1);
    const sup = await api.login('sup');
    const key = { 'Idempotency-Key': 'press-1' };

    const first = await api.post('/api/windows/1/call-next', {}, c1, key);
    expect(first.body.ticket.number).toBe('A001');
    clock.now += 10_000; // past the double-press window
    const state = dbState(s);
    expect((await api.post('/api/windows/1/call-next', {}, c1, key)).body).toEqual(first.body); // a retry
    const reused = await api.post('/api/windows/1/skip', {}, c1, key);
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(reused.body.error.message).toContain('请求编号');
    expect(dbState(s)).toBe(state);
    await api.post('/api/windows/1/finish', {}, c1);
    // The same action with other arguments is another request too.
    const otherBody = await api.post('/api/windows/1/pause', { reason: '午休' }, c1, { 'Idempotency-Key': 'p-1' });
    expect(otherBody.status).toBe(200);
    await api.post('/api/windows/1/resume', {}, c1);
    const state2 = dbState(s);
    expect((await api.post('/api/windows/1/pause', { reason: '会议' }, c1, { 'Idempotency-Key': 'p-1' })).status).toBe(
      422,
    );
    expect(dbState(s)).toBe(state2);
    expect(state).not.toBe(state2);

    // Another caller's request under the same key is its own request, not c1's answer.
    const bySup = await api.post('/api/windows/1/call-next', {}, sup, key);
    expect(bySup.body.ticket.number).toBe('A002');

    // After the key's lifetime the same key is a new request, and the sweep has pruned the old entries.
    clock.advanceMin(16);
    await until(
      () => (s.db.prepare('SELECT COUNT(*) AS n FROM idempotency').get() as { n: number }).n === 0,
      'old keys pruned',
    );
    expect((await api.post('/api/windows/1/call-next', {}, c1, key)).body.ticket.number).toBe('A003');
  });
});

describe('idempotency keys of MQTT keypads', () => {
  it('a keypad’s requestId is its own: never answered with the console’s call; a reuse on another key is an error', async () => {
    const clock = new FakeClock();
    const s = await startTestHall({
      clock: clock.fn,
      mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE },
    });
    cleanup(() => s.stop());
    await mqttConnected(s);
    const api = client(s.url);
    for (let i = 0; i < 3; i++) await api.issue('general');
    const c1 = await api.login('c1', 1);

    const k = await mqtt.connectAsync(`mqtt://127.0.0.1:${s.mqtt.brokerPort!}`, {
      protocolVersion: 4,
      username: 'keypad-1',
      password: KEYPAD_TOKEN,
      reconnectPeriod: 0,
    });
    cleanup(() => k.endAsync(true));
    const results: any[] = [];
    k.on('message', (_t, p) => results.push(JSON.parse(p.toString())));
    await k.subscribeAsync(`${BASE}/keypad/1/result`);
    const send = async (payload: object) => {
      const n = results.length;
      k.publish(`${BASE}/keypad/1/command`, JSON.stringify(payload), { qos: 1 });
      for (let i = 0; i < 200 && results.length === n; i++) await sleep(10);
      return results[n];
    };

    // The console calls A001 with key r7; the keypad's own r7 later is a real call, not A001 again.
    expect((await api.post('/api/windows/1/call-next', {}, c1, { 'Idempotency-Key': 'r7' })).body.ticket.number).toBe(
      'A001',
    );
    clock.now += 10_000;
    expect(await send({ action: 'next', requestId: 'r7' })).toEqual({ requestId: 'r7', ok: true, ticket: 'A002' });
    expect(s.core.query.windowView(1).ticket?.number).toBe('A002');

    // The keypad reusing r7 for another key: an error result, nothing done.
    const state = dbState(s);
    expect(await send({ action: 'skip', requestId: 'r7' })).toMatchObject({
      requestId: 'r7',
      ok: false,
      error: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(dbState(s)).toBe(state);
    // A true retry still gets the first answer and changes nothing.
    expect(await send({ action: 'next', requestId: 'r7' })).toEqual({ requestId: 'r7', ok: true, ticket: 'A002' });
    expect(dbState(s)).toBe(state);
  });
});
