// Ticket rows: prepared once, mapped to the domain's Ticket. Only the hall core calls the writers.
import type { Candidate } from '../domain/routing';
import type { Priority, Ticket, TicketStatus } from '../domain/types';
import type { Db } from './db';

interface Row {
  id: string;
  day: string;
  number: string;
  seq: number;
  service_id: string;
  status: string;
  priority: string | null;
  is_priority: number;
  channel: string;
  issued_at: number;
  wait_from: number;
  target_window: number | null;
  window_no: number | null;
  clerk_id: string | null;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
  recall_count: number;
  transfer_count: number;
  transferred_from: number | null;
  note: string | null;
  id_hash: string | null;
  id_masked: string | null;
  appointment_code: string | null;
}

const toTicket = (r: Row): Ticket => ({
  id: r.id,
  day: r.day,
  number: r.number,
  seq: r.seq,
  serviceId: r.service_id,
  status: r.status as TicketStatus,
  priority: r.priority as Priority | null,
  channel: r.channel,
  issuedAt: r.issued_at,
  waitFrom: r.wait_from,
  targetWindowNo: r.target_window,
  windowNo: r.window_no,
  clerkId: r.clerk_id,
  calledAt: r.called_at,
  servingAt: r.serving_at,
  finishedAt: r.finished_at,
  recallCount: r.recall_count,
  transferCount: r.transfer_count,
  transferredFrom: r.transferred_from,
  note: r.note,
  idMasked: r.id_masked,
  appointmentCode: r.appointment_code,
});

const toParams = (t: Ticket, idHash: string | null = null) => ({
  id: t.id,
  day: t.day,
  number: t.number,
  seq: t.seq,
  service_id: t.serviceId,
  status: t.status,
  priority: t.priority,
  is_priority: t.priority ? 1 : 0,
  channel: t.channel,
  issued_at: t.issuedAt,
  wait_from: t.waitFrom,
  target_window: t.targetWindowNo,
  window_no: t.windowNo,
  clerk_id: t.clerkId,
  called_at: t.calledAt,
  serving_at: t.servingAt,
  finished_at: t.finishedAt,
  recall_count: t.recallCount,
  transfer_count: t.transferCount,
  transferred_from: t.transferredFrom ?? null,
  note: t.note,
  id_hash: idHash,
  id_masked: t.idMasked,
  appointment_code: t.appointmentCode,
});

const CANDIDATE_COLS = `id AS ticketId, service_id AS serviceId, wait_from AS waitFrom, issued_at AS issuedAt,
  is_priority AS priority, target_window AS targetWindowNo, seq`;

