// Who may open which namespace, and what the socket is bound to: one function per namespace, run by the
// namespace's middleware on the handshake (a refusal is a HallError the client sees as `connect_error`).
import * as policy from '../auth/policy';
import type { HallCore } from '../core/hall-core';
import type { Principal } from '../core/staff';
import { HallError } from '../domain/errors';
import type { HandshakeAuth, Namespace } from '../protocol/socket';
import type { Bound } from './typed-io';

export type Bind = (p: Principal | null, auth: HandshakeAuth) => Bound;

export const blank: Bound = { principal: null, zone: null, windowNo: null, ticketId: null };

/** The kiosk device a socket is bound to, if it is one (its printer's room). */
export const kioskOf = (b: Bound): string | null =>
  b.principal?.kind === 'device' && b.principal.device.kind === 'kiosk' ? b.principal.deviceId : null;

/** The handshake rule of every namespace. */
export function binders(core: HallCore): Record<Namespace, Bind> {
  const hasWindow = (no: unknown): no is number => typeof no === 'number' && core.model.windows.has(no);
  return {
    '/board': (p, a) => {
      const q = policy.requirePrincipal(p);
      if (q.kind === 'device') {
        if (q.device.kind !== 'board') throw new HallError('FORBIDDEN', '此设备不是呼叫屏');
        return { ...blank, principal: q, zone: q.device.zone };
      }
      const zone = typeof a.zone === 'string' && a.zone ? a.zone : null;
      return { ...blank, principal: q, zone };
    },
    '/window': (p, a) => {
      const q = policy.requireStaff(p);
      const windowNo = policy.isSupervisor(q) && typeof a.windowNo === 'number' ? a.windowNo : q.windowNo;
      if (windowNo === null || !core.model.windows.has(windowNo))
        throw new HallError('FORBIDDEN', '请先登录到一个窗口');
      policy.requireWindowActor(q, windowNo, null);
      return { ...blank, principal: q, windowNo };
    },
    '/supervisor': (p) => ({ ...blank, principal: policy.requireSupervisor(p) }),
    '/pad': (p, a) => {
      const q = policy.requirePrincipal(p);
      if (q.kind === 'device') {
        if (q.device.kind !== 'pad') throw new HallError('FORBIDDEN', '此设备不是评价器');
        return { ...blank, principal: q, windowNo: q.device.window };
      }
      policy.requireSupervisor(q);
      if (!hasWindow(a.windowNo)) throw new HallError('VALIDATION', '请指定窗口号');
      return { ...blank, principal: q, windowNo: a.windowNo };
    },
    // A window screen is bound to its window by the config; a supervisor may watch any window's.
    '/screen': (p, a) => {
      const q = policy.requirePrincipal(p);
      if (q.kind === 'device') {
        if (q.device.kind !== 'windowScreen') throw new HallError('FORBIDDEN', '此设备不是窗口屏');
        return { ...blank, principal: q, windowNo: q.device.window };
      }
      policy.requireSupervisor(q);
      if (!hasWindow(a.windowNo)) throw new HallError('VALIDATION', '请指定窗口号');
      return { ...blank, principal: q, windowNo: a.windowNo };
    },
    // Anyone holding a ticket's id (its QR code) may follow it; nothing else is readable there.
    '/ticket': (_p, a) => {
      const id = typeof a.ticketId === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(a.ticketId) ? a.ticketId : null;
      if (!id || !core.query.ticketStatus(id)) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
      return { ...blank, ticketId: id };
    },
    '/kiosk': (p) => ({ ...blank, principal: policy.requireIssuer(p) }),
  };
}
