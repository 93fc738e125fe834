// The ticket state machine: every clerk operation as a pure function from one ticket to the next.
//
//   waiting ──call──► called ──start──► serving ──finish──► finished
//      ▲  │             │ recall (≤ limit, then no_show)      │
//      │  └─cancel/expire   ├─skip──► no_show                  │
//      └──── transfer ◄─────┴──────── hold ──► held ──callBack─┘ (back to called)
//      └──── requeue ◄── called / serving (the clerk was taken off the window)
import { HallError } from './errors';
import { TICKET_STATUS_LABEL } from './labels';
import type { Ticket, TicketStatus } from './types';

export type TicketAction =
  'call' | 'recall' | 'start' | 'skip' | 'finish' | 'hold' | 'callBack' | 'transfer' | 'requeue' | 'cancel' | 'expire';

export const LEGAL_FROM: Record<TicketAction, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  skip: ['called'],
  finish: ['called', 'serving'],
  hold: ['called', 'serving'],
  callBack: ['held'],
  transfer: ['called', 'serving'],
  requeue: ['called', 'serving'],
  cancel: ['waiting', 'held'],
  expire: ['waiting', 'called', 'serving', 'held'],
};

export const STATUS_LABEL_ZH = Object.fromEntries(
  Object.entries(TICKET_STATUS_LABEL).map(([k, v]) => [k, v.zh]),
) as Record<TicketStatus, string>;

export const ACTION_LABEL_ZH: Record<TicketAction, string> = {
  call: '叫号',
  recall: '重呼',
  start: '开始办理',
  skip: '过号',
  finish: '办结',
  hold: '挂起',
  callBack: '回呼',
  transfer: '转移',
  requeue: '退回队列',
  cancel: '取消',
  expire: '作废',
};

export function canApply(action: TicketAction, status: TicketStatus): boolean {
  return LEGAL_FROM[action].includes(status);
}

function assertLegal(action: TicketAction, t: Ticket): void {
  if (!canApply(action, t.status)) {
    throw new HallError(
      'ILLEGAL_TRANSITION',
      `${t.number} 号当前${STATUS_LABEL_ZH[t.status]}，不能${ACTION_LABEL_ZH[action]}`,
      { action, status: t.status, ticket: t.number },
    );
  }
}

export interface AtWindow {
  windowNo: number;
  clerkId: string | null;
  now: number;
}

export function call(t: Ticket, at: AtWindow): Ticket {
  assertLegal('call', t);
  // A ticket reserved for another window (transfer to a window) is not this window's to call.
  if (t.targetWindowNo !== null && t.targetWindowNo !== at.windowNo) {
    throw new HallError('ILLEGAL_TRANSITION', `${t.number} 号已转给 ${t.targetWindowNo} 号窗口`);
  }
  return {
    ...t,
    status: 'called',
    windowNo: at.windowNo,
    clerkId: at.clerkId,
    calledAt: at.now,
    recallCount: 0,
    targetWindowNo: null,
  };
}

/** A recall past the hall's limit turns the ticket into a no-show instead. */
export function recall(t: Ticket, recallLimit: number, now: number): Ticket {
  assertLegal('recall', t);
  if (t.recallCount >= recallLimit) return { ...t, status: 'no_show', finishedAt: now };
  return { ...t, recallCount: t.recallCount + 1 };
}

export function start(t: Ticket, now: number): Ticket {
  assertLegal('start', t);
  return { ...t, status: 'serving', servingAt: now };
}

export function skip(t: Ticket, now: number): Ticket {
  assertLegal('skip', t);
  return { ...t, status: 'no_show', finishedAt: now };
}

export function finish(t: Ticket, now: number): Ticket {
  assertLegal('finish', t);
  // Finishing straight from "called" means the clerk never pressed start: service began at the call.
  return { ...t, status: 'finished', servingAt: t.servingAt ?? t.calledAt, finishedAt: now };
}

/** Park a visitor (fetching a document); the ticket stays reserved for this window. */
export function hold(t: Ticket): Ticket {
  assertLegal('hold', t);
  return { ...t, status: 'held', targetWindowNo: t.windowNo };
}

export function callBack(t: Ticket, at: AtWindow): Ticket {
  assertLegal('callBack', t);
  if (t.targetWindowNo !== at.windowNo) {
    throw new HallError(
      'ILLEGAL_TRANSITION',
      `${t.number} 号挂起在 ${t.targetWindowNo ?? '其他'} 号窗口，本窗口不能回呼`,
    );
  }
  return {
    ...t,
    status: 'called',
    windowNo: at.windowNo,
    clerkId: at.clerkId,
    calledAt: at.now,
    recallCount: 0,
    targetWindowNo: null,
  };
}

export interface TransferTarget {
  serviceId?: string;
  windowNo?: number;
  note?: string | null;
}

/** Back to waiting under another service or reserved for another window; number and wait start are kept. */
export function transfer(t: Ticket, to: TransferTarget): Ticket {
  assertLegal('transfer', t);
  const serviceId = to.serviceId ?? t.serviceId;
  if (to.windowNo === undefined && serviceId === t.serviceId) {
    throw new HallError('SAME_TARGET', `${t.number} 号已是该事项，请选择其他事项或窗口`);
  }
  if (to.windowNo !== undefined && to.windowNo === t.windowNo) {
    throw new HallError('SAME_TARGET', `${t.number} 号已在 ${to.windowNo} 号窗口，请选择其他窗口`);
  }
  return {
    ...t,
    status: 'waiting',
    serviceId,
    targetWindowNo: to.windowNo ?? null,
    windowNo: null,
    clerkId: null,
    calledAt: null,
    servingAt: null,
    recallCount: 0,
    transferCount: t.transferCount + 1,
    transferredFrom: t.windowNo,
    note: to.note ?? t.note,
  };
}

/**
 * Back to the queue of its own matter, number and wait start kept (it is called again by age like any
 * other): the window it was called to has no clerk any more.
 */
export function requeue(t: Ticket): Ticket {
  assertLegal('requeue', t);
  return {
    ...t,
    status: 'waiting',
    targetWindowNo: null,
    windowNo: null,
    clerkId: null,
    calledAt: null,
    servingAt: null,
    recallCount: 0,
  };
}

export function cancel(t: Ticket, now: number): Ticket {
  assertLegal('cancel', t);
  return { ...t, status: 'cancelled', finishedAt: now, targetWindowNo: null };
}

export function expire(t: Ticket, now: number): Ticket {
  assertLegal('expire', t);
  return { ...t, status: 'expired', finishedAt: now, targetWindowNo: null };
}
