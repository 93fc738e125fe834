// npm run load -- [--speed 10] [--from 60] [--minutes 60] [--boards 20] [--attack] [--write]
// A busy hall day (scenarios/city-hall-day.json, the 10–11 am peak by default) at 10× against a real server
// (a child process: the demo hall on its own data dir and ports) with every device client connected:
// boards for each zone (and extra copies), LED strip and pad and keypad of window 1. Reports call → board and
// call → LED latency (from the moment a window asks to call next), HTTP round trips, and the server's memory
// and CPU from its own /metrics. `--write` records the figures in docs/benchmarks.md.
// `--attack` adds what an insider on the hall LAN could do to the broker (issue 23), 5 s into the run:
// a CONNECT flood without credentials (4 connections declaring 256 MB, streaming up to 64 MB of junk each),
// with the server's RSS before and after, and a device (board-c's token) reconnecting in a loop under the
// server's old client id and under keypad-1's, while keypad-1 works window 1.
// Before printing, every count is checked (every visitor issued, called and finished or skipped, each
// board client hearing every call in its zone, the LED every call at window 1, the pads rating their
// visits, no request refused): a shortfall is named and exits 1.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import mqtt from 'mqtt';
import { io as connect } from 'socket.io-client';
import { loadConfigFile } from '../server/config/load';
import { DEMO_CONFIG, PROJECT_ROOT } from '../server/paths';
import { hallTopics } from '../server/protocol/mqtt';
import { freePort, startHallProcess } from './hall-process';
import { loadScenario } from './simulate/scenario';
import { connectFlood, serverRss } from './mqtt-attacks';
import { DemoDriver } from './demo/driver';
import { percentileOf, summary } from './demo/summary';
import { checkDriven } from './demo/checks';
import { Checks, runMeasured } from './bench-check';

const { values } = parseArgs({
  options: {
    speed: { type: 'string', default: '10' },
    from: { type: 'string', default: '60' },
    minutes: { type: 'string', default: '60' },
    boards: { type: 'string', default: '20' },
    windows: { type: 'string', default: '10' },
    write: { type: 'boolean', default: false },
    attack: { type: 'boolean', default: false },
  },
});
const speed = Number(values.speed);
const fromMin = Number(values.from);
const minutes = Number(values.minutes);
const extraBoards = Number(values.boards);
for (const [k, v] of Object.entries({ speed, fromMin, minutes, extraBoards, windows: Number(values.windows) }))
  if (!Number.isFinite(v) || v < 0) throw new Error(`load: bad --${k}: ${v}`);

