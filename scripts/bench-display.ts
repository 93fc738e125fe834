// Benchmark: call-to-board and call-to-LED latency with 60 windows calling, 20 boards and 60 LED clients
// connected, next to the bare transports measured in the same run: a bare socket.io broadcast to 20
// clients and a bare MQTT publish to 60 subscribers on the same kind of broker (aedes).
//
//   npm run bench:display            (--write records the figures in docs/benchmarks.md)
import { Aedes } from 'aedes';
import mqtt from 'mqtt';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Server } from 'socket.io';
import { io as connectIo, type Socket } from 'socket.io-client';
import { startHallServer } from '../server/app';
import { hashPassword } from '../server/auth/passwords';
import { hallConfigSchema } from '../server/config/schema';
import { PROJECT_ROOT } from '../server/paths';

const WINDOWS = 60;
const BOARDS = 20;
const ROUNDS = 10;
/** Windows call one after another this far apart: a busy hall's burst (60 calls in about a second). */
const GAP_MS = 15;
const PASSWORD = 'bench-pass';
const BASE = 'hall/bench';

const now = () => performance.now();
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const zoneOf = (no: number) => 'ABCD'[(no - 1) % 4]!;

function config() {
  const hash = hashPassword(PASSWORD);
  return hallConfigSchema.parse({
    hall: { id: 'bench', name: '基准大厅', regionCode: '370900', autoClose: false },
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
  for (let i = 0; i < 200 && !s.mqtt.status().connected; i++) await sleep(10);
  const post = async (p: string, body: unknown, token?: string) => {
    const r = await fetch(s.url + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await r.json()) as any;
  };
  const tokens: string[] = [];
  for (let no = 1; no <= WINDOWS; no++)
    tokens[no] = (await post('/api/auth/login', { clerkId: `c${no}`, password: PASSWORD, windowNo: no })).token;
  for (let i = 0; i < WINDOWS * ROUNDS; i++)
    await post('/api/tickets', { serviceId: 'general' }, 'bench-kiosk-token-00001');

  const sentAt: number[] = []; // window → when its current call-next was sent
  const boardLat: number[] = [];
  const ledLat: number[] = [];
  const boards: Socket[] = [];
  for (const d of cfg.devices.filter((x) => x.kind === 'board')) {
    const sock = connectIo(`${s.url}/board`, {
      auth: { token: (d as { token: string }).token },
      transports: ['websocket'],
    });
    sock.on('call', (c: { windowNo: number }) => boardLat.push(now() - sentAt[c.windowNo]!));
    boards.push(sock);
  }
  const leds: mqtt.MqttClient[] = [];
  for (let no = 1; no <= WINDOWS; no++) {
    const d = cfg.devices.find((x) => x.kind === 'led' && x.window === no) as { id: string; token: string };
    const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${s.mqtt.brokerPort}`, {
      protocolVersion: 4,
      username: d.id,
      password: d.token,
    });
    c.on('message', (_t, p) => {
      const m = JSON.parse(p.toString()) as { state: string; window: number };
      if (m.state === 'calling' && sentAt[m.window] !== undefined) ledLat.push(now() - sentAt[m.window]!);
    });
    await c.subscribeAsync(`${BASE}/led/${no}/display`);
    leds.push(c);
  }
  await sleep(500);
  for (let r = 0; r < ROUNDS; r++) {
    const before = ledLat.length;
    const calls: Promise<unknown>[] = [];
    for (let no = 1; no <= WINDOWS; no++) {
      sentAt[no] = now();
      calls.push(post(`/api/windows/${no}/call-next`, {}, tokens[no]));
      await sleep(GAP_MS);
    }
    await Promise.all(calls);
    for (let i = 0; i < 200 && ledLat.length < before + WINDOWS; i++) await sleep(10);
  }
  await sleep(300);
  boards.forEach((b) => b.disconnect());
  await Promise.all(leds.map((l) => l.endAsync()));
  await s.stop();
  return { boardLat, ledLat };
}

async function bareSocketIo() {
  const http = createServer();
  const io = new Server(http);
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const lat: number[] = [];
  const clients = await Promise.all(
    Array.from(
      { length: BOARDS },
      () =>
        new Promise<Socket>((resolve) => {
          const c = connectIo(url, { transports: ['websocket'] });
          c.on('call', (m: { t0: number }) => lat.push(now() - m.t0));
          c.on('connect', () => resolve(c));
        }),
    ),
  );
  for (let i = 0; i < WINDOWS * ROUNDS; i++) {
    io.emit('call', { t0: now(), ticket: { number: `A${i}` }, windowNo: 1, announcement: '请A001号到1号窗口办理' });
    await sleep(GAP_MS);
  }
  await sleep(300);
  clients.forEach((c) => c.disconnect());
  io.close();
  return lat;
}

async function bareMqtt() {
  const broker = await Aedes.createBroker();
  const srv = createNetServer(broker.handle);
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const url = `mqtt://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  const lat: number[] = [];
  const subs = [];
  for (let no = 1; no <= WINDOWS; no++) {
    const c = await mqtt.connectAsync(url, { protocolVersion: 4 });
    c.on('message', (_t, p) => lat.push(now() - (JSON.parse(p.toString()) as { t0: number }).t0));
    await c.subscribeAsync(`${BASE}/led/${no}/display`);
    subs.push(c);
  }
  const pub = await mqtt.connectAsync(url, { protocolVersion: 4 });
  for (let r = 0; r < ROUNDS; r++) {
    for (let no = 1; no <= WINDOWS; no++) {
      pub.publish(
        `${BASE}/led/${no}/display`,
        JSON.stringify({ t0: now(), window: no, state: 'calling', lines: ['请A001号', '到1号窗口'] }),
        { qos: 1, retain: true },
      );
      await sleep(GAP_MS);
    }
  }
  await sleep(300);
  await Promise.all([...subs, pub].map((c) => c.endAsync()));
  await new Promise<void>((r) => broker.close(() => r()));
  srv.close();
  return lat;
}

async function main() {
  const write = process.argv.includes('--write');
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
    '| path | samples | p50 (ms) | p99 (ms) | p50 vs bare |',
    '|---|---:|---:|---:|---:|',
    row('call → board (socket.io)', hall.boardLat, io),
    row('bare socket.io broadcast', io),
    row('call → LED (MQTT, retained)', hall.ledLat, mq),
    row('bare MQTT publish (aedes, QoS 1)', mq),
    '',
  ].join('\n');
  console.log(text);
  if (write) {
    const file = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');
    const old = readFileSync(file, 'utf8');
    const marker = '<!-- bench-display -->';
    const end = '<!-- /bench-display -->';
    const next = old.includes(marker)
      ? old.replace(new RegExp(`${marker}[\\s\\S]*${end}`), `${marker}\n${text}\n${end}`)
      : `${old}\n## Call displays: call-to-board and call-to-LED latency\n\nCommand: \`npm run bench:display -- --write\` (script: \`scripts/bench-display.ts\`).\n\n${marker}\n${text}\n${end}\n`;
    writeFileSync(file, next);
    console.log(`updated ${file}`);
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
