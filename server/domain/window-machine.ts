// The window's own rules, pure (no database, no clock of its own): when a window may call, the double-press
// guard, what "下一位" (call-next) does to the visitor at the window, pause and resume, and what calling or
// ending a visit leaves on the window. The hall core applies them (server/core/window-commands.ts) and the
// simulator (scripts/simulate/engine.ts) runs its windows by them; the ticket's own rules are in
// ticket-machine.ts.
import { HallError } from './errors';
import type { Ticket } from './types';

/** What the rules need of a window's live state (the core's WindowRow has these fields and more). */
export interface WindowSeat {
  no: number;
  /** Closed by a supervisor when false. */
  open: boolean;
  /** The clerk logged in at the window (null: nobody, the window is closed). */
  clerkId: string | null;
  pausedReason: string | null;
  pausedAt: number | null;
  /** The ticket being called or served here. */
  currentTicket: string | null;
  lastCallAt: number | null;
}

/** The visitor at a window, as far as the window's rules care. */
export type Visit = Pick<Ticket, 'id' | 'number' | 'status' | 'recallCount'>;

/** How a visit at the window ends: 办结 (finished) or 过号 (no-show). */
export type VisitEnding = 'finish' | 'skip';

/** A window calls (call-next, a special call, a call-back) only while open, staffed and not paused. */
export function assertServing(w: WindowSeat): void {
  if (!w.open) throw new HallError('WINDOW_CLOSED', `${w.no} 号窗口已被值班长关闭`);
  if (!w.clerkId) throw new HallError('WINDOW_CLOSED', `${w.no} 号窗口未开放（无工作人员登录）`);
  if (w.pausedReason !== null) throw new HallError('WINDOW_PAUSED', `${w.no} 号窗口暂停服务中，请先恢复服务`);
}

/** A special call, a call-back and a pause need the window free of any visitor. */
export function assertFree(current: Visit | null): void {
  if (current) throw new HallError('WINDOW_BUSY', `请先办结、过号或挂起当前的 ${current.number} 号`);
}

/** Recall, start, skip, finish, hold and transfer act on the visitor at the window: there must be one. */
export function requireCurrent<T extends Visit>(w: WindowSeat, current: T | null, what: string): T {
  if (!current) throw new HallError('NO_CURRENT_TICKET', `${w.no} 号窗口当前没有正在呼叫或办理的号，无法${what}`);
  return current;
}

/**
 * The double-press guard: a second 下一位 right after a call (a double press, or a retry without a key)
 * is answered with the ticket just called instead of skipping it. Only for a first call not yet recalled.
 */
export function isDoublePress(w: WindowSeat, current: Visit | null, now: number, doublePressMs: number): boolean {
  return (
    current !== null &&
    current.status === 'called' &&
    current.recallCount === 0 &&
    w.lastCallAt !== null &&
    now - w.lastCallAt < doublePressMs
  );
}

/** What the clerk said of a visitor only called, never started: 已到 (finished) or 未到 (no_show). */
export type CalledOnlyOutcome = 'finished' | 'no_show';

/**
 * "下一位 finishes the current visitor": how call-next ends the visit at the window before calling the
 * next one. A visitor only called (never started) ends as the clerk said — 已到 → 办结, 未到 → 过号 — and the
 * console always asks (issue 22). Unsaid, it ends as 办结, as before: a keypad has no start key, so its
 * 下一位 means "served, next", and its own 过号 key records a no-show (docs/DESIGN.md §6.1).
 */
export function callNextEnding(current: Visit, said?: CalledOnlyOutcome): VisitEnding {
  return current.status === 'called' && said === 'no_show' ? 'skip' : 'finish';
}

export type CallNextStep =
  /** A double press: answer with the ticket just called; nothing changes. */
  | { kind: 'repeat' }
  /** End the visit at the window (if any) this way, then call the next ticket. */
  | { kind: 'call'; ending: VisitEnding | null };

/** What 下一位 does at this window now (throws when the window may not call). */
export function callNextStep(
  w: WindowSeat,
  current: Visit | null,
  now: number,
  doublePressMs: number,
  said?: CalledOnlyOutcome,
): CallNextStep {
  assertServing(w);
  if (isDoublePress(w, current, now, doublePressMs)) return { kind: 'repeat' };
  return { kind: 'call', ending: current ? callNextEnding(current, said) : null };
}

/** The window after it called a ticket: the ticket is its current one and the call time arms the guard. */
export function afterCall<W extends WindowSeat>(w: W, ticketId: string, now: number): W {
  return { ...w, currentTicket: ticketId, lastCallAt: now };
}

/** The window after its visit ended (finished, skipped, held, transferred) or nothing was left to call. */
export function afterVisit<W extends WindowSeat>(w: W): W {
  return { ...w, currentTicket: null };
}

/**
 * A clerk leaves a window. Taken off it (签退, an expired or revoked session, a login at another window), a
 * visitor called or being served there goes back to the queue (requeue) rather than staying at a window
 * nobody can act for. A clerk who logs out himself leaves the visitor to the window's next clerk, who
 * continues the visit (the console asks first; closing the window sends the visitor back instead).
 */
export function leave<W extends WindowSeat>(
  w: W,
  current: Visit | null,
  how: 'logout' | 'taken_off' = 'taken_off',
): { window: W; requeue: boolean } {
  const requeue = current !== null && how === 'taken_off';
  return { window: { ...w, clerkId: null, ...(requeue ? { currentTicket: null } : {}) }, requeue };
}

/** 暂停服务: only a window not already paused and with nobody at it. */
export function pause<W extends WindowSeat>(w: W, current: Visit | null, reason: string | undefined, now: number): W {
  if (w.pausedReason !== null) throw new HallError('WINDOW_PAUSED', `${w.no} 号窗口已在暂停中`);
  assertFree(current);
  return { ...w, pausedReason: reason ?? '暂停服务', pausedAt: now };
}

/** 恢复服务: the window again, and how long the pause lasted. */
export function resume<W extends WindowSeat>(w: W, now: number): { window: W; pausedForMs: number } {
  if (w.pausedReason === null) throw new HallError('WINDOW_NOT_PAUSED', `${w.no} 号窗口未暂停`);
  return { window: { ...w, pausedReason: null, pausedAt: null }, pausedForMs: now - (w.pausedAt ?? now) };
}

/**
 * A supervisor closes a window only when nobody is being called or served there by its clerk. A visitor left
 * at a window without a clerk (its clerk logged out mid-visit) cannot be finished by anyone: closing that
 * window sends the visitor back to the queue (true: requeue them).
 */
export function assertMayClose(w: WindowSeat, current: Visit | null): boolean {
  if (current && w.clerkId !== null) throw new HallError('WINDOW_BUSY', `${w.no} 号窗口正在叫号或办理，请办结后再关闭`);
  return current !== null;
}
