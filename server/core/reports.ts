// Reports for a day or a range (by service, window, clerk, hour, day) and today's hourly curve against
// the same weekday's average. The figures' definitions are in server/domain/report.ts.
import type { Level } from '../domain/evaluation';
import {
  averageHours,
  hourly,
  report,
  type HourPoint,
  type ReportGroup,
  type ReportRow,
  type Visit,
} from '../domain/report';
import { hallDay, minuteOfDay } from '../domain/numbering';
import type { VisitRow } from '../store/reports';
import type { HallCore } from './hall-core';

export interface LabelledRow extends ReportRow {
  label: string;
}

export interface Report {
  hall: { id: string; name: string };
  from: string;
  to: string;
  by: ReportGroup;
  rows: LabelledRow[];
  total: LabelledRow;
}

export function visitsBetween(core: HallCore, from: string, to: string): Visit[] {
  const tz = core.config.hall.timezone;
  const hour = (ms: number | null) => (ms === null ? null : Math.floor(minuteOfDay(ms, tz) / 60));
  return core.reports.visits(from, to).map((r: VisitRow) => ({
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
    evaluation: r.evStatus
      ? {
          status: r.evStatus as 'pending' | 'rated' | 'unrated',
          level: r.evLevel as Level | null,
          voided: r.evVoided === 1,
        }
      : null,
  }));
}

function labeller(core: HallCore, by: ReportGroup): (key: string) => string {
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

export function buildReport(core: HallCore, from: string, to: string, by: ReportGroup): Report {
  const { rows, total } = report(visitsBetween(core, from, to), by);
  const label = labeller(core, by);
  return {
    hall: { id: core.config.hall.id, name: core.config.hall.name },
    from,
    to,
    by,
    rows: rows.map((r) => ({ ...r, label: label(r.key) })),
    total: { ...total, label: '合计' },
  };
}

const DAY_MS = 24 * 3600_000;

/** A day's hourly curve and the average of the same weekday over the previous `weeks` weeks. */
export function hourlyCurve(
  core: HallCore,
  day: string,
  weeks = 4,
): { day: string; today: HourPoint[]; usual: HourPoint[]; weeks: number } {
  // Noon UTC of the day, minus whole weeks, lands on the same weekday in any hall time zone.
  const noon = Date.parse(`${day}T12:00:00Z`);
  const earlier = Array.from({ length: weeks }, (_, i) => hallDay(noon - (i + 1) * 7 * DAY_MS, 'UTC'));
  const past = earlier.map((d) => hourly(visitsBetween(core, d, d))).filter((h) => h.some((p) => p.arrivals > 0));
  return { day, today: hourly(visitsBetween(core, day, day)), usual: averageHours(past), weeks: past.length };
}
