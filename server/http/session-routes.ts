// The route table's sessions: login (limited per address and per account: rate-limits.ts), logout, who am I,
// a supervisor's sign-out of a window left logged in, and revoking a clerk's sessions (core/sessions.ts).
import * as policy from '../auth/policy';
import type { HallCore } from '../core/hall-core';
import type { StaffAccess } from '../core/staff';
import * as body from '../protocol/http';
import { validate } from './handler';
import type { HttpLimits } from './rate-limits';
import type { RouteDef } from './routes';

export function sessionRoutes(core: HallCore, staff: StaffAccess, limits: HttpLimits): RouteDef[] {
  return [
    {
      method: 'post',
      path: '/api/auth/login',
      summary: 'Clerk login (工号 + password), optionally at a window; limited per address and per account',
      access: 'public',
      body: body.loginBody,
      act: async ({ body: b, req }) =>
        limits.login(req.socket.remoteAddress ?? '?', b.clerkId, () => staff.login(b.clerkId, b.password, b.windowNo)),
    },
    {
      method: 'post',
      path: '/api/auth/logout',
      summary: 'End this session and leave the window (every session of this window tenure ends); everywhere: all',
      access: 'staff',
      body: body.logoutBody,
      act: ({ principal, body: b }) => ({
        ok: true,
        sessions: staff.logout(policy.requireStaff(principal), b.everywhere === true),
      }),
    },
    {
      method: 'get',
      path: '/api/auth/me',
      summary: 'Who this token belongs to',
      access: 'any',
      body: null,
      act: ({ principal }) => {
        const p = policy.requirePrincipal(principal);
        return p.kind === 'staff'
          ? { kind: 'staff', clerk: { id: p.clerkId, name: p.name, role: p.role }, windowNo: p.windowNo }
          : { kind: 'device', device: { id: p.deviceId, kind: p.device.kind } };
      },
    },
    {
      method: 'post',
      path: '/api/windows/:no/sign-out',
      summary: '签退: free a window its clerk left logged in; the clerk’s sessions there end (supervisor; audited)',
      access: 'supervisor',
      body: body.emptyBody,
      act: ({ principal, req }) => {
        const no = validate(body.windowNoParam, req.params.no, 'path');
        staff.signOutWindow(policy.requireSupervisor(principal), no);
        return { window: core.query.windowView(no) };
      },
    },
    {
      method: 'post',
      path: '/api/clerks/:id/revoke-sessions',
      summary: 'End every session of a clerk, freeing their window (supervisor for clerks, admin for anyone)',
      access: 'supervisor',
      body: body.emptyBody,
      act: ({ principal, req }) => ({
        ok: true,
        sessions: staff.revokeSessions(
          policy.requireSupervisor(principal),
          validate(body.clerkIdParam, req.params.id, 'path'),
        ),
      }),
    },
  ];
}
