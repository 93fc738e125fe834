// Clerk sessions: a bearer token's digest, whose it is, the window tenure it belongs to and a fingerprint
// of the password it was opened with (never the token itself).
import type { Db } from './db';

export interface SessionRow {
  digest: string;
  clerkId: string;
  windowNo: number | null;
  /** The window tenure (store/windows.ts `tenure`) this session was opened in; null without a window. */
  tenure: string | null;
  /** Fingerprint of the clerk's password hash at login ('' for sessions older than the fingerprint). */
  credential: string;
  createdAt: number;
}

interface Raw {
  token_digest: string;
  clerk_id: string;
  window_no: number | null;
  tenure: string | null;
  credential: string;
  created_at: number;
}

const fromRaw = (r: Raw): SessionRow => ({
  digest: r.token_digest,
  clerkId: r.clerk_id,
  windowNo: r.window_no,
  tenure: r.tenure,
  credential: r.credential,
  createdAt: r.created_at,
});

export class SessionStore {
  private readonly s;

  constructor(db: Db) {
    const cols = 'token_digest, clerk_id, window_no, tenure, credential, created_at';
    this.s = {
      get: db.prepare<[string], Raw>(`SELECT ${cols} FROM sessions WHERE token_digest = ?`),
      all: db.prepare<[], Raw>(`SELECT ${cols} FROM sessions`),
      byClerk: db.prepare<[string], Raw>(`SELECT ${cols} FROM sessions WHERE clerk_id = ?`),
      atWindow: db.prepare<[number], Raw>(`SELECT ${cols} FROM sessions WHERE window_no = ?`),
      put: db.prepare(`INSERT INTO sessions (token_digest, clerk_id, window_no, tenure, credential, created_at, last_seen)
        VALUES (@digest, @clerkId, @windowNo, @tenure, @credential, @createdAt, @createdAt)`),
      del: db.prepare('DELETE FROM sessions WHERE token_digest = ?'),
    };
  }

  get(digest: string): SessionRow | null {
    const r = this.s.get.get(digest);
    return r ? fromRaw(r) : null;
  }

  /** Every open session: a hall has tens of them, so a sweep reads them all. */
  all(): SessionRow[] {
    return this.s.all.all().map(fromRaw);
  }

  byClerk(clerkId: string): SessionRow[] {
    return this.s.byClerk.all(clerkId).map(fromRaw);
  }

  atWindow(windowNo: number): SessionRow[] {
    return this.s.atWindow.all(windowNo).map(fromRaw);
  }

  put(row: SessionRow): void {
    this.s.put.run(row);
  }

  delete(digest: string): void {
    this.s.del.run(digest);
  }
}
