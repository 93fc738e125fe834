// What-if for supervisors: the smallest window plan that keeps the share of visitors called within target
// at or above a level ("how many windows should we open tomorrow?"). Greedy: take away, one at a time, the
// window whose absence hurts least while the level holds; if the plan falls short, add where it helps most.
import type { PolicyName } from './policies';
import { minutesOf, type Scenario, type WindowGroup } from './scenario';
import { runPolicy, type RunOptions } from './stats';

export interface MinimalPlan {
  windows: number;
  withinTarget: number;
  plan: WindowGroup[];
  /** False when even the grown plan (up to `growthCap` windows) cannot reach the level. */
  reached: boolean;
}

/** Every service keeps a window that may take it (its own service, for the dedicated policy). */
function covers(s: Scenario, plan: readonly WindowGroup[], policy: PolicyName): boolean {
  return s.services.every((svc) =>
    plan.some((g) => g.count > 0 && (policy === 'dedicated' ? g.skills[svc.id] === 1 : svc.id in g.skills)),
  );
}

/** Windows kept busy all day by the scenario's visitors (its offered load). */
export function offeredLoad(s: Scenario): number {
  const work = s.services.reduce((a, svc) => a + svc.share * svc.serviceMin.mean, 0);
  return (s.arrivals.total * work) / (minutesOf(s.day.close) - minutesOf(s.day.open));
}

/** How far the search may grow a plan: twice the offered load (peaks run far above the day's mean) or +50%. */
export function growthCap(s: Scenario, plan: readonly WindowGroup[]): number {
  return Math.max(Math.ceil(total(plan) * 1.5), Math.ceil(2 * offeredLoad(s)) + plan.length);
}

const total = (plan: readonly WindowGroup[]) => plan.reduce((a, g) => a + g.count, 0);
const withCount = (plan: readonly WindowGroup[], i: number, d: number) =>
  plan.map((g, j) => (j === i ? { ...g, count: g.count + d } : g));

export function minimalPlan(
  s: Scenario,
  policy: PolicyName,
  level: number,
  o: Pick<RunOptions, 'reps' | 'seed' | 'visitors' | 'routing'>,
): MinimalPlan {
  const score = (plan: readonly WindowGroup[]) => runPolicy(s, policy, { ...o, plan }).withinTarget;
  let plan: WindowGroup[] = s.windows.map((g) => ({ ...g }));
  let current = score(plan);
  const cap = growthCap(s, plan);
  while (current < level && total(plan) < cap) {
    const tries = plan.map((_, i) => withCount(plan, i, +1)).map((p) => ({ p, v: score(p) }));
    const best = tries.reduce((a, b) => (b.v > a.v ? b : a));
    plan = best.p;
    current = best.v;
  }
  if (current < level) return { windows: total(plan), withinTarget: current, plan, reached: false };
  for (;;) {
    const tries = plan
      .map((g, i) => (g.count > 0 ? withCount(plan, i, -1) : null))
      .filter((p): p is WindowGroup[] => p !== null && covers(s, p, policy))
      .map((p) => ({ p, v: score(p) }));
    const best = tries.reduce<{ p: WindowGroup[]; v: number } | null>((a, b) => (!a || b.v > a.v ? b : a), null);
    if (!best || best.v < level) break;
    plan = best.p;
    current = best.v;
  }
  return { windows: total(plan), withinTarget: current, plan, reached: true };
}
