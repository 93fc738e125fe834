// Sockets the server closes itself: a staff session that ended (logout, another login, expiry) and a
// device whose token or settings changed under a live settings change. Both run over every namespace.
import type { StaffAccess } from '../core/staff';
import { SESSION_END_MESSAGES, type SessionEndReason } from '../core/sessions';
import type { HandshakeAuth, SessionEndedEvent } from '../protocol/socket';
import type { Bound, HallIo } from './typed-io';

/** The settings each kind of screen takes from its first `state` only (services come with every `queues`). */
const SHOWN_ON_SCREENS: Record<string, string[]> = {
  '/board': ['hall', 'windows', 'display'],
  '/screen': ['hall', 'windows', 'display'],
  '/pad': ['windows', 'evaluation'],
  '/kiosk': ['hall'],
};

/** Sessions ended: their sockets, in every namespace, are told why and closed (a logged-out console hears nothing more). */
export function closeSessions(io: HallIo, digests: ReadonlySet<string>, reason: SessionEndReason): void {
  const ended: SessionEndedEvent = { code: 'SESSION_ENDED', reason, message: SESSION_END_MESSAGES[reason] };
  for (const nsp of io._nsps.values()) {
    for (const s of nsp.sockets.values()) {
      const p = (s.data.bound as Bound | undefined)?.principal;
      if (p?.kind !== 'staff' || !digests.has(p.tokenDigest)) continue;
      s.emit('session.ended', ended);
      s.disconnect(true);
    }
  }
}

/**
 * After a live settings change: a device whose token was revoked (or whose settings changed: another
 * zone, another window) is disconnected; it reconnects with its token and is refused, or bound anew.
 */
export function closeStaleDevices(io: HallIo, staff: StaffAccess, changed: readonly string[]): void {
  // What a screen shows from its first `state` only (the hall's name, windows, texts, rating reasons):
  // a change there reconnects the screens, which come back within a second with the new state.
  for (const nsp of io._nsps.values()) {
    const shown = changed.some((k) => SHOWN_ON_SCREENS[nsp.name]?.includes(k));
    for (const s of nsp.sockets.values()) {
      const p = (s.data.bound as Bound | undefined)?.principal;
      if (p?.kind !== 'device') continue;
      const auth = (s.handshake.auth ?? {}) as HandshakeAuth;
      const now = staff.authenticate(typeof auth.token === 'string' ? auth.token : null);
      const same = now?.kind === 'device' && JSON.stringify(now.device) === JSON.stringify(p.device);
      if (same && shown) s.disconnect(true);
      if (same) continue;
      s.emit('error', { code: 'UNAUTHORIZED', message: '设备令牌已撤销或设置已更改' });
      s.disconnect(true);
    }
  }
}
