// npm run simulate -- SCENARIO.json [--policy NAME|all] [--reps N] [--seed S] [--json] [--load 1.2]
//   [--plan PLAN.json] [--min-windows 0.9] [--chart FILE.svg] [--eta] [--tidal [--tidal-moves 6]]
// npm run simulate -- --replay data/hall.sqlite --config hall.yaml --day 2026-11-20 [--plan PLAN.json] …
// Replays hall days (drawn from a scenario, or one recorded in the hall's database) through the real routing
// code and reports waits per policy (minutes).
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BEFORE_24, POLICIES, type PolicyName } from './policies';
import { loadScenario, parsePlan, scaleLoad } from './scenario';
import { runPolicy, type PolicyResult } from './stats';
import { PAIRED_FIGURES, pairedAgainstOurs } from './compare';
import { chartSvg } from './chart';
import { minimalPlan } from './what-if';
import { readFileSync } from 'node:fs';
import type { Scenario, WindowGroup } from './scenario';
import { loadConfigFile } from '../../server/config/load';
import { recordedDay, recordedFigures, type RecordedDay } from './replay';
import { routingSchema } from '../../server/config/schema';
import type { RoutingParams } from '../../server/domain/routing';
import { exitOnShortfall } from '../bench-check';
import { etaOfPolicy, type EtaFigures } from './eta';
import { runOursTidal } from './tidal';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    policy: { type: 'string', default: 'all' },
    reps: { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    plan: { type: 'string' },
    'min-windows': { type: 'string' },
    chart: { type: 'string' },
    replay: { type: 'string' },
    config: { type: 'string', default: 'hall.yaml' },
    day: { type: 'string' },
    routing: { type: 'string' },
    load: { type: 'string', default: '1' },
    // The predicted wait's accuracy per policy (scripts/simulate/eta.ts): a prediction at every issue.
    eta: { type: 'boolean', default: false },
    // Ours with the 潮汐 suggestions applied during the day (scripts/simulate/tidal.ts); `ours-static` without.
    tidal: { type: 'boolean', default: false },
    'tidal-moves': { type: 'string', default: '6' },
  },
});

function fail(msg: string): never {
  console.error(msg);
  console.error(
    'usage: npm run simulate -- SCENARIO.json [--policy NAME|all] [--reps N] [--seed S] [--json] [--plan PLAN.json] [--min-windows SHARE] [--chart FILE.svg] [--routing JSON] [--load FACTOR]\n' +
      '       npm run simulate -- --replay data/hall.sqlite --config hall.yaml --day YYYY-MM-DD [same options]',
  );
  process.exit(2);
}

const replay = values.replay ? loadReplay(values.replay, values.config, values.day) : null;
const file = replay ? values.replay! : (positionals[0] ?? fail('no scenario file (or --replay data/hall.sqlite)'));
// A recorded day has exactly one set of visitors: one replication says it all.
const reps = replay ? 1 : Number(values.reps);
const seed = Number(values.seed);
if (!Number.isInteger(reps) || reps < 1 || reps > 10_000) fail(`--reps: not a count: ${values.reps}`);
if (!Number.isInteger(seed)) fail(`--seed: not an integer: ${values.seed}`);
const names: PolicyName[] =
  values.policy === 'all'
    ? [...POLICIES]
    : [...POLICIES, BEFORE_24].includes(values.policy as PolicyName)
      ? [values.policy as PolicyName]
      : fail(`--policy: one of ${POLICIES.join(', ')}, ${BEFORE_24} or all`);

/** Routing parameters to try, as in the config's `routing` (e.g. '{"priorityBoost":2}'); checked like the config. */
function parseRouting(text: string): RoutingParams {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    fail(`--routing: not JSON: ${text}`);
  }
  const r = routingSchema.safeParse(raw);
  if (!r.success)
    fail(`--routing: ${r.error.issues.map((i) => `${i.path.join('.') || '(whole)'}: ${i.message}`).join('; ')}`);
  return r.data;
}

