// The clerk's operations at a window, one small handler each (call next, recall, start, skip, finish, hold,
// call back, transfer, call a number, pause, resume). Each runs inside the core's one transaction per
// command; the window's rules are in server/domain/window-machine.ts, the ticket's in ticket-machine.ts.
import { HallError } from '../domain/errors';
import { maskOptional } from '../domain/personal-numbers';
import { pickNext } from '../domain/routing';
import * as machine from '../domain/ticket-machine';
import type { Ticket } from '../domain/types';
import * as seat from '../domain/window-machine';
import type { TicketView } from '../protocol/views';
import type { WindowRow } from '../store/windows';
import { promptFor, visitorLeft } from './evaluations';
import { queueCall, recordChange } from './record';
import type { Ctx } from './state';

/** The wire's names of the window operations (HTTP `POST /api/windows/:no/:action`, MQTT keypads). */
export type WindowAction =
  | 'call-next'
  | 'recall'
  | 'start'
  | 'skip'
  | 'finish'
  | 'hold'
  | 'call-back'
  | 'transfer'
  | 'call'
  | 'pause'
  | 'resume';

export interface WindowCommandArgs {
  reason?: string;
  serviceId?: string;
  /** transfer: the window the visitor is sent to. */
  windowNo?: number;
  note?: string;
  number?: string;
  ticketId?: string;
  /** call-next: how a current ticket only called (never started) ends — 已到 / 未到 (window-machine). */
  previous?: 'finished' | 'no_show';
}

/** A window command's arguments: the window acting, and what the operation needs. */
export type AtWindow = WindowCommandArgs & { window: number };

interface Here {
  row: WindowRow;
  current: Ticket | null;
  args: WindowCommandArgs;
}

/** The acting window and its visitor; free text masked (it reaches boards, consoles and the log). */
function here(ctx: Ctx, a: AtWindow): Here {
  const { state: s } = ctx;
  const row = s.windows.get(a.window);
  if (!row || !s.model.window(a.window, row)) throw new HallError('UNKNOWN_WINDOW', `没有 ${a.window} 号窗口`);
  const { window: _, ...args } = a;
  return {
    row,
    current: s.currentTicket(row),
    args: { ...args, note: maskOptional(args.note), reason: maskOptional(args.reason) },
  };
}

function saveWindow(ctx: Ctx, row: WindowRow): void {
  ctx.state.windows.save(row);
  ctx.tx.windows.add(row.no);
}

const view = (ctx: Ctx, t: Ticket) => ctx.state.model.ticketView(t);

/**
 * 办结: the visit is recorded as finished, and — the 好差评 rule — every finished visit at a window is put
 * to the visitor on that window's pad.
 */
function finishVisit(ctx: Ctx, cur: Ticket): Ticket {
  const done = recordChange(ctx, cur, machine.finish(cur, ctx.now), 'finished');
  if (done.windowNo !== null) promptFor(ctx, done, done.windowNo);
  return done;
}

/** 过号: the visitor did not come. */
function skipVisit(ctx: Ctx, cur: Ticket): Ticket {
  return recordChange(ctx, cur, machine.skip(cur, ctx.now), 'no_show');
}

const endVisit = (ctx: Ctx, cur: Ticket, how: seat.VisitEnding) =>
  how === 'finish' ? finishVisit(ctx, cur) : skipVisit(ctx, cur);

/** 下一位: ends the visit at the window (window-machine's rule), then calls the ticket routing picks. */
export function callNext(ctx: Ctx, a: AtWindow): TicketView | null {
  const { state: s, now, day } = ctx;
  const { row, current, args } = here(ctx, a);
  const step = seat.callNextStep(row, current, now, s.config.rules.doublePressMs, args.previous);
  if (step.kind === 'repeat') return view(ctx, current!);
  if (current && step.ending) endVisit(ctx, current, step.ending);
  const window = s.model.window(row.no, row)!;
  const picked = pickNext(
    s.tickets.candidates(day, Object.keys(window.skills), row.no),
    window,
    s.model.services,
    now,
    s.config.routing,
  );
  if (!picked) {
    saveWindow(ctx, seat.afterVisit(row));
    return null;
  }
  const t = s.tickets.get(picked.candidate.ticketId)!;
  const called = recordChange(ctx, t, machine.call(t, { windowNo: row.no, clerkId: row.clerkId, now }), 'called', {
    urgency: Number(picked.score.urgency.toFixed(4)),
    level: picked.score.level,
  });
  saveWindow(ctx, seat.afterCall(row, called.id, now));
  queueCall(ctx, called, row.no, false);
  return view(ctx, called);
}

/** 重呼: the call again; past the recall limit the visitor is recorded as 过号. */
export function recall(ctx: Ctx, a: AtWindow): TicketView {
  const { row, current } = here(ctx, a);
  const cur = seat.requireCurrent(row, current, '重呼');
  const next = machine.recall(cur, ctx.state.config.rules.recallLimit, ctx.now);
  if (next.status === 'no_show') {
    recordChange(ctx, cur, next, 'no_show', { reason: 'recall_limit' });
    saveWindow(ctx, seat.afterVisit(row));
  } else {
    recordChange(ctx, cur, next, 'recalled', { recallCount: next.recallCount });
    queueCall(ctx, next, row.no, true);
  }
  return view(ctx, next);
}

