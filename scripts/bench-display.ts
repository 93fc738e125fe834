// Benchmark: call-to-board and call-to-LED latency with 60 windows calling, 20 boards and 60 LED clients
// connected, next to the bare transports measured in the same run: a bare socket.io broadcast to 20
// clients and a bare MQTT publish to 60 subscribers on the same kind of broker (aedes).
//
//   npm run bench:display [-- --windows 60 --boards 20 --rounds 10 --gap 15 --tickets-burst N] [--write]
//   (--write records the figures in docs/benchmarks.md; --tickets-burst overrides the bench hall's ticket rate
//   limit, to see the count check fire)
//
// Every answer the figures depend on is checked: each ticket issued (201), each call-next calling a ticket,
// each board and LED client hearing every call meant for it. Short counts stop the run with an error naming
// them (exit 1) instead of printing figures from part of the work.
import { writeBenchSection } from './bench-docs';
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { io as connectIo, type Socket } from 'socket.io-client';
import { startHallServer } from '../server/app';
import { hashPassword } from '../server/auth/passwords';
import { hallConfigSchema } from '../server/config/schema';
import { hallTopics } from '../server/protocol/mqtt';
import { Checks, Shortfall, runMeasured, tally } from './bench-check';

const { values } = parseArgs({
  options: {
    windows: { type: 'string', default: '60' },
    boards: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '10' },
    gap: { type: 'string', default: '15' },
    'tickets-burst': { type: 'string' },
    write: { type: 'boolean', default: false },
  },
});
const WINDOWS = Number(values.windows);
const BOARDS = Number(values.boards);
const ROUNDS = Number(values.rounds);
/** Windows call one after another this far apart: a busy hall's burst (60 calls in about a second). */
const GAP_MS = Number(values.gap);
const TICKETS = WINDOWS * ROUNDS;
/**
 * The bench hall's one kiosk issues all its tickets before the first call, so its ticket rate limit must
 * let that burst through (the shipped default, 60, refuses 90% of them with 429).
 */
const TICKETS_BURST = values['tickets-burst'] === undefined ? TICKETS : Number(values['tickets-burst']);
for (const [k, v] of Object.entries({ WINDOWS, BOARDS, ROUNDS, GAP_MS, TICKETS_BURST }))
  if (!Number.isInteger(v) || v < (k === 'GAP_MS' ? 0 : 1)) throw new Error(`bench-display: bad ${k}: ${v}`);
const PASSWORD = 'bench-pass';
const BASE = 'hall/bench';
const TOPICS = hallTopics(BASE);

const now = () => performance.now();
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const zoneOf = (no: number) => 'ABCD'[(no - 1) % 4]!;

function config() {
  const hash = hashPassword(PASSWORD);
  return hallConfigSchema.parse({
    hall: { id: 'bench', name: '基准大厅', regionCode: '370900', autoClose: false },
    server: { rateLimits: { ticketsBurst: TICKETS_BURST } },
    mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE },
    rules: { doublePressMs: 0 },
    services: [{ id: 'general', name: '综合', prefix: 'A', targetWaitMin: 15, dailyCap: 9999 }],
    windows: Array.from({ length: WINDOWS }, (_, i) => ({
      no: i + 1,
      name: `窗口${i + 1}`,
      kind: 'comprehensive',
      zone: zoneOf(i + 1),
      skills: { general: 1 },
    })),
    clerks: Array.from({ length: WINDOWS }, (_, i) => ({
      id: `c${i + 1}`,
      name: `C${i + 1}`,
      role: 'clerk',
      passwordHash: hash,
    })),
    devices: [
      { id: 'kiosk', kind: 'kiosk', token: 'bench-kiosk-token-00001' },
      ...Array.from({ length: BOARDS }, (_, i) => ({
        id: `board-${i}`,
        kind: 'board',
        zone: zoneOf(i + 1),
        token: `bench-board-token-${String(i).padStart(4, '0')}`,
      })),
      ...Array.from({ length: WINDOWS }, (_, i) => ({
        id: `led-${i + 1}`,
        kind: 'led',
        window: i + 1,
        token: `bench-led-token-${String(i + 1).padStart(5, '0')}`,
      })),
    ],
  });
}

async function hallLatency() {
  const cfg = config();
  const s = await startHallServer({
    config: cfg,
    dataDir: mkdtempSync(path.join(tmpdir(), 'bench-disp-')),
    port: 0,
    host: '127.0.0.1',
    log: () => {},
  });
  try {
    return await measureHall(cfg, s);
  } finally {
    await s.stop();
  }
}

type Hall = Awaited<ReturnType<typeof startHallServer>>;

