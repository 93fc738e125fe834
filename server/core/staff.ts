// Who is who: clerk logins (one clerk per window at a time) and bearer tokens for staff and devices.
import { verifyPassword } from '../auth/passwords';
import { newToken, sameToken, tokenDigest } from '../auth/tokens';
import type { DeviceConfig } from '../config/schema';
import { HallError } from '../domain/errors';
import type { WindowView } from '../protocol/views';
import type { HallCore } from './hall-core';

export type Role = 'clerk' | 'supervisor' | 'admin';

export type Principal =
  | { kind: 'staff'; clerkId: string; name: string; role: Role; windowNo: number | null; tokenDigest: string }
  | { kind: 'device'; deviceId: string; device: DeviceConfig };

export interface LoginResult {
  token: string;
  clerk: { id: string; name: string; role: Role; photoUrl: string | null };
  window: WindowView | null;
}

export const SESSION_MAX_MS = 16 * 3600_000;

// A fixed hash to verify against when the clerk id is unknown, so both failures take the same time.
const DUMMY_HASH = 'scrypt:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export class StaffAccess {
  private readonly deviceTokens: { token: string; device: DeviceConfig }[];

  constructor(private readonly core: HallCore) {
    this.deviceTokens = core.config.devices.flatMap((d) => ('token' in d ? [{ token: d.token, device: d }] : []));
  }

  async login(clerkId: string, password: string, windowNo?: number): Promise<LoginResult> {
    const clerk = this.core.model.clerks.get(clerkId);
    const ok = await verifyPassword(password, clerk?.passwordHash ?? DUMMY_HASH);
    if (!clerk || !ok) throw new HallError('BAD_CREDENTIALS', '工号或密码错误');
    if (windowNo !== undefined && !this.core.model.windows.has(windowNo)) {
      throw new HallError('UNKNOWN_WINDOW', `没有 ${windowNo} 号窗口`);
    }
    const token = newToken();
    const actor = `clerk:${clerk.id}`;
    this.core.transact(actor, (tx, now) => {
      if (windowNo !== undefined) {
        const row = this.core.windows.get(windowNo)!;
        if (row.clerkId && row.clerkId !== clerk.id) {
          const other = this.core.model.clerks.get(row.clerkId)?.name ?? row.clerkId;
          throw new HallError('WINDOW_TAKEN', `${windowNo} 号窗口已由 ${other} 登录，请先在该窗口退出`);
        }
        // One window per clerk: logging in at another window leaves the old one.
        for (const old of this.core.windows.byClerk(clerk.id)) {
          if (old.no === windowNo) continue;
          this.core.windows.save({ ...old, clerkId: null });
          this.core.misc.deleteSessionsAtWindow(old.no);
          tx.windows.add(old.no);
        }
        this.core.windows.save({ ...row, clerkId: clerk.id });
        tx.windows.add(windowNo);
      }
      this.core.misc.putSession(tokenDigest(token), clerk.id, windowNo ?? null, now);
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

  logout(p: Principal & { kind: 'staff' }): void {
    this.core.transact(`clerk:${p.clerkId}`, (tx, now) => {
      this.core.misc.deleteSession(p.tokenDigest);
      if (p.windowNo !== null) {
        const row = this.core.windows.get(p.windowNo);
        if (row && row.clerkId === p.clerkId) {
          this.core.windows.save({ ...row, clerkId: null });
          tx.windows.add(row.no);
        }
      }
      this.core.log.append({
        at: now,
        type: 'clerk.logout',
        windowNo: p.windowNo,
        clerkId: p.clerkId,
        actor: `clerk:${p.clerkId}`,
        data: {},
      });
    });
  }

  /** A bearer token → who it belongs to, or null. Device tokens are compared in constant time. */
  authenticate(token: string | undefined | null): Principal | null {
    if (!token || token.length > 512) return null;
    let device: DeviceConfig | null = null;
    for (const d of this.deviceTokens) if (sameToken(token, d.token)) device = d.device;
    if (device) return { kind: 'device', deviceId: device.id, device };
    const digest = tokenDigest(token);
    const s = this.core.misc.session(digest);
    // A clerk token lasts one working day at most; a stolen token does not outlive the shift.
    if (!s || this.core.clock() - s.createdAt > SESSION_MAX_MS) return null;
    const clerk = this.core.model.clerks.get(s.clerkId);
    if (!clerk) return null;
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
