// Ends sessions that stopped counting while nobody used them (expired, password changed, tenure over), so
// their windows are freed and their sockets closed without waiting for a login; prunes idempotency keys.
import type { HallCore } from './hall-core';
import { Periodic } from './periodic';
import type { StaffAccess } from './staff';

export class SessionSweep extends Periodic {
  constructor(core: HallCore, staff: StaffAccess, log: (msg: string, e?: unknown) => void, everyMs = 60_000) {
    super(
      'session sweep',
      everyMs,
      () => {
        staff.sweep();
        core.run('pruneIdempotencyKeys', {}, 'system');
      },
      log,
    );
  }
}
