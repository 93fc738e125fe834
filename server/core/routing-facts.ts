// The hall's routing facts for a day (server/domain/routing-facts.ts): its bottleneck matters, named in the
// config (`routing.bottlenecks: [id, …]`) or, with "auto", computed from the hall's own history: the
// arrivals per hour and matter of the same weekday over the previous four weeks, against the configured
// windows. A hall without such history has no computed bottleneck until it has one (a hall that knows its
// bottleneck names it). Computed once per hall day and plan; the same facts explain every call of that day,
// until an admin's live save replaces the plan (its routing settings, windows or matters).
import type { HallFacts, Score } from '../domain/routing';
import { hallFacts, hallLoad, type ArrivalPeriod } from '../domain/routing-facts';
import type { CoreState } from './state';
import { visitsBetween } from './reports';
import { hallDay } from '../domain/numbering';

const DAY_MS = 24 * 3600_000;
const WEEKS = 4;
const cache = new WeakMap<CoreState, { day: string; model: CoreState['model']; facts: HallFacts }>();

/** Expected arrivals per hour and matter on `day`: the mean of the same weekday's in the last four weeks. */
export function usualArrivals(core: CoreState, day: string): ArrivalPeriod[] {
  // Noon UTC of the day, minus whole weeks, lands on the same weekday in any hall time zone.
  const noon = Date.parse(`${day}T12:00:00Z`);
  const counts = new Map<number, Record<string, number>>();
  let days = 0;
  for (let i = 1; i <= WEEKS; i++) {
    const past = hallDay(noon - i * 7 * DAY_MS, 'UTC');
    const visits = visitsBetween(core, past, past);
    if (!visits.length) continue;
    days++;
    for (const v of visits) {
      const hour = counts.get(v.hour) ?? {};
      hour[v.serviceId] = (hour[v.serviceId] ?? 0) + 1;
      counts.set(v.hour, hour);
    }
  }
  return [...counts.values()].map((visitors) => ({
    minutes: 60,
    visitors: Object.fromEntries(Object.entries(visitors).map(([id, n]) => [id, n / days])),
  }));
}

export function routingFacts(core: CoreState, day: string): HallFacts {
  const hit = cache.get(core);
  if (hit && hit.day === day && hit.model === core.model) return hit.facts;
  const r = core.config.routing;
  const windows = [...core.model.windows.values()];
  // The load needs the hall's history (read only when something uses it); named bottlenecks do not.
  const periods = r.bottlenecks !== 'auto' && !r.loadExp ? [] : usualArrivals(core, day);
  const load = periods.length ? hallLoad(windows, core.model.services, periods, r.bottleneckMargin) : null;
  const facts = hallFacts(r, windows, load);
  cache.set(core, { day, model: core.model, facts });
  return facts;
}

/** Why the ticket was called, for the supervisor (event data on call): the urgency and each of its terms. */
export function whyCalled(s: Score): Record<string, number | boolean> {
  const r = (x: number) => Number(x.toFixed(4));
  return {
    urgency: r(s.urgency),
    level: s.level,
    waitedMin: r(s.waitedMin),
    targetRatio: r(s.targetRatio),
    nearTarget: r(s.nearTarget),
    shortMatter: r(s.shortMatter),
    levelWeight: r(s.levelWeight),
    loadWeight: r(s.loadWeight),
    levelPenalty: r(s.levelPenalty),
    rescue: r(s.rescue),
    priorityBoost: r(s.priorityBoost),
    bottleneck: s.bottleneck,
    priorityFirst: s.priorityFirst,
  };
}
