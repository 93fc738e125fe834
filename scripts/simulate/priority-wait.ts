// npx tsx scripts/simulate/priority-wait.ts SCENARIO [--reps 30] [--seed 2] [--routing JSON]
// Where legally prioritised visitors wait (issue 24): their mean wait per matter under ours and the peers,
// and under ours every call that passed over a waiting priority visitor the window could have called:
// a priority visitor of another matter (which matter the window took instead, at which skill level), or
// of the called matter itself (an ordinary ticket kept its turn).
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
    reps: { type: 'string', default: '30' },
    seed: { type: 'string', default: '2' },
    routing: { type: 'string', default: '{}' },
  },
});
const s = loadScenario(positionals[0]?.includes('/') ? positionals[0] : `scenarios/${positionals[0]}.json`);
const reps = Number(values.reps);
const routing = routingSchema.parse(JSON.parse(values.routing));
const level = (skills: Record<string, number>, id: string) => `L${skills[id] ?? '-'}`;

for (const name of ['ours', 'static-weight', 'skill-fifo'] as PolicyName[]) {
  const policy = policyByName(name, routing, name === 'ours' ? scenarioFacts(s, s.windows, routing) : undefined);
  const waits = new Map<string, { n: number; sum: number }>();
  const passed = new Map<string, number>();
  for (let r = 0; r < reps; r++) {
    const day = simulateDay(s, visitorsOf(s, Number(values.seed), r), (ctx) => {
      const c = policy(ctx);
      if (c && name === 'ours')
        for (const h of ctx.heads) {
          if (!h.priority || h === c || ctx.window.skills[h.serviceId] === undefined) continue;
          const k =
            h.serviceId === c.serviceId
              ? `${h.serviceId}: an ordinary ticket first (${ctx.window.kind})`
              : `${h.serviceId} (${level(ctx.window.skills, h.serviceId)}) passed: ${ctx.window.kind} took ${c.serviceId} (${level(ctx.window.skills, c.serviceId)})`;
          passed.set(k, (passed.get(k) ?? 0) + 1);
        }
      return c;
    });
    for (const v of day.served.filter((x) => x.priority)) {
      const w = waits.get(v.service) ?? { n: 0, sum: 0 };
      w.n++;
      w.sum += v.wait;
      waits.set(v.service, w);
    }
  }
  const all = [...waits.values()].reduce((a, w) => ({ n: a.n + w.n, sum: a.sum + w.sum }), { n: 0, sum: 0 });
  console.log(`${name}: priority visitors ${all.n} over ${reps} days, mean wait ${(all.sum / all.n).toFixed(2)} min`);
  for (const [svc, w] of waits)
    console.log(
      `  ${svc.padEnd(12)} ${(w.n / reps).toFixed(1).padStart(5)} a day, mean ${(w.sum / w.n).toFixed(2)} min`,
    );
  if (passed.size) console.log('  calls that passed over a waiting priority visitor (a day):');
  for (const [k, n] of [...passed].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`    ${(n / reps).toFixed(1).padStart(5)}  ${k}`);
}