async function measureHall(cfg: ReturnType<typeof config>, s: Hall) {
  for (let i = 0; i < 200 && !s.mqtt.status().connected; i++) await sleep(10);
  if (!s.mqtt.status().connected) throw new Shortfall('bench-display: the hall never connected to its MQTT broker');
  const post = async (p: string, body: unknown, token?: string) => {
    const r = await fetch(s.url + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json().catch(() => null)) as any };
  };
  const tokens: string[] = [];
  for (let no = 1; no <= WINDOWS; no++) {
    const r = await post('/api/auth/login', { clerkId: `c${no}`, password: PASSWORD, windowNo: no });
    if (r.status !== 200 || !r.body?.token)
      throw new Shortfall(`bench-display: clerk c${no} could not log in at window ${no}: HTTP ${r.status}`);
    tokens[no] = r.body.token;
  }
  // Every ticket must be issued, or most call-nexts find nothing to call and the figures shrink silently.
  const issued: number[] = [];
  for (let i = 0; i < TICKETS; i++)
    issued.push((await post('/api/tickets', { serviceId: 'general' }, 'bench-kiosk-token-00001')).status);
  new Checks('bench-display')
    .count(
      'tickets issued by the kiosk (HTTP 201)',
      issued.filter((x) => x === 201).length,
      TICKETS,
      `answers: ${tally(issued)}; the bench hall's server.rateLimits are ticketsBurst ${cfg.server.rateLimits.ticketsBurst}, ticketsPerMin ${cfg.server.rateLimits.ticketsPerMin}`,
    )
    .assert();

  const sentAt: number[] = []; // window → when its current call-next was sent
  const boardLat: number[] = [];
  const ledLat: number[] = [];
  const boards: { id: string; zone: string; sock: Socket; calls: number }[] = [];
  for (const d of cfg.devices) {
    if (d.kind !== 'board') continue;
    const sock = connectIo(`${s.url}/board`, { auth: { token: d.token }, transports: ['websocket'] });
    const b = { id: d.id, zone: d.zone!, sock, calls: 0 };
    sock.on('call', (c: { windowNo: number }) => {
      b.calls++;
      boardLat.push(now() - sentAt[c.windowNo]!);
    });
    boards.push(b);
  }
  const leds: { no: number; client: mqtt.MqttClient; calls: number }[] = [];
  for (let no = 1; no <= WINDOWS; no++) {
    const d = cfg.devices.find((x) => x.kind === 'led' && x.window === no) as { id: string; token: string };
    const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${s.mqtt.brokerPort}`, {
      protocolVersion: 4,
      username: d.id,
      password: d.token,
    });
    const led = { no, client: c, calls: 0 };
    c.on('message', (_t, p) => {
      const m = JSON.parse(p.toString()) as { state: string; window: number };
      if (m.state === 'calling' && sentAt[m.window] !== undefined) {
        led.calls++;
        ledLat.push(now() - sentAt[m.window]!);
      }
    });
    await c.subscribeAsync(TOPICS.ledDisplay(no));
    leds.push(led);
  }
  await sleep(500);
  const answers: (string | number)[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const before = ledLat.length;
    const calls: Promise<void>[] = [];
    for (let no = 1; no <= WINDOWS; no++) {
      sentAt[no] = now();
      calls.push(
        post(`/api/windows/${no}/call-next`, {}, tokens[no]).then((a) => {
          answers.push(a.status === 200 && !a.body?.ticket ? 'nothing to call' : a.status);
        }),
      );
      await sleep(GAP_MS);
    }
    await Promise.all(calls);
    for (let i = 0; i < 200 && ledLat.length < before + WINDOWS; i++) await sleep(10);
  }
  // Calls in flight land within milliseconds; wait for the stragglers before counting.
  const inZone = (zone: string) => ROUNDS * cfg.windows.filter((w) => w.zone === zone).length;
  const boardWant = boards.reduce((a, b) => a + inZone(b.zone), 0);
  for (let i = 0; i < 100 && (boardLat.length < boardWant || ledLat.length < TICKETS); i++) await sleep(20);
  await sleep(100);
  boards.forEach((b) => b.sock.disconnect());
  await Promise.all(leds.map((l) => l.client.endAsync()));

  const checks = new Checks('bench-display').count(
    'call-nexts that called a ticket (HTTP 200)',
    answers.filter((a) => a === 200).length,
    TICKETS,
    `answers: ${tally(answers)}`,
  );
  for (const b of boards) checks.count(`board ${b.id} (zone ${b.zone}) calls heard`, b.calls, inZone(b.zone));
  for (const l of leds) checks.count(`LED of window ${l.no} calls shown`, l.calls, ROUNDS);
  checks.count('call → board samples', boardLat.length, boardWant).count('call → LED samples', ledLat.length, TICKETS);
  checks.assert();
  return { boardLat, ledLat, boardWant };
}

async function bareSocketIo() {
  const http = createServer();
  const io = new Server(http);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const lat: number[] = [];
  const heard = new Array<number>(BOARDS).fill(0);
  const clients = await Promise.all(
    Array.from(
      { length: BOARDS },
      (_, i) =>
        new Promise<Socket>((resolve) => {
          const c = connectIo(url, { transports: ['websocket'] });
          c.on('call', (m: { t0: number }) => {
            heard[i]! += 1;
            lat.push(now() - m.t0);
          });
          c.on('connect', () => resolve(c));
        }),
    ),
  );
  for (let i = 0; i < TICKETS; i++) {
    io.emit('call', { t0: now(), ticket: { number: `A${i}` }, windowNo: 1, announcement: '请A001号到1号窗口办理' });
    await sleep(GAP_MS);
  }
  for (let i = 0; i < 100 && lat.length < BOARDS * TICKETS; i++) await sleep(20);
  clients.forEach((c) => c.disconnect());
  io.close();
  const checks = new Checks('bench-display, bare socket.io');
  heard.forEach((n, i) => checks.count(`client ${i} broadcasts heard`, n, TICKETS));
  checks.assert();
  return lat;
}

async function bareMqtt() {
  const broker = await Aedes.createBroker();
  const srv = createNetServer(broker.handle);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const url = `mqtt://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  const lat: number[] = [];
  const heard = new Array<number>(WINDOWS + 1).fill(0);
  const subs = [];
  for (let no = 1; no <= WINDOWS; no++) {
    const c = await mqtt.connectAsync(url, { protocolVersion: 4 });
    c.on('message', (_t, p) => {
      heard[no]! += 1;
      lat.push(now() - (JSON.parse(p.toString()) as { t0: number }).t0);
    });
    await c.subscribeAsync(TOPICS.ledDisplay(no));
    subs.push(c);
  }
  const pub = await mqtt.connectAsync(url, { protocolVersion: 4 });
  for (let r = 0; r < ROUNDS; r++) {
    for (let no = 1; no <= WINDOWS; no++) {
      pub.publish(
        TOPICS.ledDisplay(no),
        JSON.stringify({ t0: now(), window: no, state: 'calling', lines: ['请A001号', '到1号窗口'] }),
        { qos: 1, retain: true },
      );
      await sleep(GAP_MS);
    }
  }
  for (let i = 0; i < 100 && lat.length < TICKETS; i++) await sleep(20);
  await Promise.all([...subs, pub].map((c) => c.endAsync()));
  await new Promise<void>((r) => broker.close(() => r()));
  srv.close();
  const checks = new Checks('bench-display, bare MQTT');
  for (let no = 1; no <= WINDOWS; no++) checks.count(`subscriber of window ${no} messages`, heard[no]!, ROUNDS);
  checks.assert();
  return lat;
}

