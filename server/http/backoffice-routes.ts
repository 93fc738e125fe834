// The back office's part of the route table (issue 21): the 好差评 records with their filters and export
// (supervisor), and the guide desk (导服台: the `guide` role, or a supervisor) finding a ticket by its number,
// seeing the queues with their estimated waits and issuing a ticket for a visitor who cannot use the kiosk.
// Reprint, cancel, priority and move are the ticket routes in routes.ts and supervisor-routes.ts, open to
// the guide desk too. Every change goes through the hall core's commands, so each is audited.
import { z } from 'zod';
import * as policy from '../auth/policy';
import { evaluationRecords, RECORD_LEVELS } from '../core/evaluation-records';
import { actorOf } from '../core/staff';
import { HallError } from '../domain/errors';
import { PRIORITIES } from '../domain/types';
import * as body from '../protocol/http';
import { evaluationsCsv } from '../reports/evaluation-csv';
import { dayRange } from './evaluation-routes';
import { created, FileReply, validate } from './handler';
import type { ApiDeps } from './api-deps';
import type { RouteDef } from './route-def';

const text = (max: number) => z.string().trim().min(1).max(max);

/** `GET /api/evaluations/records` query: the day range and the filters, all optional. */
export const recordsQuery = z.object({
  from: body.dayQuery,
  to: body.dayQuery,
  windowNo: z.coerce.number().int().positive().max(9999).optional(),
  clerkId: text(64).optional(),
  serviceId: text(64).optional(),
  level: z.enum(RECORD_LEVELS).optional(),
  comment: z.enum(['with', 'without']).optional(),
  format: z.enum(['json', 'csv']).default('json'),
  lang: z.enum(['zh', 'en']).default('zh'),
});

/** A ticket number as printed (A001), looked up in today's tickets. */
export const ticketNumberQuery = z.object({
  number: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,3}\d{1,4}$/, 'a ticket number such as A001'),
});

/** The guide desk issues for a visitor; a priority needs its reason (kept in the audit trail). */
export const guideIssueBody = z
  .strictObject({
    serviceId: text(64),
    priority: z.enum(PRIORITIES).nullish(),
    reason: text(100).optional(),
    idNumber: z.string().max(32).optional(),
    printerId: text(64).optional(),
    lang: z.enum(['zh', 'en']).optional(),
  })
  .refine((b) => !b.priority || b.reason !== undefined, {
    message: 'a priority needs its reason',
    path: ['reason'],
  });

export function backofficeRoutes(d: ApiDeps): RouteDef[] {
  const { core } = d;
  /** What the desk sees of a ticket: everything staff see, plus people ahead and the estimated wait. */
  const deskView = (id: string) => ({
    ...core.query.ticketStatus(id)!,
    ...core.model.ticketView(core.query.ticket(id)!),
  });
  return [
    {
      method: 'get',
      path: '/api/evaluations/records',
      summary:
        '好差评 records: ?from=&to= with ?windowNo=&clerkId=&serviceId=&level=&comment=with|without, newest first; ?format=csv downloads them (supervisor)',
      access: 'supervisor',
      body: null,
      act: ({ req }) => {
        const q = validate(recordsQuery, req.query, 'query');
        const { from, to } = dayRange(core, q.from, q.to);
        const records = evaluationRecords(core, from, to, q);
        if (q.format === 'csv')
          return new FileReply(
            'text/csv; charset=utf-8',
            evaluationsCsv(records, q.lang, core.config.hall.timezone),
            `${q.lang === 'zh' ? '好差评记录' : 'evaluations'}-${from}_${to}.csv`,
          );
        return { from, to, count: records.length, evaluations: records };
      },
    },
    {
      method: 'get',
      path: '/api/guide/desk',
      summary: '导服台: the services with their queues and estimated waits, and the printers to print on (guide desk)',
      access: 'guide',
      body: null,
      act: () => ({
        services: core.query.serviceViews(),
        printers: d.printing.list().map((p) => ({ id: p.id, kiosk: p.kiosk, state: p.state, message: p.message })),
      }),
    },
    {
      method: 'get',
      path: '/api/guide/tickets',
      summary:
        '导服台: find one of today’s tickets by its number (?number=A001), with people ahead and the estimated wait',
      access: 'guide',
      body: null,
      act: ({ req }) => {
        const { number } = validate(ticketNumberQuery, req.query, 'query');
        const t = core.query.ticketByNumber(core.query.today(), number);
        if (!t) throw new HallError('TICKET_NOT_FOUND', `今天没有 ${number} 号`);
        return { ticket: deskView(t.id) };
      },
    },
    {
      method: 'post',
      path: '/api/guide/tickets',
      summary:
        '导服台代取号: issue a ticket for a visitor who cannot use the kiosk (ID number if the service needs it), print it on the chosen printer; a priority needs its reason',
      access: 'guide',
      body: guideIssueBody,
      act: async ({ principal, body: b }) => {
        const p = policy.requireGuideDesk(principal);
        const actor = actorOf(p);
        d.limits.issue(`staff:${p.clerkId}`);
        const a = b as z.infer<typeof guideIssueBody>;
        if (a.printerId !== undefined && !d.printing.list().some((x) => x.id === a.printerId))
          throw new HallError('NOT_FOUND', `没有打印机 ${a.printerId}`);
        const issued = core.run(
          'issueTicket',
          { serviceId: a.serviceId, ...(a.idNumber ? { idNumber: a.idNumber } : {}), channel: 'counter' },
          actor,
        );
        // The priority is its own audited change, with the reason the desk was given.
        if (a.priority) core.run('setPriority', { id: issued.id, priority: a.priority, reason: a.reason }, actor);
        const print = a.printerId ? await d.printing.print(issued.id, a.printerId, actor, false, a.lang) : null;
        const statusUrl = `${d.publicUrl()}/t/${issued.id}${a.lang === 'en' ? '?lang=en' : ''}`;
        return created({ ticket: { ...deskView(issued.id), statusUrl }, print });
      },
    },
  ];
}
