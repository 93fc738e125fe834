// npx tsx scripts/simulate/matter-waits.ts SCENARIO [--reps 50] [--seed 2] [--routing JSON]
// Where the waiting is (issue 24): per matter, under ours, skill-fifo and static-weight on the same days,
// the visitors a day, mean wait, share beyond target, the mean of the matter's longest wait of each day,
// priority visitors' mean wait and the matter's share of all minutes waited; and which matter (P: a priority
// visitor) held the day's longest wait, and in which hour that visitor arrived.
import { parseArgs } from 'node:util';
import { routingSchema } from '../../server/config/schema';
import { simulateDay } from './engine';
import { scenarioFacts } from './facts';
import { policyByName, type PolicyName } from './policies';
import { loadScenario } from './scenario';
import { visitorsOf } from './visitors';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    reps: { type: 'string', default: '50' },
    seed: { type: 'string', default: '2' },
    routing: { type: 'string', default: '{}' },
  },
});
const s = loadScenario(positionals[0]?.includes('/') ? positionals[0] : `scenarios/${positionals[0]}.json`);
const reps = Number(values.reps);
const routing = routingSchema.parse(JSON.parse(values.routing));
const target = new Map(s.services.map((x) => [x.id, x.targetWaitMin]));
const count = (m: Map<string | number, number>, k: string | number) => m.set(k, (m.get(k) ?? 0) + 1);

for (const name of ['ours', 'skill-fifo', 'static-weight'] as PolicyName[]) {
  const policy = policyByName(name, routing, name === 'ours' ? scenarioFacts(s, s.windows, routing) : undefined);
  const per = new Map<string, { n: number; sum: number; late: number; pn: number; psum: number; maxSum: number }>();
  const heldBy = new Map<string | number, number>();
  const hour = new Map<string | number, number>();
  let longest = 0;
  for (let r = 0; r < reps; r++) {
    const day = simulateDay(s, visitorsOf(s, Number(values.seed), r), policy);
    const dayMax = new Map<string, number>();
    let top = day.served[0]!;
    for (const v of day.served) {
      const p = per.get(v.service) ?? { n: 0, sum: 0, late: 0, pn: 0, psum: 0, maxSum: 0 };
      p.n++;
      p.sum += v.wait;
      if (v.wait > target.get(v.service)!) p.late++;
      if (v.priority) {
        p.pn++;
        p.psum += v.wait;
      }
      per.set(v.service, p);
      dayMax.set(v.service, Math.max(dayMax.get(v.service) ?? 0, v.wait));
      if (v.wait > top.wait) top = v;
    }
    for (const [k, x] of dayMax) per.get(k)!.maxSum += x;
    longest += top.wait;
    count(heldBy, `${top.service}${top.priority ? ' (P)' : ''}`);
    count(hour, Math.floor(top.arrival / 60));
  }
  const all = [...per.values()].reduce((a, p) => ({ n: a.n + p.n, sum: a.sum + p.sum, late: a.late + p.late }), {
    n: 0,
    sum: 0,
    late: 0,
  });
  console.log(
    `${name}: mean ${(all.sum / all.n).toFixed(2)}, beyond ${((100 * all.late) / all.n).toFixed(1)}%, longest ${(longest / reps).toFixed(1)} (${reps} days)`,
  );
  console.log(`  the day's longest wait held by: ${[...heldBy].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(
    `  ... arrived at: ${[...hour]
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map(([k, n]) => `${k}h ${n}`)
      .join(', ')}`,
  );
  for (const [k, p] of per)
    console.log(
      `  ${k.padEnd(11)} ${(p.n / reps).toFixed(0).padStart(4)} a day, mean ${(p.sum / p.n).toFixed(2).padStart(6)}, beyond ${((100 * p.late) / p.n).toFixed(1).padStart(5)}%, longest ${(p.maxSum / reps).toFixed(1).padStart(5)}, priority ${(p.psum / Math.max(1, p.pn)).toFixed(2)}, ${((100 * p.sum) / all.sum).toFixed(0)}% of the minutes waited`,
    );
}
