// Report figures (DESIGN.md §3: the statistics formulas live in the domain). Pure: visit records in,
// rows out. Definitions a supervisor can check by hand:
// - tickets: numbers taken; served: finished; noShows: 过号; transfers: transfers of these tickets;
// - wait: first call − wait start (issue time, or an early appointment's slot start), for called tickets;
// - p90: the nearest-rank 90th percentile (the ⌈0.9·n⌉-th smallest wait); max: the longest wait;
// - service time: finish − start of service, for served tickets;
// - within target: called tickets whose wait ≤ their service's target ÷ called tickets;
// - satisfaction: 非常满意/满意/基本满意 ÷ rated; evaluation rate: rated ÷ (rated + 未评价); voided
//   ratings (an appeal upheld) and prompts still open do not count.
import { HallError } from './errors';
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
  /** Where each transfer left from: a transfer counts under the window (clerk) that made it. */
  transferredFrom?: { windowNo: number | null; clerkId: string | null }[];
  evaluation: { status: 'pending' | 'rated' | 'unrated'; level: Level | null; voided: boolean } | null;
}

/** The longest range one report covers (a leap year): longer ranges are refused, not computed. */
export const MAX_REPORT_DAYS = 366;

/** Refuses a range longer than MAX_REPORT_DAYS days (from and to are hall days, "YYYY-MM-DD", to ≥ from). */
export function assertReportRange(from: string, to: string): void {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
  if (days > MAX_REPORT_DAYS) {
    throw new HallError(
      'RANGE_TOO_LONG',
      `统计区间最长 ${MAX_REPORT_DAYS} 天（所选 ${days} 天），请缩短区间或分段导出`,
      { maxDays: MAX_REPORT_DAYS, days },
    );
  }
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

/**
 * One group's figures, a visit at a time in constant time and memory per visit: a long range is one pass.
 * Waits are kept as counts per tenth of a minute: the figures are shown to one decimal and rounding keeps
 * order, so the nearest-rank p90 of the rounded waits is exactly the rounded p90 of the waits.
 */
export class RowAccumulator {
  private tickets = 0;
  private served = 0;
  private noShows = 0;
  private transfers = 0;
  private waitSum = 0;
  private waitCount = 0;
  private maxWait = -Infinity;
  private readonly waitTenths = new Map<number, number>();
  private within = 0;
  private serviceSum = 0;
  private serviceCount = 0;
  private rated = 0;
  private satisfied = 0;
  private answered = 0;

  /** `ownTransfers` false: the visit's transfers are counted where they were made (addTransfers). */
  add(v: Visit, ownTransfers = true): void {
    this.tickets++;
    if (v.status === 'finished') this.served++;
    if (v.status === 'no_show') this.noShows++;
    if (ownTransfers) this.transfers += v.transfers;
    if (v.waitMin !== null) {
      this.waitSum += v.waitMin;
      this.waitCount++;
      if (v.waitMin > this.maxWait) this.maxWait = v.waitMin;
      const k = Math.round(v.waitMin * 10);
      this.waitTenths.set(k, (this.waitTenths.get(k) ?? 0) + 1);
      if (v.waitMin <= v.targetWaitMin) this.within++;
    }
    if (v.status === 'finished' && v.serviceMin !== null) {
      this.serviceSum += v.serviceMin;
      this.serviceCount++;
    }
    const e = v.evaluation;
    if (e && !e.voided && e.status !== 'pending') {
      this.answered++;
      if (e.status === 'rated') {
        this.rated++;
        if (e.level && isSatisfied(e.level)) this.satisfied++;
      }
    }
  }

  addTransfers(n: number): void {
    this.transfers += n;
  }

  get empty(): boolean {
    return this.tickets === 0 && this.transfers === 0;
  }

  private p90Tenths(): number | null {
    if (!this.waitCount) return null;
    const rank = Math.max(1, Math.ceil(0.9 * this.waitCount));
    let seen = 0;
    for (const k of [...this.waitTenths.keys()].sort((a, b) => a - b)) {
      seen += this.waitTenths.get(k)!;
      if (seen >= rank) return k;
    }
    return null;
  }

  row(key: string): ReportRow {
    const p90 = this.p90Tenths();
    return {
      key,
      tickets: this.tickets,
      served: this.served,
      noShows: this.noShows,
      transfers: this.transfers,
      meanWaitMin: this.waitCount ? round(this.waitSum / this.waitCount, 1) : null,
      p90WaitMin: p90 === null ? null : p90 / 10,
      maxWaitMin: this.waitCount ? round(this.maxWait, 1) : null,
      meanServiceMin: this.serviceCount ? round(this.serviceSum / this.serviceCount, 1) : null,
      withinTarget: share(this.within, this.waitCount),
      satisfaction: share(this.satisfied, this.rated),
      evaluationRate: share(this.rated, this.answered),
    };
  }
}

export function rowOf(key: string, visits: Visit[]): ReportRow {
  const acc = new RowAccumulator();
  for (const v of visits) acc.add(v);
  return acc.row(key);
}

const KEY: Record<ReportGroup, (v: Visit) => string | null> = {
  service: (v) => v.serviceId,
  window: (v) => (v.windowNo === null ? null : String(v.windowNo)),
  clerk: (v) => v.clerkId,
  hour: (v) => String(v.hour).padStart(2, '0'),
  day: (v) => v.day,
};

/** Who a transfer is counted under, by window or by clerk: the one it left. */
const TRANSFER_KEY: Partial<
  Record<ReportGroup, (from: { windowNo: number | null; clerkId: string | null }) => string | null>
> = {
  window: (f) => (f.windowNo === null ? null : String(f.windowNo)),
  clerk: (f) => f.clerkId,
};

/**
 * One grouping's figures built a visit at a time. By window or clerk, the visits no window (clerk) took are
 * kept apart as `outside`, and a transfer counts under the window (clerk) that made it, so the rows and
 * `outside` add up to the total in every column that is a count.
 */
export class GroupedReport {
  private readonly groups = new Map<string, RowAccumulator>();
  private readonly total = new RowAccumulator();
  private readonly outsideAcc = new RowAccumulator();

  constructor(readonly by: ReportGroup) {}

  private acc(k: string | null): RowAccumulator {
    if (k === null) return this.outsideAcc;
    let acc = this.groups.get(k);
    if (!acc) this.groups.set(k, (acc = new RowAccumulator()));
    return acc;
  }

  add(v: Visit): void {
    this.total.add(v);
    const transferKey = TRANSFER_KEY[this.by];
    const from = v.transferredFrom;
    // Transfers are placed where they were made when we know where that was (every transfer in the log).
    const placed = transferKey !== undefined && from !== undefined && from.length === v.transfers;
    this.acc(KEY[this.by](v)).add(v, !placed);
    if (placed) for (const f of from) this.acc(transferKey(f)).addTransfers(1);
  }

  result(): { rows: ReportRow[]; total: ReportRow; outside: ReportRow | null } {
    return this.finish([...this.rows()]);
  }

  /** The groups' rows one at a time: each row sorts its waits for p90, and a caller over a long range
   * (a year by day: 365 rows) gives way to commands between them. */
  *rows(): Generator<ReportRow> {
    for (const [k, acc] of this.groups) yield acc.row(k);
  }

  /** The rows in key order, the visits outside every row, and the total. */
  finish(rows: ReportRow[]): { rows: ReportRow[]; total: ReportRow; outside: ReportRow | null } {
    rows.sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
    const outside = this.outsideAcc.empty ? null : this.outsideAcc.row('outside');
    return { rows, total: this.total.row('total'), outside };
  }
}

/** One row per group and the total. */
export function report(
  visits: Visit[],
  by: ReportGroup,
): { rows: ReportRow[]; total: ReportRow; outside: ReportRow | null } {
  const g = new GroupedReport(by);
  for (const v of visits) g.add(v);
  return g.result();
}

export interface HourPoint {
  hour: number;
  arrivals: number;
  served: number;
  meanWaitMin: number | null;
}

/** Per hour: numbers taken, visits finished, and the mean wait of tickets called in that hour (one pass). */
export class HourlyAccumulator {
  private readonly arrivals = new Array<number>(24).fill(0);
  private readonly served = new Array<number>(24).fill(0);
  private readonly waitSum = new Array<number>(24).fill(0);
  private readonly waitCount = new Array<number>(24).fill(0);

  add(v: Visit): void {
    if (v.hour >= 0 && v.hour < 24) this.arrivals[v.hour]!++;
    if (v.status === 'finished' && v.finishedHour !== null && v.finishedHour < 24) this.served[v.finishedHour]!++;
    if (v.calledHour !== null && v.calledHour < 24 && v.waitMin !== null) {
      this.waitSum[v.calledHour]! += v.waitMin;
      this.waitCount[v.calledHour]!++;
    }
  }

  points(): HourPoint[] {
    return Array.from({ length: 24 }, (_, hour) => ({
      hour,
      arrivals: this.arrivals[hour]!,
      served: this.served[hour]!,
      meanWaitMin: this.waitCount[hour] ? round(this.waitSum[hour]! / this.waitCount[hour]!, 1) : null,
    }));
  }
}

/** Per hour of one day: numbers taken, visits finished, and the mean wait of tickets called in that hour. */
export function hourly(visits: Visit[]): HourPoint[] {
  const acc = new HourlyAccumulator();
  for (const v of visits) acc.add(v);
  return acc.points();
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
