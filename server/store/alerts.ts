// Supervisor alerts: raised by a condition (a ticket past its target, a long queue, a device offline…),
// resolved when the condition clears, acknowledged by a supervisor. Kept for the day's list and reports.
import type { Db } from './db';

export interface AlertRow {
  id: number;
  kind: string;
  subject: string;
  state: string | null;
  message: string;
  suggestion: string | null;
  raisedAt: number;
  resolvedAt: number | null;
  ackedAt: number | null;
  ackedBy: string | null;
}

// Columns under the row's own names, so a row needs no mapping.
const COLS = `id, kind, subject, state, message, suggestion, raised_at AS raisedAt, resolved_at AS resolvedAt,
  acked_at AS ackedAt, acked_by AS ackedBy`;

export class AlertStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      insert: db.prepare(`INSERT INTO alerts (kind, subject, state, message, suggestion, raised_at)
        VALUES (@kind, @subject, @state, @message, @suggestion, @raisedAt)`),
      get: db.prepare<[number], AlertRow>(`SELECT ${COLS} FROM alerts WHERE id = ?`),
      open: db.prepare<[], AlertRow>(`SELECT ${COLS} FROM alerts WHERE resolved_at IS NULL ORDER BY id`),
      ever: db.prepare<[string, string], { n: number }>(
        'SELECT COUNT(*) AS n FROM alerts WHERE kind = ? AND subject = ?',
      ),
      resolve: db.prepare('UPDATE alerts SET resolved_at = ? WHERE id = ?'),
      reword: db.prepare('UPDATE alerts SET message = ?, suggestion = ? WHERE id = ?'),
      ack: db.prepare('UPDATE alerts SET acked_at = ?, acked_by = ? WHERE id = ?'),
      since: db.prepare<[number, number], AlertRow>(
        `SELECT ${COLS} FROM alerts WHERE raised_at >= ? OR resolved_at IS NULL ORDER BY id DESC LIMIT ?`,
      ),
    };
  }

  insert(a: Omit<AlertRow, 'id' | 'resolvedAt' | 'ackedAt' | 'ackedBy'>): number {
    return Number(this.s.insert.run(a).lastInsertRowid);
  }

  get(id: number): AlertRow | null {
    return this.s.get.get(id) ?? null;
  }

  /** Alerts whose condition still holds. */
  open(): AlertRow[] {
    return this.s.open.all();
  }

  /** Whether this kind of alert was ever raised about this subject (one-off alerts). */
  raisedBefore(kind: string, subject: string): boolean {
    return (this.s.ever.get(kind, subject)?.n ?? 0) > 0;
  }

  /** An open alert's words follow the hall (the queue's count, the window to suggest now). */
  reword(id: number, message: string, suggestion: string | null): void {
    this.s.reword.run(message, suggestion, id);
  }

  resolve(id: number, at: number): void {
    this.s.resolve.run(at, id);
  }

  ack(id: number, at: number, by: string): void {
    this.s.ack.run(at, by, id);
  }

  /** Raised since a time, plus any still open; newest first. */
  since(from: number, limit = 500): AlertRow[] {
    return this.s.since.all(from, limit);
  }
}
