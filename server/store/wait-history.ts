// What the wait prediction reads: the waiting tickets, recent visit times per matter, and past arrivals.
import type { Candidate } from '../domain/routing';
import type { Db } from './db';

export class WaitHistoryStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      waiting: db.prepare<[string], Candidate>(`SELECT id AS ticketId, service_id AS serviceId,
        wait_from AS waitFrom, issued_at AS issuedAt, is_priority AS priority, target_window AS targetWindowNo, seq
        FROM tickets WHERE day = ? AND status = 'waiting'`),
      waitingCount: db
        .prepare<[string], number>(`SELECT COUNT(*) FROM tickets WHERE day = ? AND status = 'waiting'`)
        .pluck(),
      // A window's time per visitor: from the call to the next press (finish, or no-show).
      visits: db.prepare<[number], { serviceId: string; ms: number }>(`SELECT service_id AS serviceId,
        finished_at - called_at AS ms FROM tickets WHERE status IN ('finished', 'no_show')
        AND called_at IS NOT NULL AND finished_at >= ? AND finished_at > called_at
        ORDER BY finished_at DESC LIMIT 20000`),
      issued: db.prepare<[string], { serviceId: string; priority: number; at: number }>(`SELECT
        service_id AS serviceId, is_priority AS priority, issued_at AS at FROM tickets WHERE day = ?`),
    };
  }

  /** Every ticket waiting on the day (reserved ones carry their window). */
  waiting(day: string): Candidate[] {
    return this.s.waiting.all(day).map((c) => ({ ...c, priority: Boolean(c.priority) }));
  }

  /** How many tickets wait on the day (a check of a line kept in memory). */
  waitingCount(day: string): number {
    return this.s.waitingCount.get(day) ?? 0;
  }

  /** Minutes per visit, newest first, per matter, from visits that ended since `since` (ms). */
  visitMinutes(since: number, perService: number): Map<string, number[]> {
    const out = new Map<string, number[]>();
    for (const r of this.s.visits.all(since)) {
      const list = out.get(r.serviceId) ?? [];
      if (list.length < perService) list.push(r.ms / 60_000);
      out.set(r.serviceId, list);
    }
    return out;
  }

  /** Every ticket issued on a day: matter, priority and when. */
  issuedOn(day: string): { serviceId: string; priority: boolean; at: number }[] {
    return this.s.issued.all(day).map((r) => ({ ...r, priority: r.priority === 1 }));
  }
}
