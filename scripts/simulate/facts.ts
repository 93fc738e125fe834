// The hall facts the routing rule uses (server/domain/routing-facts.ts), from a scenario: its profile's
// periods, the expected visitors of each matter in each, and the window plan the day runs with.
import { DEFAULT_ROUTING, type HallFacts, type RoutingParams } from '../../server/domain/routing';
import { hallFacts, hallLoad, type ArrivalPeriod, type HallLoad } from '../../server/domain/routing-facts';
import { servicesOf, windowsOf } from './engine';
import { minutesOf, type Scenario, type WindowGroup } from './scenario';

export function expectedPeriods(s: Scenario): ArrivalPeriod[] {
  const periods = s.arrivals.profile.map((p) => ({ minutes: minutesOf(p.to) - minutesOf(p.from), w: p.weight }));
  const mass = periods.reduce((a, p) => a + p.w * p.minutes, 0);
  const shares = s.services.reduce((a, x) => a + x.share, 0);
  return periods.map((p) => ({
    minutes: p.minutes,
    visitors: Object.fromEntries(
      s.services.map((x) => [x.id, (s.arrivals.total * ((p.w * p.minutes) / mass) * x.share) / shares]),
    ),
  }));
}

export function scenarioLoad(s: Scenario, plan: readonly WindowGroup[] = s.windows, margin = 1): HallLoad {
  return hallLoad(windowsOf(plan), servicesOf(s), expectedPeriods(s), margin);
}

/** The facts for a day: bottlenecks computed ("auto") or as the parameters name them, each matter's load. */
export function scenarioFacts(
  s: Scenario,
  plan: readonly WindowGroup[] = s.windows,
  params: RoutingParams = DEFAULT_ROUTING,
): HallFacts {
  return hallFacts(params, windowsOf(plan), scenarioLoad(s, plan, params.bottleneckMargin));
}
