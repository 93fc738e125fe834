// Benchmark: call → announcement audio ready. In process, the voice the server runs (default pack,
// template → units → join → cache), cold (a text never said) and warm (cached), next to a bare copy of
// the same bytes; the eSpeak child process for text the pack cannot say (a window's name), first start
// and per text; and through a real server: call-next sent → the board's `call` event → its GET of the
// audio answered, next to call-next → `call` event alone. Also the disk a day's calls take.
//
//   npm run bench:voice            (--write records the figures in docs/benchmarks.md)
import { writeBenchSection } from './bench-docs';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io as connectIo } from 'socket.io-client';
import { startHallServer } from '../server/app';
import { hashPassword } from '../server/auth/passwords';
import { hallConfigSchema } from '../server/config/schema';
import { VoiceAnnouncer } from '../server/voice/announcer';
import { AudioCache } from '../server/voice/cache';
import { EspeakEngine } from '../server/voice/engine';
import { loadPack, packDir } from '../server/voice/pack';

const CALLS = 2000;
const ENGINE_TEXTS = 30;
const SERVER_CALLS = 200;
const PASSWORD = 'bench-pass';
const CACHE_MB = hallConfigSchema.shape.voice.parse({}).cacheMb;

const now = () => performance.now();
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function expectCount(what: string, xs: unknown[], n: number): void {
  if (xs.length !== n) {
    console.error(`FAILED: ${what}: ${xs.length} samples, expected ${n}`);
    process.exit(1);
  }
}

/** A day's calls: 4 services × 500 tickets over 20 windows. */
const dayCall = (i: number) => ({
  ticket: `${'ABCD'[i % 4]}${String(Math.floor(i / 4) + 1).padStart(3, '0')}`,
  windowNo: (i % 20) + 1,
  windowName: `综合窗口${(i % 20) + 1}`,
});

async function inProcess() {
  const pack = loadPack(packDir('default'));
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-voice-'));
  const cache = new AudioCache(dir, 10_000 * 2 ** 20);
  const a = new VoiceAnnouncer(
    pack,
    cache,
    null,
    () => '请{ticket}号到{window}号窗口办理',
    (k) => `/api/voice/${k}.wav`,
  );
  const cold: number[] = [];
  const warm: number[] = [];
  const bare: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t0 = now();
    const ref = a.audioFor(dayCall(i));
    cold.push(now() - t0);
    sizes.push(44 + Math.round((ref.durationMs / 1000) * pack.sampleRate * 2));
  }
  await sleep(500); // the disk writes that followed
  for (let i = 0; i < CALLS; i++) {
    const t0 = now();
    a.audioFor(dayCall(i));
    warm.push(now() - t0);
  }
  const sample = cache.get(readdirSync(dir)[0]!.slice(0, -4))!;
  for (let i = 0; i < CALLS; i++) {
    const t0 = now();
    Buffer.from(sample).subarray(0, 44);
    bare.push(now() - t0);
  }
  const files = readdirSync(dir);
  const disk = files.reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
  expectCount('cold', cold, CALLS);
  expectCount('warm', warm, CALLS);
  expectCount('files on disk', files, CALLS);
  return { cold, warm, bare, disk, files: files.length, avgMs: sizes.length, sample };
}

async function engine() {
  const e = new EspeakEngine('cmn', 30_000);
  const t0 = now();
  await e.speak('综合窗口', 16000);
  const first = now() - t0;
  const each: number[] = [];
  for (let i = 0; i < ENGINE_TEXTS; i++) {
    const t = now();
    await e.speak(`税务专窗${i}`, 16000);
    each.push(now() - t);
  }
  e.stop();
  expectCount('engine texts', each, ENGINE_TEXTS);
  return { first, each };
}

