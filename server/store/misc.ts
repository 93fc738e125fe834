// Small tables of the hall core: numbering counters, waiting counts, settings, hall days.
// (Sessions and idempotency keys have their own stores: sessions.ts, idempotency.ts.)
import type { Db } from './db';

export class MiscStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      lastSeq: db.prepare<[string, string], { seq: number }>('SELECT seq FROM counters WHERE day = ? AND prefix = ?'),
      setSeq: db.prepare(`INSERT INTO counters (day, prefix, seq) VALUES (?, ?, ?)
        ON CONFLICT (day, prefix) DO UPDATE SET seq = excluded.seq`),
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
