// Who may call a route, and who the caller is once let in: each access level's check returns the principal
// narrowed to what it admits, so a route's action gets a typed principal (never `principal!`).
import type { Request } from 'express';
import * as policy from '../auth/policy';
import type { WindowAction } from '../core/hall-core';
import type { Principal } from '../core/staff';
import * as body from '../protocol/http';
import { validate } from './handler';

type Staff = Principal & { kind: 'staff' };
type Device = Principal & { kind: 'device' };

/** Each access level's caller, as its check admits it. */
export interface PrincipalOf {
  /** Anyone; a token, when sent and valid, is still read. */
  public: Principal | null;
  any: Principal;
  staff: Staff;
  supervisor: Staff;
  /** Live settings (DESIGN.md §6 "Admin"): role admin only. */
  admin: Staff;
  /** The guide desk (导服台): role guide, a supervisor or an admin. */
  guide: Staff;
  /** A kiosk or staff. */
  issuer: Principal;
  /** The clerk at the path's window, a supervisor, or the window's keypad (its keys only). */
  window: Principal;
  /** The booking system's device or a supervisor. */
  booking: Principal;
  pad: Device;
}

/** Who may call a route: the table-driven test tries every other kind of caller. */
export type Access = keyof PrincipalOf;

export function windowNo(req: Request): number {
  return validate(body.windowNoParam, req.params.no, 'path');
}

/** The authorisation step of each access level; window routes also check the path's window. */
export function authorizer<A extends Access>(
  access: A,
  action?: WindowAction,
): (p: Principal | null, req: Request) => PrincipalOf[A] {
  const checks: { [K in Access]: (p: Principal | null, req: Request) => PrincipalOf[K] } = {
    public: (p) => p,
    any: policy.requirePrincipal,
    staff: policy.requireStaff,
    supervisor: policy.requireSupervisor,
    admin: policy.requireAdmin,
    guide: policy.requireGuideDesk,
    issuer: policy.requireIssuer,
    booking: policy.requireBooking,
    pad: policy.requirePad,
    window: (p, req) => policy.requireWindowActor(policy.requirePrincipal(p), windowNo(req), action ?? null),
  };
  return checks[access];
}
