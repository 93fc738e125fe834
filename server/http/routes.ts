// The HTTP API as one table: each route names who may call it, its body schema and its action.
// The router, the OpenAPI document and the table-driven security test all read this table.
import type { z } from 'zod';
import * as policy from '../auth/policy';
import { WINDOW_COMMANDS, type WindowAction, type WindowCommandArgs } from '../core/commands';
import { windowNo } from './access';
import { actorOf } from '../core/staff';
import { HallError } from '../domain/errors';
import * as body from '../protocol/http';
import { toPublic } from '../protocol/views';
import { adminRoutes } from '../admin/admin-routes';
import { photoRoutes } from '../admin/photo-routes';
import { backofficeRoutes } from './backoffice-routes';
import { evaluationRoutes } from './evaluation-routes';
import { reportRoutes } from './report-routes';
import { sessionRoutes } from './session-routes';
import { supervisorRoutes } from './supervisor-routes';
import { created, validate } from './handler';

export { authorizer, type Access } from './access';
import { route, type RouteDef } from './route-def';
export { route, type RouteDef, type RouteSpec } from './route-def';

export type { ApiDeps } from './api-deps';
import type { ApiDeps } from './api-deps';

/** Every window command's body is one of the command's arguments (each schema checks its own). */
const WINDOW_ACTIONS: { action: WindowAction; summary: string; body: z.ZodType<WindowCommandArgs> }[] = [
  {
    action: 'call-next',
    summary:
      '叫号: call the most urgent ticket this window may take (finishes the current one; a called-only one ends as `previous`)',
    body: body.callNextBody,
  },
  {
    action: 'recall',
    summary: '重呼: call the current ticket again (past the recall limit it becomes a no-show)',
    body: body.emptyBody,
  },
  { action: 'start', summary: '开始办理: the called visitor has arrived', body: body.emptyBody },
  { action: 'skip', summary: '过号: the called visitor did not come (no-show)', body: body.emptyBody },
  { action: 'finish', summary: '办结: service finished', body: body.emptyBody },
  { action: 'hold', summary: '挂起: park the visitor (fetching a document); call back later', body: body.emptyBody },
  { action: 'call-back', summary: '回呼: call a held ticket back to this window', body: body.callBackBody },
  {
    action: 'transfer',
    summary: '转移: to another service or window, keeping the number and the wait',
    body: body.transferBody,
  },
  { action: 'call', summary: '特呼: call a specific waiting number', body: body.callNumberBody },
  { action: 'pause', summary: '暂停: window on break, with a reason', body: body.pauseBody },
  { action: 'resume', summary: '恢复: window back in service', body: body.emptyBody },
];

