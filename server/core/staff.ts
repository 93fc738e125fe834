// Who is who: clerk logins (one clerk per window at a time, each in a tenure of it: core/sessions.ts),
// logout, sign-out and revocation, and bearer tokens for staff and devices.
import { randomBytes } from 'node:crypto';
import { verifyPassword } from '../auth/passwords';
import { newToken, sameToken, tokenDigest } from '../auth/tokens';
import type { DeviceConfig } from '../config/schema';
import { HallError } from '../domain/errors';
import type { WindowView } from '../protocol/views';
import type { HallCore } from './hall-core';
import { credentialOf, deadReason, endSessions, endTenure, sweepSessions } from './sessions';

export { SESSION_MAX_MS } from './sessions';

export type Role = 'clerk' | 'supervisor' | 'admin' | 'guide';

export type Principal =
  | { kind: 'staff'; clerkId: string; name: string; role: Role; windowNo: number | null; tokenDigest: string }
  | { kind: 'device'; deviceId: string; device: DeviceConfig };

export interface LoginResult {
  token: string;
  clerk: { id: string; name: string; role: Role; photoUrl: string | null };
  window: WindowView | null;
}

// A fixed hash to verify against when the clerk id is unknown, so both failures take the same time.
const DUMMY_HASH = 'scrypt:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class StaffAccess {
  private readonly deviceTokens: { token: string; device: DeviceConfig }[];

  constructor(private readonly core: HallCore) {
    this.deviceTokens = core.config.devices.flatMap((d) => ('token' in d ? [{ token: d.token, device: d }] : []));
    // Sessions of a changed password, or expired while the server was down, end now and free their windows.
    this.sweep();
  }

  async login(clerkId: string, password: string, windowNo?: number): Promise<LoginResult> {
    const clerk = this.core.model.clerks.get(clerkId);
    const ok = await verifyPassword(password, clerk?.passwordHash ?? DUMMY_HASH);
    if (!clerk || !ok) throw new HallError('BAD_CREDENTIALS', '工号或密码错误');
    if (windowNo !== undefined && !this.core.model.windows.has(windowNo)) {
      throw new HallError('UNKNOWN_WINDOW', `没有 ${windowNo} 号窗口`);
    }
    // The guide desk serves visitors in the hall, never at a window: it must not call tickets.
    if (windowNo !== undefined && clerk.role === 'guide')
      throw new HallError('FORBIDDEN', '导服台人员不在窗口登录，请不选窗口直接登录');
    const token = newToken();
    const actor = `clerk:${clerk.id}`;
    this.core.transact(actor, (tx, now) => {
      // A window whose clerk's sessions all expired is free again before anyone is refused it.
      sweepSessions(this.core, tx, now);
      let tenure: string | null = null;
      if (windowNo !== undefined) {
        const row = this.core.windows.get(windowNo)!;
        if (row.clerkId && row.clerkId !== clerk.id) {
          const other = this.core.model.clerks.get(row.clerkId)?.name ?? row.clerkId;
          throw new HallError(
            'WINDOW_TAKEN',
            `${windowNo} 号窗口已由 ${other} 登录，请先在该窗口退出，或请值班长将其签退`,
          );
        }
        // One window per clerk: logging in at another window ends the tenure of the old one.
        for (const old of this.core.windows.byClerk(clerk.id)) {
          if (old.no !== windowNo) endTenure(this.core, tx, old.no, 'moved', actor, now);
        }
        // A second login of the holder (another tab, a restarted browser) joins the current tenure.
        tenure = row.clerkId === clerk.id && row.tenure ? row.tenure : randomBytes(12).toString('hex');
        if (row.clerkId !== clerk.id || row.tenure !== tenure) {
          this.core.windows.save({ ...row, clerkId: clerk.id, tenure });
          tx.windows.add(windowNo);
        }
      }
      this.core.sessions.put({
        digest: tokenDigest(token),
        clerkId: clerk.id,
        windowNo: windowNo ?? null,
        tenure,
        credential: credentialOf(clerk.passwordHash),
        createdAt: now,
      });
      this.core.log.append({
        at: now,
        type: 'clerk.login',
        windowNo: windowNo ?? null,
        clerkId: clerk.id,
        actor,
        data: {},
      });
    });
    return {
      token,
      clerk: { id: clerk.id, name: clerk.name, role: clerk.role, photoUrl: clerk.photoUrl ?? null },
      window: windowNo !== undefined ? this.core.windowView(windowNo) : null,
    };
  }

  /**
   * Logout leaves the window: every session of this tenure ends (another tab of the same clerk at the same
   * window too), so nothing of it can act for the window's next clerk. `everywhere` ends all of the clerk's
   * sessions (a lost phone, a shared computer).
   */
  logout(p: Principal & { kind: 'staff' }, everywhere = false): number {
    const actor = `clerk:${p.clerkId}`;
    return this.core.transact(actor, (tx, now) => {
      const mine = this.core.sessions.get(p.tokenDigest);
      const rows = everywhere
        ? this.core.sessions.byClerk(p.clerkId)
        : mine?.tenure
          ? this.core.sessions.atWindow(mine.windowNo!).filter((s) => s.tenure === mine.tenure)
          : mine
            ? [mine]
            : [];
      endSessions(this.core, tx, rows, 'logout', actor, now);
      this.core.log.append({
        at: now,
        type: 'clerk.logout',
        windowNo: p.windowNo,
        clerkId: p.clerkId,
        actor,
        data: { everywhere, sessions: rows.length },
      });
      return rows.length;
    });
  }

  /** 签退: a supervisor frees a window its clerk left without logging out; the clerk's sessions there end. */
  signOutWindow(by: Principal & { kind: 'staff' }, windowNo: number): void {
    const actor = `clerk:${by.clerkId}`;
    this.core.transact(actor, (tx, now) => {
      const row = this.core.model.windows.has(windowNo) ? this.core.windows.get(windowNo) : null;
      if (!row) throw new HallError('UNKNOWN_WINDOW', `没有 ${windowNo} 号窗口`);
      if (!row.clerkId) throw new HallError('NOT_SIGNED_IN', `${windowNo} 号窗口没有工作人员登录，无需签退`);
      endTenure(this.core, tx, windowNo, 'signed_out', actor, now);
      this.core.log.append({
        at: now,
        type: 'window.signed_out',
        windowNo,
        clerkId: row.clerkId,
        actor,
        data: {},
      });
    });
  }

  /**
   * Ends every session of a clerk (their windows are freed). Supervisors revoke clerks' sessions and their
   * own; a supervisor's or an admin's only an admin may.
   */
  revokeSessions(by: Principal & { kind: 'staff' }, clerkId: string): number {
    const clerk = this.core.model.clerks.get(clerkId);
    if (!clerk) throw new HallError('NOT_FOUND', `没有工号为“${clerkId}”的工作人员`);
    if (clerk.role !== 'clerk' && by.role !== 'admin' && clerk.id !== by.clerkId) {
      throw new HallError('FORBIDDEN', '只有管理员可以注销值班长或管理员的登录');
    }
    const actor = `clerk:${by.clerkId}`;
    return this.core.transact(actor, (tx, now) => {
      const rows = this.core.sessions.byClerk(clerk.id);
      endSessions(this.core, tx, rows, 'revoked', actor, now);
      this.core.log.append({
        at: now,
        type: 'clerk.revoked',
        clerkId: clerk.id,
        actor,
        data: { sessions: rows.length },
      });
      return rows.length;
    });
  }

  /** Ends sessions that no longer count (expired, password changed, tenure over); returns how many. */
  sweep(): number {
    return this.core.transact('system', (tx, now) => sweepSessions(this.core, tx, now));
  }

  /** A bearer token → who it belongs to, or null. Device tokens are compared in constant time. */
  authenticate(token: string | undefined | null): Principal | null {
    if (!token || token.length > 512) return null;
    let device: DeviceConfig | null = null;
    for (const d of this.deviceTokens) if (sameToken(token, d.token)) device = d.device;
    if (device) return { kind: 'device', deviceId: device.id, device };
    const digest = tokenDigest(token);
    const s = this.core.sessions.get(digest);
    if (!s) return null;
    const dead = deadReason(this.core, s, this.core.clock());
    if (dead) {
      // Ended now rather than at the next sweep: its window is freed and its sockets are closed at once.
      this.core.transact('system', (tx, now) => endSessions(this.core, tx, [s], dead, 'system', now));
      return null;
    }
    const clerk = this.core.model.clerks.get(s.clerkId)!;
    return {
      kind: 'staff',
      clerkId: clerk.id,
      name: clerk.name,
      role: clerk.role,
      windowNo: s.windowNo,
      tokenDigest: digest,
    };
  }
}

export function actorOf(p: Principal): string {
  return p.kind === 'staff' ? `clerk:${p.clerkId}` : `device:${p.deviceId}`;
}
