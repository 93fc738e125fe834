// The clerk operations at a window (call next, recall, start, skip, finish, hold, call back, transfer,
// special call, pause, resume), run by the hall core inside its one transaction per command.
import { HallError } from '../domain/errors';
import { pickNext } from '../domain/routing';
import * as machine from '../domain/ticket-machine';
import type { Ticket } from '../domain/types';
import type { TicketView } from '../protocol/views';
import type { WindowRow } from '../store/windows';
import type { Actor, HallCore, WindowAction, WindowCommandArgs } from './hall-core';
import type { Tx } from './tx';

function requireCurrent(core: HallCore, row: WindowRow, what: string): Ticket {
  const t = core.currentTicket(row);
  if (!t) throw new HallError('NO_CURRENT_TICKET', `${row.no} 号窗口当前没有正在呼叫或办理的号，无法${what}`);
  return t;
}

function requireFree(core: HallCore, row: WindowRow): void {
  const t = core.currentTicket(row);
  if (t) throw new HallError('WINDOW_BUSY', `请先办结、过号或挂起当前的 ${t.number} 号`);
}

function requireServing(row: WindowRow): void {
  if (!row.open) throw new HallError('WINDOW_CLOSED', `${row.no} 号窗口已被值班长关闭`);
  if (!row.clerkId) throw new HallError('WINDOW_CLOSED', `${row.no} 号窗口未开放（无工作人员登录）`);
  if (row.pausedReason !== null) throw new HallError('WINDOW_PAUSED', `${row.no} 号窗口暂停服务中，请先恢复服务`);
}

