// The bad-input sweep: thousands of malformed HTTP bodies and paths, socket.io handshakes and events, MQTT
// payloads and parallel password guessing from several addresses, against a real server with the embedded
// broker. Every one gets a clear error (HTTP 4xx with `{ error: { code, message } }`, an MQTT error result),
// the server stays up, and nothing changes: the event log, the tickets and the hall snapshot are the same
// before and after.
import { postFrom } from '../helpers/post-from';
import mqtt from 'mqtt';
import { connect as tcp } from 'node:net';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectFlood } from '../../scripts/mqtt-attacks';
import { rng } from '../../scripts/simulate/rng';
import {
  BOARD_TOKEN,
  KEYPAD_TOKEN,
  KIOSK_TOKEN,
  LED_TOKEN,
  PAD_TOKEN,
  client,
  startTestHall,
  testConfig,
} from '../helpers/hall';
import { sleep, until } from '../helpers/wait';
import { hallTopics } from '../../server/protocol/mqtt';

const BASE = 'hall/fuzz';
const T = hallTopics(BASE);
const u = rng(20261121);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(u() * xs.length)]!;
// Lone surrogates cannot be URI-encoded: replace them as a browser would.
const q = (v: unknown) => encodeURIComponent(String(v).replace(/[\ud800-\udfff]/g, '\ufffd'));

/** A malformed value: wrong types, huge or odd strings, deep nesting, unknown ids. */
function junk(depth = 0): unknown {
  const kinds = [
    () => null,
    () => Math.floor(u() * 2 ** 40) * (u() < 0.5 ? -1 : 1),
    () => u() * 1e308,
    () => u() < 0.5,
    () => 'x'.repeat(Math.floor(u() * 5000)),
    () => '\u0000\uffff\ud800' + '号'.repeat(Math.floor(u() * 50)),
    () => '<script>alert(1)</script>',
    () => "'; DROP TABLE tickets; --",
    () => (depth > 3 ? 1 : Array.from({ length: Math.floor(u() * 4) }, () => junk(depth + 1))),
    () =>
      depth > 3
        ? {}
        : Object.fromEntries(
            Array.from({ length: 1 + Math.floor(u() * 4) }, () => [
              pick([
                'serviceId',
                'windowNo',
                'clerkId',
                'password',
                'skills',
                'level',
                'open',
                'priority',
                'number',
                '__proto__',
                'constructor',
                'x',
              ]),
              junk(depth + 1),
            ]),
          ),
  ];
  return pick(kinds)();
}

