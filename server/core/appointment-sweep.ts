// The appointment clock: a booked visitor who has not checked in by the slot's end plus the late limit is
// recorded as a no-show (爽约) during the day, so the back office's list shows it before closing time.
// The day's close and the next day's rollover still catch any the sweep has not reached.
import type { HallCore } from './hall-core';
import { Periodic } from './periodic';

export function sweepAppointments(core: HallCore): void {
  // Read first: most minutes nothing is missed, and no transaction is needed.
  if (core.query.hasMissedAppointments()) core.run('recordMissedAppointments', {}, 'system');
}

export class AppointmentSweep extends Periodic {
  constructor(core: HallCore, log: (msg: string, e?: unknown) => void, everyMs = 60_000) {
    super('appointment sweep', everyMs, () => sweepAppointments(core), log);
  }
}