function loadReplay(db: string, configFile: string, day: string | undefined): RecordedDay {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) fail('--day: the recorded day as YYYY-MM-DD');
  try {
    return recordedDay(db, loadConfigFile(configFile), day);
  } catch (e) {
    fail((e as Error).message);
  }
}

function readScenario(): Scenario {
  try {
    return replay ? replay.scenario : loadScenario(file);
  } catch (e) {
    fail((e as Error).message);
  }
}
// --load 0.8 / 1.2: the same hall and day with 0.8× / 1.2× the expected visitors (the profile and the mix kept).
const load = Number(values.load);
if (!(load > 0 && load <= 5)) fail(`--load: a factor between 0 and 5: ${values.load}`);
if (replay && load !== 1) fail('--load: a recorded day has its own visitors');
const scenario = scaleLoad(readScenario(), load);
const visitors = replay ? () => replay.visitors.map((v) => ({ ...v })) : undefined;
function readPlan(file: string): WindowGroup[] {
  try {
    return parsePlan(scenario, JSON.parse(readFileSync(file, 'utf8')), `--plan ${file}`);
  } catch (e) {
    fail((e as Error).message);
  }
}
const plan = values.plan ? readPlan(values.plan) : undefined;

// A recorded day replays under the hall's own routing parameters unless --routing says otherwise.
const routing = values.routing !== undefined ? parseRouting(values.routing) : replay?.routing;

// Every simulated day must call all its visitors; a day that strands some stops the run (exit 1).
const policies: Record<string, PolicyResult> = {};
if (replay) policies.recorded = recordedFigures(scenario, replay);
for (const n of names)
  policies[n] = exitOnShortfall(() => runPolicy(scenario, n, { reps, seed, plan, visitors, routing }));

let tidalMoves: number | null = null;
if (values.tidal && policies.ours) {
  const moves = Number(values['tidal-moves']);
  if (!Number.isInteger(moves) || moves < 0) fail(`--tidal-moves: not a count: ${values['tidal-moves']}`);
  const withMoves = exitOnShortfall(() => runOursTidal(scenario, moves, { reps, seed, plan, visitors, routing }));
  tidalMoves = withMoves.tidalMoves;
  const { ours: without, ...peers } = policies;
  for (const k of Object.keys(policies)) delete policies[k];
  Object.assign(policies, { ours: withMoves, 'ours-static': without, ...peers });
}

const minShare = values['min-windows'] === undefined ? null : Number(values['min-windows']);
const minimal =
  minShare === null
    ? null
    : exitOnShortfall(() =>
        Object.fromEntries(
          names
            .filter((n) => n !== 'pooled')
            .map((n) => [n, minimalPlan(scenario, n, minShare, { reps, seed, visitors, routing })]),
        ),
      );
// A plan search that stopped at its cap below the level found no plan: say so, and exit 1 after printing.
const unreached = Object.entries(minimal ?? {}).filter(([, m]) => !m.reached);
for (const [n, m] of unreached)
  console.error(
    `${n}: no plan reaches ${(minShare! * 100).toFixed(0)}% within target: even ${m.windows} windows (the search's cap) keep only ${(m.withinTarget * 100).toFixed(1)}%`,
  );
if (unreached.length) process.exitCode = 1;

const paired = pairedAgainstOurs(policies);

const eta: Record<string, EtaFigures> = {};
if (values.eta) for (const n of names) eta[n] = etaOfPolicy(scenario, n, { reps, seed, plan, visitors, routing });

if (values.chart) writeFileSync(values.chart, chartSvg(scenario.name, policies));

