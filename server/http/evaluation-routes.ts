// The 好差评 part of the route table: the pad's answer, the clerk's 请评价, case numbers, the records,
// the figures and the negative-review follow-ups.
import type { z } from 'zod';
import * as policy from '../auth/policy';
import { FIGURE_GROUPS, type FigureGroup } from '../core/evaluation-figures';
import type { HallCore } from '../core/hall-core';
import { actorOf } from '../core/staff';
import { fromPadScore } from '../domain/evaluation';
import { HallError } from '../domain/errors';
import * as body from '../protocol/http';
import { validate } from './handler';
import type { RouteDef } from './routes';

/** A day or a range from validated days: from defaults to today, to to from. */
export function dayRange(core: HallCore, from?: string, to?: string): { from: string; to: string } {
  const f = from ?? core.today();
  const t = to ?? f;
  if (t < f) throw new HallError('VALIDATION', '结束日期不能早于开始日期');
  return { from: f, to: t };
}

function range(core: HallCore, q: Record<string, unknown>): { from: string; to: string } {
  return dayRange(core, validate(body.dayQuery, q.from, 'query from'), validate(body.dayQuery, q.to, 'query to'));
}

export function evaluationRoutes(core: HallCore): RouteDef[] {
  const windowNo = (v: unknown) => validate(body.windowNoParam, v, 'path');
  return [
    {
      method: 'post',
      path: '/api/evaluations/:id',
      summary: '评价: the visitor’s answer on the window’s pad (pad device token only; one per visit)',
      access: 'pad',
      body: body.evaluationBody,
      act: ({ principal, body: b, req }) => {
        const p = policy.requirePad(principal);
        const a = b as z.infer<typeof body.evaluationBody>;
        const level = a.level ?? fromPadScore(a.score!);
        const device = p.device as Extract<typeof p.device, { kind: 'pad' }>;
        return {
          evaluation: core.run(
            'submitEvaluation',
            {
              id: String(req.params.id),
              answer: { level, reasons: a.reasons, comment: a.comment ?? null },
              by: { deviceId: p.deviceId, windowNo: device.window, channel: 'pad' },
            },
            actorOf(p),
          ),
        };
      },
    },
    {
      method: 'post',
      path: '/api/evaluations/:id/choice',
      summary: '评价: the level the visitor tapped, kept at once (a walk-away still counts as that level)',
      access: 'pad',
      body: body.evaluationChoiceBody,
      act: ({ principal, body: b, req }) => {
        const p = policy.requirePad(principal);
        const device = p.device as Extract<typeof p.device, { kind: 'pad' }>;
        const { level } = b as z.infer<typeof body.evaluationChoiceBody>;
        return {
          evaluation: core.run(
            'chooseLevel',
            { id: String(req.params.id), level, by: { deviceId: p.deviceId, windowNo: device.window, channel: 'pad' } },
            actorOf(p),
          ),
        };
      },
    },
    {
      method: 'post',
      path: '/api/windows/:no/evaluate',
      summary: '请评价: ask the visitor being served to rate now',
      access: 'window',
      body: body.emptyBody,
      act: ({ principal, req }) => ({
        evaluation: core.run('requestEvaluation', { window: windowNo(req.params.no) }, actorOf(principal!)),
      }),
    },
    {
      method: 'post',
      path: '/api/tickets/:id/case',
      summary: '办件编号: link the case number from the hall’s case system to a visit (staff)',
      access: 'staff',
      body: body.caseNoBody,
      act: ({ principal, body: b, req }) => {
        core.run('setCaseNo', { ticketId: String(req.params.id), caseNo: b.caseNo }, actorOf(principal!));
        return { ok: true };
      },
    },
    {
      method: 'get',
      path: '/api/evaluations',
      summary: 'Evaluations of a day or range (?from=&to=, YYYY-MM-DD) with both level codes (supervisor)',
      access: 'supervisor',
      body: null,
      act: ({ req }) => {
        const { from, to } = range(core, req.query);
        return { from, to, evaluations: core.query.evaluationsBetween(from, to) };
      },
    },
    {
      method: 'get',
      path: '/api/evaluations/figures',
      summary: 'Satisfaction and evaluation rates by clerk, window, service or day (?by=&from=&to=) (supervisor)',
      access: 'supervisor',
      body: null,
      act: ({ req }) => {
        const { from, to } = range(core, req.query);
        const by = String(req.query.by ?? 'clerk');
        if (!FIGURE_GROUPS.includes(by as FigureGroup))
          throw new HallError('VALIDATION', `by 应为 ${FIGURE_GROUPS.join('、')} 之一`);
        return { from, to, by, figures: core.query.evaluationFigures(from, to, by as FigureGroup) };
      },
    },
    {
      method: 'get',
      path: '/api/follow-ups',
      summary: '差评整改: negative-review follow-ups with deadlines and history (supervisor)',
      access: 'supervisor',
      body: null,
      act: () => ({ followUps: core.query.followUps() }),
    },
    ...(['advance', 'appeal'] as const).map((kind): RouteDef => ({
      method: 'post',
      path: `/api/follow-ups/:id/${kind}`,
      summary:
        kind === 'advance'
          ? '整改: next step (callback → fix → feedback → closed), with a note (supervisor)'
          : '申诉复核: appeal a mistaken or malicious review (supervisor)',
      access: 'supervisor',
      body: body.followUpBody,
      act: ({ principal, body: b, req }) => ({
        followUp: core.run(
          'followUpStep',
          { id: followUpId(req.params.id), command: { kind }, note: b.note },
          actorOf(principal!),
        ),
      }),
    })),
    {
      method: 'post',
      path: '/api/follow-ups/:id/decide',
      summary: '复核结论: an appeal upheld voids the rating; rejected resumes the follow-up (supervisor)',
      access: 'supervisor',
      body: body.decideBody,
      act: ({ principal, body: b, req }) => ({
        followUp: core.run(
          'followUpStep',
          { id: followUpId(req.params.id), command: { kind: 'decide', upheld: b.upheld }, note: b.note },
          actorOf(principal!),
        ),
      }),
    },
  ];
}

function followUpId(v: unknown): number {
  const s = String(v);
  if (!/^\d{1,9}$/.test(s)) throw new HallError('VALIDATION', '整改单编号应为数字');
  return Number(s);
}