async function throughServer() {
  const hash = hashPassword(PASSWORD);
  const config = hallConfigSchema.parse({
    hall: { id: 'bench', name: '基准大厅', regionCode: '370900', autoClose: false },
    mqtt: { disabled: true, baseTopic: 'hall/bench' },
    rules: { doublePressMs: 0 },
    server: { rateLimits: { ticketsPerMin: 100_000, ticketsBurst: 100_000 } },
    services: [{ id: 'general', name: '综合', prefix: 'A', targetWaitMin: 15, dailyCap: 9999 }],
    windows: [{ no: 1, name: '综合窗口1', kind: 'comprehensive', skills: { general: 1 } }],
    clerks: [{ id: 'c1', name: '一', role: 'clerk', passwordHash: hash }],
    devices: [
      { id: 'kiosk', kind: 'kiosk', token: 'bench-kiosk-token-000001' },
      { id: 'board', kind: 'board', zone: 'A', token: 'bench-board-token-000001' },
    ],
  });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-voice-hall-'));
  const s = await startHallServer({ config, dataDir, port: 0, host: '127.0.0.1', log: () => {} });
  const post = (p: string, body: unknown, token: string) =>
    fetch(s.url + p, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<any>);
  const login = await post('/api/auth/login', { clerkId: 'c1', password: PASSWORD, windowNo: 1 }, '');
  const board = connectIo(`${s.url}/board`, { auth: { token: 'bench-board-token-000001' }, transports: ['websocket'] });
  await new Promise((r) => board.once('state', r));
  const toEvent: number[] = [];
  const toAudio: number[] = [];
  for (let i = 0; i < SERVER_CALLS; i++) {
    await post('/api/tickets', { serviceId: 'general' }, 'bench-kiosk-token-000001');
    const t0 = now();
    const got = new Promise<any>((r) => board.once('call', r));
    void post('/api/windows/1/call-next', {}, login.token);
    const call = await got;
    toEvent.push(now() - t0);
    const res = await fetch(s.url + call.audio.url);
    const bytes = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || bytes.length < 1000) throw new Error(`audio ${res.status}`);
    toAudio.push(now() - t0);
  }
  board.disconnect();
  await s.stop();
  expectCount('server calls', toAudio, SERVER_CALLS);
  return { toEvent, toAudio };
}

async function main() {
  const write = process.argv.includes('--write');
  const ip = await inProcess();
  const en = await engine();
  const sv = await throughServer();
  const f = (x: number) => (x < 1 ? x.toFixed(3) : x.toFixed(1));
  const row = (name: string, xs: number[], base?: number[]) =>
    `| ${name} | ${xs.length} | ${f(pct(xs, 50))} | ${f(pct(xs, 99))} | ${base ? `${(pct(xs, 50) / pct(base, 50)).toFixed(1)}×` : '—'} |`;
  const perCall = ip.disk / ip.files;
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  const text = [
    `### Run of ${new Date().toISOString().slice(0, 10)} (\`npm run bench:voice\`, Node ${process.version})`,
    '',
    `Default pack, default template, ${CALLS} distinct calls (4 services × 500 tickets over 20 windows) then the same ${CALLS} again;`,
    `the eSpeak NG child process for ${ENGINE_TEXTS} texts the pack cannot say; ${SERVER_CALLS} calls through a real server on loopback.`,
    '',
    '| path | samples | p50 (ms) | p99 (ms) | p50 ratio |',
    '|---|---:|---:|---:|---:|',
    row('call → audio ready, cold (units, join, WAV, cache)', ip.cold, ip.bare),
    row('call → audio ready, warm (cached)', ip.warm, ip.bare),
    row('bare copy of one announcement’s bytes', ip.bare),
    `| eSpeak child, first text (process start + WASM compile) | 1 | ${f(en.first)} | — | — |`,
    row('eSpeak child, each further text', en.each),
    row('server: call-next sent → board `call` event', sv.toEvent),
    row('server: call-next sent → board has the audio (event + GET)', sv.toAudio, sv.toEvent),
    '',
    `Disk: ${ip.files} announcements take ${mb(ip.disk)} MB (${Math.round(perCall / 1024)} KB each, 16 kHz 16-bit mono, about ${(perCall / 32000).toFixed(1)} s);`,
    `the default bound \`voice.cacheMb: ${CACHE_MB}\` holds about ${Math.floor((CACHE_MB * 2 ** 20) / perCall)} announcements, a day of a large hall's distinct calls;`,
    'past it the least recently used files go first. Memory: the pack (about 0.5 MB) plus the last 64 announcements (about 7 MB).',
    '',
  ].join('\n');
  console.log(text);
  if (write)
    writeBenchSection('bench-voice', text, {
      heading: 'Voice: call to announcement audio ready',
      intro:
        'Command: `npm run bench:voice -- --write` (script: `scripts/bench-voice.ts`). Counts are checked: a run with fewer samples than asked fails.',
    });
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
