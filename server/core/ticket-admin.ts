// Changes to a ticket away from any window: staff (导服台) setting its priority or cancelling it, a
// supervisor moving it, and the printer's record of printing it. Each is a command of the hall core.
import { HallError } from '../domain/errors';
import { maskPersonalNumbers } from '../domain/personal-numbers';
import * as machine from '../domain/ticket-machine';
import type { Priority } from '../domain/types';
import type { TicketView } from '../protocol/views';
import { recordChange } from './record';
import type { Ctx } from './state';

/** Set or clear a waiting (or held) ticket's priority; routing uses it at the next call. */
export function setPriority(
  ctx: Ctx,
  { id, priority, reason }: { id: string; priority: Priority | null; reason?: string },
): TicketView {
  const { state: core } = ctx;
  const t = core.tickets.get(id);
  if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
  if (t.status !== 'waiting' && t.status !== 'held')
    throw new HallError('ILLEGAL_TRANSITION', `${t.number} 号已不在等候中`);
  const after = recordChange(ctx, t, { ...t, priority }, 'reprioritised', {
    before: t.priority,
    after: priority,
    // Why the visitor has the right (the guide desk asks): free text, so an ID or mobile number is masked.
    ...(reason ? { reason: maskPersonalNumbers(reason) } : {}),
  });
  return core.model.ticketView(after);
}

/** A visitor gives up a waiting (or held) ticket. */
export function cancelTicket(ctx: Ctx, { id }: { id: string }): TicketView {
  const t = ctx.state.tickets.get(id);
  if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
  return ctx.state.model.ticketView(recordChange(ctx, t, machine.cancel(t, ctx.now), 'cancelled'));
}

/** A supervisor moves a waiting ticket to another service's queue or reserves it for a window; it keeps its wait. */
export function moveTicket(
  ctx: Ctx,
  { id, to }: { id: string; to: { serviceId?: string; windowNo?: number } },
): TicketView {
  const { state: core, tx } = ctx;
  if (to.serviceId !== undefined && !core.model.services.has(to.serviceId))
    throw new HallError('UNKNOWN_SERVICE', `没有编号为“${to.serviceId}”的事项`);
  if (to.windowNo !== undefined && !core.model.windows.has(to.windowNo))
    throw new HallError('UNKNOWN_WINDOW', `没有 ${to.windowNo} 号窗口`);
  const t = core.tickets.get(id);
  if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
  if (t.status !== 'waiting') throw new HallError('ILLEGAL_TRANSITION', `${t.number} 号已不在等候中`);
  const serviceId = to.serviceId ?? t.serviceId;
  const targetWindowNo = to.windowNo ?? null;
  if (serviceId === t.serviceId && targetWindowNo === t.targetWindowNo)
    throw new HallError('SAME_TARGET', `${t.number} 号已在该队列`);
  const after = recordChange(
    ctx,
    t,
    { ...t, serviceId, targetWindowNo, transferCount: t.transferCount + 1 },
    'transferred',
    { moved: true, toService: serviceId, toWindow: targetWindowNo },
  );
  if (targetWindowNo !== null) tx.windows.add(targetWindowNo);
  return core.model.ticketView(after);
}

export type PrintRecord = {
  printerId: string;
  state: string;
  printed: boolean;
  reprint: boolean;
};

/** The audit trail shows every print and every failed print of a ticket. */
export function notePrint(ctx: Ctx, { id, ...data }: PrintRecord & { id: string }): void {
  const { state: core, now, actor } = ctx;
  if (!core.tickets.get(id)) return;
  core.log.append({
    at: now,
    type: data.printed ? 'ticket.printed' : 'ticket.print_failed',
    ticketId: id,
    actor,
    data,
  });
}
