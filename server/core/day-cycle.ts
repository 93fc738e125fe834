// The hall day: at closing time tickets still waiting expire (when the hall closes automatically), and
// the first tick of a new day rolls the core over even if nobody has pressed anything yet.
import { minuteOfDay, parseHhMm } from '../domain/numbering';
import type { HallCore } from './hall-core';
import { Periodic } from './periodic';

export class DayCycle extends Periodic {
  constructor(core: HallCore, log: (msg: string, e?: unknown) => void, everyMs = 30_000) {
    super('day cycle', everyMs, () => closeIfTime(core, log), log);
  }
}

function closeIfTime(core: HallCore, log: (msg: string) => void): void {
  const { hall } = core.config;
  core.transact('system', () => null);
  const now = core.clock();
  if (
    hall.autoClose &&
    minuteOfDay(now, hall.timezone) >= parseHhMm(hall.close) &&
    !core.misc.isDayClosed(core.today())
  ) {
    const n = core.closeDay('system');
    log(`day closed at ${hall.close}: ${n} ticket(s) expired`);
  }
}
