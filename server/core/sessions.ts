// Sessions and window tenures (issue 23). A clerk who logs in at a window starts a tenure of it: a random id
// kept on the window and on every session opened there while he holds it. When the window changes hands
// (logout, a supervisor's sign-out, a move to another window, expiry, revocation, a password change) the
// tenure ends, and with it every session of it, so an old token can never act for the window's next clerk.
// Ending sessions queues `session.ended`, on which the realtime adapter closes their sockets.
import { createHash } from 'node:crypto';
import type { SessionEndedEvent } from '../protocol/socket';
import type { SessionRow } from '../store/sessions';
import type { WindowRow } from '../store/windows';
import * as seat from '../domain/window-machine';
import { requeueVisitor } from './record';
import type { CoreState, Ctx } from './state';

/** A clerk token lasts one working day at most: a stolen token does not outlive the shift. */
export const SESSION_MAX_MS = 16 * 3600_000;

export type SessionEndReason = SessionEndedEvent['reason'];

/** What the page of an ended session tells its user (the socket's `session.ended`). */
export const SESSION_END_MESSAGES: Record<SessionEndReason, string> = {
  logout: '您已退出登录',
  moved: '本窗口的登录已结束（您已在其他窗口登录，或窗口已由他人接管），请重新登录',
  signed_out: '值班长已将本窗口签退，请重新登录',
  revoked: '您的登录已被注销，请重新登录',
  password: '密码已更改，请用新密码重新登录',
  expired: '登录已过期，请重新登录',
};

/** What a session remembers of the password it was opened with: a change ends the session. */
export function credentialOf(passwordHash: string): string {
  return createHash('sha256').update(passwordHash).digest('hex').slice(0, 32);
}

/** Why a stored session no longer counts, or null while it does. */
export function deadReason(core: CoreState, s: SessionRow, now: number): SessionEndReason | null {
  if (now - s.createdAt > SESSION_MAX_MS) return 'expired';
  const clerk = core.model.clerks.get(s.clerkId);
  // Sessions from before the fingerprint existed ('') are kept until they expire.
  if (clerk?.disabled) return 'revoked';
  if (!clerk || (s.credential !== '' && s.credential !== credentialOf(clerk.passwordHash))) return 'password';
  if (s.windowNo !== null) {
    const w = core.windows.get(s.windowNo);
    if (!w || w.clerkId !== s.clerkId || w.tenure !== s.tenure) return 'moved';
  }
  return null;
}

/**
 * Ends these sessions: deletes them, frees each window whose tenure has no session left, records it, and
 * queues `session.ended` so their sockets are closed after the commit.
 */
export function endSessions(ctx: Ctx, rows: readonly SessionRow[], reason: SessionEndReason, actor = ctx.actor): void {
  const { state: core, tx, now } = ctx;
  if (!rows.length) return;
  for (const r of rows) core.sessions.delete(r.digest);
  const freed = new Set<number>();
  for (const r of rows) {
    if (r.windowNo === null || freed.has(r.windowNo)) continue;
    const w = core.windows.get(r.windowNo);
    if (!w || w.clerkId !== r.clerkId || w.tenure !== r.tenure) continue;
    if (core.sessions.atWindow(w.no).some((s) => s.tenure === w.tenure)) continue;
    leaveWindow(ctx, w, reason);
    freed.add(w.no);
  }
  for (const clerkId of new Set(rows.map((r) => r.clerkId))) {
    const mine = rows.filter((r) => r.clerkId === clerkId);
    core.log.append({
      at: now,
      type: 'clerk.sessions_ended',
      clerkId,
      windowNo: mine.find((r) => r.windowNo !== null && freed.has(r.windowNo))?.windowNo ?? null,
      actor,
      data: {
        reason,
        sessions: mine.length,
        windowsFreed: [...freed].filter((no) => mine.some((r) => r.windowNo === no)),
      },
    });
  }
  tx.events.push({ type: 'session.ended', payload: { digests: rows.map((r) => r.digest), reason } });
}

/** Ends a window's tenure: every session opened at it, and the clerk's hold on it (even with no session left). */
export function endTenure(ctx: Ctx, windowNo: number, reason: SessionEndReason) {
  const core = ctx.state;
  endSessions(ctx, core.sessions.atWindow(windowNo), reason);
  const w = core.windows.get(windowNo);
  if (w?.clerkId) leaveWindow(ctx, w, reason);
}

/** Ends the sessions that no longer count (expired, password changed, tenure over); returns how many. */
export function sweepSessions(ctx: Ctx): number {
  const { state: core, now } = ctx;
  const dead = new Map<SessionEndReason, SessionRow[]>();
  for (const s of core.sessions.all()) {
    const why = deadReason(core, s, now);
    if (why) dead.set(why, [...(dead.get(why) ?? []), s]);
  }
  for (const [why, rows] of dead) endSessions(ctx, rows, why, 'system');
  // A window held by a tenure without any session (its last one ended before tenures freed windows) is free.
  for (const w of core.windows.all()) {
    if (w.clerkId && !core.sessions.atWindow(w.no).some((s) => s.tenure === w.tenure))
      leaveWindow(ctx, w, 'no_session');
  }
  return [...dead.values()].reduce((n, rows) => n + rows.length, 0);
}

/** The clerk leaves the window; taken off it, a visitor still called or served there goes back to the queue. */
function leaveWindow(ctx: Ctx, w: WindowRow, why: SessionEndReason | 'no_session'): void {
  const current = ctx.state.currentTicket(w);
  const { window, requeue } = seat.leave(w, current, why === 'logout' ? 'logout' : 'taken_off');
  if (requeue && current) requeueVisitor(ctx, current, w.no, why);
  ctx.state.windows.save({ ...window, tenure: null });
  ctx.tx.windows.add(w.no);
}
