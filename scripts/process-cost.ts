// The server's standing costs, in process: CPU while idle, and CPU per scrape of /metrics. Point it at a
// checkout (default: this one) to compare two trees side by side, e.g. the code before a change in a worktree:
//   npx tsx scripts/process-cost.ts [--root DIR] [--idle-s 40] [--scrapes 300]
// The demo hall starts in this process on free ports (no printer), settles 5 s, then is measured.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: path.resolve(__dirname, '..') },
    'idle-s': { type: 'string', default: '40' },
    scrapes: { type: 'string', default: '300' },
  },
});
const root = path.resolve(values.root);
const idleMs = Number(values['idle-s']) * 1000;
const scrapes = Number(values.scrapes);
if (!(idleMs > 0) || !(scrapes > 0)) throw new Error('process-cost: --idle-s and --scrapes must be positive');

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

async function main(): Promise<void> {
  const { startHallServer } = await import(path.join(root, 'server/app.ts'));
  const { loadConfigFile } = await import(path.join(root, 'server/config/load.ts'));
  const { DEMO_CONFIG } = await import(path.join(root, 'server/paths.ts'));
  const c = loadConfigFile(DEMO_CONFIG);
  const config = {
    ...c,
    mqtt: { ...c.mqtt, embedded: { ...c.mqtt.embedded, port: 0 } },
    devices: c.devices.filter((d: { kind: string }) => d.kind !== 'printer'),
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'process-cost-'));
  const s = await startHallServer({ config, dataDir, port: 0, host: '127.0.0.1', log: () => {} });
  await new Promise((r) => setTimeout(r, 5000));
  let u0 = process.cpuUsage();
  let t0 = performance.now();
  await new Promise((r) => setTimeout(r, idleMs));
  const idlePct = (cpuMs(process.cpuUsage(u0)) / (performance.now() - t0)) * 100;
  u0 = process.cpuUsage();
  t0 = performance.now();
  let ok = 0;
  for (let i = 0; i < scrapes; i++) {
    const r = await fetch(`${s.url}/metrics`);
    if (r.status === 200 && (await r.text()).includes('process_cpu_seconds_total')) ok++;
  }
  const perScrape = cpuMs(process.cpuUsage(u0)) / scrapes;
  await s.stop();
  if (ok !== scrapes) throw new Error(`process-cost: only ${ok} of ${scrapes} scrapes answered with metrics`);
  console.log(
    `${root}: idle ${idleMs / 1000} s, CPU ${idlePct.toFixed(2)}% of one core; ` +
      `${scrapes} scrapes of /metrics, ${perScrape.toFixed(1)} ms of CPU each (server and client in this process); ` +
      `${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
