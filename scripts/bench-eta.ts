// Benchmark: what the wait prediction (issue 25) adds to issuing a ticket, in process, on the demo hall with
// every window staffed, a third of them busy with a visitor, and 30, 100 and 300 tickets waiting. For each
// queue size, N issues: the whole issue (transaction, events, prediction) and the prediction alone, timed
// inside the core (server/core/wait.ts keeps the time each issue's prediction took), and how many issues
// hit the prediction's time cap and were answered with the matter's ready figure. The whole issue's CPU time
// beside its wall time tells the work from the time the process waited for a core on a shared machine.
//
//   npx tsx scripts/bench-eta.ts [--queues 30,100,300] [--issues 300]
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword } from '../server/auth/passwords';
import { loadConfigFile } from '../server/config/load';
import type { HallConfig } from '../server/config/schema';
import { EventBus } from '../server/core/events';
import { HallCore } from '../server/core/hall-core';
import { StaffAccess } from '../server/core/staff';
import { DEMO_CONFIG } from '../server/paths';
import { openDatabase } from '../server/store/db';

const { values } = parseArgs({
  options: { queues: { type: 'string', default: '30,100,300' }, issues: { type: 'string', default: '300' } },
});
const QUEUES = values.queues.split(',').map(Number);
const ISSUES = Number(values.issues);
const PASSWORD = 'bench-pass';

function config(): HallConfig {
  const c = loadConfigFile(DEMO_CONFIG);
  const hash = hashPassword(PASSWORD);
  return {
    ...c,
    hall: { ...c.hall, autoClose: false },
    devices: c.devices.filter((d) => d.kind !== 'printer'),
    mqtt: { disabled: true, baseTopic: 'bench' },
    services: c.services.map((s) => ({ ...s, dailyCap: 9999 })),
    clerks: c.windows.map((w) => ({ id: `b${w.no}`, name: `B${w.no}`, role: 'clerk' as const, passwordHash: hash })),
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
};

async function run(queue: number): Promise<string> {
  const cfg = config();
  let now = Date.parse('2026-11-23T02:00:00Z'); // 10:00 in Shanghai
  const db = openDatabase(mkdtempSync(path.join(tmpdir(), 'bench-eta-')));
  const core = new HallCore(db, cfg, () => now, new EventBus(), Buffer.alloc(32, 1));
  const staff = new StaffAccess(core);
  for (const w of cfg.windows) await staff.login(`b${w.no}`, PASSWORD, w.no);
  const services = [...core.model.services.keys()];
  let k = 0;
  const issue = () =>
    core.run(
      'issueTicket',
      { serviceId: services[k++ % services.length]!, priority: k % 20 === 0 ? 'elderly' : null },
      'bench',
    );
  for (let i = 0; i < queue; i++) issue();
  cfg.windows.filter((_, i) => i % 3 === 0).forEach((w) => core.run('callNext', { window: w.no }, 'bench'));
  const whole: number[] = [];
  const cpu: number[] = [];
  const before = core.query.issuePredictionSamples().wall.length;
  const readyBefore = core.query.issuePredictionTimes().ready;
  for (let i = 0; i < ISSUES; i++) {
    now += 1000;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    issue();
    whole.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    // Keep the queue at its size: a staffed window calls the oldest.
    core.run('callNext', { window: cfg.windows[i % cfg.windows.length]!.no }, 'bench');
  }
  const samples = core.query.issuePredictionSamples();
  const timed = samples.wall.slice(before);
  const timedCpu = samples.cpu.slice(before);
  const ready = core.query.issuePredictionTimes().ready - readyBefore;
  if (timed.length !== ISSUES) throw new Error(`bench-eta: ${timed.length} predictions timed for ${ISSUES} issues`);
  db.close();
  const f = (xs: number[]) =>
    `p50 ${pct(xs, 0.5).toFixed(2)} ms, p99 ${pct(xs, 0.99).toFixed(2)} ms, max ${pct(xs, 1).toFixed(2)} ms`;
  return (
    `${String(queue).padStart(4)} waiting, ${cfg.windows.length} windows: whole issue ${f(whole)} (CPU time ${f(cpu)}); ` +
    `the prediction in it ${f(timed)} (CPU time ${f(timedCpu)}; n ${ISSUES}; ${ready} answered with the matter's ready figure)`
  );
}

void (async () => {
  for (const q of QUEUES) console.log(await run(q));
})();
