// 好差评 in the hall core: a finished visit (or the clerk's 请评价) prompts the window's pad; the visitor's
// answer, or 未评价 when none comes in time, is recorded against the ticket, window, clerk and service; a bad
// rating opens a follow-up with a deadline in working days. One evaluation per visit; never a default.
import { randomBytes } from 'node:crypto';
import { addWorkingDays, weekdayCalendar } from '../domain/calendar';
import { checkAnswer, isNegative, type Answer, type Level } from '../domain/evaluation';
import { HallError } from '../domain/errors';
import type { Ticket } from '../domain/types';
import type { EvaluationView } from '../protocol/views';
import type { EvaluationRow } from '../store/evaluations';
import { raiseOnce } from './alerts';
import { evaluationView, followUpView } from './evaluation-views';
import type { Ctx } from './state';

function changed(ctx: Ctx, id: string): void {
  const core = ctx.state;
  ctx.tx.events.push({
    type: 'evaluation.changed',
    payload: { evaluation: evaluationView(core, core.evaluations.get(id)!) },
  });
}

/** Inside a command: the window's pad asks about this visit (once per ticket). */
export function promptFor(ctx: Ctx, t: Ticket, windowNo: number): void {
  const { state: core, now } = ctx;
  if (core.evaluations.byTicket(t.id)) return;
  visitorLeft({ ...ctx, day: t.day }, windowNo);
  const id = randomBytes(9).toString('base64url');
  core.evaluations.insert({
    id,
    ticketId: t.id,
    day: t.day,
    windowNo,
    clerkId: t.clerkId,
    serviceId: t.serviceId,
    promptedAt: now,
    expiresAt: now + core.config.evaluation.timeoutSec * 1000,
  });
  changed(ctx, id);
}

/**
 * The visitor before has left the window (the next visit is prompted, or the next visitor's service has
 * started there): an unanswered prompt at that window is 未评价, so the pad never shows the next visitor
 * someone else's visit to rate.
 */
export function visitorLeft(ctx: Ctx, windowNo: number, present?: string): void {
  for (const old of ctx.state.evaluations.pendingAt(windowNo)) if (old.ticketId !== present) expire(ctx, old);
}

/**
 * Time is up (or the visitor left). A level the visitor tapped stands as their rating, with no
 * reasons if none were given: the visitor chose it, and 好差评 rules let nobody else pick or drop it.
 * Only a prompt with no level tapped at all becomes 未评价.
 */
function expire(ctx: Ctx, e: EvaluationRow): void {
  const { state: core, now } = ctx;
  if (e.level) {
    record(
      ctx,
      e,
      { level: e.level, reasons: [], comment: null },
      {
        actor: 'system',
        channel: e.channel ?? 'pad',
        deviceId: e.deviceId,
        incomplete: true,
      },
    );
    return;
  }
  core.evaluations.markUnrated(e.id, now);
  core.log.append({
    at: now,
    type: 'evaluation.unrated',
    ticketId: e.ticketId,
    windowNo: e.windowNo,
    clerkId: e.clerkId,
    actor: 'system',
    data: { evaluationId: e.id },
  });
  changed(ctx, e.id);
}

interface RecordedBy {
  actor: string;
  channel: string;
  deviceId: string | null;
  /** A tapped level recorded when time ran out, before any reason was chosen. */
  incomplete?: boolean;
}

/** Stores an answer, logs it for reports and the upstream, and opens the follow-up of a bad rating. */
function record(ctx: Ctx, e: EvaluationRow, a: Answer, by: RecordedBy): void {
  const { state: core, tx, now, day } = ctx;
  const { actor, channel, deviceId } = by;
  core.evaluations.answer(e.id, { at: now, ...a, channel, deviceId });
  core.log.append({
    at: now,
    type: 'evaluation.submitted',
    ticketId: e.ticketId,
    windowNo: e.windowNo,
    clerkId: e.clerkId,
    actor,
    data: {
      evaluationId: e.id,
      level: a.level,
      reasons: a.reasons,
      comment: a.comment,
      channel,
      ...(by.incomplete ? { incomplete: true } : {}),
    },
  });
  if (isNegative(a.level)) {
    const { hall, evaluation: ev } = core.config;
    const workdays = hall.calendar ? hall : { ...hall, calendar: weekdayCalendar(ev.holidays, ev.workdays) };
    const deadline = addWorkingDays(workdays, day, ev.followUpDays);
    const fid = core.evaluations.openFollowUp(e.id, now, deadline);
    core.log.append({
      at: now,
      type: 'followup.opened',
      ticketId: e.ticketId,
      actor,
      data: { followUpId: fid, deadline },
    });
    tx.events.push({
      type: 'followup.changed',
      payload: { followUp: followUpView(core, core.evaluations.followUp(fid)!) },
    });
  }
  changed(ctx, e.id);
}