/** 开始办理: the visitor arrived at the window. */
export function start(ctx: Ctx, a: AtWindow): TicketView {
  const { row, current } = here(ctx, a);
  const cur = seat.requireCurrent(row, current, '开始办理');
  const started = recordChange(ctx, cur, machine.start(cur, ctx.now), 'started');
  visitorLeft(ctx, row.no, cur.id); // the pad now serves this visitor, not the last one's rating
  return view(ctx, started);
}

/** 办结 (which prompts the pad: finishVisit). */
export function finish(ctx: Ctx, a: AtWindow): TicketView {
  const { row, current } = here(ctx, a);
  const done = finishVisit(ctx, seat.requireCurrent(row, current, '办结'));
  saveWindow(ctx, seat.afterVisit(row));
  return view(ctx, done);
}

/** 过号. */
export function skip(ctx: Ctx, a: AtWindow): TicketView {
  const { row, current } = here(ctx, a);
  const next = skipVisit(ctx, seat.requireCurrent(row, current, '过号'));
  saveWindow(ctx, seat.afterVisit(row));
  return view(ctx, next);
}

/** 挂起: the visitor steps away (to fetch a document); the window may call them back later. */
export function hold(ctx: Ctx, a: AtWindow): TicketView {
  const { row, current } = here(ctx, a);
  const cur = seat.requireCurrent(row, current, '挂起');
  const next = recordChange(ctx, cur, machine.hold(cur), 'held');
  saveWindow(ctx, seat.afterVisit(row));
  return view(ctx, next);
}

/** 转移: the visitor goes to another service's queue or is reserved for another window, keeping the wait. */
export function transfer(ctx: Ctx, a: AtWindow): TicketView {
  const { model } = ctx.state;
  const { row, current, args } = here(ctx, a);
  const cur = seat.requireCurrent(row, current, '转移');
  if (args.serviceId !== undefined && !model.services.has(args.serviceId)) {
    throw new HallError('UNKNOWN_SERVICE', `没有编号为“${args.serviceId}”的事项`);
  }
  if (args.windowNo !== undefined && !model.windows.has(args.windowNo)) {
    throw new HallError('UNKNOWN_WINDOW', `没有 ${args.windowNo} 号窗口`);
  }
  const next = machine.transfer(cur, { serviceId: args.serviceId, windowNo: args.windowNo, note: args.note ?? null });
  recordChange(ctx, cur, next, 'transferred', {
    fromWindow: row.no,
    toService: next.serviceId,
    toWindow: args.windowNo ?? null,
    note: args.note ?? null,
  });
  saveWindow(ctx, seat.afterVisit(row));
  if (args.windowNo !== undefined) ctx.tx.windows.add(args.windowNo);
  return view(ctx, next);
}

/** 特呼 (callNumber) and 回呼 (callBack): a chosen ticket, at a free window that may call. */
function callChosen(ctx: Ctx, a: AtWindow, how: 'callNumber' | 'callBack'): TicketView {
  const { row, current, args } = here(ctx, a);
  seat.assertServing(row);
  seat.assertFree(current);
  const t = findTicket(ctx, args);
  const at = { windowNo: row.no, clerkId: row.clerkId, now: ctx.now };
  const special = how === 'callNumber';
  const next = special ? machine.call(t, at) : machine.callBack(t, at);
  recordChange(ctx, t, next, special ? 'called' : 'called_back', { special });
  saveWindow(ctx, seat.afterCall(row, next.id, ctx.now));
  queueCall(ctx, next, row.no, false);
  return view(ctx, next);
}

export const callNumber = (ctx: Ctx, a: AtWindow) => callChosen(ctx, a, 'callNumber');
export const callBack = (ctx: Ctx, a: AtWindow) => callChosen(ctx, a, 'callBack');

/** 暂停服务 (a break), logged with its reason. */
export function pause(ctx: Ctx, a: AtWindow): null {
  const { row, current, args } = here(ctx, a);
  const paused = seat.pause(row, current, args.reason, ctx.now);
  saveWindow(ctx, paused);
  ctx.state.log.append({
    at: ctx.now,
    type: 'window.paused',
    windowNo: row.no,
    clerkId: row.clerkId,
    actor: ctx.actor,
    data: { reason: paused.pausedReason },
  });
  return null;
}

/** 恢复服务, logged with how long the window was paused. */
export function resume(ctx: Ctx, a: AtWindow): null {
  const { row } = here(ctx, a);
  const { window, pausedForMs } = seat.resume(row, ctx.now);
  saveWindow(ctx, window);
  ctx.state.log.append({
    at: ctx.now,
    type: 'window.resumed',
    windowNo: row.no,
    clerkId: row.clerkId,
    actor: ctx.actor,
    data: { pausedForMs },
  });
  return null;
}

function findTicket(ctx: Ctx, args: WindowCommandArgs): Ticket {
  const { state: s, day } = ctx;
  const t = args.ticketId
    ? s.tickets.get(args.ticketId)
    : args.number
      ? s.tickets.byNumber(day, args.number.toUpperCase())
      : null;
  if (!t || t.day !== day)
    throw new HallError('TICKET_NOT_FOUND', `今天没有${args.number ? ` ${args.number} ` : '这个'}号`);
  return t;
}
