// Changes to a ticket away from any window: staff (导服台) setting its priority, and the printer's record
// of printing it. Each is one transaction of the hall core.
import { HallError } from '../domain/errors';
import type { Priority } from '../domain/types';
import type { TicketView } from '../protocol/views';
import type { Actor, HallCore } from './hall-core';

/** Set or clear a waiting (or held) ticket's priority; routing uses it at the next call. */
export function setPriority(core: HallCore, id: string, priority: Priority | null, actor: Actor): TicketView {
  return core.transact(actor, (tx, now) => {
    const t = core.tickets.get(id);
    if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
    if (t.status !== 'waiting' && t.status !== 'held')
      throw new HallError('ILLEGAL_TRANSITION', `${t.number} 号已不在等候中`);
    const after = core.recordChange(tx, actor, t, { ...t, priority }, 'reprioritised', now, {
      before: t.priority,
      after: priority,
    });
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