async function main(): Promise<void> {
  const [port, mport] = [await freePort(), await freePort()];
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-load-'));
  const url = `http://127.0.0.1:${port}`;
  // The demo hall, open all day so the load runs at any hour; limits as shipped.
  const demo = parse(readFileSync(DEMO_CONFIG, 'utf8')) as { hall: Record<string, unknown> };
  demo.hall = { ...demo.hall, open: '00:00', close: '23:59', autoClose: false };
  writeFileSync(path.join(dir, 'hall.yaml'), stringify(demo));
  const config = loadConfigFile(path.join(dir, 'hall.yaml'));
  const child = await startHallProcess({
    config: path.join(dir, 'hall.yaml'),
    data: dir,
    port,
    extraArgs: ['--port', String(port), '--mqtt-port', String(mport)],
    env: { ...process.env, NODE_ENV: 'production' },
  });
  try {
    // Device clients: every zone's board (plus extra copies) and window 1's LED strip.
    const sentAt = new Map<string, number>();
    const callsInZone = new Map<string, number>();
    let callsAtWindow1 = 0;
    // First receipt per number; matched with the send time afterwards (a board can hear of a call before
    // the window's HTTP answer is read).
    const boardAt = new Map<string, number>();
    const ledAt = new Map<string, number>();
    const boards = config.devices.filter((d) => d.kind === 'board');
    const clients = Array.from({ length: Math.max(boards.length, extraBoards) }, (_, i) => {
      const b = boards[i % boards.length]!;
      const s = connect(`${url}/board`, { auth: { token: 'token' in b ? b.token : '' }, transports: ['websocket'] });
      const client = { id: `${b.id}#${i}`, zone: 'zone' in b ? b.zone : '', socket: s, calls: 0 };
      s.on('call', (c: { ticket: { number: string }; recall: boolean }) => {
        if (c.recall) return;
        client.calls++;
        if (i < boards.length && !boardAt.has(c.ticket.number)) boardAt.set(c.ticket.number, performance.now());
      });
      return client;
    });
    const sockets = clients.map((c) => c.socket);
    const led1 = config.devices.find((d) => d.kind === 'led' && d.window === 1);
    const led = mqtt.connect(`mqtt://127.0.0.1:${mport}`, {
      protocolVersion: 4,
      clientId: led1?.id,
      username: led1?.id,
      password: led1 && 'token' in led1 ? led1.token : '',
    });
    // The server's retained state as a device sees it: an attack that knocks the server off shows here.
    let serverOffline = 0;
    let ledDrops = 0;
    const topics = hallTopics(config.mqtt.baseTopic);
    led.on('connect', () => led.subscribe([topics.ledDisplay(1), topics.serverState]));
    led.on('close', () => ledDrops++);
    led.on('message', (topic, raw) => {
      if (topic === topics.serverState) {
        if ((JSON.parse(raw.toString()) as { state: string }).state === 'offline') serverOffline++;
        return;
      }
      const p = JSON.parse(raw.toString()) as { state: string; ticket: string | null };
      if (p.state === 'calling' && p.ticket && !ledAt.has(p.ticket)) ledAt.set(p.ticket, performance.now());
    });
    // Server memory and CPU from its own metrics.
    const samples: { rss: number; cpu: number; at: number }[] = [];
    const sample = async () => {
      const text = await fetch(`${url}/metrics`).then(
        (r) => r.text(),
        () => '',
      );
      const rss = Number(/^process_resident_memory_bytes (\S+)$/m.exec(text)?.[1]);
      const cpu = Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1]);
      if (rss) samples.push({ rss, cpu, at: performance.now() });
    };
    await sample();
    const sampler = setInterval(() => void sample(), 2000);
    const driver = new DemoDriver({
      url,
      config,
      scenario: loadScenario(path.join(PROJECT_ROOT, 'scenarios/city-hall-day.json')),
      speed,
      windows: Number(values.windows),
      password: 'demo1234',
      seed: 1,
      mqttUrl: `mqtt://127.0.0.1:${mport}`,
      fromMin,
      untilMin: fromMin + minutes,
      // Recorded on the answer: the number is known then; the send time is when the window asked.
      onCallSent: (no, t, number) => {
        if (!number) return;
        sentAt.set(number, t);
        const zone = config.windows.find((w) => w.no === no)?.zone ?? '';
        callsInZone.set(zone, (callsInZone.get(zone) ?? 0) + 1);
        if (no === 1) callsAtWindow1++;
      },
      log: (m) => console.log(m),
    });
    const started = performance.now();
    const attack = values.attack ? attackBroker(url, mport, config) : null;
    const r = await driver.run();
    const wall = (performance.now() - started) / 1000;
    // The last call's board and LED messages land within milliseconds; let them in before counting.
    const heard = () => clients.every((c) => c.calls >= (callsInZone.get(c.zone) ?? 0)) && ledAt.size >= callsAtWindow1;
    for (let i = 0; i < 100 && !heard(); i++) await new Promise((res) => setTimeout(res, 20));
    await driver.stop();
    const attacked = await attack?.stop();
    clearInterval(sampler);
    await sample();
    const latencies = (at: Map<string, number>) =>
      [...sentAt].filter(([n]) => at.has(n)).map(([n, t]) => at.get(n)! - t);
    const boardLat = latencies(boardAt);
    const ledLat = latencies(ledAt);
    const checks = checkDriven(new Checks('load'), r, driver.planned)
      .atLeast('visitors in the hour', driver.planned, 1, 'nothing to measure')
      .count('call → board samples (calls heard by their zone’s board)', boardLat.length, sentAt.size)
      .count('call → LED samples (calls at window 1 shown on its LED)', ledLat.length, callsAtWindow1)
      .atLeast('server /metrics samples', samples.length, 2);
    for (const c of clients)
      checks.count(`board client ${c.id} (zone ${c.zone}) calls heard`, c.calls, callsInZone.get(c.zone) ?? 0);
    for (const s of sockets) s.close();
    const ledDropsSeen = ledDrops; // before our own end below counts as one
    led.end(true);
    checks.assert();
    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const cpuPct = ((last.cpu - first.cpu) / ((last.at - first.at) / 1000)) * 100;
    const peakMb = Math.max(...samples.map((s) => s.rss)) / 2 ** 20;
    const ms = (xs: number[], p: number) => percentileOf(xs, p).toFixed(1);
    const lines = [
      `${r.called} calls in ${wall.toFixed(0)} s (${(r.called / wall).toFixed(1)}/s), ${sockets.length} board clients, LED of window 1`,
      `checked: all ${driver.planned} visitors issued, called and finished or skipped; each board client heard every call in its zone; no request failed`,
      `call → board: n ${boardLat.length}, p50 ${ms(boardLat, 0.5)} ms, p95 ${ms(boardLat, 0.95)} ms, p99 ${ms(boardLat, 0.99)} ms, max ${ms(boardLat, 1)} ms`,
      `call → LED:   n ${ledLat.length}, p50 ${ms(ledLat, 0.5)} ms, p95 ${ms(ledLat, 0.95)} ms, max ${ms(ledLat, 1)} ms`,
      `server: peak RSS ${peakMb.toFixed(0)} MB, CPU ${cpuPct.toFixed(1)}% of one core on average`,
      summary(r),
      ...(attacked
        ? [
            attacked,
            `during the takeover loops: server/state offline ${serverOffline}×, LED of window 1 dropped ${ledDropsSeen}×, keypad presses unanswered ${r.keypadUnanswered}`,
          ]
        : []),
    ];
    // What the wait prediction (issue 25) adds to each POST /api/tickets, timed inside the server.
    const metrics = await fetch(`${url}/metrics`).then((x) => x.text());
    const pq = (q: string) =>
      Number(new RegExp(`^hall_wait_prediction_issue_ms\\{quantile="${q}"\\} (\\S+)$`, 'm').exec(metrics)?.[1]);
    const cq = (q: string) =>
      Number(new RegExp(`^hall_wait_prediction_issue_cpu_ms\\{quantile="${q}"\\} (\\S+)$`, 'm').exec(metrics)?.[1]);
    const answers = (a: string) =>
      Number(new RegExp(`^hall_wait_prediction_issues\\{answer="${a}"\\} (\\S+)$`, 'm').exec(metrics)?.[1]);
    if (Number.isFinite(pq('count')))
      lines.push(
        `wait prediction added to POST /api/tickets: n ${pq('count')}, p50 ${pq('0.5').toFixed(2)} ms, p99 ${pq('0.99').toFixed(2)} ms, max ${pq('1').toFixed(2)} ms; ` +
          `CPU time p50 ${cq('0.5').toFixed(2)} ms, p99 ${cq('0.99').toFixed(2)} ms, max ${cq('1').toFixed(2)} ms; ` +
          `own prediction ${answers('own')}, the matter's ready figure past the cap ${answers('ready')}`,
      );
    console.log(lines.join('\n'));
    if (values.write) {
      const doc = path.join(PROJECT_ROOT, 'docs/benchmarks.md');
      const head = values.attack
        ? '## Load under attack: a busy day at 10× with a CONNECT flood and client-id takeovers'
        : '## Load: a busy day at 10× with every device client connected';
      const body = `${head}\n\nCommand: \`npm run load -- --speed ${speed} --from ${fromMin} --minutes ${minutes} --boards ${extraBoards} --write\` (Node ${process.version}). Call latency is measured from the moment a window asks to call next (HTTP or keypad) to the board's \`call\` event and the LED's retained display; it includes the request itself.\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`;
      const text = readFileSync(doc, 'utf8');
      const i = text.indexOf(head);
      const next = i < 0 ? -1 : text.indexOf('\n## ', i + head.length);
      writeFileSync(
        doc,
        i < 0 ? `${text.trimEnd()}\n\n${body}` : text.slice(0, i) + body + (next < 0 ? '' : text.slice(next + 1)),
      );
    }
  } finally {
    child.kill('SIGTERM');
  }
}

