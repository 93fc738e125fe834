// Evaluations (好差评) and their negative-review follow-ups. Only the hall core calls the writers.
import type { Level } from '../domain/evaluation';
import type { FollowUpState } from '../domain/follow-up';
import type { Db } from './db';

export type EvaluationStatus = 'pending' | 'rated' | 'unrated';

export interface EvaluationRow {
  id: string;
  ticketId: string;
  day: string;
  windowNo: number;
  clerkId: string | null;
  serviceId: string;
  status: EvaluationStatus;
  promptedAt: number;
  expiresAt: number;
  answeredAt: number | null;
  level: Level | null;
  reasons: string[];
  comment: string | null;
  channel: string | null;
  deviceId: string | null;
  voided: boolean;
}

export interface FollowUpRow {
  id: number;
  evaluationId: string;
  state: FollowUpState;
  resumeState: FollowUpState | null;
  openedAt: number;
  deadline: string;
  updatedAt: number;
  overdueAlerted: boolean;
}

type Raw = Record<string, unknown>;

const evaluation = (r: Raw): EvaluationRow => ({
  id: r.id as string,
  ticketId: r.ticket_id as string,
  day: r.day as string,
  windowNo: r.window_no as number,
  clerkId: r.clerk_id as string | null,
  serviceId: r.service_id as string,
  status: r.status as EvaluationStatus,
  promptedAt: r.prompted_at as number,
  expiresAt: r.expires_at as number,
  answeredAt: r.answered_at as number | null,
  level: r.level as Level | null,
  reasons: JSON.parse(r.reasons as string) as string[],
  comment: r.comment as string | null,
  channel: r.channel as string | null,
  deviceId: r.device_id as string | null,
  voided: r.voided === 1,
});

const followUp = (r: Raw): FollowUpRow => ({
  id: r.id as number,
  evaluationId: r.evaluation_id as string,
  state: r.state as FollowUpState,
  resumeState: r.resume_state as FollowUpState | null,
  openedAt: r.opened_at as number,
  deadline: r.deadline as string,
  updatedAt: r.updated_at as number,
  overdueAlerted: r.overdue_alerted === 1,
});

export class EvaluationStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(`INSERT INTO evaluations (id, ticket_id, day, window_no, clerk_id, service_id, status,
        prompted_at, expires_at) VALUES (@id, @ticketId, @day, @windowNo, @clerkId, @serviceId, 'pending',
        @promptedAt, @expiresAt)`),
      get: db.prepare<[string], Raw>('SELECT * FROM evaluations WHERE id = ?'),
      byTicket: db.prepare<[string], Raw>('SELECT * FROM evaluations WHERE ticket_id = ?'),
      pendingAt: db.prepare<[number], Raw>(
        "SELECT * FROM evaluations WHERE window_no = ? AND status = 'pending' ORDER BY prompted_at DESC",
      ),
      expired: db.prepare<[number], Raw>("SELECT * FROM evaluations WHERE status = 'pending' AND expires_at < ?"),
      answer: db.prepare(`UPDATE evaluations SET status = 'rated', answered_at = @at, level = @level,
        reasons = @reasons, comment = @comment, channel = @channel, device_id = @deviceId WHERE id = @id`),
      unrated: db.prepare("UPDATE evaluations SET status = 'unrated', answered_at = ? WHERE id = ?"),
      choose: db.prepare("UPDATE evaluations SET level = ? WHERE id = ? AND status = 'pending'"),
      void: db.prepare('UPDATE evaluations SET voided = 1 WHERE id = ?'),
      between: db.prepare<{ from: string; to: string }, Raw>(
        'SELECT * FROM evaluations WHERE day >= @from AND day <= @to ORDER BY prompted_at',
      ),
      fuInsert: db.prepare(`INSERT INTO follow_ups (evaluation_id, state, opened_at, deadline, updated_at)
        VALUES (?, 'callback', ?, ?, ?)`),
      fuGet: db.prepare<[number], Raw>('SELECT * FROM follow_ups WHERE id = ?'),
      fuSave: db.prepare(`UPDATE follow_ups SET state = @state, resume_state = @resumeState, updated_at = @updatedAt,
        overdue_alerted = @overdueAlerted WHERE id = @id`),
      fuAll: db.prepare<[], Raw>('SELECT * FROM follow_ups ORDER BY id DESC LIMIT 500'),
      fuOverdue: db.prepare<[string], Raw>(`SELECT * FROM follow_ups WHERE state NOT IN ('closed', 'voided')
        AND deadline < ? AND overdue_alerted = 0`),
    };
  }

  insert(
    e: Pick<
      EvaluationRow,
      'id' | 'ticketId' | 'day' | 'windowNo' | 'clerkId' | 'serviceId' | 'promptedAt' | 'expiresAt'
    >,
  ): void {
    this.s.insert.run(e);
  }

  get(id: string): EvaluationRow | null {
    const r = this.s.get.get(id);
    return r ? evaluation(r) : null;
  }

  /** The level the visitor tapped, kept on the pending row until the answer is complete (or time runs out). */
  choose(id: string, level: Level): void {
    this.s.choose.run(level, id);
  }

  byTicket(ticketId: string): EvaluationRow | null {
    const r = this.s.byTicket.get(ticketId);
    return r ? evaluation(r) : null;
  }

  pendingAt(windowNo: number): EvaluationRow[] {
    return this.s.pendingAt.all(windowNo).map(evaluation);
  }

  expired(now: number): EvaluationRow[] {
    return this.s.expired.all(now).map(evaluation);
  }

  answer(
    id: string,
    a: {
      at: number;
      level: Level;
      reasons: string[];
      comment: string | null;
      channel: string;
      deviceId: string | null;
    },
  ): void {
    this.s.answer.run({ id, ...a, reasons: JSON.stringify(a.reasons) });
  }

  markUnrated(id: string, at: number): void {
    this.s.unrated.run(at, id);
  }

  markVoided(id: string): void {
    this.s.void.run(id);
  }

  between(from: string, to: string): EvaluationRow[] {
    return this.s.between.all({ from, to }).map(evaluation);
  }

  openFollowUp(evaluationId: string, now: number, deadline: string): number {
    return Number(this.s.fuInsert.run(evaluationId, now, deadline, now).lastInsertRowid);
  }

  followUp(id: number): FollowUpRow | null {
    const r = this.s.fuGet.get(id);
    return r ? followUp(r) : null;
  }

  saveFollowUp(f: FollowUpRow): void {
    this.s.fuSave.run({ ...f, overdueAlerted: f.overdueAlerted ? 1 : 0 });
  }

  followUps(): FollowUpRow[] {
    return this.s.fuAll.all().map(followUp);
  }

  /** Open follow-ups past their deadline day that have not been alerted yet. */
  overdue(today: string): FollowUpRow[] {
    return this.s.fuOverdue.all(today).map(followUp);
  }
}