/** One clerk operation inside the core's transaction; the core handles idempotency around it. */
export function runWindowAction(
  core: HallCore,
  tx: Tx,
  actor: Actor,
  action: WindowAction,
  args: WindowCommandArgs,
  row: WindowRow,
  now: number,
  day: string,
): TicketView | null {
  const save = (r: WindowRow) => {
    core.windows.save(r);
    tx.windows.add(r.no);
  };
  const at = { windowNo: row.no, clerkId: row.clerkId, now };
  const view = (t: Ticket) => core.model.ticketView(t);

  switch (action) {
    case 'call-next': {
      requireServing(row);
      const cur = core.currentTicket(row);
      // A double press (or a retry without a key) returns the ticket just called instead of skipping it.
      if (
        cur &&
        cur.status === 'called' &&
        cur.recallCount === 0 &&
        row.lastCallAt !== null &&
        now - row.lastCallAt < core.config.rules.doublePressMs
      ) {
        return view(cur);
      }
      // "下一位" finishes the visitor at the window before calling the next one; one only called (never
      // started) ends as the clerk said: 已到 → finished, 未到 → no-show (the console asks).
      if (cur && cur.status === 'called' && args.previous === 'no_show')
        core.recordChange(tx, actor, cur, machine.skip(cur, now), 'no_show', now);
      else if (cur) core.recordChange(tx, actor, cur, machine.finish(cur, now), 'finished', now);
      const window = core.model.window(row.no, row)!;
      const picked = pickNext(
        core.tickets.candidates(day, Object.keys(window.skills), row.no),
        window,
        core.model.services,
        now,
        core.config.routing,
      );
      if (!picked) {
        save({ ...row, currentTicket: null });
        return null;
      }
      const t = core.tickets.get(picked.candidate.ticketId)!;
      const called = core.recordChange(tx, actor, t, machine.call(t, at), 'called', now, {
        urgency: Number(picked.score.urgency.toFixed(4)),
        level: picked.score.level,
      });
      save({ ...row, currentTicket: called.id, lastCallAt: now });
      core.queueCall(tx, called, row.no, false, now);
      return view(called);
    }
    case 'recall': {
      const cur = requireCurrent(core, row, '重呼');
      const next = machine.recall(cur, core.config.rules.recallLimit, now);
      if (next.status === 'no_show') {
        core.recordChange(tx, actor, cur, next, 'no_show', now, { reason: 'recall_limit' });
        save({ ...row, currentTicket: null });
      } else {
        core.recordChange(tx, actor, cur, next, 'recalled', now, { recallCount: next.recallCount });
        core.queueCall(tx, next, row.no, true, now);
      }
      return view(next);
    }
    case 'start': {
      const cur = requireCurrent(core, row, '开始办理');
      return view(core.recordChange(tx, actor, cur, machine.start(cur, now), 'started', now));
    }
    case 'skip':
    case 'finish':
    case 'hold': {
      const end = {
        skip: { label: '过号', event: 'no_show' as const, next: (t: Ticket) => machine.skip(t, now) },
        finish: { label: '办结', event: 'finished' as const, next: (t: Ticket) => machine.finish(t, now) },
        hold: { label: '挂起', event: 'held' as const, next: (t: Ticket) => machine.hold(t) },
      }[action];
      const cur = requireCurrent(core, row, end.label);
      const next = end.next(cur);
      core.recordChange(tx, actor, cur, next, end.event, now);
      save({ ...row, currentTicket: null });
      return view(next);
    }
    case 'transfer': {
      const cur = requireCurrent(core, row, '转移');
      if (args.serviceId !== undefined && !core.model.services.has(args.serviceId)) {
        throw new HallError('UNKNOWN_SERVICE', `没有编号为“${args.serviceId}”的事项`);
      }
      if (args.windowNo !== undefined && !core.model.windows.has(args.windowNo)) {
        throw new HallError('UNKNOWN_WINDOW', `没有 ${args.windowNo} 号窗口`);
      }
      const next = machine.transfer(cur, {
        serviceId: args.serviceId,
        windowNo: args.windowNo,
        note: args.note ?? null,
      });
      core.recordChange(tx, actor, cur, next, 'transferred', now, {
        fromWindow: row.no,
        toService: next.serviceId,
        toWindow: args.windowNo ?? null,
        note: args.note ?? null,
      });
      save({ ...row, currentTicket: null });
      if (args.windowNo !== undefined) tx.windows.add(args.windowNo);
      return view(next);
    }
    case 'call-back':
    case 'call': {
      requireServing(row);
      requireFree(core, row);
      const t = findTicket(core, day, args);
      const next = action === 'call' ? machine.call(t, at) : machine.callBack(t, at);
      core.recordChange(tx, actor, t, next, action === 'call' ? 'called' : 'called_back', now, {
        special: action === 'call',
      });
      save({ ...row, currentTicket: next.id, lastCallAt: now });
      core.queueCall(tx, next, row.no, false, now);
      return view(next);
    }
    case 'pause': {
      if (row.pausedReason !== null) throw new HallError('WINDOW_PAUSED', `${row.no} 号窗口已在暂停中`);
      requireFree(core, row);
      const reason = args.reason ?? '暂停服务';
      save({ ...row, pausedReason: reason, pausedAt: now });
      core.log.append({
        at: now,
        type: 'window.paused',
        windowNo: row.no,
        clerkId: row.clerkId,
        actor,
        data: { reason },
      });
      return null;
    }
    case 'resume': {
      if (row.pausedReason === null) throw new HallError('WINDOW_NOT_PAUSED', `${row.no} 号窗口未暂停`);
      save({ ...row, pausedReason: null, pausedAt: null });
      core.log.append({
        at: now,
        type: 'window.resumed',
        windowNo: row.no,
        clerkId: row.clerkId,
        actor,
        data: { pausedForMs: now - (row.pausedAt ?? now) },
      });
      return null;
    }
  }
}

function findTicket(core: HallCore, day: string, args: WindowCommandArgs): Ticket {
  const t = args.ticketId
    ? core.tickets.get(args.ticketId)
    : args.number
      ? core.tickets.byNumber(day, args.number.toUpperCase())
      : null;
  if (!t || t.day !== day)
    throw new HallError('TICKET_NOT_FOUND', `今天没有${args.number ? ` ${args.number} ` : '这个'}号`);
  return t;
}
