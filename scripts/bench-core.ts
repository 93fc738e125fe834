// Benchmark: call-next latency with 10, 1,000 and 10,000 waiting tickets across the demo services, and
// ticket issue throughput over HTTP. Each figure is compared in the same run: call-next against a naive
// full-scan pick over the same queue (what call-next would cost if it grew with the queue), and HTTP
// issue against a bare Node HTTP server doing only the JSON round trip.
//
//   npm run bench            (prints a table; --write appends it to docs/benchmarks.md)
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHallServer } from '../server/app';
import { hashPassword } from '../server/auth/passwords';
import { loadConfigFile } from '../server/config/load';
import type { HallConfig } from '../server/config/schema';
import { EventBus } from '../server/core/events';
import { HallCore } from '../server/core/hall-core';
import { StaffAccess } from '../server/core/staff';
import { pickNext, type Candidate } from '../server/domain/routing';
import { DEMO_CONFIG, PROJECT_ROOT } from '../server/paths';
import { openDatabase } from '../server/store/db';

const PASSWORD = 'bench-pass';

function benchConfig(): HallConfig {
  const c = loadConfigFile(DEMO_CONFIG);
  const hash = hashPassword(PASSWORD);
  return {
    ...c,
    hall: { ...c.hall, autoClose: false },
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
function naivePick(core: HallCore, no: number, now: number) {
  const rows = core.db
    .prepare(
      `SELECT id AS ticketId, service_id AS serviceId, wait_from AS waitFrom, issued_at AS issuedAt, seq,
      is_priority AS priority, target_window AS targetWindowNo FROM tickets WHERE day = ? AND status = 'waiting'`,
    )
    .all(core.today()) as Candidate[];
  const w = core.model.window(no, core.windows.get(no))!;
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
  const issue = () =>
    core.issueTicket(
      { serviceId: services[k++ % services.length]!, priority: k % 20 === 0 ? 'elderly' : null },
      'bench',
    );
  for (let i = 0; i < queue; i++) {
    issue();
    now += 250;
  }
  const windows = config.windows.map((w) => w.no);
  const fast: number[] = [];
  const naive: number[] = [];
  for (let i = 0; i < calls; i++) {
    const no = windows[i % windows.length]!;
    now += 5000; // past the double-press guard
    let t0 = process.hrtime.bigint();
    naivePick(core, no, now);
    naive.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    core.windowCommand(no, 'call-next', 'bench');
    fast.push(Number(process.hrtime.bigint() - t0) / 1e6);
    issue(); // keep the queue at its size
  }
  db.close();
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
        if (r.status !== 201) throw new Error(`status ${r.status}: ${await r.text()}`);
        await r.arrayBuffer();
      }
    }),
  );
  return total / (Number(process.hrtime.bigint() - t0) / 1e9);
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
  const bareRate = await postMany(bareUrl, body, {}, total, concurrency);
  const hallRate = await postMany(
    `${s.url}/api/tickets`,
    JSON.stringify({ serviceId: 'tax' }),
    { authorization: `Bearer ${kiosk.token}` },
    total,
    concurrency,
  );
  bare.close();
  await s.stop();
  return { total, concurrency, hallRate, bareRate };
}

async function main() {
  const write = process.argv.includes('--write');
  const rows = [];
  for (const q of [10, 1000, 10000]) rows.push(await callNextAt(q, 500));
  const http = await issueThroughput(3000, 20);
  const f = (x: number) => x.toFixed(3);
  const base = rows[0]!;
  const lines = [
    `### Run of ${new Date().toISOString().slice(0, 10)} (\`npm run bench\`, Node ${process.version}, ${process.platform}/${process.arch})`,
    '',
    'Call-next inside the hall core (one SQLite transaction: finish the current ticket, pick, call, log), 500 calls',
    'round-robin over the 21 demo windows, queue held at its size. "naive pick" scores every waiting ticket, as a',
    'linear baseline measured in the same run.',
    '',
    '| waiting tickets | call-next p50 (ms) | call-next p99 (ms) | p50 vs 10 waiting | naive pick p50 (ms) | naive / call-next |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.queue.toLocaleString('en')} | ${f(r.p50)} | ${f(r.p99)} | ${(r.p50 / base.p50).toFixed(2)}× | ${f(r.naiveP50)} | ${(r.naiveP50 / r.p50).toFixed(1)}× |`,
    ),
    '',
    `Ticket issue over HTTP (kiosk token, ${http.total} tickets, ${http.concurrency} concurrent clients on loopback):`,
    `**${http.hallRate.toFixed(0)} tickets/s**, against ${http.bareRate.toFixed(0)} req/s for a bare Node HTTP server doing only the JSON round trip`,
    `(${((http.hallRate / http.bareRate) * 100).toFixed(0)}% of the bare transport).`,
    '',
  ];
  const text = lines.join('\n');
  console.log(text);
  if (write) {
    const file = path.join(PROJECT_ROOT, 'docs', 'benchmarks.md');
    const old = readFileSync(file, 'utf8');
    const marker = '<!-- bench-core -->';
    const [head, rest = ''] = old.split(marker);
    const after = rest.split('<!-- /bench-core -->')[1] ?? '';
    writeFileSync(file, `${head}${marker}\n${text}\n<!-- /bench-core -->${after}`);
    console.log(`updated ${file}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
