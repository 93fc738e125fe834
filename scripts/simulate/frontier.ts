// npx tsx scripts/simulate/frontier.ts [--set NAME,…] [--reps 1000] [--seed 1] [--load 1] [--routing JSON]
// Issue 24, item 4 (in a hall with a bottleneck matter, better than every peer on all four figures): where is
// the trade between skill-fifo's short longest wait and static-weight's small share beyond target? Three
// bases — ours (the server's rule, with --routing), static-weight, least slack first — each with a flex tail
// from R minutes of projected wait (tail-policies.ts; R = ∞: the base alone), on the same days as the peers.
// Per scenario and row: ours − skill-fifo on the longest wait, ours − static-weight on the share beyond target
// (the two figures item 4 pits against each other), the other figures against static-weight, priority
// visitors' mean wait, and whether the row is better than every peer on all four (item 4).
import { parseArgs } from 'node:util';
import { routingSchema } from '../../server/config/schema';
import { exitOnShortfall } from '../bench-check';
import { leadsOnAll, pairedDifference, type Paired } from './compare';
import { servicesOf, windowsOf } from './engine';
import { scenarioFacts } from './facts';
import { PEERS } from './must-show';
import { policyByName, type Policy } from './policies';
import { loadScenario, scaleLoad, scenarioFamily } from './scenario';
import { runPolicy, runWith, type PolicyResult } from './stats';
import { leastSlack, skipDelays, withFlexTail } from './tail-policies';

const BASES = ['ours', 'static-weight', 'least-slack'] as const;

const { values } = parseArgs({
  options: {
    /** Default: the family's days with a bottleneck matter (item 4's halls), as simulate:family finds them. */
    set: { type: 'string' },
    reps: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    load: { type: 'string', default: '1' },
    routing: { type: 'string', default: '{}' },
    /** R values in minutes; "inf": the base alone. */
    tails: { type: 'string', default: 'inf,40,30,20,15,10,0' },
    bases: { type: 'string', default: BASES.join(',') },
  },
});
const routing = routingSchema.parse(JSON.parse(values.routing));
const load = Number(values.load);
const hasBottleneck = (name: string) =>
  scenarioFacts(scaleLoad(loadScenario(`scenarios/${name}.json`), load), undefined, { ...routing, bottlenecks: 'auto' })
    .bottlenecks.size > 0;
const set =
  values.set ??
  scenarioFamily()
    .map((f) => f.name)
    .filter(hasBottleneck)
    .join(',');
const TAILS = values.tails.split(',').map((x) => (x === 'inf' ? Infinity : Number(x)));
const chosen = values.bases.split(',');
if (TAILS.some((x) => Number.isNaN(x)) || chosen.some((b) => !(BASES as readonly string[]).includes(b))) {
  console.error(`--tails: minutes or inf, comma-separated; --bases: some of ${BASES.join(', ')}`);
  process.exit(2);
}
const reps = Number(values.reps);
const seed = Number(values.seed);

