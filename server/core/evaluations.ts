// 好差评 in the hall core: a finished visit (or the clerk's 请评价) prompts the window's pad; the visitor's
// answer, or 未评价 when none comes in time, is recorded against the ticket, window, clerk and service; a bad
// rating opens a follow-up with a deadline in working days. One evaluation per visit; never a default.
import { randomBytes } from 'node:crypto';
import { addWorkingDays, weekdayCalendar } from '../domain/calendar';
import { checkAnswer, isNegative, LEVEL_TEXT, toGbtCode, toProvincialCode, type Answer } from '../domain/evaluation';
import { HallError } from '../domain/errors';
import type { Ticket } from '../domain/types';
import type { EvaluationView, PadPrompt } from '../protocol/views';
import type { EvaluationRow } from '../store/evaluations';
import { raiseOnce } from './alerts';
import { followUpView } from './follow-ups';
import type { Actor, HallCore } from './hall-core';
import type { Tx } from './tx';

const iso = (ms: number) => new Date(ms).toISOString();

export function evaluationView(core: HallCore, e: EvaluationRow): EvaluationView {
  const ticket = core.tickets.get(e.ticketId);
  return {
    id: e.id,
    ticketId: e.ticketId,
    ticketNumber: ticket?.number ?? '',
    day: e.day,
    windowNo: e.windowNo,
    clerkId: e.clerkId,
    clerkName: e.clerkId ? (core.model.clerks.get(e.clerkId)?.name ?? null) : null,
    serviceId: e.serviceId,
    serviceName: core.model.serviceName(e.serviceId),
    caseNo: core.tickets.caseNo(e.ticketId),
    status: e.status,
    level: e.level,
    levelText: e.level ? LEVEL_TEXT[e.level].zh : e.status === 'unrated' ? '未评价' : null,
    gbtCode: e.level ? toGbtCode(e.level) : null,
    provincialCode: e.level ? toProvincialCode(e.level) : null,
    reasons: e.reasons,
    comment: e.comment,
    channel: e.channel,
    promptedAt: iso(e.promptedAt),
    expiresAt: iso(e.expiresAt),
    answeredAt: e.answeredAt === null ? null : iso(e.answeredAt),
    voided: e.voided,
  };
}

function changed(core: HallCore, tx: Tx, id: string): void {
  tx.events.push({
    type: 'evaluation.changed',
    payload: { evaluation: evaluationView(core, core.evaluations.get(id)!) },
  });
}

/** Inside a transaction: the window's pad asks about this visit (once per ticket). */
export function promptFor(core: HallCore, tx: Tx, t: Ticket, windowNo: number, now: number): void {
  if (core.evaluations.byTicket(t.id)) return;
  // The visitor before has left: an unanswered prompt at the same window is 未评价.
  for (const old of core.evaluations.pendingAt(windowNo)) expire(core, tx, old, now);
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
  changed(core, tx, id);
}

function expire(core: HallCore, tx: Tx, e: EvaluationRow, now: number): void {
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
  changed(core, tx, e.id);
}

/** 请评价: the clerk asks the visitor at the window to rate now (before or instead of waiting for 办结). */
export function requestEvaluation(core: HallCore, windowNo: number, actor: Actor): EvaluationView {
  return core.transact(actor, (tx, now) => {
    const row = core.windows.get(windowNo);
    if (!row) throw new HallError('UNKNOWN_WINDOW', `没有 ${windowNo} 号窗口`);
    const t = core.currentTicket(row);
    if (!t || t.status !== 'serving') throw new HallError('NO_CURRENT_TICKET', '请在办理中（开始办理后）再请群众评价');
    promptFor(core, tx, t, windowNo, now);
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
  });
}

export interface Evaluator {
  deviceId: string;
  /** The window the pad is bound to: it may rate only that window's visits. */
  windowNo: number;
  channel: 'pad' | 'hardware_pad';
}

