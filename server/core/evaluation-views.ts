// How the core shows 好差评: an evaluation (with both level codes), a follow-up with its history, and what a
// window's pad shows now. Read by the evaluation commands (for their events) and by the queries.
import { LEVEL_TEXT, toGbtCode, toProvincialCode } from '../domain/evaluation';
import * as fu from '../domain/follow-up';
import type { EvaluationView, FollowUpView, PadPrompt } from '../protocol/views';
import type { EvaluationRow, FollowUpRow } from '../store/evaluations';
import type { CoreState } from './state';

const iso = (ms: number) => new Date(ms).toISOString();

export function evaluationView(core: CoreState, e: EvaluationRow): EvaluationView {
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

export function followUpView(core: CoreState, f: FollowUpRow): FollowUpView {
  const e = core.evaluations.get(f.evaluationId)!;
  const history = core.log
    .forTicket(e.ticketId)
    .filter((x) => x.type.startsWith('followup.'))
    .map((x) => ({
      at: new Date(x.at).toISOString(),
      actor: x.actor,
      type: x.type,
      note: typeof x.data.note === 'string' ? x.data.note : null,
    }));
  return {
    id: f.id,
    state: f.state,
    stateText: fu.FOLLOW_UP_TEXT[f.state],
    deadline: f.deadline,
    overdue: fu.isOpen(f.state) && core.today() > f.deadline,
    openedAt: new Date(f.openedAt).toISOString(),
    updatedAt: new Date(f.updatedAt).toISOString(),
    evaluation: evaluationView(core, e),
    history,
  };
}

/** What the window's pad shows: the pending evaluation first, else the visitor being served, else idle. */
export function padPrompt(core: CoreState, windowNo: number): PadPrompt {
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
  // 正在为您办理 only once the clerk has started: while calling, the visitor may not be at this window yet.
  if (w.ticket?.status === 'serving') {
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
