// The day summary (日结): what a supervisor reads the next morning and what the log keeps when the hall
// closes — numbers taken, served, 过号, expired at closing, waits against target, the busiest service and
// the satisfaction. Figures follow the report definitions (server/domain/report.ts).
import { report } from '../domain/report';
import type { CoreState } from './state';
import { visitsBetween } from './reports';

export interface DaySummary {
  day: string;
  tickets: number;
  served: number;
  noShows: number;
  expired: number;
  meanWaitMin: number | null;
  p90WaitMin: number | null;
  maxWaitMin: number | null;
  withinTarget: number | null;
  satisfaction: number | null;
  /** The service with the most numbers taken, and its within-target share. */
  busiest: { serviceId: string; name: string; tickets: number; withinTarget: number | null } | null;
  /** One line in Chinese for the log and the supervisor. */
  text: string;
}

export function daySummary(core: CoreState, day: string): DaySummary {
  const visits = visitsBetween(core, day, day);
  const { rows, total } = report(visits, 'service');
  const top = [...rows].sort((a, b) => b.tickets - a.tickets)[0];
  const s: Omit<DaySummary, 'text'> = {
    day,
    tickets: total.tickets,
    served: total.served,
    noShows: total.noShows,
    expired: visits.filter((v) => v.status === 'expired').length,
    meanWaitMin: total.meanWaitMin,
    p90WaitMin: total.p90WaitMin,
    maxWaitMin: total.maxWaitMin,
    withinTarget: total.withinTarget,
    satisfaction: total.satisfaction,
    busiest: top
      ? {
          serviceId: top.key,
          name: core.model.serviceName(top.key),
          tickets: top.tickets,
          withinTarget: top.withinTarget,
        }
      : null,
  };
  return { ...s, text: summaryText(s) };
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
const min = (x: number | null) => (x === null ? '—' : `${x} 分钟`);

export function summaryText(s: Omit<DaySummary, 'text'>): string {
  const parts = [
    `${s.day} 日结：取号 ${s.tickets}，办结 ${s.served}，过号 ${s.noShows}，闭厅作废 ${s.expired}`,
    `平均等候 ${min(s.meanWaitMin)}，90% 等候不超过 ${min(s.p90WaitMin)}，最长 ${min(s.maxWaitMin)}`,
    `按时受理 ${pct(s.withinTarget)}，满意率 ${pct(s.satisfaction)}`,
  ];
  if (s.busiest)
    parts.push(`最忙事项 ${s.busiest.name}（${s.busiest.tickets} 个号，按时 ${pct(s.busiest.withinTarget)}）`);
  return parts.join('；');
}
