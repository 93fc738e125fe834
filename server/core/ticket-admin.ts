// Changes to a ticket away from any window: staff (导服台) setting its priority, and the printer's record
// of printing it. Each is one transaction of the hall core.
import { HallError } from '../domain/errors';
import { maskPersonalNumbers } from '../domain/personal-numbers';
import type { Priority } from '../domain/types';
import type { TicketView } from '../protocol/views';
import type { Actor, HallCore } from './hall-core';

/** Set or clear a waiting (or held) ticket's priority; routing uses it at the next call. */
export function setPriority(
  core: HallCore,
  id: string,
  priority: Priority | null,
  actor: Actor,
  reason?: string,
): TicketView {
  return core.transact(actor, (tx, now) => {
    const t = core.tickets.get(id);
    if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
    if (t.status !== 'waiting' && t.status !== 'held')
      throw new HallError('ILLEGAL_TRANSITION', `${t.number} 号已不在等候中`);
    const after = core.recordChange(tx, actor, t, { ...t, priority }, 'reprioritised', now, {
      before: t.priority,
      after: priority,
      // Free text: a full ID or mobile number typed into it is masked before it reaches the log.
      ...(reason ? { reason: maskPersonalNumbers(reason) } : {}),
    });
    return core.model.ticketView(after);
  });
}

/** A supervisor moves a waiting ticket to another service's queue or reserves it for a window; it keeps its wait. */
export function moveTicket(
  core: HallCore,
  id: string,
  to: { serviceId?: string; windowNo?: number },
  actor: Actor,
): TicketView {
  if (to.serviceId !== undefined && !core.model.services.has(to.serviceId))
    throw new HallError('UNKNOWN_SERVICE', `没有编号为“${to.serviceId}”的事项`);
  if (to.windowNo !== undefined && !core.model.windows.has(to.windowNo))
    throw new HallError('UNKNOWN_WINDOW', `没有 ${to.windowNo} 号窗口`);
  return core.transact(actor, (tx, now) => {
    const t = core.tickets.get(id);
    if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
    if (t.status !== 'waiting') throw new HallError('ILLEGAL_TRANSITION', `${t.number} 号已不在等候中`);
    const serviceId = to.serviceId ?? t.serviceId;
    const targetWindowNo = to.windowNo ?? null;
    if (serviceId === t.serviceId && targetWindowNo === t.targetWindowNo)
      throw new HallError('SAME_TARGET', `${t.number} 号已在该队列`);
    const after = core.recordChange(
      tx,
      actor,
      t,
      { ...t, serviceId, targetWindowNo, transferCount: t.transferCount + 1 },
      'transferred',
      now,
      { moved: true, toService: serviceId, toWindow: targetWindowNo },
    );
    if (targetWindowNo !== null) tx.windows.add(targetWindowNo);
    return core.model.ticketView(after);
  });
}

export type PrintRecord = {
  printerId: string;
  state: string;
  printed: boolean;
  reprint: boolean;
};

/** The audit trail shows every print and every failed print of a ticket. */
export function notePrint(core: HallCore, id: string, data: PrintRecord, actor: Actor): void {
  core.transact(actor, (_tx, now) => {
    if (!core.tickets.get(id)) return;
    core.log.append({
      at: now,
      type: data.printed ? 'ticket.printed' : 'ticket.print_failed',
      ticketId: id,
      actor,
      data,
    });
  });
}
