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
  /** The transfers' leaving windows and clerks: "window:clerk" joined by commas, or null. */
  transferredFrom: string | null;
  evStatus: string | null;
  evLevel: string | null;
  evVoided: number | null;
}

const VISIT_COLUMNS = `
  SELECT t.id, t.day, t.service_id AS serviceId, t.window_no AS windowNo, t.clerk_id AS clerkId, t.status,
    t.issued_at AS issuedAt, t.wait_from AS waitFrom, t.serving_at AS servingAt,
    t.finished_at AS finishedAt, t.transfer_count AS transfers,
    (SELECT MIN(e.at) FROM events e WHERE e.ticket_id = t.id AND e.type = 'ticket.called') AS firstCalledAt,
    (SELECT group_concat(ifnull(e.window_no, '') || ':' || ifnull(e.clerk_id, ''), ',') FROM events e
      WHERE e.ticket_id = t.id AND e.type = 'ticket.transferred') AS transferredFrom,
    ev.status AS evStatus, ev.level AS evLevel, ev.voided AS evVoided, t.seq
  FROM tickets t LEFT JOIN evaluations ev ON ev.ticket_id = t.id`;

/** Where a page of one day's visits ended: the next page starts after it. */
export interface VisitCursor {
  issuedAt: number;
  seq: number;
  id: string;
}

export class ReportStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      visits: db.prepare<[string, string], VisitRow>(`${VISIT_COLUMNS}
        WHERE t.day BETWEEN ? AND ? ORDER BY t.day, t.issued_at, t.seq`),
      // The page's tickets are picked first (cheap columns only), then only they get their first call and
      // evaluation looked up.
      page: db.prepare<[string, number, number, string, number], VisitRow & { seq: number }>(`
        WITH page AS (SELECT id FROM tickets WHERE day = ? AND (issued_at, seq, id) > (?, ?, ?)
          ORDER BY issued_at, seq, id LIMIT ?)
        ${VISIT_COLUMNS.replace('FROM tickets t', 'FROM page p JOIN tickets t ON t.id = p.id')}
        ORDER BY t.issued_at, t.seq, t.id`),
      servedByWindow: db.prepare<[string], { windowNo: number; n: number }>(`SELECT window_no AS windowNo,
        COUNT(*) AS n FROM tickets WHERE day = ? AND status = 'finished' AND window_no IS NOT NULL GROUP BY window_no`),
      waiting: db.prepare<[string, string], { id: string }>(`SELECT id FROM tickets
        WHERE day = ? AND service_id = ? AND status = 'waiting' ORDER BY is_priority DESC, wait_from, seq LIMIT 500`),
    };
  }

  visits(from: string, to: string): VisitRow[] {
    return this.s.visits.all(from, to);
  }

  /** Up to `limit` visits of one day after the cursor (null: from the start), in issue order. */
  visitsPage(day: string, after: VisitCursor | null, limit: number): { rows: VisitRow[]; next: VisitCursor | null } {
    const rows = this.s.page.all(day, after?.issuedAt ?? -Infinity, after?.seq ?? 0, after?.id ?? '', limit);
    const last = rows.at(-1);
    return {
      rows,
      next: rows.length === limit && last ? { issuedAt: last.issuedAt, seq: last.seq, id: last.id } : null,
    };
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
