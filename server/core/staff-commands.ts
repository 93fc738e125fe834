// The commands behind clerk logins (StaffAccess in staff.ts checks the password, then runs these): open a
// session at a window (one clerk per window, each in a tenure of it: sessions.ts), log out, a supervisor's
// sign-out of a window, revocation, and the end of sessions that no longer count.
import { randomBytes } from 'node:crypto';
import { HallError } from '../domain/errors';
import type { ClerkConfig } from '../config/schema';
import { credentialOf, deadReason, endSessions, endTenure, sweepSessions } from './sessions';
import type { Ctx } from './state';

/** A clerk whose password was checked opens a session (its token's digest), at a window or without one. */
export function openSession(
  ctx: Ctx,
  { clerkId, windowNo, tokenDigest }: { clerkId: string; windowNo?: number; tokenDigest: string },
): void {
  const { state: core, tx, now, actor } = ctx;
  const clerk = core.model.clerks.get(clerkId);
  if (!clerk) throw new HallError('BAD_CREDENTIALS', '工号或密码错误');
  if (windowNo !== undefined && !core.model.windows.has(windowNo)) {
    throw new HallError('UNKNOWN_WINDOW', `没有 ${windowNo} 号窗口`);
  }
  // A window whose clerk's sessions all expired is free again before anyone is refused it.
  sweepSessions(ctx);
  let tenure: string | null = null;
  if (windowNo !== undefined) {
    const row = core.windows.get(windowNo)!;
    if (row.clerkId && row.clerkId !== clerk.id) {
      const other = core.model.clerks.get(row.clerkId)?.name ?? row.clerkId;
      throw new HallError('WINDOW_TAKEN', `${windowNo} 号窗口已由 ${other} 登录，请先在该窗口退出，或请值班长将其签退`);
    }
    // One window per clerk: logging in at another window ends the tenure of the old one.
    for (const old of core.windows.byClerk(clerk.id)) {
      if (old.no !== windowNo) endTenure(ctx, old.no, 'moved');
    }
    // A second login of the holder (another tab, a restarted browser) joins the current tenure.
    tenure = row.clerkId === clerk.id && row.tenure ? row.tenure : randomBytes(12).toString('hex');
    if (row.clerkId !== clerk.id || row.tenure !== tenure) {
      core.windows.save({ ...row, clerkId: clerk.id, tenure });
      tx.windows.add(windowNo);
    }
  }
  core.sessions.put({
    digest: tokenDigest,
    clerkId: clerk.id,
    windowNo: windowNo ?? null,
    tenure,
    credential: credentialOf(clerk.passwordHash),
    createdAt: now,
  });
  core.log.append({ at: now, type: 'clerk.login', windowNo: windowNo ?? null, clerkId: clerk.id, actor, data: {} });
}

/**
 * Logout leaves the window: every session of this tenure ends (another tab of the same clerk at the same
 * window too), so nothing of it can act for the window's next clerk. `everywhere` ends all of the clerk's
 * sessions (a lost phone, a shared computer).
 */
export function logout(
  ctx: Ctx,
  p: { clerkId: string; windowNo: number | null; tokenDigest: string; everywhere: boolean },
): number {
  const { state: core, now, actor } = ctx;
  const mine = core.sessions.get(p.tokenDigest);
  const rows = p.everywhere
    ? core.sessions.byClerk(p.clerkId)
    : mine?.tenure
      ? core.sessions.atWindow(mine.windowNo!).filter((s) => s.tenure === mine.tenure)
      : mine
        ? [mine]
        : [];
  endSessions(ctx, rows, 'logout');
  core.log.append({
    at: now,
    type: 'clerk.logout',
    windowNo: p.windowNo,
    clerkId: p.clerkId,
    actor,
    data: { everywhere: p.everywhere, sessions: rows.length },
  });
  return rows.length;
}

/** 签退: a supervisor frees a window its clerk left without logging out; the clerk's sessions there end. */
export function signOutWindow(ctx: Ctx, { window: windowNo }: { window: number }): void {
  const { state: core, now, actor } = ctx;
  const row = core.model.windows.has(windowNo) ? core.windows.get(windowNo) : null;
  if (!row) throw new HallError('UNKNOWN_WINDOW', `没有 ${windowNo} 号窗口`);
  if (!row.clerkId) throw new HallError('NOT_SIGNED_IN', `${windowNo} 号窗口没有工作人员登录，无需签退`);
  endTenure(ctx, windowNo, 'signed_out');
  core.log.append({ at: now, type: 'window.signed_out', windowNo, clerkId: row.clerkId, actor, data: {} });
}

/**
 * Ends every session of a clerk (their windows are freed). Supervisors revoke clerks' sessions and their
 * own; a supervisor's or an admin's only an admin may.
 */
export function revokeSessions(
  ctx: Ctx,
  { clerkId, by }: { clerkId: string; by: { clerkId: string; role: ClerkConfig['role'] } },
): number {
  const { state: core, now, actor } = ctx;
  const clerk = core.model.clerks.get(clerkId);
  if (!clerk) throw new HallError('NOT_FOUND', `没有工号为“${clerkId}”的工作人员`);
  if (clerk.role !== 'clerk' && by.role !== 'admin' && clerk.id !== by.clerkId) {
    throw new HallError('FORBIDDEN', '只有管理员可以注销值班长或管理员的登录');
  }
  const rows = core.sessions.byClerk(clerk.id);
  endSessions(ctx, rows, 'revoked');
  core.log.append({ at: now, type: 'clerk.revoked', clerkId: clerk.id, actor, data: { sessions: rows.length } });
  return rows.length;
}

/** A session found dead when its token was used ends now: its window is freed, its sockets closed. */
export function endDeadSession(ctx: Ctx, { tokenDigest }: { tokenDigest: string }): void {
  const s = ctx.state.sessions.get(tokenDigest);
  const dead = s ? deadReason(ctx.state, s, ctx.now) : null;
  if (s && dead) endSessions(ctx, [s], dead, 'system');
}

export { sweepSessions };
