// What reports read: each ticket of a range of hall days with its first call (from the event log) and
// its evaluation. Read-only; the hall core writes everything else.
import type { Db } from './db';

export interface VisitRow {
  id: string;
  day: string;
  serviceId: string;
  windowNo: number | null;
  clerkId: string | null;
  status: string;
  issuedAt: number;
  waitFrom: number;
  firstCalledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  transfers: number;
  evStatus: string | null;
  evLevel: string | null;
  evVoided: number | null;
}

export class ReportStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      visits: db.prepare<[string, string], VisitRow>(`
        SELECT t.id, t.day, t.service_id AS serviceId, t.window_no AS windowNo, t.clerk_id AS clerkId, t.status,
          t.issued_at AS issuedAt, t.wait_from AS waitFrom, t.serving_at AS servingAt,
          t.finished_at AS finishedAt, t.transfer_count AS transfers,
          (SELECT MIN(e.at) FROM events e WHERE e.ticket_id = t.id AND e.type = 'ticket.called') AS firstCalledAt,
          ev.status AS evStatus, ev.level AS evLevel, ev.voided AS evVoided
        FROM tickets t LEFT JOIN evaluations ev ON ev.ticket_id = t.id
        WHERE t.day BETWEEN ? AND ? ORDER BY t.day, t.issued_at, t.seq`),
      servedByWindow: db.prepare<[string], { windowNo: number; n: number }>(`SELECT window_no AS windowNo,
        COUNT(*) AS n FROM tickets WHERE day = ? AND status = 'finished' AND window_no IS NOT NULL GROUP BY window_no`),
      waiting: db.prepare<[string, string], { id: string }>(`SELECT id FROM tickets
        WHERE day = ? AND service_id = ? AND status = 'waiting' ORDER BY is_priority DESC, wait_from, seq LIMIT 500`),
    };
  }

  visits(from: string, to: string): VisitRow[] {
    return this.s.visits.all(from, to);
  }

  /** Visits finished today per window. */
  servedByWindow(day: string): Record<string, number> {
    return Object.fromEntries(this.s.servedByWindow.all(day).map((r) => [String(r.windowNo), r.n]));
  }

  /** Ids of a service's waiting tickets, priority first then by wait (the supervisor's queue view). */
  waitingIds(day: string, serviceId: string): string[] {
    return this.s.waiting.all(day, serviceId).map((r) => r.id);
  }
}
