// Benchmark: call-next latency with 10, 1,000 and 10,000 waiting tickets across the demo services, and
// ticket issue throughput over HTTP. Each figure is compared in the same run: call-next against a naive
// full-scan pick over the same queue (what call-next would cost if it grew with the queue), and HTTP
// issue against a bare Node HTTP server doing only the JSON round trip.
//
//   npm run bench [-- --queues 10,1000,10000 --calls 500 --tickets 3000 --concurrency 20] [--write]
//   (prints a table; --write records it in docs/benchmarks.md)
//
// The figures count only if the work was done: every call-next must call a ticket, the queue must stay at
// its size, every ticket POST must be answered 201. A shortfall stops the run naming it (exit 1).
import { writeBenchSection } from './bench-docs';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHallServer } from '../server/app';
import { hashPassword } from '../server/auth/passwords';
import { loadConfigFile } from '../server/config/load';
import type { HallConfig } from '../server/config/schema';
import { EventBus } from '../server/core/events';
import { HallCore } from '../server/core/hall-core';
import { StaffAccess } from '../server/core/staff';
import { pickNext, type Candidate } from '../server/domain/routing';
import { DEMO_CONFIG } from '../server/paths';
import { openDatabase, type Db } from '../server/store/db';
import { Checks, runMeasured, tally } from './bench-check';

const PASSWORD = 'bench-pass';

const { values } = parseArgs({
  options: {
    queues: { type: 'string', default: '10,1000,10000' },
    calls: { type: 'string', default: '500' },
    tickets: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '20' },
    write: { type: 'boolean', default: false },
  },
});
const QUEUES = values.queues.split(',').map(Number);
const CALLS = Number(values.calls);
const TICKETS = Number(values.tickets);
const CONCURRENCY = Number(values.concurrency);
for (const n of [...QUEUES, CALLS, TICKETS, CONCURRENCY])
  if (!Number.isInteger(n) || n < 1) throw new Error(`bench-core: not a count: ${n}`);

function benchConfig(): HallConfig {
  const c = loadConfigFile(DEMO_CONFIG);
  const hash = hashPassword(PASSWORD);
  return {
    ...c,
    hall: { ...c.hall, autoClose: false },
    // The bench's one kiosk issues all its tickets as fast as it can: its rate limit must let them through.
    server: { ...c.server, rateLimits: { ...c.server.rateLimits, ticketsBurst: TICKETS + 200 } },
    // No ticket printer: the figure is the issue path. With the demo's virtual printer each ticket also waits
    // for its print job on loopback (about 100 ms, so about 10 tickets/s), a printer's pace, not the hall's.
    devices: c.devices.filter((d) => d.kind !== 'printer'),
    mqtt: { disabled: true, baseTopic: 'bench' },
    services: c.services.map((s) => ({ ...s, dailyCap: 9999 })),
    clerks: c.windows.map((w) => ({ id: `b${w.no}`, name: `B${w.no}`, role: 'clerk' as const, passwordHash: hash })),
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** The linear baseline: read every waiting ticket and score them all (what a naive "pick" costs). */
function naivePick(core: HallCore, db: Db, no: number, now: number) {
  const rows = db
    .prepare(
      `SELECT id AS ticketId, service_id AS serviceId, wait_from AS waitFrom, issued_at AS issuedAt, seq,
      is_priority AS priority, target_window AS targetWindowNo FROM tickets WHERE day = ? AND status = 'waiting'`,
    )
    .all(core.today()) as Candidate[];
  const w = core.query.windowPlan(no)!;
  return pickNext(
    rows.map((r) => ({ ...r, priority: Boolean(r.priority) })),
    w,
    core.model.services,
    now,
    core.config.routing,
  );
}

async function callNextAt(queue: number, calls: number) {
  const config = benchConfig();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-'));
  const db = openDatabase(dir);
  let now = Date.parse('2026-11-23T01:00:00Z');
  const core = new HallCore(db, config, () => now, new EventBus(), Buffer.alloc(32, 1));
  const staff = new StaffAccess(core);
  for (const w of config.windows) await staff.login(`b${w.no}`, PASSWORD, w.no);
  const services = config.services.map((s) => s.id);
  let k = 0;
  const issue = (serviceId = services[k % services.length]!) => {
    k++;
    return core.run('issueTicket', { serviceId, priority: k % 20 === 0 ? 'elderly' : null }, 'bench');
  };
  const windows = config.windows.map((w) => w.no);
  // One of the window's own services: the ticket issued just before a window calls is one it may take, so
  // every call finds something to call even with 10 waiting (round-robin services alone left 41 of 500
  // calls empty there, and the queue drifted to 51).
  const ownService = (no: number) => {
    const own = Object.entries(config.windows.find((w) => w.no === no)!.skills).filter(([, l]) => l === 1);
    return own[k % own.length]![0];
  };
  for (let i = 0; i < queue; i++) {
    issue(i === queue - 1 ? ownService(windows[0]!) : undefined);
    now += 250;
  }
  const fast: number[] = [];
  const naive: number[] = [];
  let called = 0;
  let picked = 0;
  for (let i = 0; i < calls; i++) {
    const no = windows[i % windows.length]!;
    now += 5000; // past the double-press guard
    let t0 = process.hrtime.bigint();
    if (naivePick(core, db, no, now)) picked++;
    naive.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    const t = core.run('callNext', { window: no }, 'bench');
    fast.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (t?.status === 'called') called++;
    issue(ownService(windows[(i + 1) % windows.length]!)); // keep the queue at its size, with one for the next window
  }
  const waiting = (
    db.prepare(`SELECT count(*) AS n FROM tickets WHERE day = ? AND status = 'waiting'`).get(core.today()) as {
      n: number;
    }
  ).n;
  db.close();
  new Checks(`bench-core, ${queue} waiting`)
    .count('call-nexts that called a ticket', called, calls)
    .count('naive picks that found a ticket', picked, calls)
    .count('tickets still waiting at the end (the queue held at its size)', waiting, queue)
    .assert();
  return { queue, calls, p50: pct(fast, 50), p99: pct(fast, 99), naiveP50: pct(naive, 50), naiveP99: pct(naive, 99) };
}

async function postMany(
  url: string,
  body: string,
  headers: Record<string, string>,
  total: number,
  concurrency: number,
) {
  let sent = 0;
  const statuses: number[] = [];
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < total) {
        sent++;
        const r = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        statuses.push(r.status);
        await r.arrayBuffer();
      }
    }),
  );
  const rate = total / (Number(process.hrtime.bigint() - t0) / 1e9);
  return { rate, created: statuses.filter((x) => x === 201).length, answers: tally(statuses) };
}