export function submitEvaluation(core: HallCore, id: string, raw: Answer, by: Evaluator): EvaluationView {
  const actor = `device:${by.deviceId}`;
  return core.transact(actor, (tx, now, day) => {
    const e = core.evaluations.get(id);
    if (!e) throw new HallError('NOT_FOUND', '没有这次评价');
    if (e.windowNo !== by.windowNo) throw new HallError('FORBIDDEN', `此评价器只能评价 ${by.windowNo} 号窗口的服务`);
    if (e.status !== 'pending') throw new HallError('EVALUATION_DONE', '这次服务已经评价过了（一次一评）');
    if (now > e.expiresAt) {
      expire(core, tx, e, now);
      throw new HallError('EVALUATION_EXPIRED', '评价已超时');
    }
    const a = checkAnswer(raw, core.config.evaluation.reasons);
    core.evaluations.answer(id, { at: now, ...a, channel: by.channel, deviceId: by.deviceId });
    core.log.append({
      at: now,
      type: 'evaluation.submitted',
      ticketId: e.ticketId,
      windowNo: e.windowNo,
      clerkId: e.clerkId,
      actor,
      data: { evaluationId: id, level: a.level, reasons: a.reasons, comment: a.comment, channel: by.channel },
    });
    if (isNegative(a.level)) {
      const { hall, evaluation: ev } = core.config;
      const workdays = hall.calendar ? hall : { ...hall, calendar: weekdayCalendar(ev.holidays, ev.workdays) };
      const deadline = addWorkingDays(workdays, day, ev.followUpDays);
      const fid = core.evaluations.openFollowUp(id, now, deadline);
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
    changed(core, tx, id);
    return evaluationView(core, core.evaluations.get(id)!);
  });
}

/** Timed-out prompts become 未评价; overdue follow-ups raise one alert each. */
export function sweepEvaluations(core: HallCore): void {
  core.transact('system', (tx, now, day) => {
    for (const e of core.evaluations.expired(now)) expire(core, tx, e, now);
    for (const f of core.evaluations.overdue(day)) {
      core.evaluations.saveFollowUp({ ...f, overdueAlerted: true });
      const view = followUpView(core, f);
      raiseOnce(core, tx, now, {
        kind: 'follow_up_overdue',
        subject: String(f.id),
        state: f.state,
        message: `差评整改逾期：${view.evaluation.ticketNumber} 号（${view.evaluation.clerkName ?? ''}），期限 ${f.deadline}`,
        suggestion: null,
      });
    }
  });
}

/** 办件编号: the hall's case system links its case number to the visit. */
export function setCaseNo(core: HallCore, ticketId: string, caseNo: string, actor: Actor): void {
  core.transact(actor, (tx, now) => {
    const t = core.tickets.get(ticketId);
    if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
    core.tickets.setCaseNo(ticketId, caseNo);
    core.log.append({ at: now, type: 'ticket.case_linked', ticketId, actor, data: { caseNo } });
    const e = core.evaluations.byTicket(ticketId);
    if (e) changed(core, tx, e.id);
  });
}

/** What the window's pad shows: the pending evaluation first, else the visitor being served, else idle. */
export function padPrompt(core: HallCore, windowNo: number): PadPrompt {
  const w = core.windowView(windowNo);
  const card = (id: string | null | undefined): PadPrompt['clerk'] => {
    const c = id ? core.model.clerks.get(id) : undefined;
    return c ? { id: c.id, name: c.name, photoUrl: c.photoUrl ?? null } : null;
  };
  const pending = core.evaluations.pendingAt(windowNo)[0];
  if (pending && pending.expiresAt >= core.clock()) {
    return {
      state: 'evaluate',
      ticket: core.tickets.get(pending.ticketId)?.number ?? null,
      // The clerk who served this visit, even if another has logged in since.
      clerk: card(pending.clerkId ?? w.clerk?.id),
      service: core.model.serviceName(pending.serviceId),
      evaluationId: pending.id,
      expiresAt: iso(pending.expiresAt),
    };
  }
  const clerk = card(w.clerk?.id);
  if (w.ticket) {
    return {
      state: 'serving',
      ticket: w.ticket.number,
      clerk,
      service: w.ticket.serviceName,
      evaluationId: null,
      expiresAt: null,
    };
  }
  return { state: 'idle', ticket: null, clerk, service: null, evaluationId: null, expiresAt: null };
}