const sign = (x: number, d = 2) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(d)}`;
const cell = (p: Paired, f: 'mean' | 'p90' | 'max' | 'beyondTarget') => {
  const k = f === 'beyondTarget' ? 100 : 1;
  const t = `${sign(p[f].diff * k)} ±${(p[f].ci95 * k).toFixed(2)}`;
  return p[f].verdict === 'worse' ? `**${t}**` : p[f].verdict === 'tie' ? `${t} ~` : t;
};

interface Point {
  scenario: string;
  row: string;
  longest: Paired['max'];
  beyond: Paired['beyondTarget'];
  prio: number;
  item4: boolean;
}
const points: Point[] = [];
/** Flex-fifo against the oldest-first rule it refines, on all four figures: one table row per day. */
const flexRows: string[] = [];
const swPrio = new Map<string, number>();

console.log(
  `Command: \`npx tsx scripts/simulate/frontier.ts --set ${set} --reps ${reps} --seed ${seed} --load ${load} --tails ${values.tails} --bases ${values.bases}${values.routing !== '{}' ? ` --routing '${values.routing}'` : ''}\``,
);
exitOnShortfall(() => {
  for (const name of set.split(',')) {
    const s = scaleLoad(loadScenario(`scenarios/${name}.json`), load);
    const windows = windowsOf(s.windows);
    const services = servicesOf(s);
    const skip = skipDelays(
      windows,
      s.services.map((x) => ({ id: x.id, share: x.share, meanServiceMin: x.serviceMin.mean })),
    );
    const targets = new Map([...services.values()].map((x) => [x.id, x.targetWaitMin]));
    const peers: Record<string, PolicyResult> = {};
    for (const p of PEERS) peers[p] = runPolicy(s, p, { reps, seed, routing });
    const all: Record<(typeof BASES)[number], [string, Policy]> = {
      ours: ['ours', policyByName('ours', routing, scenarioFacts(s, s.windows, routing))],
      'static-weight': ['static-weight', policyByName('static-weight')],
      'least-slack': ['least slack', leastSlack(targets, skip)],
    };
    const bases = chosen.map((b) => all[b as (typeof BASES)[number]]);
    // R = 0 is flex-fifo whatever the base: run once.
    let flexFifo: PolicyResult | null = null;
    swPrio.set(name, peers['static-weight']!.priority.mean);
    console.log(
      `\n${name} (${reps} paired days, seed ${seed}, load ${load}; prio = priority visitors' mean wait: skill-fifo ${peers['skill-fifo']!.priority.mean.toFixed(2)}, static-weight ${peers['static-weight']!.priority.mean.toFixed(2)}):\n`,
    );
    console.log(
      '| base | tail from R | longest − skill-fifo | beyond − static-weight | mean − sw | p90 − sw | prio | item 4 |',
    );
    console.log('|---|--:|--:|--:|--:|--:|--:|:-:|');
    for (const [base, policy] of bases)
      for (const R of TAILS) {
        const r =
          base === 'static-weight' && R === Infinity
            ? peers['static-weight']!
            : R === 0
              ? (flexFifo ??= runWith(s, withFlexTail(policy, skip, 0), 'flex-fifo', { reps, seed }))
              : runWith(s, R === Infinity ? policy : withFlexTail(policy, skip, R), `${base} tail ${R}`, {
                  reps,
                  seed,
                });
        const vs = Object.fromEntries(PEERS.map((p) => [p, pairedDifference(r.daily, peers[p]!.daily)!]));
        const sf = vs['skill-fifo']!;
        const sw = vs['static-weight']!;
        const item4 = PEERS.every((p) => leadsOnAll(vs[p]!));
        points.push({
          scenario: name,
          row: R === 0 ? 'flex-fifo (R 0, any base)' : `${base}, R ${R === Infinity ? '∞' : R}`,
          longest: sf.max,
          beyond: sw.beyondTarget,
          prio: r.priority.mean,
          item4,
        });
        console.log(
          `| ${R === TAILS[0] ? base : ''} | ${R === Infinity ? '∞' : R} | ${cell(sf, 'max')} | ${cell(sw, 'beyondTarget')} | ${cell(sw, 'mean')} | ${cell(sw, 'p90')} | ${r.priority.mean.toFixed(2)} | ${item4 ? 'yes' : 'no'} |`,
        );
      }
    if (flexFifo) {
      const d = pairedDifference(flexFifo.daily, peers['skill-fifo']!.daily)!;
      flexRows.push(
        `| ${name} | ${cell(d, 'mean')} | ${cell(d, 'p90')} | ${cell(d, 'max')} | ${cell(d, 'beyondTarget')} | ${flexFifo.priority.mean.toFixed(2)} / ${peers['skill-fifo']!.priority.mean.toFixed(2)} |`,
      );
    }
  }
});

// The frontier in one line per day: of the rows better than skill-fifo on the longest wait, the one nearest
// static-weight's share beyond target; of the rows better than static-weight on it, the one nearest skill-fifo's
// longest wait.
const best = (xs: Point[], by: (p: Point) => number) =>
  xs.reduce<Point | null>((b, p) => (!b || by(p) < by(b) ? p : b), null);
const show = (p: Point | null, f: 'longest' | 'beyond') => {
  if (!p) return 'none';
  const d =
    f === 'beyond'
      ? { diff: p.beyond.diff * 100, ci: p.beyond.ci95 * 100 }
      : { diff: p.longest.diff, ci: p.longest.ci95 };
  return `${sign(d.diff)} ±${d.ci.toFixed(2)} (${p.row}; prio ${p.prio.toFixed(2)})`;
};
console.log(
  '\n| scenario | rows better than skill-fifo on the longest wait: least beyond − static-weight (points) | rows better than static-weight on beyond: least longest − skill-fifo (min) | rows meeting item 4 |',
);
console.log('|---|---|---|---|');
for (const name of new Set(points.map((p) => p.scenario))) {
  // The three R = 0 rows are one rule (flex-fifo): counted once.
  const mine = [...new Map(points.filter((p) => p.scenario === name).map((p) => [p.row, p])).values()];
  const shortLongest = mine.filter((p) => p.longest.verdict === 'better');
  const fewLate = mine.filter((p) => p.beyond.verdict === 'better');
  const pass = mine.filter((p) => p.item4 && p.prio <= swPrio.get(name)! + 0.1 + 1e-9);
  console.log(
    `| ${name} | ${show(
      best(shortLongest, (p) => p.beyond.diff),
      'beyond',
    )} | ${show(
      best(fewLate, (p) => p.longest.diff),
      'longest',
    )} | ${pass.length ? pass.map((p) => p.row).join('; ') : 'none'} (of ${mine.length} rules) |`,
  );
}
if (flexRows.length) {
  console.log('\nFlex-fifo − skill-fifo, paired (mean, p90, longest in minutes; beyond in points):\n');
  console.log('| scenario | mean | p90 | longest | beyond | prio flex-fifo / skill-fifo |');
  console.log('|---|--:|--:|--:|--:|--:|');
  for (const r of flexRows) console.log(r);
}
