// The hall day in the core: the rollover the first command of a new day runs before its own work (tickets
// left open from an earlier day expire, windows drop yesterday's visitor), closing the day (日结), and the
// housekeeping commands of the timers (core/day-cycle.ts, core/session-sweep.ts).
import * as machine from '../domain/ticket-machine';
import { recordMissedAppointments } from './appointments';
import type { DaySummary } from './day-summary';
import { IDEMPOTENCY_TTL_MS } from './idempotency';
import { recordChange } from './record';
import type { Ctx } from './state';

/** Tickets left open from an earlier day end as expired, never silently deleted. */
export function rollover(ctx: Ctx): void {
  const { state: core, tx, now, day } = ctx;
  for (const t of core.tickets.openBefore(day))
    recordChange({ ...ctx, actor: 'system' }, t, machine.expire(t, now), 'expired');
  for (const w of core.windows.all()) {
    if (w.currentTicket && core.tickets.get(w.currentTicket)?.day !== day) {
      core.windows.save({ ...w, currentTicket: null });
      tx.windows.add(w.no);
    }
  }
  core.idempotency.prune(now - IDEMPOTENCY_TTL_MS);
  recordMissedAppointments(ctx);
}

/** Nothing but the core's own day rollover (which every command runs first when the day has changed). */
export function turnDay(_ctx: Ctx): null {
  return null;
}

/** Closing: tickets still waiting or held end as expired; the kiosk stops issuing (when autoClose). */
export function closeDay(ctx: Ctx): number {
  const { state: core, tx, now, day, actor } = ctx;
  const open = core.tickets.waitingOrHeldOn(day);
  for (const t of open) recordChange(ctx, t, machine.expire(t, now), 'expired');
  core.misc.markDayClosed(day, now);
  recordMissedAppointments(ctx);
  core.log.append({ at: now, type: 'day.closed', actor, data: { day, expired: open.length } });
  tx.queues = true;
  return open.length;
}

/** The day summary (日结) kept in the log when the hall closes. */
export function recordDaySummary(ctx: Ctx, summary: DaySummary): void {
  ctx.state.log.append({ at: ctx.now, type: 'day.summary', actor: ctx.actor, data: { ...summary } });
}

/** Idempotency keys past their time (they are also pruned at each rollover). */
export function pruneIdempotencyKeys(ctx: Ctx): void {
  ctx.state.idempotency.prune(ctx.now - IDEMPOTENCY_TTL_MS);
}
