// Idempotency keys: a caller's key, the fingerprint of the request it was first used for, and the answer
// given. Keys live for a short time only (a retry comes within seconds), so the table stays small.
import type { Db } from './db';

export interface IdempotentEntry {
  fingerprint: string;
  response: unknown;
}

export class IdempotencyStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      get: db.prepare<[string, string, number], { fingerprint: string; response: string }>(
        'SELECT fingerprint, response FROM idempotency WHERE caller = ? AND key = ? AND created_at >= ?',
      ),
      put: db.prepare(`INSERT INTO idempotency (caller, key, fingerprint, response, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (caller, key) DO UPDATE SET fingerprint = excluded.fingerprint, response = excluded.response,
        created_at = excluded.created_at`),
      prune: db.prepare('DELETE FROM idempotency WHERE created_at < ?'),
    };
  }

  /** The entry for this caller's key if it was used at or after `since`. */
  get(caller: string, key: string, since: number): IdempotentEntry | null {
    const r = this.s.get.get(caller, key, since);
    return r ? { fingerprint: r.fingerprint, response: JSON.parse(r.response) as unknown } : null;
  }

  /** Records a key (replacing an expired entry under the same key). */
  put(caller: string, key: string, fingerprint: string, response: unknown, now: number): void {
    this.s.put.run(caller, key, fingerprint, JSON.stringify(response), now);
  }

  /** Forgets keys used before `before`; returns how many. */
  prune(before: number): number {
    return this.s.prune.run(before).changes;
  }
}
