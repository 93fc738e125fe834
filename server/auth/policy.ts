// Who may do what (DESIGN.md §7). Every adapter (HTTP, socket.io, MQTT) asks these same questions.
import { HallError } from '../domain/errors';
import type { WindowAction } from '../core/commands';
import type { Principal } from '../core/staff';

export function requirePrincipal(p: Principal | null): Principal {
  if (!p) throw new HallError('UNAUTHORIZED', '请先登录（缺少或无效的令牌）');
  return p;
}

export function isSupervisor(p: Principal): boolean {
  return p.kind === 'staff' && (p.role === 'supervisor' || p.role === 'admin');
}

export function requireStaff(p: Principal | null): Principal & { kind: 'staff' } {
  const q = requirePrincipal(p);
  if (q.kind !== 'staff') throw new HallError('FORBIDDEN', '此操作仅限工作人员');
  return q;
}

export function requireSupervisor(p: Principal | null): Principal & { kind: 'staff' } {
  const q = requireStaff(p);
  if (!isSupervisor(q)) throw new HallError('FORBIDDEN', '此操作仅限值班长或管理员');
  return q;
}

/** The guide desk (导服台): the `guide` role, supervisors and admins; no device, no clerk. */
export function requireGuideDesk(p: Principal | null): Principal & { kind: 'staff' } {
  const q = requireStaff(p);
  if (q.role !== 'guide' && !isSupervisor(q)) throw new HallError('FORBIDDEN', '此操作仅限导服台、值班长或管理员');
  return q;
}

/**
 * What a hardware caller keypad (呼叫器) may do: the keys it has, the same over MQTT and HTTP. Special call,
 * transfer, call-back, start and reading the window's held tickets (with masked IDs and notes) are the
 * console's, not a keypad's.
 */
export const KEYPAD_ACTIONS: ReadonlySet<WindowAction> = new Set([
  'call-next',
  'recall',
  'skip',
  'finish',
  'hold',
  'pause',
  'resume',
]);

/**
 * A clerk acts only on the window he is logged into; supervisors on any; a keypad on its own window, and
 * only with the actions of KEYPAD_ACTIONS (`action` null: a read of the window's console data).
 */
export function requireWindowActor(p: Principal | null, windowNo: number, action: WindowAction | null): Principal {
  const q = requirePrincipal(p);
  if (q.kind === 'device') {
    if (q.device.kind !== 'keypad' || q.device.window !== windowNo)
      throw new HallError('FORBIDDEN', `此设备不能操作 ${windowNo} 号窗口`);
    if (action === null || !KEYPAD_ACTIONS.has(action))
      throw new HallError(
        'FORBIDDEN',
        '呼叫器只能叫号、重呼、过号、办结、挂起、暂停和恢复，其他操作请在窗口软件上进行',
      );
    return q;
  }
  if (isSupervisor(q)) return q;
  if (q.windowNo === null) throw new HallError('FORBIDDEN', '请先登录到一个窗口');
  if (q.windowNo !== windowNo) {
    throw new HallError('FORBIDDEN', `您登录的是 ${q.windowNo} 号窗口，不能操作 ${windowNo} 号窗口`);
  }
  return q;
}

/** Live settings (DESIGN.md §6 "Admin"): admins only; supervisors, clerks and devices are refused. */
export function requireAdmin(p: Principal | null): Principal & { kind: 'staff' } {
  const q = requireStaff(p);
  if (q.role !== 'admin') throw new HallError('FORBIDDEN', '此操作仅限管理员');
  return q;
}

/** Kiosks and staff issue tickets. */
export function requireIssuer(p: Principal | null): Principal {
  const q = requirePrincipal(p);
  if (q.kind === 'device' && q.device.kind !== 'kiosk') throw new HallError('FORBIDDEN', '此设备不能取号');
  return q;
}

/** The booking system (its device token) and supervisors load appointments. */
export function requireBooking(p: Principal | null): Principal {
  const q = requirePrincipal(p);
  if (q.kind === 'device' && q.device.kind === 'booking') return q;
  if (q.kind === 'device') throw new HallError('FORBIDDEN', '此设备不能导入预约');
  return requireSupervisor(q);
}

/** Only the visitor rates, on the window's pad: a clerk (or anyone else) cannot submit for them. */
export function requirePad(p: Principal | null): Principal & { kind: 'device' } {
  const q = requirePrincipal(p);
  if (q.kind !== 'device' || q.device.kind !== 'pad') {
    throw new HallError('FORBIDDEN', '评价只能由办事群众在评价器上提交');
  }
  return q;
}