export class TicketStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(`INSERT INTO tickets (id, day, number, seq, service_id, status, priority, is_priority,
        channel, issued_at, wait_from, target_window, window_no, clerk_id, called_at, serving_at, finished_at,
        recall_count, transfer_count, transferred_from, note, id_hash, id_masked, appointment_code)
        VALUES (@id, @day, @number, @seq, @service_id, @status, @priority,
        @is_priority, @channel, @issued_at, @wait_from, @target_window, @window_no, @clerk_id, @called_at,
        @serving_at, @finished_at, @recall_count, @transfer_count, @transferred_from, @note, @id_hash, @id_masked, @appointment_code)`),
      update: db.prepare(`UPDATE tickets SET service_id=@service_id, status=@status, priority=@priority,
        is_priority=@is_priority, target_window=@target_window,
        window_no=@window_no, clerk_id=@clerk_id, called_at=@called_at, serving_at=@serving_at,
        finished_at=@finished_at, recall_count=@recall_count, transfer_count=@transfer_count,
        transferred_from=@transferred_from, note=@note
        WHERE id=@id`),
      byId: db.prepare<[string], Row>('SELECT * FROM tickets WHERE id = ?'),
      caseNo: db.prepare<[string], { case_no: string | null }>('SELECT case_no FROM tickets WHERE id = ?'),
      setCaseNo: db.prepare('UPDATE tickets SET case_no = ? WHERE id = ?'),
      byNumber: db.prepare<[string, string], Row>('SELECT * FROM tickets WHERE day = ? AND number = ?'),
      head: db.prepare<[string, string, number], Candidate>(`SELECT ${CANDIDATE_COLS} FROM tickets
        WHERE day = ? AND service_id = ? AND is_priority = ? AND status = 'waiting' AND target_window IS NULL
        ORDER BY wait_from, issued_at, seq LIMIT 1`),
      reservedWaiting: db.prepare<[number], Candidate>(`SELECT ${CANDIDATE_COLS} FROM tickets
        WHERE target_window = ? AND status = 'waiting' ORDER BY wait_from, issued_at, seq LIMIT 50`),
      held: db.prepare<[number], Row>(`SELECT * FROM tickets WHERE target_window = ? AND status = 'held'
        ORDER BY wait_from`),
      oldestWaiting: db.prepare<[string, string], { t: number | null }>(`SELECT MIN(wait_from) AS t FROM tickets
        WHERE day = ? AND service_id = ? AND status = 'waiting'`),
      ahead: db.prepare<[string, string, number, number], { n: number }>(`SELECT COUNT(*) AS n FROM tickets
        WHERE day = ? AND service_id = ? AND status = 'waiting' AND target_window IS NULL AND (wait_from, seq) < (?, ?)`),
      // Priority first: a normal ticket has every waiting priority ticket ahead, a priority ticket only the
      // earlier priority ones.
      aheadOf: db.prepare<
        { day: string; serviceId: string; waitFrom: number; seq: number; priority: number },
        { n: number }
      >(`SELECT COUNT(*) AS n FROM tickets WHERE day = @day AND service_id = @serviceId AND status = 'waiting'
        AND target_window IS NULL AND ((@priority = 1 AND is_priority = 1 AND (wait_from, seq) < (@waitFrom, @seq))
        OR (@priority = 0 AND (is_priority = 1 OR (wait_from, seq) < (@waitFrom, @seq))))`),
      openBefore: db.prepare<[string], Row>(`SELECT * FROM tickets WHERE day < ?
        AND status IN ('waiting','called','serving','held')`),
      waitingOn: db.prepare<[string], Row>(`SELECT * FROM tickets WHERE day = ? AND status IN ('waiting','held')`),
      today: db.prepare<
        [{ day: string; no: number; clerk: string }],
        { served: number; noShows: number; transfers: number; serviceMs: number | null }
      >(
        `SELECT
           SUM(status = 'finished') AS served,
           SUM(status = 'no_show') AS noShows,
           (SELECT COUNT(*) FROM events e WHERE e.type = 'ticket.transferred' AND e.window_no = @no
              AND e.clerk_id = @clerk AND e.at >= (SELECT MIN(issued_at) FROM tickets WHERE day = @day)) AS transfers,
           AVG(CASE WHEN status = 'finished' THEN finished_at - serving_at END) AS serviceMs
         FROM tickets WHERE day = @day AND window_no = @no AND clerk_id = @clerk`,
      ),
      openForPerson: db.prepare<[string, string, string], Row>(`SELECT * FROM tickets WHERE id_hash = ?
        AND service_id = ? AND day = ? AND status IN ('waiting','called','serving','held') LIMIT 1`),
      openOfPerson: db.prepare<[string, string], Row>(`SELECT * FROM tickets WHERE id_hash = ?
        AND day = ? AND status IN ('waiting','called','serving','held') ORDER BY issued_at`),
    };
  }

  insert(t: Ticket, idHash: string | null): void {
    this.s.insert.run(toParams(t, idHash));
  }

  update(t: Ticket): void {
    this.s.update.run(toParams(t));
  }

  /** 办件编号: the case number the hall's case system gave this visit, if any. */
  caseNo(id: string): string | null {
    return this.s.caseNo.get(id)?.case_no ?? null;
  }

  setCaseNo(id: string, caseNo: string): void {
    this.s.setCaseNo.run(caseNo, id);
  }

  get(id: string): Ticket | null {
    const r = this.s.byId.get(id);
    return r ? toTicket(r) : null;
  }

  byNumber(day: string, number: string): Ticket | null {
    const r = this.s.byNumber.get(day, number);
    return r ? toTicket(r) : null;
  }

  /** The routing candidates for a window: each queue's head plus tickets reserved for it. */
  candidates(day: string, serviceIds: readonly string[], windowNo: number): Candidate[] {
    const out: Candidate[] = [];
    for (const sid of serviceIds) {
      for (const p of [1, 0]) {
        const c = this.s.head.get(day, sid, p);
        if (c) out.push({ ...c, priority: Boolean(c.priority) });
      }
    }
    for (const c of this.s.reservedWaiting.all(windowNo)) out.push({ ...c, priority: Boolean(c.priority) });
    return out;
  }

  held(windowNo: number): Ticket[] {
    return this.s.held.all(windowNo).map(toTicket);
  }

  oldestWaitFrom(day: string, serviceId: string): number | null {
    return this.s.oldestWaiting.get(day, serviceId)?.t ?? null;
  }

  /** Waiting tickets of the service queued before this one (not counting later priority arrivals). */
  waitingAhead(day: string, serviceId: string, waitFrom: number, seq: number): number {
    return this.s.ahead.get(day, serviceId, waitFrom, seq)?.n ?? 0;
  }

  /** Waiting tickets of the service that will be called before this one (priority first). */
  waitingAheadOf(day: string, serviceId: string, waitFrom: number, seq: number, priority: boolean): number {
    return this.s.aheadOf.get({ day, serviceId, waitFrom, seq, priority: priority ? 1 : 0 })?.n ?? 0;
  }

  openBefore(day: string): Ticket[] {
    return this.s.openBefore.all(day).map(toTicket);
  }

  waitingOrHeldOn(day: string): Ticket[] {
    return this.s.waitingOn.all(day).map(toTicket);
  }

  /** A clerk's own figures at a window today. */
  today(day: string, windowNo: number, clerkId: string) {
    const r = this.s.today.get({ day, no: windowNo, clerk: clerkId });
    return {
      served: r?.served ?? 0,
      noShows: r?.noShows ?? 0,
      transfers: r?.transfers ?? 0,
      avgServiceMs: r?.serviceMs ?? null,
    };
  }

  openForPerson(idHash: string, serviceId: string, day: string): Ticket | null {
    const r = this.s.openForPerson.get(idHash, serviceId, day);
    return r ? toTicket(r) : null;
  }

  /** A person's open tickets of the day, every service (staff's anti-hoarding look-up). */
  openOfPerson(idHash: string, day: string): Ticket[] {
    return this.s.openOfPerson.all(idHash, day).map(toTicket);
  }
}
