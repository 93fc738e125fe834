// The hall day, by the hall calendar (server/domain/calendar.ts): the kiosk issues only on working days
// within the day's hours; at the day's closing time tickets still waiting expire and the day summary is
// written to the log (when the hall closes automatically); the first tick of a new day rolls the core over
// even if nobody has pressed anything yet.
import { hoursOn } from '../domain/calendar';
import { minuteOfDay, parseHhMm } from '../domain/numbering';
import type { HallCore } from './hall-core';
import { Periodic } from './periodic';

export class DayCycle extends Periodic {
  constructor(core: HallCore, log: (msg: string, e?: unknown) => void, everyMs = 30_000) {
    super('day cycle', everyMs, () => closeIfTime(core, log), log);
  }
}

function closeIfTime(core: HallCore, log: (msg: string) => void): void {
  core.run('turnDay', {}, 'system');
  const { hall } = core.config;
  const day = core.today();
  if (!hall.autoClose || core.query.isDayClosed(day)) return;
  const hours = hoursOn(hall, day);
  if (hours && minuteOfDay(core.clock(), hall.timezone) < parseHhMm(hours.close)) return;
  const expired = core.run('closeDay', {}, 'system');
  if (!hours && expired === 0) return log(`${day}: ${core.query.openStatus().reason}`);
  const summary = core.query.daySummary(day);
  core.run('recordDaySummary', summary, 'system');
  log(`day closed at ${hours?.close ?? hall.close}: ${expired} ticket(s) expired. ${summary.text}`);
}
