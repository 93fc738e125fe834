// npm run bench:reports -- [--days 365] [--per-day 1000] [--root DIR] [--write]
// Long report ranges against a hall with a year of history (issue 23, finding 3): a real server (child
// process, the demo hall) on a data dir seeded with `--days` days of `--per-day` visits each. While each
// report runs, window 1 keeps calling next; the script records the report's time and status, the longest
// event-loop stall inside the server (a preloaded probe timing a 2 ms timer's turns), the
// call-next round trips during the report, and the server's RSS before and after. `--root` runs another
// checkout's build (e.g. the original code) on the same data. Every request has a time bound.
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { loadConfigFile } from '../server/config/load';
import { hallDay } from '../server/domain/numbering';
import { DEMO_CONFIG, PROJECT_ROOT } from '../server/paths';
import { openDatabase } from '../server/store/db';
import { freePort } from './hall-process';
import { percentileOf } from './demo/summary';
import { seedHistory } from './seed-history';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '365' },
    'per-day': { type: 'string', default: '1000' },
    root: { type: 'string', default: PROJECT_ROOT },
    'timeout-s': { type: 'string', default: '120' },
    write: { type: 'boolean', default: false },
  },
});
const DAYS = Number(values.days);
const PER_DAY = Number(values['per-day']);
const ROOT = path.resolve(values.root);
const TIMEOUT_MS = Number(values['timeout-s']) * 1000;
const DAY_MS = 24 * 3600_000;

// Runs inside the server: the longest event-loop delay since the last reset, asked for over IPC.
// A 2 ms timer notes the longest gap between its turns (minus its period): a block of the loop of any length.
const PROBE = `let last = performance.now(), max = 0;
setInterval(() => { const t = performance.now(); max = Math.max(max, t - last - 2); last = t; }, 2).unref();
process.on('message', (m) => {
  if (!m || typeof m !== 'object' || !('probe' in m)) return;
  if (m.probe === 'reset') max = 0;
  process.send({ probe: true, maxMs: max, rss: process.memoryUsage().rss });
});`;

interface Probe {
  maxMs: number;
  rss: number;
}

