// Reports for a day or a range (by service, window, clerk, hour, day) and today's hourly curve against
// the same weekday's average. The figures' definitions are in server/domain/report.ts.
import type { Level } from '../domain/evaluation';
import {
  averageHours,
  GroupedReport,
  hourly,
  HourlyAccumulator,
  report,
  type HourPoint,
  type ReportGroup,
  type ReportRow,
  type Visit,
} from '../domain/report';
import { hallDay, minuteOfDay } from '../domain/numbering';
import type { VisitCursor, VisitRow } from '../store/reports';
import type { CoreState } from './state';

/** By window or clerk, the line of visits outside every row (Report.outside). */
export const OUTSIDE_LABEL: Partial<Record<string, { zh: string; en: string }>> = {
  window: { zh: '未到窗口', en: 'Not at a window' },
  clerk: { zh: '未经办', en: 'No clerk' },
};

export interface LabelledRow extends ReportRow {
  label: string;
}

export interface Report {
  hall: { id: string; name: string };
  from: string;
  to: string;
  by: ReportGroup;
  rows: LabelledRow[];
  /**
   * By window or clerk: the visits no window (clerk) took — not called yet, cancelled, expired, sent back to a
   * queue — so that rows + outside = total in every format; absent when there are none.
   */
  outside?: LabelledRow;
  total: LabelledRow;
}

const DAY_MS = 24 * 3600_000;
const BLOCK_MS = 15 * 60_000;

/**
 * The local hour of instants on the hall's clock. Reading the time zone (Intl) costs microseconds, three
 * times per visit; offsets and their changes fall on quarter hours, so the local minute is read once per
 * quarter hour and the rest is arithmetic.
 */
function localHour(tz: string): (ms: number | null) => number | null {
  const blocks = new Map<number, number>();
  return (ms) => {
    if (ms === null) return null;
    const block = Math.floor(ms / BLOCK_MS) * BLOCK_MS;
    let minute = blocks.get(block);
    if (minute === undefined) blocks.set(block, (minute = minuteOfDay(block, tz)));
    return Math.floor((minute + Math.floor((ms - block) / 60_000)) / 60) % 24;
  };
}

export function visitsBetween(core: CoreState, from: string, to: string): Visit[] {
  return toVisits(core, core.reports.visits(from, to), localHour(core.config.hall.timezone));
}

function toVisits(core: CoreState, rows: VisitRow[], hour: (ms: number | null) => number | null): Visit[] {
  return rows.map((r) => ({
    day: r.day,
    hour: hour(r.issuedAt)!,
    calledHour: hour(r.firstCalledAt),
    finishedHour: hour(r.finishedAt),
    serviceId: r.serviceId,
    windowNo: r.windowNo,
    clerkId: r.clerkId,
    status: r.status,
    waitMin: r.firstCalledAt === null ? null : Math.max(0, (r.firstCalledAt - r.waitFrom) / 60_000),
    serviceMin:
      r.finishedAt !== null && r.servingAt !== null ? Math.max(0, (r.finishedAt - r.servingAt) / 60_000) : null,
    targetWaitMin: core.model.services.get(r.serviceId)?.targetWaitMin ?? Infinity,
    transfers: r.transfers,
    transferredFrom: (r.transferredFrom ?? '')
      .split(',')
      .filter(Boolean)
      .map((x) => {
        const [w, c] = x.split(':');
        return { windowNo: w ? Number(w) : null, clerkId: c || null };
      }),
    evaluation: r.evStatus
      ? {
          status: r.evStatus as 'pending' | 'rated' | 'unrated',
          level: r.evLevel as Level | null,
          voided: r.evVoided === 1,
        }
      : null,
  }));
}

function labeller(core: CoreState, by: ReportGroup): (key: string) => string {
  switch (by) {
    case 'service':
      return (k) => core.model.serviceName(k);
    case 'window':
      return (k) => core.model.windows.get(Number(k))?.name ?? `${k}号窗口`;
    case 'clerk':
      return (k) => core.model.clerks.get(k)?.name ?? k;
    case 'hour':
      return (k) => `${k}:00–${String(Number(k) + 1).padStart(2, '0')}:00`;
    case 'day':
      return (k) => k;
  }
}

