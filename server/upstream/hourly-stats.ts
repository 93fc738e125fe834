// stats.hourly: after each hour of the hall's clock, that hour's figures per service go into the outbox
// (in one transaction with the marker of the last hour reported, so no hour is reported twice or skipped).
import type { HallCore } from '../core/hall-core';
import type { OutboxEntry } from '../core/ports';
import { hallDay, localStamp, minuteOfDay } from '../domain/numbering';
import { report, type ReportRow } from '../domain/report';

const HOUR = 3600_000;

const figures = (r: ReportRow) => ({
  tickets: r.tickets,
  served: r.served,
  noShows: r.noShows,
  transfers: r.transfers,
  meanWaitMin: r.meanWaitMin,
  p90WaitMin: r.p90WaitMin,
  maxWaitMin: r.maxWaitMin,
  meanServiceMin: r.meanServiceMin,
  withinTarget: r.withinTarget,
  satisfaction: r.satisfaction,
  evaluationRate: r.evaluationRate,
});

function topOfHour(ms: number, tz: string): number {
  return ms - (minuteOfDay(ms, tz) % 60) * 60_000 - (ms % 60_000);
}

/**
 * Reports every finished hour since the last one reported (the first run starts with the last hour): the
 * hours' rows and the new mark go into the outbox in one command (core/upstream-outbox.ts).
 */
export function recordHourlyStats(core: HallCore): number {
  const tz = core.config.hall.timezone;
  const now = core.clock();
  const current = topOfHour(now, tz);
  // Most checks find the last hour already reported: no transaction, no write.
  const marked = core.query.hourlyStatsMark();
  if (marked !== null && marked + HOUR >= current) return 0;
  let start = marked === null ? current - HOUR : marked + HOUR;
  start = Math.max(start, current - 48 * HOUR); // after a long outage, the last two days
  const entries: OutboxEntry[] = [];
  for (; start < current; start += HOUR) {
    const day = hallDay(start, tz);
    const hour = Math.floor(minuteOfDay(start, tz) / 60);
    const visits = core.query.visitsBetween(day, day).filter((v) => v.hour === hour);
    if (!visits.length) continue;
    const { rows, total } = report(visits, 'service');
    entries.push({
      type: 'stats.hourly',
      at: start + HOUR,
      data: {
        hallId: core.config.hall.id,
        regionCode: core.config.hall.regionCode,
        day,
        hour,
        from: localStamp(start, tz),
        to: localStamp(start + HOUR, tz),
        services: rows.map((r) => ({
          serviceId: r.key,
          matterCode: core.config.services.find((s) => s.id === r.key)?.matterCodes[0] ?? null,
          ...figures(r),
        })),
        total: figures(total),
      },
    });
  }
  return core.run('queueHourlyStats', { after: marked, through: current - HOUR, entries }, 'system');
}
