// Window runtime state (open, paused, current ticket, clerk); the window plan itself is in the config.
import type { Db } from './db';

export interface WindowRow {
  no: number;
  open: boolean;
  pausedReason: string | null;
  pausedAt: number | null;
  currentTicket: string | null;
  clerkId: string | null;
  /** The clerk's tenure of this window (random id from login to leaving); sessions carry it (core/sessions.ts). */
  tenure: string | null;
  lastCallAt: number | null;
  /** Live skill changes override the config's skills; null = as configured. */
  skills: Record<string, number> | null;
  /** A time-limited skill change (潮汐窗口) ends at this time and restores skillsRevert. */
  skillsUntil: number | null;
  skillsRevert: Record<string, number> | null;
}

interface Raw {
  no: number;
  open: number;
  paused_reason: string | null;
  paused_at: number | null;
  current_ticket: string | null;
  clerk_id: string | null;
  tenure: string | null;
  last_call_at: number | null;
  skills: string | null;
  skills_until: number | null;
  skills_revert: string | null;
}

const fromRaw = (r: Raw): WindowRow => ({
  no: r.no,
  open: r.open === 1,
  pausedReason: r.paused_reason,
  pausedAt: r.paused_at,
  currentTicket: r.current_ticket,
  clerkId: r.clerk_id,
  tenure: r.tenure,
  lastCallAt: r.last_call_at,
  skills: r.skills ? (JSON.parse(r.skills) as Record<string, number>) : null,
  skillsUntil: r.skills_until,
  skillsRevert: r.skills_revert ? (JSON.parse(r.skills_revert) as Record<string, number> | null) : null,
});

export class WindowStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      ensure: db.prepare('INSERT OR IGNORE INTO window_state (no) VALUES (?)'),
      get: db.prepare<[number], Raw>('SELECT * FROM window_state WHERE no = ?'),
      all: db.prepare<[], Raw>('SELECT * FROM window_state ORDER BY no'),
      save: db.prepare(`UPDATE window_state SET open=@open, paused_reason=@pausedReason, paused_at=@pausedAt,
        current_ticket=@currentTicket, clerk_id=@clerkId, tenure=@tenure, last_call_at=@lastCallAt, skills=@skills,
        skills_until=@skillsUntil, skills_revert=@skillsRevert WHERE no=@no`),
      byClerk: db.prepare<[string], Raw>('SELECT * FROM window_state WHERE clerk_id = ?'),
      skillsEnded: db.prepare<[number], Raw>('SELECT * FROM window_state WHERE skills_until <= ?'),
    };
  }

  ensure(nos: readonly number[]): void {
    for (const no of nos) this.s.ensure.run(no);
  }

  get(no: number): WindowRow | null {
    const r = this.s.get.get(no);
    return r ? fromRaw(r) : null;
  }

  all(): WindowRow[] {
    return this.s.all.all().map(fromRaw);
  }

  byClerk(clerkId: string): WindowRow[] {
    return this.s.byClerk.all(clerkId).map(fromRaw);
  }

  /** Windows whose time-limited skill change has run out. */
  skillsEnded(now: number): WindowRow[] {
    return this.s.skillsEnded.all(now).map(fromRaw);
  }

  save(w: WindowRow): void {
    this.s.save.run({
      ...w,
      open: w.open ? 1 : 0,
      skills: w.skills ? JSON.stringify(w.skills) : null,
      skillsRevert: w.skillsUntil !== null ? JSON.stringify(w.skillsRevert) : null,
    });
  }
}