async function issueThroughput(total: number, concurrency: number) {
  const config = benchConfig();
  const kiosk = config.devices.find((d) => d.kind === 'kiosk') as { token: string };
  const s = await startHallServer({
    config,
    dataDir: mkdtempSync(path.join(tmpdir(), 'bench-http-')),
    port: 0,
    host: '127.0.0.1',
    log: () => {},
  });
  const bare = createServer((req, res) => {
    let b = '';
    req.on('data', (d) => (b += d));
    req.on('end', () => {
      JSON.parse(b);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ ticket: { number: 'A001' } }));
    });
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
  const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
  const body = JSON.stringify({ serviceId: 'general' });
  await postMany(bareUrl, body, {}, 200, concurrency); // warm-up
  const bareRun = await postMany(bareUrl, body, {}, total, concurrency);
  const hallRun = await postMany(
    `${s.url}/api/tickets`,
    JSON.stringify({ serviceId: 'tax' }),
    { authorization: `Bearer ${kiosk.token}` },
    total,
    concurrency,
  );
  bare.close();
  await s.stop();
  const { ticketsBurst, ticketsPerMin } = config.server.rateLimits;
  new Checks('bench-core, ticket issue over HTTP')
    .count('bare server answers 201', bareRun.created, total, `answers: ${bareRun.answers}`)
    .count(
      'tickets issued (HTTP 201)',
      hallRun.created,
      total,
      `answers: ${hallRun.answers}; the bench hall's rate limit: ticketsBurst ${ticketsBurst}, ticketsPerMin ${ticketsPerMin}`,
    )
    .assert();
  return { total, concurrency, hallRate: hallRun.rate, bareRate: bareRun.rate };
}

async function main() {
  const write = values.write;
  const rows = [];
  for (const q of QUEUES) rows.push(await callNextAt(q, CALLS));
  const http = await issueThroughput(TICKETS, CONCURRENCY);
  const f = (x: number) => x.toFixed(3);
  const base = rows[0]!;
  const lines = [
    `### Run of ${new Date().toISOString().slice(0, 10)} (\`npm run bench\`, Node ${process.version}, ${process.platform}/${process.arch})`,
    '',
    `Call-next inside the hall core (one SQLite transaction: finish the current ticket, pick, call, log), ${CALLS} calls`,
    'round-robin over the 21 demo windows, queue held at its size. "naive pick" scores every waiting ticket, as a',
    `linear baseline measured in the same run. Checked before printing: each row's ${CALLS} call-nexts all called a`,
    `ticket (${CALLS} samples per row), and the queue was still at its size at the end.`,
    '',
    '| waiting tickets | call-next p50 (ms) | call-next p99 (ms) | p50 vs 10 waiting | naive pick p50 (ms) | naive / call-next |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.queue.toLocaleString('en')} | ${f(r.p50)} | ${f(r.p99)} | ${(r.p50 / base.p50).toFixed(2)}× | ${f(r.naiveP50)} | ${(r.naiveP50 / r.p50).toFixed(1)}× |`,
    ),
    '',
    `Ticket issue over HTTP (kiosk token, ${http.total} tickets, all ${http.total} answered 201, ${http.concurrency} concurrent clients on loopback):`,
    `**${http.hallRate.toFixed(0)} tickets/s**, against ${http.bareRate.toFixed(0)} req/s for a bare Node HTTP server doing only the JSON round trip`,
    `(${((http.hallRate / http.bareRate) * 100).toFixed(0)}% of the bare transport).`,
    '',
  ];
  const text = lines.join('\n');
  console.log(text);
  if (write)
    writeBenchSection('bench-core', text, {
      heading: 'Hall core: call-next latency and ticket issue throughput',
      intro: 'Command: `npm run bench -- --write` (script: `scripts/bench-core.ts`).',
    });
}

runMeasured(main);
