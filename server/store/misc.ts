// Small tables of the hall core: numbering counters, sessions, idempotency keys, hall days.
import type { Db } from './db';

export interface SessionRow {
  clerkId: string;
  windowNo: number | null;
  createdAt: number;
}

export class MiscStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      lastSeq: db.prepare<[string, string], { seq: number }>('SELECT seq FROM counters WHERE day = ? AND prefix = ?'),
      setSeq: db.prepare(`INSERT INTO counters (day, prefix, seq) VALUES (?, ?, ?)
        ON CONFLICT (day, prefix) DO UPDATE SET seq = excluded.seq`),
      sessionGet: db.prepare<[string], { clerk_id: string; window_no: number | null; created_at: number }>(
        'SELECT clerk_id, window_no, created_at FROM sessions WHERE token_digest = ?',
      ),
      sessionPut: db.prepare(`INSERT INTO sessions (token_digest, clerk_id, window_no, created_at, last_seen)
        VALUES (?, ?, ?, ?, ?)`),
      sessionDel: db.prepare('DELETE FROM sessions WHERE token_digest = ?'),
      sessionDelClerk: db.prepare('DELETE FROM sessions WHERE clerk_id = ?'),
      sessionDelWindow: db.prepare('DELETE FROM sessions WHERE window_no = ?'),
      idemGet: db.prepare<[string, string], { response: string }>(
        'SELECT response FROM idempotency WHERE scope = ? AND key = ?',
      ),
      idemPut: db.prepare('INSERT INTO idempotency (scope, key, response, created_at) VALUES (?, ?, ?, ?)'),
      idemPrune: db.prepare('DELETE FROM idempotency WHERE created_at < ?'),
      adjustWaiting: db.prepare(`INSERT INTO queue_counts (day, service_id, waiting) VALUES (?, ?, ?)
        ON CONFLICT (day, service_id) DO UPDATE SET waiting = waiting + excluded.waiting`),
      waiting: db.prepare<[string, string], { waiting: number }>(
        'SELECT waiting FROM queue_counts WHERE day = ? AND service_id = ?',
      ),
      settingGet: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      settingPut: db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
      dayClosed: db.prepare<[string], { closed_at: number | null }>('SELECT closed_at FROM hall_days WHERE day = ?'),
      closeDay: db.prepare(`INSERT INTO hall_days (day, closed_at) VALUES (?, ?)
        ON CONFLICT (day) DO UPDATE SET closed_at = excluded.closed_at`),
    };
  }

  lastSeq(day: string, prefix: string): number {
    return this.s.lastSeq.get(day, prefix)?.seq ?? 0;
  }

  setSeq(day: string, prefix: string, seq: number): void {
    this.s.setSeq.run(day, prefix, seq);
  }

  session(digest: string): SessionRow | null {
    const r = this.s.sessionGet.get(digest);
    return r ? { clerkId: r.clerk_id, windowNo: r.window_no, createdAt: r.created_at } : null;
  }

  putSession(digest: string, clerkId: string, windowNo: number | null, now: number): void {
    this.s.sessionPut.run(digest, clerkId, windowNo, now, now);
  }

  deleteSession(digest: string): void {
    this.s.sessionDel.run(digest);
  }

  deleteSessionsOfClerk(clerkId: string): void {
    this.s.sessionDelClerk.run(clerkId);
  }

  deleteSessionsAtWindow(windowNo: number): void {
    this.s.sessionDelWindow.run(windowNo);
  }

  idempotent(scope: string, key: string): unknown {
    const r = this.s.idemGet.get(scope, key);
    return r ? (JSON.parse(r.response) as unknown) : undefined;
  }

  rememberIdempotent(scope: string, key: string, response: unknown, now: number): void {
    this.s.idemPut.run(scope, key, JSON.stringify(response), now);
  }

  pruneIdempotency(before: number): void {
    this.s.idemPrune.run(before);
  }

  adjustWaiting(day: string, serviceId: string, delta: number): void {
    this.s.adjustWaiting.run(day, serviceId, delta);
  }

  waiting(day: string, serviceId: string): number {
    return this.s.waiting.get(day, serviceId)?.waiting ?? 0;
  }

  setting(key: string): string | null {
    return this.s.settingGet.get(key)?.value ?? null;
  }

  putSetting(key: string, value: string): void {
    this.s.settingPut.run(key, value);
  }

  isDayClosed(day: string): boolean {
    return (this.s.dayClosed.get(day)?.closed_at ?? null) !== null;
  }

  markDayClosed(day: string, at: number): void {
    this.s.closeDay.run(day, at);
  }
}
