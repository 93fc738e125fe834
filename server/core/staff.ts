// Who is who: clerk logins (the password checked here, the session opened by the core's `openSession`:
// staff-commands.ts), logout, sign-out and revocation, and bearer tokens for staff and devices. It reaches the
// hall core only through its public surface (run, query), as an adapter does.
import { verifyPassword } from '../auth/passwords';
import { newToken, sameToken, tokenDigest } from '../auth/tokens';
import type { ClerkConfig, DeviceConfig } from '../config/schema';
import { HallError } from '../domain/errors';
import type { WindowView } from '../protocol/views';
import type { HallCore } from './hall-core';

export { SESSION_MAX_MS } from './sessions';

export type Role = ClerkConfig['role'];

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
  #tokens: { of: HallCore['config']; list: { token: string; device: DeviceConfig }[] } | null = null;

  constructor(private readonly core: HallCore) {
    // Sessions of a changed password, or expired while the server was down, end now and free their windows.
    this.sweep();
  }

  /** The device tokens of the configuration the hall runs now (a live change revokes or adds at once). */
  private get deviceTokens(): { token: string; device: DeviceConfig }[] {
    const config = this.core.config;
    if (this.#tokens?.of !== config) {
      const list = config.devices.flatMap((d) => ('token' in d ? [{ token: d.token, device: d }] : []));
      this.#tokens = { of: config, list };
    }
    return this.#tokens.list;
  }

  async login(clerkId: string, password: string, windowNo?: number): Promise<LoginResult> {
    const clerk = this.core.model.clerks.get(clerkId);
    const ok = await verifyPassword(password, clerk?.passwordHash ?? DUMMY_HASH);
    if (!clerk || !ok) throw new HallError('BAD_CREDENTIALS', '工号或密码错误');
    if (clerk.disabled) throw new HallError('FORBIDDEN', '此账号已停用，请联系管理员');
    if (windowNo !== undefined && !this.core.model.windows.has(windowNo)) {
      throw new HallError('UNKNOWN_WINDOW', `没有 ${windowNo} 号窗口`);
    }
    // The guide desk serves visitors in the hall, never at a window: it must not call tickets.
    if (windowNo !== undefined && clerk.role === 'guide')
      throw new HallError('FORBIDDEN', '导服台人员不在窗口登录，请不选窗口直接登录');
    const token = newToken();
    this.core.run(
      'openSession',
      { clerkId: clerk.id, windowNo, tokenDigest: tokenDigest(token) },
      actorOfClerk(clerk.id),
    );
    return {
      token,
      clerk: { id: clerk.id, name: clerk.name, role: clerk.role, photoUrl: clerk.photoUrl ?? null },
      window: windowNo !== undefined ? this.core.query.windowView(windowNo) : null,
    };
  }

  /**
   * Logout leaves the window (every session of this tenure ends); `everywhere` ends all of the clerk's
   * sessions (a lost phone, a shared computer). Core command: staff-commands.ts `logout`.
   */
  logout(p: Principal & { kind: 'staff' }, everywhere = false): number {
    const { clerkId, windowNo, tokenDigest } = p;
    return this.core.run('logout', { clerkId, windowNo, tokenDigest, everywhere }, actorOfClerk(clerkId));
  }

  /** 签退: a supervisor frees a window its clerk left without logging out; the clerk's sessions there end. */
  signOutWindow(by: Principal & { kind: 'staff' }, windowNo: number): void {
    this.core.run('signOutWindow', { window: windowNo }, actorOfClerk(by.clerkId));
  }

  /** Ends every session of a clerk (their windows are freed); who may is checked by the command. */
  revokeSessions(by: Principal & { kind: 'staff' }, clerkId: string): number {
    return this.core.run(
      'revokeSessions',
      { clerkId, by: { clerkId: by.clerkId, role: by.role } },
      actorOfClerk(by.clerkId),
    );
  }

  /** Ends sessions that no longer count (expired, password changed, tenure over); returns how many. */
  sweep(): number {
    return this.core.run('sweepSessions', {}, 'system');
  }

  /** A bearer token → who it belongs to, or null. Device tokens are compared in constant time. */
  authenticate(token: string | undefined | null): Principal | null {
    if (!token || token.length > 512) return null;
    let device: DeviceConfig | null = null;
    for (const d of this.deviceTokens) if (sameToken(token, d.token)) device = d.device;
    if (device) return { kind: 'device', deviceId: device.id, device };
    const digest = tokenDigest(token);
    const s = this.core.query.session(digest);
    if (!s) return null;
    if (s.dead) {
      // Ended now rather than at the next sweep: its window is freed and its sockets are closed at once.
      this.core.run('endDeadSession', { tokenDigest: digest }, 'system');
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

const actorOfClerk = (clerkId: string) => `clerk:${clerkId}`;

export function actorOf(p: Principal): string {
  return p.kind === 'staff' ? `clerk:${p.clerkId}` : `device:${p.deviceId}`;
}