export function apiRoutes(d: ApiDeps): RouteDef[] {
  const { core, staff } = d;
  const statusUrl = (id: string, lang?: 'zh' | 'en') => `${d.publicUrl()}/t/${id}${lang === 'en' ? '?lang=en' : ''}`;
  return [
    ...sessionRoutes(core, staff, d.limits),
    ...(d.settings ? [...adminRoutes(d.settings), ...photoRoutes(core, d.settings)] : []),
    route({
      method: 'post',
      path: '/api/tickets',
      summary: '取号: issue a ticket (kiosk device token or staff)',
      access: 'issuer',
      body: body.issueTicketBody,
      act: async ({ principal, body: b }) => {
        const p = policy.requirePrincipal(principal);
        const actor = actorOf(p);
        d.limits.issue(p.kind === 'device' ? `device:${p.deviceId}` : `staff:${p.clerkId}`);
        if (p.kind === 'device' && b.priority === 'green')
          throw new HallError('FORBIDDEN', '绿色通道须由工作人员办理，请咨询导服台');
        const { lang, ...issue } = b;
        const t = core.run(
          'issueTicket',
          { ...issue, channel: b.channel ?? (p.kind === 'device' ? 'kiosk' : 'counter') },
          actor,
        );
        // The ticket is committed; a printer fault only changes what the kiosk says, never the ticket.
        const printerId = p.kind === 'device' ? d.printing.printerIdOfKiosk(p.deviceId) : null;
        const print = printerId ? await d.printing.print(t.id, printerId, actor, false, lang) : null;
        return created({ ticket: { ...t, statusUrl: statusUrl(t.id, lang) }, print });
      },
    }),
    route({
      method: 'post',
      path: '/api/tickets/:id/reprint',
      summary: '补打: print a waiting ticket again (a kiosk on its own printer; staff name the printer)',
      access: 'issuer',
      body: body.reprintBody,
      act: async ({ principal, body: b, req }) => {
        const p = policy.requirePrincipal(principal);
        const printerId =
          p.kind === 'device' ? d.printing.printerIdOfKiosk(p.deviceId) : (b.printerId ?? d.printing.list()[0]?.id);
        if (!printerId) throw new HallError('PRINTER_UNAVAILABLE', '此取号机没有配置打印机');
        const id = String(req.params.id);
        if (!core.query.ticketStatus(id)) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
        return { print: await d.printing.print(id, printerId, actorOf(p), true) };
      },
    }),
    route({
      method: 'post',
      path: '/api/tickets/by-id-number',
      summary: '查号: the open tickets an ID number holds today (staff; audited; the kiosk only says one is held)',
      access: 'staff',
      body: body.idLookupBody,
      act: ({ principal, body: b }) => ({
        tickets: core.run('openTicketsOfPerson', { idNumber: b.idNumber }, actorOf(principal)),
      }),
    }),
    route({
      method: 'post',
      path: '/api/tickets/:id/priority',
      summary: '优先: staff set or clear a waiting ticket’s priority (elderly, disabled, military, pregnant, green)',
      access: 'staff',
      body: body.priorityBody,
      act: ({ principal, body: b, req }) => ({
        ticket: core.run(
          'setPriority',
          { id: String(req.params.id), priority: b.priority, ...(b.reason ? { reason: b.reason } : {}) },
          actorOf(principal),
        ),
      }),
    }),
    route({
      method: 'get',
      path: '/api/tickets/:id',
      summary: 'Public status of one ticket (no personal data); the id is unguessable',
      access: 'public',
      body: null,
      act: ({ req }) => {
        const id = String(req.params.id);
        const t = /^[A-Za-z0-9_-]{8,64}$/.test(id) ? core.query.ticketStatus(id) : null;
        if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
        return { ticket: t };
      },
    }),
    route({
      method: 'post',
      path: '/api/tickets/:id/cancel',
      summary: '取消: cancel a waiting or held ticket (guide desk or supervisor)',
      access: 'guide',
      body: body.emptyBody,
      act: ({ principal, req }) => ({
        ticket: core.run('cancelTicket', { id: String(req.params.id) }, actorOf(principal)),
      }),
    }),
    ...WINDOW_ACTIONS.map((w) =>
      route({
        method: 'post',
        path: `/api/windows/:no/${w.action}`,
        summary: w.summary,
        access: 'window',
        action: w.action,
        body: w.body,
        act: ({ principal, body: b, req }) => {
          const key = req.get('idempotency-key');
          const k = key === undefined ? undefined : validate(body.idempotencyKey, key, 'header Idempotency-Key');
          const ticket = core.run(WINDOW_COMMANDS[w.action], { ...b, window: windowNo(req) }, actorOf(principal), k);
          return { ticket };
        },
      }),
    ),
    route({
      method: 'post',
      path: '/api/windows/:no/skills',
      summary: '潮汐窗口: change a window’s skills and levels live (supervisor; audited)',
      access: 'supervisor',
      body: body.skillsBody,
      act: ({ principal, body: b, req }) => {
        const no = windowNo(req);
        core.run('setSkills', { window: no, skills: b.skills, durationMin: b.durationMin }, actorOf(principal));
        return { window: core.query.windowView(no) };
      },
    }),
    route({
      method: 'get',
      path: '/api/windows/:no/why',
      summary: 'Why the visitor at this window was called: the routing rule’s terms at the call, or 特呼 / 回呼',
      access: 'window',
      body: null,
      act: ({ req }) => ({ reason: core.query.callReason(windowNo(req)) }),
    }),
    route({
      method: 'get',
      path: '/api/windows/:no/held',
      summary: 'Tickets held (挂起) for this window',
      access: 'window',
      body: null,
      act: ({ req }) => ({ tickets: core.query.heldTickets(windowNo(req)) }),
    }),
    route({
      method: 'get',
      path: '/api/windows/:no/today',
      summary: 'Today’s own figures of the clerk at this window: served, no-shows, transfers, mean service time',
      access: 'window',
      body: null,
      act: ({ principal, req }) => {
        const no = windowNo(req);
        const clerkId =
          principal.kind === 'staff' && principal.role === 'clerk' ? principal.clerkId : (core.query.clerkAt(no) ?? '');
        const f = core.query.ticketsToday(no, clerkId);
        return {
          served: f.served,
          noShows: f.noShows,
          transfers: f.transfers,
          avgServiceMin: f.avgServiceMs === null ? null : Math.round((f.avgServiceMs / 60_000) * 10) / 10,
          satisfaction:
            core.query.evaluationFigures(core.today(), core.today(), 'clerk').find((x) => x.key === clerkId)
              ?.satisfactionRate ?? null,
        };
      },
    }),
    route({
      method: 'get',
      path: '/api/hall',
      summary: 'Snapshot: services with waiting counts, windows with state and current ticket',
      access: 'any',
      body: null,
      act: ({ principal }) => {
        const snap = core.query.snapshot();
        if (principal?.kind === 'staff') return snap;
        // Devices drive public screens: they get tickets without ids, notes or masked ID numbers.
        return { ...snap, windows: snap.windows.map((w) => ({ ...w, ticket: w.ticket ? toPublic(w.ticket) : null })) };
      },
    }),
    route({
      method: 'post',
      path: '/api/appointments',
      summary: '预约: load appointments (the booking system’s device token, or a supervisor); names kept masked',
      access: 'booking',
      body: body.appointmentsBody,
      act: ({ principal, body: b }) => {
        const list = b.appointments.map(({ nameMasked, ...a }) => ({
          ...a,
          name: nameMasked,
          slotStart: Date.parse(a.slotStart),
          slotEnd: Date.parse(a.slotEnd),
        }));
        const n = core.run('addAppointments', { list }, actorOf(principal));
        return { ok: true, loaded: n };
      },
    }),
    route({
      method: 'get',
      path: '/api/appointments',
      summary: 'The appointments of a day (?day=YYYY-MM-DD, default today) with check-in state (supervisor)',
      access: 'supervisor',
      body: null,
      act: ({ req }) => {
        const day = validate(body.dayQuery, req.query.day, 'query day') ?? core.today();
        return { day, appointments: core.query.appointmentsOn(day) };
      },
    }),
    route({
      method: 'post',
      path: '/api/board/notice',
      summary: '公告: set the call boards’ scrolling notice for one zone or the whole hall (supervisor)',
      access: 'supervisor',
      body: body.noticeBody,
      act: ({ principal, body: b }) => {
        core.run('setNotice', { zone: b.zone ?? null, text: b.text }, actorOf(principal));
        return { ok: true, zone: b.zone ?? null, text: b.text };
      },
    }),
    route({
      method: 'get',
      path: '/api/devices',
      summary: 'Devices from the config with their MQTT availability (online, offline, unknown) (supervisor)',
      access: 'supervisor',
      body: null,
      act: () => ({ devices: d.devices() }),
    }),
    route({
      method: 'post',
      path: '/api/day/close',
      summary: '闭厅: expire tickets still waiting or held and stop issuing for today (supervisor)',
      access: 'supervisor',
      body: body.emptyBody,
      act: ({ principal }) => ({ ok: true, expired: core.run('closeDay', {}, actorOf(principal)) }),
    }),
    ...backofficeRoutes(d),
    ...evaluationRoutes(core),
    ...supervisorRoutes(core, d.devices, d.upstream),
    ...reportRoutes(core),
    route({
      method: 'get',
      path: '/api/health',
      summary: 'Liveness and the state of the database and adapters',
      access: 'public',
      body: null,
      act: () => d.health(),
    }),
  ];
}
