// How a command records what it did to a ticket: saved, logged and queued as an event (published after the
// commit), and the `call` event every screen announces. Nothing here decides anything: the rules are in
// server/domain/ (ticket-machine.ts, window-machine.ts) and in the commands that apply them.
import * as machine from '../domain/ticket-machine';
import type { Ticket } from '../domain/types';
import type { CallAudio } from '../protocol/views';
import { toPublic } from '../protocol/views';
import type { TicketAction } from './events';
import type { Ctx } from './state';

/** Saves a ticket change, logs it and queues its event. */
export function recordChange(
  ctx: Ctx,
  before: Ticket,
  after: Ticket,
  action: TicketAction,
  data: Record<string, unknown> = {},
): Ticket {
  const { state: s, tx, now, actor } = ctx;
  s.tickets.update(after);
  if (before.status === 'waiting') s.misc.adjustWaiting(before.day, before.serviceId, -1);
  if (after.status === 'waiting') s.misc.adjustWaiting(after.day, after.serviceId, 1);
  const windowNo = after.windowNo ?? before.windowNo;
  s.log.append({
    at: now,
    type: `ticket.${action}`,
    ticketId: after.id,
    windowNo,
    clerkId: after.clerkId ?? before.clerkId,
    actor,
    data: { number: after.number, serviceId: after.serviceId, from: before.status, to: after.status, ...data },
  });
  tx.events.push({ type: 'ticket.changed', payload: { ticket: s.model.ticketView(after), action, windowNo } });
  if (before.status === 'waiting' || after.status === 'waiting' || before.serviceId !== after.serviceId)
    tx.queues = true;
  if (windowNo !== null) tx.windows.add(windowNo);
  return after;
}

/** A visitor sent back to the queue from a window that can no longer serve them (window-machine: leave, close). */
export function requeueVisitor(ctx: Ctx, t: Ticket, fromWindow: number, reason: string): void {
  recordChange(ctx, t, machine.requeue(t), 'requeued', { fromWindow, reason });
}

function audioOf(ctx: Ctx, ticket: string, windowNo: number, windowName: string): CallAudio | null {
  try {
    return ctx.state.callAudio?.({ ticket, windowNo, windowName }) ?? null;
  } catch (e) {
    console.error('voice: no audio for the call', e);
    return null;
  }
}

/** Queues the `call` event every screen announces. */
export function queueCall(ctx: Ctx, t: Ticket, windowNo: number, recall: boolean): void {
  const { model } = ctx.state;
  const w = model.windows.get(windowNo)!;
  const said = model.announcement(t.number, windowNo);
  ctx.tx.events.push({
    type: 'call',
    payload: {
      ticket: toPublic(model.ticketView(t)),
      windowNo,
      windowName: w.name,
      recall,
      at: new Date(ctx.now).toISOString(),
      announcement: said.text,
      spoken: said.spoken,
      audio: audioOf(ctx, t.number, windowNo, w.name),
    },
  });
}
