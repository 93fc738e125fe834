// The wait each ticket was promised at its issue (issue 25): kept beside the ticket so the hall can see how
// right its printed figures were (domain/promise-accuracy.ts). One row per ticket, like the tickets.
import type { Db } from './db';
import type { PromiseRow } from '../domain/promise-accuracy';

export interface WaitPromise {
  ticketId: string;
  day: string;
  at: number;
  minutes: number;
  low: number;
  high: number;
  servedNow: boolean;
}

export class WaitPromiseStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(`INSERT OR IGNORE INTO wait_promises (ticket_id, day, at, minutes, low, high, served_now)
        VALUES (@ticketId, @day, @at, @minutes, @low, @high, @servedNow)`),
      // Called tickets of the days, never transferred (their wait kept on, to another matter or window):
      // the promise against the first call's wait.
      kept: db.prepare<[string, string], PromiseRow>(`SELECT p.minutes AS minutes, p.low AS low, p.high AS high,
          (t.called_at - p.at) / 60000.0 AS waitedMin
        FROM wait_promises p JOIN tickets t ON t.id = p.ticket_id
        WHERE p.day BETWEEN ? AND ? AND p.served_now = 1 AND t.called_at IS NOT NULL AND t.transfer_count = 0
          AND t.recall_count = 0 AND t.status IN ('called', 'serving', 'finished', 'no_show')`),
    };
  }

  add(p: WaitPromise): void {
    this.s.insert.run({ ...p, servedNow: p.servedNow ? 1 : 0 });
  }

  /** The kept promises of the days from–to (YYYY-MM-DD), as the accuracy figures read them. */
  between(from: string, to: string): PromiseRow[] {
    return this.s.kept.all(from, to);
  }
}