async function main(): Promise<void> {
  const [port, mport] = [await freePort(), await freePort()];
  const dir = mkdtempSync(path.join(tmpdir(), 'hall-bench-reports-'));
  const url = `http://127.0.0.1:${port}`;
  const demo = parse(readFileSync(DEMO_CONFIG, 'utf8')) as { hall: Record<string, unknown> };
  demo.hall = { ...demo.hall, open: '00:00', close: '23:59', autoClose: false };
  writeFileSync(path.join(dir, 'hall.yaml'), stringify(demo));
  writeFileSync(path.join(dir, 'probe.cjs'), PROBE);
  const config = loadConfigFile(path.join(dir, 'hall.yaml'));
  const today = hallDay(Date.now(), config.hall.timezone);
  const t0 = performance.now();
  const db = openDatabase(dir);
  const visits = seedHistory(db, { days: DAYS, perDay: PER_DAY, services: config.services, today });
  db.close();
  console.log(`seeded ${visits} visits over ${DAYS} days in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const child = fork(
    path.join(ROOT, 'dist/server/main.js'),
    ['--config', path.join(dir, 'hall.yaml'), '--data', dir, '--port', String(port), '--mqtt-port', String(mport)],
    { execArgv: ['--require', path.join(dir, 'probe.cjs')], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
  );
  const probe = (what: 'reset' | 'read') =>
    new Promise<Probe>((resolve) => {
      const on = (m: unknown) => {
        if (m && typeof m === 'object' && 'probe' in m) {
          child.off('message', on);
          resolve(m as unknown as Probe);
        }
      };
      child.on('message', on);
      child.send({ probe: what });
    });
  const call = async (method: string, p: string, token?: string, body?: unknown, timeout = TIMEOUT_MS) => {
    const res = await fetch(url + p, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeout),
    });
    return { status: res.status, bytes: (await res.arrayBuffer()).byteLength, json: res };
  };
  const login = async (clerkId: string, windowNo?: number) => {
    const res = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clerkId, password: 'demo1234', windowNo }),
    });
    return ((await res.json()) as { token: string }).token;
  };
  const lines: string[] = [];
  try {
    for (let end = Date.now() + 30_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
      if (
        await fetch(`${url}/api/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
    }
    const sup = await login(config.clerks.find((c) => c.role === 'supervisor')!.id);
    const clerk = await login(config.clerks.find((c) => c.role === 'clerk')!.id, 1);
    const kiosk = config.devices.find((d) => d.kind === 'kiosk')!;
    const kioskToken = 'token' in kiosk ? kiosk.token : '';
    for (let i = 0; i < 150; i++) await call('POST', '/api/tickets', kioskToken, { serviceId: 'general' });
    const fromDay = (n: number) => hallDay(Date.now() - n * DAY_MS, config.hall.timezone);
    const cases = [
      { name: '100 days by service', q: `/api/reports?from=${fromDay(100)}&to=${today}&by=service` },
      { name: 'a year by day', q: `/api/reports?from=${fromDay(365)}&to=${today}&by=day` },
      { name: '100 years by day', q: `/api/reports?from=2000-01-01&to=2100-01-01&by=day` },
      {
        name: 'a year, XLSX export (every grouping)',
        q: `/api/reports/export?from=${fromDay(365)}&to=${today}&format=xlsx`,
      },
    ];
    // Call-next alone first: the yardstick for the round trips during the reports.
    const alone: number[] = [];
    await probe('reset');
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await call('POST', '/api/windows/1/call-next', clerk, {});
      alone.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
    const idleStall = (await probe('read')).maxMs;
    const rssStart = (await probe('read')).rss;
    lines.push(
      `${visits} visits over ${DAYS} days (${PER_DAY}/day), Node ${process.version}, server ${path.relative(PROJECT_ROOT, ROOT) || '.'}`,
      `call-next without a report: n ${alone.length}, p50 ${percentileOf(alone, 0.5).toFixed(1)} ms, max ${percentileOf(alone, 1).toFixed(1)} ms; longest stall ${idleStall.toFixed(1)} ms`,
    );
    console.log(lines.join('\n'));
    for (const c of cases) {
      await probe('reset');
      const started = performance.now();
      let done = false;
      const report = call('GET', c.q, sup).then(
        (r) => ({ ...r, ms: performance.now() - started }),
        (e: Error) => ({ status: 0, bytes: 0, ms: performance.now() - started, error: e.name }),
      );
      void report.finally(() => (done = true));
      const lat: number[] = [];
      let failed = 0;
      while (!done) {
        const t = performance.now();
        // A keep-alive connection the server dropped after a long stall resets: counted, timed, retried.
        const ok = await call('POST', '/api/windows/1/call-next', clerk, {}, TIMEOUT_MS).then(
          (r) => r.status === 200,
          () => false,
        );
        if (!ok) failed++;
        lat.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 20));
      }
      const r = await report;
      if (r.status === 0) {
        // Still computing after the time bound: the server is blocked; the run ends here (bounded in time).
        lines.push(`${c.name}: no answer within ${TIMEOUT_MS / 1000} s (the server was still blocked); run stopped`);
        console.log(lines.at(-1));
        break;
      }
      const p = await probe('read');
      const ms = (xs: number[], q: number) => (xs.length ? percentileOf(xs, q).toFixed(1) : '–');
      lines.push(
        `${c.name}: HTTP ${r.status} in ${(r.ms / 1000).toFixed(2)} s (${r.bytes} bytes); longest event-loop stall ${p.maxMs.toFixed(1)} ms; ` +
          `call-next during it n ${lat.length}${failed ? ` (${failed} failed)` : ''}, p50 ${ms(lat, 0.5)} ms, max ${ms(lat, 1)} ms; RSS ${(p.rss / 2 ** 20).toFixed(0)} MB`,
      );
      console.log(lines.at(-1));
    }
    const rssEnd =
      child.exitCode === null && lines.at(-1)?.endsWith('run stopped') !== true ? (await probe('read')).rss : NaN;
    lines.push(
      `RSS before the reports ${(rssStart / 2 ** 20).toFixed(0)} MB, after ${Number.isNaN(rssEnd) ? '(server blocked)' : `${(rssEnd / 2 ** 20).toFixed(0)} MB`}`,
    );
    console.log(lines.at(-1));
  } finally {
    child.kill('SIGTERM');
  }
  if (values.write) {
    const doc = path.join(PROJECT_ROOT, 'docs/benchmarks.md');
    const head = `## Long report ranges (${path.relative(PROJECT_ROOT, ROOT) ? 'original code' : 'this code'})`;
    const body = `${head}\n\nCommand: \`npm run bench:reports -- --days ${DAYS} --per-day ${PER_DAY}${ROOT !== PROJECT_ROOT ? ` --root ${ROOT}` : ''} --write\`.\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`;
    const text = readFileSync(doc, 'utf8');
    const i = text.indexOf(head);
    const next = i < 0 ? -1 : text.indexOf('\n## ', i + head.length);
    writeFileSync(
      doc,
      i < 0 ? `${text.trimEnd()}\n\n${body}` : text.slice(0, i) + body + (next < 0 ? '' : text.slice(next + 1)),
    );
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
