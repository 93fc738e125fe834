// npm run simulate:family -- [--set all|tune|check|NAME,…] [--reps 1000] [--seed 1] [--load 1] [--routing JSON]
//   [--json] [--write] [--no-bound] [--no-main] [--against JSON]
// Every scenario of the family (scenarios/README.md) under every policy on the same days, with issue 24's
// "must show" per scenario: paired differences ours − peer, the worst gap to the best peer, priority
// visitors' mean wait, ours ÷ pooled and ÷ the skill-respecting bound (bound.ts). --write puts the tables
// in docs/benchmarks.md (section routing-family-load-L). --against JSON also runs ours with those routing
// settings ('{}': the defaults) on the same days and pairs the candidate against it (row `against`; not a peer).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { routingSchema } from '../../server/config/schema';
import { writeBenchSection } from '../bench-docs';
import { exitOnShortfall } from '../bench-check';
import { skillBoundMean } from './bound';
import { PAIRED_FIGURES } from './compare';
import { scenarioFacts } from './facts';
import { mustShow, PEERS, type MustShow } from './must-show';
import { BEFORE_24, POLICIES } from './policies';
import { loadScenario, scaleLoad, scenarioFamily } from './scenario';
import { runPolicy, type PolicyResult } from './stats';
import { visitorsOf } from './visitors';

const { values } = parseArgs({
  allowNegative: true,
  options: {
    set: { type: 'string', default: 'all' },
    reps: { type: 'string', default: '200' },
    seed: { type: 'string', default: '1' },
    load: { type: 'string', default: '1' },
    routing: { type: 'string', default: '{}' },
    json: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    bound: { type: 'boolean', default: true },
    main: { type: 'boolean', default: true },
    from: { type: 'string' },
    against: { type: 'string' },
  },
});

/** The family and its tuning set (scenarios/README.md): parameters are chosen on `tune`, reported on all. */
const FAMILY = scenarioFamily();
const header = values.from
  ? (JSON.parse(readFileSync(values.from, 'utf8')) as {
      reps: number;
      seed: number;
      load: number;
      routing: object;
      routingArg: string;
    })
  : null;
const reps = header?.reps ?? Number(values.reps);
const seed = header?.seed ?? Number(values.seed);
const load = header?.load ?? Number(values.load);
const routingArg = header?.routingArg ?? values.routing;
const routing = routingSchema.parse(header?.routing ?? JSON.parse(routingArg));
/** The candidate's own baseline (--against): ours under other routing settings on the same days. */
const AGAINST = 'against';
const names =
  values.set === 'all'
    ? FAMILY.map((f) => f.name)
    : values.set === 'tune' || values.set === 'check'
      ? FAMILY.filter((f) => f.role === values.set).map((f) => f.name)
      : values.set.split(',');

type Figures = Pick<PolicyResult, 'mean' | 'p90' | 'p99' | 'max' | 'withinTarget' | 'priority' | 'served'>;

interface Row {
  scenario: string;
  role: string;
  bottlenecks: string[];
  policies: Record<string, Figures>;
  bound: number;
  must: MustShow;
}