/** 请评价: the clerk asks the visitor at the window to rate now (before or instead of waiting for 办结). */
export function requestEvaluation(ctx: Ctx, { window: windowNo }: { window: number }): EvaluationView {
  const { state: core, now, actor } = ctx;
  const row = core.windows.get(windowNo);
  if (!row) throw new HallError('UNKNOWN_WINDOW', `没有 ${windowNo} 号窗口`);
  const t = core.currentTicket(row);
  if (!t || t.status !== 'serving') throw new HallError('NO_CURRENT_TICKET', '请在办理中（开始办理后）再请群众评价');
  promptFor(ctx, t, windowNo);
  const e = core.evaluations.byTicket(t.id)!;
  if (e.status !== 'pending') throw new HallError('EVALUATION_DONE', `${t.number} 号已评价`);
  core.log.append({
    at: now,
    type: 'evaluation.requested',
    ticketId: t.id,
    windowNo,
    clerkId: row.clerkId,
    actor,
    data: { evaluationId: e.id },
  });
  return evaluationView(core, e);
}

export interface Evaluator {
  deviceId: string;
  /** The window the pad is bound to: it may rate only that window's visits. */
  windowNo: number;
  channel: 'pad' | 'hardware_pad';
}

/** The pending evaluation a pad may act on, or the error it gets (expiry is recorded on the way). */
function pendingFor(ctx: Ctx, id: string, by: Evaluator): EvaluationRow {
  const { state: core, now } = ctx;
  const e = core.evaluations.get(id);
  if (!e) throw new HallError('NOT_FOUND', '没有这次评价');
  if (e.windowNo !== by.windowNo) throw new HallError('FORBIDDEN', `此评价器只能评价 ${by.windowNo} 号窗口的服务`);
  if (e.status !== 'pending') throw new HallError('EVALUATION_DONE', '这次服务已经评价过了（一次一评）');
  if (now > e.expiresAt) {
    expire(ctx, e);
    throw new HallError('EVALUATION_EXPIRED', '评价已超时');
  }
  return e;
}

/** The visitor's answer on the pad (the pad's device is the actor, whoever forwarded it). */
export function submitEvaluation(ctx: Ctx, { id, answer, by }: { id: string; answer: Answer; by: Evaluator }) {
  const core = ctx.state;
  const actor = `device:${by.deviceId}`;
  const e = pendingFor(ctx, id, by);
  const a = checkAnswer(answer, core.config.evaluation.reasons);
  record(ctx, e, a, { actor, channel: by.channel, deviceId: by.deviceId });
  return evaluationView(core, core.evaluations.get(id)!);
}

/**
 * The visitor tapped a level: it is kept at once, so a visitor who walks away before finishing (a good
 * rating's few seconds to change it, or a bad rating's reasons) is recorded with the level they chose.
 */
export function chooseLevel(ctx: Ctx, { id, level, by }: { id: string; level: Level; by: Evaluator }) {
  const core = ctx.state;
  pendingFor(ctx, id, by);
  core.evaluations.choose(id, level);
  return evaluationView(core, core.evaluations.get(id)!);
}

/** Timed-out prompts become 未评价; overdue follow-ups raise one alert each. */
export function sweepEvaluations(ctx: Ctx): void {
  const { state: core, now, day } = ctx;
  for (const e of core.evaluations.expired(now)) expire(ctx, e);
  for (const f of core.evaluations.overdue(day)) {
    core.evaluations.saveFollowUp({ ...f, overdueAlerted: true });
    const view = followUpView(core, f);
    raiseOnce(ctx, {
      kind: 'follow_up_overdue',
      subject: String(f.id),
      state: f.state,
      message: `差评整改逾期：${view.evaluation.ticketNumber} 号（${view.evaluation.clerkName ?? ''}），期限 ${f.deadline}`,
      suggestion: null,
    });
  }
}

/** 办件编号: the hall's case system links its case number to the visit. */
export function setCaseNo(ctx: Ctx, { ticketId, caseNo }: { ticketId: string; caseNo: string }): void {
  const { state: core, now, actor } = ctx;
  const t = core.tickets.get(ticketId);
  if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
  core.tickets.setCaseNo(ticketId, caseNo);
  core.log.append({ at: now, type: 'ticket.case_linked', ticketId, actor, data: { caseNo } });
  const e = core.evaluations.byTicket(ticketId);
  if (e) changed(ctx, e.id);
}
