// The supervisor's part of the route table: the dashboard's state, alerts and their acknowledgement,
// live changes (open/close a window, move a waiting ticket) and a service's waiting list.
// Skill changes and the board notice are in routes.ts beside the other window and board routes.
import type { HallCore } from '../core/hall-core';
import { actorOf } from '../core/staff';
import { HallError } from '../domain/errors';
import * as body from '../protocol/http';
import type { DeviceHealthView } from '../protocol/socket';
import { supervisorState } from '../realtime/supervisor-state';
import type { UpstreamStatus } from '../protocol/socket';
import { validate } from './handler';
import { route, type RouteDef } from './route-def';

export function supervisorRoutes(
  core: HallCore,
  devices: () => DeviceHealthView[],
  upstream: { status: () => UpstreamStatus; retry: () => number },
): RouteDef[] {
  const windowNo = (v: unknown) => validate(body.windowNoParam, v, 'path');
  return [
    route({
      method: 'get',
      path: '/api/supervisor/state',
      summary: 'The dashboard’s state: hall snapshot, alerts, device health, served today per window',
      access: 'supervisor',
      body: null,
      act: () => supervisorState(core, devices(), upstream.status()),
    }),
    route({
      method: 'get',
      path: '/api/upstream',
      summary: 'The upstream outbox: events waiting, the oldest one’s time, last accepted batch, a refusal',
      access: 'supervisor',
      body: null,
      act: () => upstream.status(),
    }),
    route({
      method: 'post',
      path: '/api/upstream/retry',
      summary: 'Send batches the platform refused again (after fixing the cause, e.g. the secret); audited',
      access: 'supervisor',
      body: body.emptyBody,
      act: ({ principal }) => {
        const batches = upstream.retry();
        core.run('noteUpstreamRetry', { batches }, actorOf(principal));
        return { batches, status: upstream.status() };
      },
    }),
    route({
      method: 'get',
      path: '/api/alerts',
      summary: 'Alerts of the last 24 hours and any still open, newest first',
      access: 'supervisor',
      body: null,
      act: () => ({ alerts: core.query.recentAlerts() }),
    }),
    route({
      method: 'post',
      path: '/api/alerts/:id/ack',
      summary: 'Acknowledge an alert (audited; the dashboard stops sounding it)',
      access: 'supervisor',
      body: body.emptyBody,
      act: ({ principal, req }) => ({
        alert: core.run('ackAlert', { id: validate(body.alertIdParam, req.params.id, 'path') }, actorOf(principal)),
      }),
    }),
    route({
      method: 'post',
      path: '/api/windows/:no/open',
      summary: 'Open or close a window (supervisor; audited). A window calling or serving must finish first',
      access: 'supervisor',
      body: body.windowOpenBody,
      act: ({ principal, body: b, req }) => {
        const no = windowNo(req.params.no);
        core.run('setWindowOpen', { window: no, open: b.open }, actorOf(principal));
        return { window: core.query.windowView(no) };
      },
    }),
    route({
      method: 'post',
      path: '/api/tickets/:id/move',
      summary:
        'Move a waiting ticket to another service’s queue or reserve it for a window (keeps its wait) (guide desk or supervisor)',
      access: 'guide',
      body: body.moveTicketBody,
      act: ({ principal, body: b, req }) => ({
        ticket: core.run('moveTicket', { id: String(req.params.id), to: b }, actorOf(principal)),
      }),
    }),
    route({
      method: 'get',
      path: '/api/services/:id/waiting',
      summary: 'A service’s waiting tickets, priority first then by wait (supervisor)',
      access: 'supervisor',
      body: null,
      act: ({ req }) => {
        const id = String(req.params.id);
        if (!core.model.services.has(id)) throw new HallError('UNKNOWN_SERVICE', `没有编号为“${id}”的事项`);
        return { tickets: core.query.waitingTickets(id) };
      },
    }),
  ];
}