// --from FILE.json: the tables of an earlier --json run (no simulation).
const earlier = values.from ? (JSON.parse(readFileSync(values.from, 'utf8')) as { scenarios: Row[] }) : null;
const rows: Row[] =
  earlier?.scenarios ??
  exitOnShortfall(() =>
    names.map((name) => {
      const s = scaleLoad(loadScenario(`scenarios/${name}.json`), load);
      const policies: Record<string, PolicyResult> = {};
      for (const p of POLICIES) policies[p] = runPolicy(s, p, { reps, seed, routing });
      // Main's rule before issue 24 on the same days: the proposed rule must not be worse without a reason.
      if (values.main) policies[BEFORE_24] = runPolicy(s, BEFORE_24, { reps, seed, routing });
      if (values.against)
        policies[AGAINST] = runPolicy(s, 'ours', {
          reps,
          seed,
          routing: routingSchema.parse(JSON.parse(values.against)),
        });
      let waits = 0;
      let served = 0;
      // --no-bound skips the skill-respecting bound (it is reported at normal load only).
      for (let r = 0; r < (values.bound ? reps : 0); r++) {
        const v = visitorsOf(s, seed, r);
        const n = v.filter((x) => !x.noShow).length;
        waits += skillBoundMean(s, s.windows, v) * n;
        served += n;
      }
      // The hall's bottleneck matters (check 4), whether or not the rule uses the term (off by default).
      const bottlenecks = [...scenarioFacts(s, s.windows, { ...routing, bottlenecks: 'auto' }).bottlenecks];
      const bound = served ? waits / served : NaN;
      const must = mustShow(policies, bottlenecks.length > 0, bound);
      console.error(`${name}: done`);
      return {
        scenario: name,
        role: FAMILY.find((f) => f.name === name)?.role ?? '-',
        bottlenecks,
        policies,
        bound,
        must,
      };
    }),
  );

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
// A run with --no-bound has no bound (NaN, null once written as JSON and read back with --from).
const yes = (b: boolean | null) => (b === null ? '–' : b ? 'yes' : '**no**');
const sign = (x: number, d = 2) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(d)}`;

function tables(): string {
  const out: string[] = [];
  const cmd = `npm run simulate:family -- --reps ${reps} --seed ${seed} --load ${load}${routingArg !== '{}' ? ` --routing '${routingArg}'` : ''}`;
  out.push(
    `Command: \`${cmd}\` (${reps} paired days per scenario; ${rows.reduce((a, r) => a + r.policies.ours!.served, 0).toLocaleString('en')} visitors served under each policy in all).`,
    '',
  );
  out.push("Figures (minutes; beyond = share called after target; prio = priority visitors' mean wait):", '');
  out.push(
    '| scenario | role | policy | mean | p90 | p99 | longest | beyond | prio |',
    '|---|---|---|--:|--:|--:|--:|--:|--:|',
  );
  for (const r of rows)
    for (const [n, p] of Object.entries(r.policies))
      out.push(
        `| ${n === 'ours' ? `${r.scenario}${r.bottlenecks.length ? ` (bottleneck: ${r.bottlenecks.join(', ')})` : ''}` : ''} | ${n === 'ours' ? r.role : ''} | ${n} | ${p.mean.toFixed(2)} | ${p.p90.toFixed(1)} | ${p.p99.toFixed(1)} | ${p.max.toFixed(1)} | ${pct(1 - p.withinTarget)} | ${p.priority.mean.toFixed(2)} |`,
      );
  out.push(
    '',
    "Paired, ours − peer (and ours − before-24, main's rule before issue 24), day by day (mean of the daily differences ±95%; beyond in points; **bold**: ours worse):",
    '',
  );
  out.push('| scenario | peer | mean | p90 | longest | beyond |', '|---|---|--:|--:|--:|--:|');
  for (const r of rows)
    for (const peer of [...PEERS, ...[BEFORE_24, AGAINST].filter((x) => r.must.paired[x])]) {
      const p = r.must.paired[peer]!;
      const cell = (f: (typeof PAIRED_FIGURES)[number]) => {
        const k = f === 'beyondTarget' ? 100 : 1;
        const t = `${sign(p[f].diff * k)} ±${(p[f].ci95 * k).toFixed(2)}`;
        return p[f].verdict === 'worse' ? `**${t}**` : p[f].verdict === 'tie' ? `${t} tie` : t;
      };
      out.push(`| ${peer === PEERS[0] ? r.scenario : ''} | ${peer} | ${PAIRED_FIGURES.map(cell).join(' | ')} |`);
    }
  out.push('', 'Must show (issue 24):', '');
  if (load === 1) {
    out.push(
      '| scenario | 1 vs dedicated | 2 worst gap to a peer | 3 | 4 (bottleneck) | 5 ÷ pooled | ÷ skill bound | prio ours / static-weight / skill-fifo |',
      '|---|---|---|---|---|--:|--:|---|',
    );
    for (const r of rows) {
      const m = r.must;
      out.push(
        `| ${r.scenario} | ${yes(m.beatsDedicated)} | ${sign(m.worstGap.share * 100, 1)}% (${m.worstGap.peer} ${m.worstGap.figure}) | ${yes(m.beatsPeersWhereDue)} | ${yes(m.beatsAllPeers)} | ${m.pooledRatio.toFixed(3)} | ${Number.isFinite(m.boundRatio) ? m.boundRatio.toFixed(3) : '–'} | ${m.priority.ours.toFixed(2)} / ${m.priority.staticWeight.toFixed(2)} / ${m.priority.skillFifo.toFixed(2)} ${m.priority.ok ? '' : '**over**'} |`,
      );
    }
  } else {
    out.push(
      '| scenario | 6: no peer better on all four, ours better on ≥ 2 against each | better / worse figures vs dedicated, skill-fifo, static-weight | prio ours / static-weight |',
      '|---|---|---|---|',
    );
    for (const r of rows) {
      const counts = PEERS.map((peer) => {
        const v = PAIRED_FIGURES.map((f) => r.must.paired[peer]![f].verdict);
        return `${v.filter((x) => x === 'better').length}/${v.filter((x) => x === 'worse').length}`;
      });
      out.push(
        `| ${r.scenario} | ${yes(r.must.holdsAtLoad)} | ${counts.join(', ')} | ${r.must.priority.ours.toFixed(2)} / ${r.must.priority.staticWeight.toFixed(2)} |`,
      );
    }
  }
  return out.join('\n');
}

if (values.json)
  console.log(
    JSON.stringify(
      {
        reps,
        seed,
        load,
        routing,
        routingArg,
        scenarios: rows.map((r) => ({
          scenario: r.scenario,
          role: r.role,
          bottlenecks: r.bottlenecks,
          bound: r.bound,
          policies: Object.fromEntries(
            Object.entries(r.policies).map(([n, p]) => [
              n,
              {
                mean: p.mean,
                p90: p.p90,
                p99: p.p99,
                max: p.max,
                withinTarget: p.withinTarget,
                priority: p.priority,
                served: p.served,
              },
            ]),
          ),
          must: r.must,
        })),
      },
      null,
      2,
    ),
  );
else console.log(tables());
if (values.write)
  writeBenchSection(`routing-family-load-${load}`, tables(), {
    heading: `Routing: the scenario family at ${load}× load (issue 24)`,
    intro:
      'Written by `npm run simulate:family -- --write`; see "Routing: the scenario family" above for what it shows.',
  });
