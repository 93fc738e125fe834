// Report figures (DESIGN.md §3: the statistics formulas live in the domain). Pure: visit records in,
// rows out. Definitions a supervisor can check by hand:
// - tickets: numbers taken; served: finished; noShows: 过号; transfers: transfers of these tickets;
// - wait: first call − wait start (issue time, or an early appointment's slot start), for called tickets;
// - p90: the nearest-rank 90th percentile (the ⌈0.9·n⌉-th smallest wait); max: the longest wait;
// - service time: finish − start of service, for served tickets;
// - within target: called tickets whose wait ≤ their service's target ÷ called tickets;
// - satisfaction: 非常满意/满意/基本满意 ÷ rated; evaluation rate: rated ÷ (rated + 未评价); voided
//   ratings (an appeal upheld) and prompts still open do not count.
import { isSatisfied, type Level } from './evaluation';

export interface Visit {
  day: string;
  /** Local hours (0–23) the ticket was taken, first called and finished. */
  hour: number;
  calledHour: number | null;
  finishedHour: number | null;
  serviceId: string;
  windowNo: number | null;
  clerkId: string | null;
  status: string;
  waitMin: number | null;
  serviceMin: number | null;
  targetWaitMin: number;
  transfers: number;
  evaluation: { status: 'pending' | 'rated' | 'unrated'; level: Level | null; voided: boolean } | null;
}

export const REPORT_GROUPS = ['service', 'window', 'clerk', 'hour', 'day'] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export interface ReportRow {
  key: string;
  tickets: number;
  served: number;
  noShows: number;
  transfers: number;
  meanWaitMin: number | null;
  p90WaitMin: number | null;
  maxWaitMin: number | null;
  meanServiceMin: number | null;
  withinTarget: number | null;
  satisfaction: number | null;
  evaluationRate: number | null;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length, 1) : null);
const share = (a: number, b: number) => (b === 0 ? null : round(a / b, 4));

/** Nearest-rank percentile: the ⌈p·n⌉-th smallest value. */
export function percentile(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

export function rowOf(key: string, visits: Visit[]): ReportRow {
  const waits = visits.flatMap((v) => (v.waitMin === null ? [] : [v.waitMin]));
  const within = visits.filter((v) => v.waitMin !== null && v.waitMin <= v.targetWaitMin).length;
  const services = visits.flatMap((v) => (v.status === 'finished' && v.serviceMin !== null ? [v.serviceMin] : []));
  const evals = visits.flatMap((v) =>
    v.evaluation && !v.evaluation.voided && v.evaluation.status !== 'pending' ? [v.evaluation] : [],
  );
  const rated = evals.filter((e) => e.status === 'rated');
  const max = waits.length ? Math.max(...waits) : null;
  const p90 = percentile(waits, 0.9);
  return {
    key,
    tickets: visits.length,
    served: visits.filter((v) => v.status === 'finished').length,
    noShows: visits.filter((v) => v.status === 'no_show').length,
    transfers: visits.reduce((n, v) => n + v.transfers, 0),
    meanWaitMin: mean(waits),
    p90WaitMin: p90 === null ? null : round(p90, 1),
    maxWaitMin: max === null ? null : round(max, 1),
    meanServiceMin: mean(services),
    withinTarget: share(within, waits.length),
    satisfaction: share(rated.filter((e) => e.level && isSatisfied(e.level)).length, rated.length),
    evaluationRate: share(rated.length, evals.length),
  };
}

const KEY: Record<ReportGroup, (v: Visit) => string | null> = {
  service: (v) => v.serviceId,
  window: (v) => (v.windowNo === null ? null : String(v.windowNo)),
  clerk: (v) => v.clerkId,
  hour: (v) => String(v.hour).padStart(2, '0'),
  day: (v) => v.day,
};

/** One row per group (visits no window or clerk took are left out of those groupings) and the total. */
export function report(visits: Visit[], by: ReportGroup): { rows: ReportRow[]; total: ReportRow } {
  const groups = new Map<string, Visit[]>();
  for (const v of visits) {
    const k = KEY[by](v);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), v]);
  }
  const rows = [...groups.entries()]
    .map(([k, vs]) => rowOf(k, vs))
    .sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  return { rows, total: rowOf('total', visits) };
}

export interface HourPoint {
  hour: number;
  arrivals: number;
  served: number;
  meanWaitMin: number | null;
}

/** Per hour of one day: numbers taken, visits finished, and the mean wait of tickets called in that hour. */
export function hourly(visits: Visit[]): HourPoint[] {
  return Array.from({ length: 24 }, (_, hour) => {
    const waits = visits.filter((v) => v.calledHour === hour && v.waitMin !== null).map((v) => v.waitMin!);
    return {
      hour,
      arrivals: visits.filter((v) => v.hour === hour).length,
      served: visits.filter((v) => v.status === 'finished' && v.finishedHour === hour).length,
      meanWaitMin: mean(waits),
    };
  });
}

/** The mean of several days' hourly points (the same weekday in earlier weeks). */
export function averageHours(days: HourPoint[][]): HourPoint[] {
  return Array.from({ length: 24 }, (_, hour) => {
    const pts = days.map((d) => d[hour]!);
    const waits = pts.flatMap((p) => (p.meanWaitMin === null ? [] : [p.meanWaitMin]));
    return {
      hour,
      arrivals: pts.length ? round(pts.reduce((n, p) => n + p.arrivals, 0) / pts.length, 1) : 0,
      served: pts.length ? round(pts.reduce((n, p) => n + p.served, 0) / pts.length, 1) : 0,
      meanWaitMin: mean(waits),
    };
  });
}