let s: Awaited<ReturnType<typeof startTestHall>>;
let api: ReturnType<typeof client>;
let before: { events: number; tickets: number; hall: unknown };
let sup = '';
let clerk = '';
const state = async () => {
  const hall = (await api.get('/api/hall', sup)).body;
  delete hall.at;
  // Like `at`, the predicted waits move with the clock alone (a visit under way nears its end): not state.
  for (const svc of hall.services) {
    delete svc.estimatedWait;
    delete svc.estimatedWaitMin;
  }
  return {
    events: (s.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n,
    tickets: (s.db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n,
    hall,
  };
};

beforeAll(async () => {
  s = await startTestHall({
    config: testConfig(4, { mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE } }),
    sweepMs: 3_600_000,
    watchMs: 3_600_000,
  });
  api = client(s.url);
  await api.issue('general');
  await api.issue('tax');
  const w1 = await api.login('c1', 1);
  await api.post('/api/windows/1/call-next', {}, w1);
  sup = await api.login('sup'); // logins are events: all of them before the snapshot
  clerk = await api.login('c2', 2);
  before = await state();
});
afterAll(async () => s?.stop());

describe('bad input changes nothing', () => {
  it('HTTP: malformed bodies, raw bytes and unknown ids on every route get a 4xx with a clear error', async () => {
    const tokens = [sup, clerk, KIOSK_TOKEN, PAD_TOKEN, 'not-a-token', ''];
    const fill = (p: string) =>
      p
        .replace(':no', String(pick([9999, -1, 0, 'abc', '1e99', '%00'])))
        .replace(':id', pick(['nope', 'x'.repeat(300), '%2e%2e%2f', "1' OR '1'='1"]));
    let sent = 0;
    for (const r of s.routes) {
      for (let i = 0; i < 40; i++) {
        const raw = i % 10 === 9; // now and then not JSON at all, or not UTF-8
        const body = raw ? pick(['{"serviceId":', new Uint8Array([0xff, 0xfe, 0xc3, 0x28]), 'null', '[]']) : junk();
        if (!raw && r.body && r.body.safeParse(body).success && !r.path.includes(':')) continue; // valid by chance
        const path = fill(r.path) + (r.method === 'get' ? `?from=${q(junk())}&by=${q(junk())}` : '');
        const res = await fetch(s.url + path, {
          method: r.method.toUpperCase(),
          headers: {
            'content-type': pick(['application/json', 'application/json; charset=latin1', 'text/plain']),
            authorization: `Bearer ${pick(tokens)}`,
          },
          body:
            r.method === 'get'
              ? undefined
              : typeof body === 'string' || body instanceof Uint8Array
                ? (body as BodyInit)
                : JSON.stringify(body),
        });
        sent++;
        const text = await res.text();
        if (res.status < 400) {
          // A GET with a junk query may still be answered (ignored parameters): it must not change anything.
          expect(r.method, `${r.method} ${path} → ${res.status}`).toBe('get');
          continue;
        }
        expect(res.status, `${r.method} ${path}: ${text.slice(0, 200)}`).toBeLessThan(500);
        const json = JSON.parse(text);
        expect(typeof json.error.code).toBe('string');
        expect(json.error.message.length).toBeGreaterThan(0);
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(await state()).toEqual(before);
  }, 120_000);

  it('reports: ranges of a century or more get 400 RANGE_TOO_LONG at once, on every report route', async () => {
    const ranges = ['from=2000-01-01&to=2100-01-01', 'from=1970-01-01&to=2999-12-31', 'from=2025-01-01&to=2026-01-03'];
    const routes = [
      '/api/reports?by=day&',
      '/api/reports/export?format=xlsx&',
      '/api/reports/export?format=csv&by=clerk&',
      '/api/reports/print?',
    ];
    for (const r of routes)
      for (const range of ranges) {
        const res = await api.get(r + range, sup);
        expect(res.status, r + range).toBe(400);
        expect(res.body.error.code, r + range).toBe('RANGE_TOO_LONG');
      }
    expect(await state()).toEqual(before);
  });

  it('login: parallel password guessing from several addresses is counted before the hash, per address and per account', async () => {
    /** A login from a chosen loopback address, as a guesser with several machines on the hall LAN would. */
    const guess = (from: string, clerkId: string, password: string) =>
      postFrom(s.url, from, '/api/auth/login', { clerkId, password });
    const sent: { from: string; clerkId: string }[] = [];
    for (let i = 0; i < 240; i++) {
      const clerkId = i % 2 ? 'c1' : pick(['c3', 'nobody', '号'.repeat(20), "1' OR '1'='1", 'sup']);
      sent.push({ from: `127.0.0.${20 + (i % 4)}`, clerkId });
    }
    const started = Date.now();
    const answers = await Promise.all(sent.map((g, i) => guess(g.from, g.clerkId, `guess-${i}-${u()}`)));
    // After its free failures an account may try again once per doubling delay (1 s, 2 s, …): on a slow
    // machine the burst outlasts the first delays, and each of those adds one checked guess, no more.
    let accountChecks = 10;
    for (let delay = 1000, spent = 0; spent + delay <= Date.now() - started; spent += delay, delay *= 2)
      accountChecks++;
    const checked = (f: (g: (typeof sent)[number]) => boolean) =>
      answers.filter((a, i) => a.status === 401 && f(sent[i]!)).length;
    for (const a of answers) {
      expect([401, 429]).toContain(a.status);
      expect(a.body.error.message.length).toBeGreaterThan(0);
    }
    // Each address gets its burst (10) checked; clerk c1's account at most its 10 free failures, whatever
    // the addresses; everything else was refused without running scrypt.
    // (an address's bucket refills at 5 a minute, the default: a burst longer than 12 s earns one more)
    const addressChecks = 10 + Math.floor(((Date.now() - started) * 5) / 60_000);
    for (let k = 0; k < 4; k++)
      expect(checked((g) => g.from === `127.0.0.${20 + k}`)).toBeLessThanOrEqual(addressChecks);
    expect(checked((g) => g.clerkId === 'c1')).toBeLessThanOrEqual(accountChecks);
    expect(answers.filter((a) => a.status === 429).length).toBeGreaterThanOrEqual(200);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    expect(await state()).toEqual(before);
  }, 60_000);

  it('socket.io: junk handshakes are refused, junk events ignored, the server stays up', async () => {
    const namespaces = ['/board', '/window', '/supervisor', '/pad', '/ticket', '/kiosk'];
    let refused = 0;
    for (let i = 0; i < 120; i++) {
      const sock = connect(`${s.url}${pick(namespaces)}`, {
        auth: pick([{ token: junk() }, { ticketId: junk() }, { token: junk(), ticketId: junk() }, {}]),
        transports: ['websocket'],
        reconnection: false,
      });
      await new Promise<void>((resolve) => {
        const done = setTimeout(resolve, 2000);
        sock.on('connect_error', () => (refused++, clearTimeout(done), resolve()));
        sock.on('disconnect', () => (clearTimeout(done), resolve()));
        sock.on('connect', () => {
          for (let k = 0; k < 5; k++) sock.emit(pick(['call', 'state', 'issue', 'evaluate', 'x']), junk());
          clearTimeout(done);
          resolve();
        });
      });
      sock.close();
    }
    expect(refused).toBeGreaterThan(100);
    // Authorised clients sending junk events: ignored.
    for (const [ns, auth] of [
      ['/kiosk', { token: KIOSK_TOKEN }],
      ['/pad', { token: PAD_TOKEN }],
    ] as const) {
      const sock = connect(`${s.url}${ns}`, { auth, transports: ['websocket'] });
      await until(() => sock.connected, `${ns} connected`);
      for (let k = 0; k < 200; k++) sock.emit(pick(['evaluate', 'issue', 'call-next', 'state']), junk(), junk());
      await sleep(100);
      sock.close();
    }
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    expect(await state()).toEqual(before);
  }, 60_000);

  it('MQTT: junk keypad commands and pad answers get error results; other topics are refused; nothing changes', async () => {
    const url = `mqtt://127.0.0.1:${s.mqtt.brokerPort!}`;
    const results: string[] = [];
    const dev = (id: string, token: string, topic: string) =>
      new Promise<mqtt.MqttClient>((resolve) => {
        const c = mqtt.connect(url, { protocolVersion: 4, username: id, password: token, reconnectPeriod: 0 });
        c.on('connect', () => c.subscribe(topic, () => resolve(c)));
        c.on('message', (_t, raw) => results.push(raw.toString()));
      });
    const keypad = await dev('keypad-1', KEYPAD_TOKEN, T.keypadResult(1));
    const pad = await dev('pad-1', PAD_TOKEN, T.padResult(1));
    const payload = () =>
      pick([
        () => Buffer.from([0xff, 0x00, 0xfe]),
        () => 'not json',
        () => 'x'.repeat(70_000),
        () => JSON.stringify(junk()),
        () => JSON.stringify({ action: junk(), requestId: junk() }),
        () => JSON.stringify({ evaluationId: junk(), score: junk(), reasons: junk() }),
        () => JSON.stringify({ action: 'next', requestId: 'x'.repeat(500) }),
      ])();
    for (let i = 0; i < 600; i++) {
      keypad.publish(T.keypadCommand(1), payload());
      pad.publish(T.padEvaluation(1), payload());
    }
    await until(() => results.length >= 1200, 'error results', 20_000);
    expect(results.every((r) => JSON.parse(r).ok === false)).toBe(true);
    keypad.end(true);
    pad.end(true);
    // A device publishing on another window's or the server's topics is refused by the broker (ACL).
    for (const topic of [T.keypadCommand(2), T.ledDisplay(1), T.serverState]) {
      const rogue = await dev('keypad-1', KEYPAD_TOKEN, T.keypadResult(1));
      const closed = new Promise<void>((r) => rogue.once('close', () => r()));
      rogue.publish(topic, JSON.stringify({ action: 'next', requestId: 'r' }));
      await closed;
      rogue.end(true);
    }
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    expect(await state()).toEqual(before);
  }, 60_000);

  it('MQTT: malformed frames, CONNECT floods and client-id takeovers are cut off; the server stays online', async () => {
    const port = s.mqtt.brokerPort!;
    // Random frames without credentials: any packet type first, any declared length (up to 256 MB), junk.
    let cut = 0;
    for (let i = 0; i < 200; i++) {
      const length = pick([0, 3, 200, 5000, 2 ** 20, 2 ** 28 - 1, Math.floor(u() * 2 ** 28)]);
      const varint: number[] = [];
      for (let n = length; varint.length < 4; n = Math.floor(n / 128)) {
        varint.push((n % 128) | (n >= 128 ? 0x80 : 0));
        if (n < 128) break;
      }
      const junk = Buffer.alloc(Math.floor(u() * 20_000), Math.floor(u() * 256));
      const frame = Buffer.concat([Buffer.from([Math.floor(u() * 256), ...varint]), junk]);
      await new Promise<void>((resolve) => {
        const sock = tcp(port, '127.0.0.1');
        const done = setTimeout(() => (sock.destroy(), resolve()), 300);
        sock.on('error', () => {});
        sock.on('close', () => (cut++, clearTimeout(done), resolve()));
        sock.on('connect', () => sock.write(frame));
      });
    }
    expect(cut).toBeGreaterThan(150);
    const flood = await connectFlood(port, { connections: 4, maxBytes: 8 * 2 ** 20, maxMs: 3000 });
    expect(flood.closedByBroker).toBe(4);

    // Every device with a token tries the others' client ids and the server's old one.
    const devices = [
      ['kiosk-1', KIOSK_TOKEN],
      ['board-a', BOARD_TOKEN],
      ['pad-1', PAD_TOKEN],
      ['led-1', LED_TOKEN],
      ['keypad-1', KEYPAD_TOKEN],
    ] as const;
    let refused = 0;
    for (const [id, token] of devices) {
      for (const clientId of [...devices.map(([x]) => x).filter((x) => x !== id), 'hall-server-test-hall', '']) {
        const c = await mqtt
          .connectAsync(`mqtt://127.0.0.1:${port}`, {
            protocolVersion: 4,
            username: id,
            password: token,
            clientId,
            reconnectPeriod: 0,
          })
          .catch(() => null);
        if (c) await c.endAsync(true);
        else refused++;
      }
    }
    expect(refused).toBe(devices.length * (devices.length - 1));
    expect(s.mqtt.status().connected).toBe(true);
    // The keypad is still answered.
    const keypad = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
      protocolVersion: 4,
      username: 'keypad-1',
      password: KEYPAD_TOKEN,
      reconnectPeriod: 0,
    });
    const answers: string[] = [];
    keypad.on('message', (_t, raw) => answers.push(raw.toString()));
    await keypad.subscribeAsync(T.keypadResult(1));
    keypad.publish(T.keypadCommand(1), 'not json');
    await until(() => answers.length, 'the keypad answered');
    keypad.end(true);
    expect((await fetch(`${s.url}/api/health`)).status).toBe(200);
    expect(await state()).toEqual(before);
  }, 60_000);
});
