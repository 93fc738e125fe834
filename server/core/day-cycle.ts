// The hall day, by the hall calendar (server/domain/calendar.ts): the kiosk issues only on working days
// within the day's hours; at the day's closing time tickets still waiting expire and the day summary is
// written to the log (when the hall closes automatically); the first tick of a new day rolls the core over
// even if nobody has pressed anything yet.
import { daySummary } from './day-summary';
import type { HallCore } from './hall-core';
import { Periodic } from './periodic';

export class DayCycle extends Periodic {
  constructor(core: HallCore, log: (msg: string, e?: unknown) => void, everyMs = 30_000) {
    super('day cycle', everyMs, () => closeIfTime(core, log), log);
  }
}

function closeIfTime(core: HallCore, log: (msg: string) => void): void {
  core.transact('system', () => null);
  const day = core.today();
  const status = core.openStatus();
  if (!core.config.hall.autoClose || core.misc.isDayClosed(day)) return;
  if (status.state !== 'after-close' && status.state !== 'day-off') return;
  const expired = core.closeDay('system');
  if (status.state === 'day-off' && expired === 0) return log(`${day}: ${status.reason}`);
  const summary = daySummary(core, day);
  core.transact('system', (_tx, now) => {
    core.log.append({ at: now, type: 'day.summary', actor: 'system', data: { ...summary } });
  });
  log(`day closed at ${status.hours?.close ?? core.config.hall.close}: ${expired} ticket(s) expired. ${summary.text}`);
}
