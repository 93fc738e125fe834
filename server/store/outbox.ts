// The upstream outbox: events to report, in order, grouped into batches that keep their id until the
// platform accepts them (a batch cut before a crash is sent again as the same batch after the restart).
import type { Db } from './db';

export interface OutboxEvent {
  seq: number;
  type: string;
  at: number;
  data: Record<string, unknown>;
}

export interface BatchRow {
  id: string;
  firstSeq: number;
  lastSeq: number;
  createdAt: number;
  attempts: number;
  sentAt: number | null;
  parkedAt: number | null;
  lastError: string | null;
}

interface RawBatch {
  id: string;
  first_seq: number;
  last_seq: number;
  created_at: number;
  attempts: number;
  sent_at: number | null;
  parked_at: number | null;
  last_error: string | null;
}

const batchOf = (r: RawBatch): BatchRow => ({
  id: r.id,
  firstSeq: r.first_seq,
  lastSeq: r.last_seq,
  createdAt: r.created_at,
  attempts: r.attempts,
  sentAt: r.sent_at,
  parkedAt: r.parked_at,
  lastError: r.last_error,
});

export class OutboxStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      add: db.prepare('INSERT INTO outbox (type, at, data) VALUES (?, ?, ?)'),
      pending: db.prepare<[], RawBatch>(
        'SELECT * FROM outbox_batches WHERE sent_at IS NULL ORDER BY first_seq LIMIT 1',
      ),
      unbatched: db.prepare<[number], { seq: number }>(
        'SELECT seq FROM outbox WHERE batch_id IS NULL ORDER BY seq LIMIT ?',
      ),
      assign: db.prepare('UPDATE outbox SET batch_id = ? WHERE batch_id IS NULL AND seq BETWEEN ? AND ?'),
      insertBatch: db.prepare('INSERT INTO outbox_batches (id, first_seq, last_seq, created_at) VALUES (?, ?, ?, ?)'),
      events: db.prepare<[string], { seq: number; type: string; at: number; data: string }>(
        'SELECT seq, type, at, data FROM outbox WHERE batch_id = ? ORDER BY seq',
      ),
      sentEvents: db.prepare('UPDATE outbox SET sent_at = ? WHERE batch_id = ?'),
      sentBatch: db.prepare('UPDATE outbox_batches SET sent_at = ?, last_error = NULL WHERE id = ?'),
      fail: db.prepare('UPDATE outbox_batches SET attempts = attempts + 1, last_error = ? WHERE id = ?'),
      park: db.prepare('UPDATE outbox_batches SET parked_at = ?, last_error = ? WHERE id = ?'),
      unpark: db.prepare('UPDATE outbox_batches SET parked_at = NULL, attempts = 0 WHERE parked_at IS NOT NULL'),
      backlog: db.prepare<[], { n: number; oldest: number | null }>(
        'SELECT COUNT(*) AS n, MIN(at) AS oldest FROM outbox WHERE sent_at IS NULL',
      ),
      lastSent: db.prepare<[], { t: number | null }>('SELECT MAX(sent_at) AS t FROM outbox_batches'),
    };
  }

  /** Inside the caller's transaction (the event's own). */
  add(type: string, at: number, data: Record<string, unknown>): void {
    this.s.add.run(type, at, JSON.stringify(data));
  }

  /** The batch to send now: the oldest one not yet accepted, or a new one cut from the next events. */
  nextBatch(newId: (firstSeq: number) => string, size: number, now: number): BatchRow | null {
    return this.db.transaction(() => {
      const open = this.s.pending.get();
      if (open) return batchOf(open);
      const seqs = this.s.unbatched.all(size).map((r) => r.seq);
      if (!seqs.length) return null;
      const first = seqs[0]!;
      const id = newId(first);
      const last = seqs.at(-1)!;
      this.s.insertBatch.run(id, first, last, now);
      this.s.assign.run(id, first, last);
      return batchOf(this.s.pending.get()!);
    })();
  }

  events(batchId: string): OutboxEvent[] {
    return this.s.events.all(batchId).map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
  }

  markSent(batchId: string, now: number): void {
    this.db.transaction(() => {
      this.s.sentEvents.run(now, batchId);
      this.s.sentBatch.run(now, batchId);
    })();
  }

  fail(batchId: string, error: string): void {
    this.s.fail.run(error, batchId);
  }

  park(batchId: string, now: number, error: string): void {
    this.s.park.run(now, error, batchId);
  }

  /** Parked batches go back in the queue (after the cause, e.g. a wrong secret, was fixed). */
  unpark(): number {
    return this.s.unpark.run().changes;
  }

  backlog(): { count: number; oldestAt: number | null; lastSentAt: number | null } {
    const b = this.s.backlog.get()!;
    return { count: b.n, oldestAt: b.oldest, lastSentAt: this.s.lastSent.get()?.t ?? null };
  }
}
