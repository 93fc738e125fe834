// stats.hourly: after each hour of the hall's clock, that hour's figures per service go into the outbox
// (in one transaction with the marker of the last hour reported, so no hour is reported twice or skipped).
import { visitsBetween } from '../core/reports';
import type { HallCore } from '../core/hall-core';
import { hallDay, localStamp, minuteOfDay } from '../domain/numbering';
import { report, type ReportRow } from '../domain/report';

const HOUR = 3600_000;
const MARK = 'upstream:stats-hour';

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

/** Reports every finished hour since the last one reported (the first run starts with the last hour). */
export function recordHourlyStats(
  core: HallCore,
  add: (type: string, at: number, data: Record<string, unknown>) => void,
): number {
  const tz = core.config.hall.timezone;
  // Most checks find the last hour already reported: no transaction, no write.
  const reported = core.misc.setting(MARK);
  if (reported !== null && Number(reported) + HOUR >= topOfHour(core.clock(), tz)) return 0;
  return core.transact('system', (_tx, now) => {
    const current = topOfHour(now, tz);
    const marked = core.misc.setting(MARK);
    let start = marked === null ? current - HOUR : Number(marked) + HOUR;
    start = Math.max(start, current - 48 * HOUR); // after a long outage, the last two days
    let n = 0;
    for (; start < current; start += HOUR) {
      const day = hallDay(start, tz);
      const hour = Math.floor(minuteOfDay(start, tz) / 60);
      const visits = visitsBetween(core, day, day).filter((v) => v.hour === hour);
      if (!visits.length) continue;
      const { rows, total } = report(visits, 'service');
      add('stats.hourly', start + HOUR, {
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
      });
      n++;
    }
    core.misc.putSetting(MARK, String(current - HOUR));
    return n;
  });
}