function labelled(
  core: CoreState,
  from: string,
  to: string,
  by: ReportGroup,
  { rows, total, outside }: { rows: ReportRow[]; total: ReportRow; outside: ReportRow | null },
): Report {
  const label = labeller(core, by);
  return {
    hall: { id: core.config.hall.id, name: core.config.hall.name },
    from,
    to,
    by,
    rows: rows.map((r) => ({ ...r, label: label(r.key) })),
    ...(outside ? { outside: { ...outside, label: OUTSIDE_LABEL[by]?.zh ?? '' } } : {}),
    total: { ...total, label: '合计' },
  };
}

/** One day's (or a short range's) report, at once: for the day summary and other one-day views. */
export function buildReport(core: CoreState, from: string, to: string, by: ReportGroup): Report {
  return labelled(core, from, to, by, report(visitsBetween(core, from, to), by));
}

/** How long one slice of a range report may hold the event loop before it lets commands run. */
const SLICE_MS = 8;
/** Visits read at once: a few ms of reading and folding, so a slice never grows past SLICE_MS by much. */
const PAGE_ROWS = 200;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The hall days from `from` to `to`, inclusive (calendar arithmetic on the date alone). */
export function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/**
 * Several groupings of a range (and its hourly curve) in one pass over the range, a page of a day's visits
 * at a time: each page is read and folded into running figures, and after every slice of about SLICE_MS
 * the loop gives way (setImmediate), so a call-next waits a few ms at most whatever the range. Memory stays
 * one page of visits plus the running figures.
 */
export async function buildReports(
  core: CoreState,
  from: string,
  to: string,
  groups: readonly ReportGroup[],
  signal?: AbortSignal,
): Promise<{ reports: Report[]; hours: HourPoint[] }> {
  const grouped = groups.map((by) => new GroupedReport(by));
  const hours = new HourlyAccumulator();
  const hour = localHour(core.config.hall.timezone);
  let sliceStart = performance.now();
  /** After a slice of about SLICE_MS, commands run before the report goes on. */
  const giveWay = async () => {
    if (performance.now() - sliceStart <= SLICE_MS) return;
    await nextTurn();
    signal?.throwIfAborted(); // the supervisor closed the page: stop reading
    sliceStart = performance.now();
  };
  for (const day of daysOf(from, to)) {
    let after: VisitCursor | null = null;
    do {
      const page = core.reports.visitsPage(day, after, PAGE_ROWS);
      for (const v of toVisits(core, page.rows, hour)) {
        for (const g of grouped) g.add(v);
        hours.add(v);
      }
      after = page.next;
      await giveWay();
    } while (after);
  }
  // Rows are made one at a time too: a year by day is 365 of them, each sorting its waits (40–60 ms at once).
  const reports: Report[] = [];
  for (const g of grouped) {
    const rows: ReportRow[] = [];
    for (const row of g.rows()) {
      rows.push(row);
      await giveWay();
    }
    reports.push(labelled(core, from, to, g.by, g.finish(rows)));
    await giveWay();
  }
  return { reports, hours: hours.points() };
}

/** A day's hourly curve and the average of the same weekday over the previous `weeks` weeks. */
export function hourlyCurve(
  core: CoreState,
  day: string,
  weeks = 4,
): { day: string; today: HourPoint[]; usual: HourPoint[]; weeks: number } {
  // Noon UTC of the day, minus whole weeks, lands on the same weekday in any hall time zone.
  const noon = Date.parse(`${day}T12:00:00Z`);
  const earlier = Array.from({ length: weeks }, (_, i) => hallDay(noon - (i + 1) * 7 * DAY_MS, 'UTC'));
  const past = earlier.map((d) => hourly(visitsBetween(core, d, d))).filter((h) => h.some((p) => p.arrivals > 0));
  return { day, today: hourly(visitsBetween(core, day, day)), usual: averageHours(past), weeks: past.length };
}