async function main() {
  const write = values.write;
  const hall = await hallLatency();
  const io = await bareSocketIo();
  const mq = await bareMqtt();
  const f = (x: number) => x.toFixed(2);
  const row = (name: string, xs: number[], base?: number[]) =>
    `| ${name} | ${xs.length} | ${f(pct(xs, 50))} | ${f(pct(xs, 99))} | ${base ? `${(pct(xs, 50) / pct(base, 50)).toFixed(1)}×` : '—'} |`;
  const text = [
    `### Run of ${new Date().toISOString().slice(0, 10)} (\`npm run bench:display\`, Node ${process.version})`,
    '',
    `${WINDOWS} windows calling next over HTTP, ${ROUNDS} rounds of all ${WINDOWS} windows calling ${GAP_MS} ms apart, ${BOARDS} boards on socket.io`,
    `and ${WINDOWS} LED clients on the embedded MQTT broker, all on loopback in one process. Call-to-board and call-to-LED`,
    'run from the moment the call-next request is sent (so they include HTTP, the SQLite transaction and routing);',
    'the bare rows run from the moment the message is emitted.',
    '',
    `Samples checked before printing: every one of the ${TICKETS} tickets issued and called, each board heard every call in`,
    `its zone (${hall.boardWant} in all), each LED every call at its window (${TICKETS}); bare: ${BOARDS} × ${TICKETS} broadcasts, ${TICKETS} publishes.`,
    '',
    '| path | samples | p50 (ms) | p99 (ms) | p50 vs bare |',
    '|---|---:|---:|---:|---:|',
    row('call → board (socket.io)', hall.boardLat, io),
    row('bare socket.io broadcast', io),
    row('call → LED (MQTT, retained)', hall.ledLat, mq),
    row('bare MQTT publish (aedes, QoS 1)', mq),
    '',
  ].join('\n');
  console.log(text);
  if (write)
    writeBenchSection('bench-display', text, {
      heading: 'Call displays: call-to-board and call-to-LED latency',
      intro: 'Command: `npm run bench:display -- --write` (script: `scripts/bench-display.ts`).',
    });
}

runMeasured(main);