if (values.json) {
  const out = {
    scenario: scenario.name,
    load,
    reps,
    seed,
    // How each figure is computed (the paired comparison uses each day's own figures, the table pooled ones).
    definitions: {
      p50: "over all days' waits pooled",
      p90: "over all days' waits pooled (the mean of each day's p90, used by `paired`, reads about 0.5 min higher)",
      p99: "over all days' waits pooled",
      max: "mean over days of each day's longest wait",
      withinTarget: 'share of all served visitors called within their service target',
      paired: "day by day ours − peer on each day's own mean, p90, longest wait and share beyond target; ±95%",
      priority: 'legally prioritised visitors only, the same definitions',
    },
    policies: Object.fromEntries(
      Object.entries(policies).map(([n, r]) => [
        n,
        {
          mean: r.mean,
          p50: r.p50,
          p90: r.p90,
          p99: r.p99,
          max: r.max,
          withinTarget: r.withinTarget,
          perService: r.perService,
          priority: r.priority,
          meanCi95: r.meanCi95,
          utilisation: r.utilisation,
          ...(eta[n] ? { eta: eta[n] } : {}),
        },
      ]),
    ),
    ...(Object.keys(paired).length ? { paired } : {}),
    ...(tidalMoves !== null ? { tidalMovesPerDay: tidalMoves } : {}),
    ...(minimal ? { minimalWindows: minimal } : {}),
  };
  console.log(JSON.stringify(out, null, 2));
} else {
  console.log(
    replay
      ? `${scenario.name}: the recorded waits, then the same visitors served by each policy (minutes)`
      : `${scenario.name}: ${reps} replications, seed ${seed}${load === 1 ? '' : `, ${load}× the load`} (waits in minutes)`,
  );
  console.log(
    ['policy'.padEnd(14), 'mean ±95%'.padStart(13), 'p50', 'p90', 'p99', 'max', 'within', 'prio']
      .map((x, i) => (i ? x.padStart(7) : x))
      .join(' '),
  );
  for (const [n, r] of Object.entries(policies)) {
    console.log(
      [
        n.padEnd(14),
        `${r.mean.toFixed(1)} ±${r.meanCi95.toFixed(1)}`.padStart(13),
        r.p50.toFixed(1),
        r.p90.toFixed(1),
        r.p99.toFixed(1),
        r.max.toFixed(1),
        `${(r.withinTarget * 100).toFixed(1)}%`,
        r.priority.mean.toFixed(1),
      ]
        .map((x, i) => (i ? x.padStart(7) : x))
        .join(' '),
    );
  }
  if (Object.keys(paired).length) {
    console.log('\nours − each policy, day by day on the same visitors (below 0: ours waits less; ±95%):');
    console.log(['policy'.padEnd(14), ...PAIRED_FIGURES.map((f) => f.padStart(20))].join(' '));
    for (const [n, p] of Object.entries(paired))
      console.log(
        [
          n.padEnd(14),
          ...PAIRED_FIGURES.map((f) => {
            const { diff, ci95, verdict } = p[f];
            const [d, h] = f === 'beyondTarget' ? [diff * 100, ci95 * 100] : [diff, ci95];
            return `${d >= 0 ? '+' : ''}${d.toFixed(2)} ±${h.toFixed(2)} ${verdict}`.padStart(20);
          }),
        ].join(' '),
      );
  }
  if (tidalMoves !== null)
    console.log(
      `\nours: with 潮汐 suggestions applied (${tidalMoves.toFixed(1)} moves a day on average); ours-static: without`,
    );
  if (values.eta) {
    console.log('\npredicted wait at each issue against the wait that happened (minutes):');
    const pc = (x: number) => `${(x * 100).toFixed(1)}%`;
    console.log(
      [
        'policy'.padEnd(14),
        'MAE',
        'p90 |err|',
        'in 80% range',
        'naive MAE',
        'tickets',
        'shown a range',
        'in it',
        'in it (whole min)',
        '即将叫号 kept',
      ].join('  '),
    );
    for (const [n, e] of Object.entries(eta))
      console.log(
        [
          n.padEnd(14),
          e.mae.toFixed(2),
          e.p90AbsError.toFixed(2),
          pc(e.coverage80),
          e.naiveMae.toFixed(2),
          e.samples,
          pc(e.shownRange),
          pc(e.coverageShown),
          pc(e.coverageAsShown),
          pc(e.soonKept),
        ].join('  '),
      );
  }
  if (minimal)
    for (const [n, m] of Object.entries(minimal).filter(([, x]) => x.reached))
      console.log(
        `${n}: ${m.windows} windows keep ${(m.withinTarget * 100).toFixed(1)}% within target (≥ ${(minShare! * 100).toFixed(0)}%)`,
      );
}