/** Starts the attack 5 s in; `stop()` ends the takeover loops and describes what the flood did. */
function attackBroker(url: string, mport: number, config: ReturnType<typeof loadConfigFile>) {
  const rogue = config.devices.find((d) => d.id === 'board-c');
  const token = rogue && 'token' in rogue ? rogue.token : '';
  const loops: mqtt.MqttClient[] = [];
  const result = (async () => {
    await new Promise((r) => setTimeout(r, 5000));
    for (const clientId of [`hall-server-${config.hall.id}`, 'keypad-1']) {
      const c = mqtt.connect(`mqtt://127.0.0.1:${mport}`, {
        protocolVersion: 4,
        username: 'board-c',
        password: token,
        clientId,
        reconnectPeriod: 200,
      });
      c.on('error', () => {});
      loops.push(c);
    }
    const before = (await serverRss(url)) ?? 0;
    const flood = await connectFlood(mport, { connections: 4, maxBytes: 64 * 2 ** 20, maxMs: 10_000 });
    await new Promise((r) => setTimeout(r, 1000));
    const after = (await serverRss(url)) ?? 0;
    const mb = (b: number) => (b / 2 ** 20).toFixed(0);
    const open = flood.openMs.map((x) => x.toFixed(0)).join('/');
    return (
      `CONNECT flood: 4 connections × up to 64 MB; ${flood.closedByBroker} cut by the broker after ${open} ms, ` +
      `${mb(flood.written.reduce((a, b) => a + b, 0))} MB written in all; ` +
      `server RSS ${mb(before)} MB before → ${mb(after)} MB 1 s after (${after >= before ? '+' : ''}${mb(after - before)} MB)`
    );
  })();
  return {
    async stop(): Promise<string> {
      const text = await result;
      await Promise.all(loops.map((c) => c.endAsync(true)));
      return text;
    },
  };
}

runMeasured(main);
