// The hall's bottleneck matters, from its own expected arrivals (routing.ts uses them; DESIGN.md §5).
//
// For each matter: its work at the hall's busiest period of the day, divided among the windows that may take
// it, against the whole hall's work at that period divided among all its windows. A matter whose windows
// must give it a large share of what the hall's windows carry on average (above `margin` × the hall's) has
// little help to expect from the rest of the hall: it is a **bottleneck**, and a window that merely helps
// with it must not defer it. (County 不动产: a quarter of the visitors, the longest matter, 5 windows of 12.)
// In the simulator the periods come from the scenario's profile; in the server from the same weekday's
// arrivals in the hall's history, or the config's expected profile until there is history.
import { NO_FACTS, type HallFacts, type RoutingParams } from './routing';
import type { HallWindow, Service } from './types';

/** Expected visitors per matter in one period of the day. */
export interface ArrivalPeriod {
  minutes: number;
  visitors: Readonly<Record<string, number>>;
}

export interface MatterLoad {
  serviceId: string;
  /** Windows that may take the matter. */
  windows: number;
  /** The matter's work at the hall's busiest period per window that may take it (busy windows per window). */
  peakPerWindow: number;
  bottleneck: boolean;
}

export interface HallLoad {
  /** Busiest period's work of the whole hall per window. */
  hallPeakPerWindow: number;
  matters: MatterLoad[];
}

/** Each matter's load per window that may take it at the hall's busiest period, against the hall's. */
export function hallLoad(
  windows: readonly HallWindow[],
  services: ReadonlyMap<string, Service>,
  periods: readonly ArrivalPeriod[],
  margin = 1,
): HallLoad {
  // Work per period and matter, in window-equivalents (busy windows).
  const work = periods
    .filter((p) => p.minutes > 0)
    .map((p) => {
      const m = new Map<string, number>();
      for (const [id, svc] of services) m.set(id, ((p.visitors[id] ?? 0) * svc.avgServiceMin) / p.minutes);
      return m;
    });
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const busiest = work.reduce<Map<string, number> | null>((b, m) => (!b || total(m) > total(b) ? m : b), null);
  const hallPeakPerWindow = busiest && windows.length ? total(busiest) / windows.length : 0;
  const matters: MatterLoad[] = [];
  for (const id of services.keys()) {
    const n = windows.filter((w) => id in w.skills).length;
    if (!n) continue;
    const peakPerWindow = (busiest?.get(id) ?? 0) / n;
    matters.push({
      serviceId: id,
      windows: n,
      peakPerWindow,
      // A matter every window may take is the hall itself, never a bottleneck of its own.
      bottleneck: n < windows.length && peakPerWindow > hallPeakPerWindow * margin,
    });
  }
  return { hallPeakPerWindow, matters };
}

/** The bottleneck matters' ids. */
export function bottleneckMatters(load: HallLoad): Set<string> {
  return new Set(load.matters.filter((m) => m.bottleneck).map((m) => m.serviceId));
}

/** Windows that are the only level-1 window of one of their matters: no one else serves that line first. */
export function soleOwnWindows(windows: readonly HallWindow[]): Set<number> {
  const own = new Map<string, number[]>();
  for (const w of windows)
    for (const [id, level] of Object.entries(w.skills)) if (level === 1) own.set(id, [...(own.get(id) ?? []), w.no]);
  return new Set([...own.values()].filter((ws) => ws.length === 1).map((ws) => ws[0]!));
}

/** Each matter's peak load per window that may take it ÷ the hall's (1: as loaded as the hall's windows). */
export function relativeLoad(load: HallLoad): Map<string, number> {
  const hall = load.hallPeakPerWindow;
  return new Map(load.matters.map((m) => [m.serviceId, hall > 0 ? m.peakPerWindow / hall : 1]));
}

/**
 * The rule's facts of a hall, the same in the server and the simulator: its bottleneck matters as the config
 * names them or as `load` finds them (null: no history yet, none found), the windows that are a matter's only
 * own window, and each matter's relative load.
 */
export function hallFacts(
  r: Pick<RoutingParams, 'bottlenecks' | 'loadExp'>,
  windows: readonly HallWindow[],
  load: HallLoad | null,
): HallFacts {
  const bottlenecks =
    r.bottlenecks !== 'auto' ? new Set(r.bottlenecks) : load ? bottleneckMatters(load) : new Set<string>();
  if (!bottlenecks.size && !(load && r.loadExp)) return NO_FACTS;
  return { bottlenecks, soleOwn: soleOwnWindows(windows), ...(load ? { relativeLoad: relativeLoad(load) } : {}) };
}
