// Figures of a policy over many replicated days: pooled percentiles, the mean with its 95% confidence
// interval across replications, the mean of each day's maximum, and the share within target.
import { policyByName, type Policy, type PolicyName } from './policies';
import type { RoutingParams } from '../../server/domain/routing';
import { simulateDay, type DayResult, type Served } from './engine';
import type { Scenario, WindowGroup } from './scenario';
import { visitorsOf, type Visitor } from './visitors';
import { Checks } from '../bench-check';
import { scenarioFacts } from './facts';

export interface Figures {
  /** Minutes. */
  mean: number;
  /** Half-width of the 95% confidence interval of the mean, across replications. */
  meanCi95: number;
  p50: number;
  p90: number;
  p99: number;
  /** Mean over replications of each day's longest wait. */
  max: number;
  /** Share 0–1 of served visitors called within their service's target wait. */
  withinTarget: number;
  served: number;
}

/** Figures of one group of visitors: a service, or the legally prioritised. */
export interface GroupFigures {
  mean: number;
  p90: number;
  /** Mean over replications of the group's longest wait that day. */
  max: number;
  withinTarget: number;
}

/** One replicated day's own figures: the unit of a paired comparison between policies (compare.ts). */
export interface DayFigures {
  mean: number;
  p90: number;
  max: number;
  /** Share 0–1 of the day's served visitors called after their service's target wait. */
  beyondTarget: number;
}

export interface PolicyResult extends Figures {
  /** Per replication, in order: replication r of every policy served the same visitors. */
  daily: DayFigures[];
  perService: Record<string, GroupFigures>;
  /** Legally prioritised visitors: a policy that keeps them waiting buys its other figures with their time. */
  priority: GroupFigures;
  /** Mean wait by the hour the visitor arrived ("HH:00" → minutes). */
  byHour: Record<string, number>;
  /** Busy share per window kind. */
  utilisation: Record<string, number>;
  noShows: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i]!;
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** 95% CI half-width of a mean of per-replication means (t ≈ 2.09 at 20 reps; normal beyond 30). */
export function ci95(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
  const t =
    xs.length >= 30
      ? 1.96
      : [
          12.71, 4.3, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.2, 2.18, 2.16, 2.14, 2.13, 2.12, 2.11, 2.1,
          2.09, 2.09, 2.08, 2.07, 2.07, 2.06, 2.06, 2.06, 2.05, 2.05, 2.05,
        ][xs.length - 2]!;
  return (t * sd) / Math.sqrt(xs.length);
}

export const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export function summarise(s: Scenario, days: readonly DayResult[], warmupMin = 0): PolicyResult {
  const target = new Map(s.services.map((x) => [x.id, x.targetWaitMin]));
  // Each day's visitors who arrived after the warm-up, filtered once for every figure below.
  const kept = days.map((d) => d.served.filter((v) => v.arrival >= warmupMin));
  const all = kept.flat();
  const waits = all.map((v) => v.wait).sort((a, b) => a - b);
  const within = (vs: readonly { service: string; wait: number }[]) =>
    vs.length ? vs.filter((v) => v.wait <= target.get(v.service)! + 1e-9).length / vs.length : 1;
  const daily = kept.map((vs): DayFigures => {
    const sorted = vs.map((v) => v.wait).sort((a, b) => a - b);
    return { mean: mean(sorted), p90: percentile(sorted, 0.9), max: sorted.at(-1) ?? 0, beyondTarget: 1 - within(vs) };
  });
  const group = (inGroup: (v: Served) => boolean): GroupFigures => {
    const vs = all.filter(inGroup);
    const sorted = vs.map((v) => v.wait).sort((a, b) => a - b);
    const longest = (vs: readonly Served[]) => vs.reduce((m, v) => (inGroup(v) && v.wait > m ? v.wait : m), 0);
    return {
      mean: round(mean(sorted)),
      p90: round(percentile(sorted, 0.9)),
      max: round(mean(kept.map(longest))),
      withinTarget: round(within(vs), 4),
    };
  };
  const everyone = group(() => true);
  const perService: PolicyResult['perService'] = {};
  for (const svc of s.services) perService[svc.id] = group((v) => v.service === svc.id);
  const hours = new Map<number, number[]>();
  for (const v of all) {
    const h = Math.floor(v.arrival / 60);
    const list = hours.get(h);
    if (list) list.push(v.wait);
    else hours.set(h, [v.wait]);
  }
  const byHour = Object.fromEntries(
    [...hours.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([h, ws]) => [`${String(h).padStart(2, '0')}:00`, round(mean(ws))]),
  );
  const kinds = new Map<string, { busy: number; span: number }>();
  for (const d of days)
    for (const u of d.utilisation) {
      const k = kinds.get(u.kind) ?? { busy: 0, span: 0 };
      k.busy += u.busy;
      k.span += u.span;
      kinds.set(u.kind, k);
    }
  return {
    ...everyone,
    meanCi95: round(ci95(daily.map((d) => d.mean))),
    daily,
    p50: round(percentile(waits, 0.5)),
    p99: round(percentile(waits, 0.99)),
    served: all.length,
    perService,
    priority: group((v) => v.priority),
    byHour,
    utilisation: Object.fromEntries([...kinds.entries()].map(([k, v]) => [k, round(v.busy / v.span, 3)])),
    noShows: days.reduce((a, d) => a + d.noShows, 0),
  };
}

export interface RunOptions {
  reps: number;
  seed: number;
  plan?: readonly WindowGroup[];
  routing?: RoutingParams;
  warmupMin?: number;
  /** Fixed visitors instead of drawn ones (a recorded day): replication r serves `visitors(r)`. */
  visitors?: (rep: number) => Visitor[];
}

/** Runs one policy over `reps` replicated days; replication r uses the same visitors for every policy. */
export function runPolicy(s: Scenario, name: PolicyName, o: RunOptions): PolicyResult {
  const plan = o.plan ?? s.windows;
  const policy = policyByName(name, o.routing, name === 'ours' ? scenarioFacts(s, plan, o.routing) : undefined);
  return runWith(s, policy, name, o);
}

/** The same for a policy not in the list (scripts/simulate/frontier.ts); `label` names it in a shortfall. */
export function runWith(s: Scenario, policy: Policy, label: string, o: RunOptions): PolicyResult {
  const plan = o.plan ?? s.windows;
  const days: DayResult[] = [];
  const checks = new Checks(`simulate, policy ${label}`);
  for (let r = 0; r < o.reps; r++) {
    const visitors = o.visitors?.(r) ?? visitorsOf(s, o.seed, r);
    const day = simulateDay(s, visitors, policy, plan);
    checkDay(checks, r, visitors, day);
    days.push(day);
  }
  checks.assert();
  return summarise(s, days, o.warmupMin);
}

/**
 * Every visitor of the day called (served or a no-show): a plan or policy that leaves a service without a
 * window strands its visitors, and figures over the rest would look better than the day was.
 */
function checkDay(checks: Checks, rep: number, visitors: readonly Visitor[], day: DayResult): void {
  const left = Object.entries(day.left ?? {}).map(([svc, n]) => `${svc} ×${n}`);
  checks.count(
    `day ${rep + 1}: visitors called (served or no-show)`,
    day.served.length + day.noShows,
    visitors.length,
    left.length ? `never called: ${left.join(', ')}; no window of the plan takes them under this policy` : undefined,
  );
}
