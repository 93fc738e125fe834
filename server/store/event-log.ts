// The append-only event log: every ticket and window change, with who, when and where.
// Statistics, reports, the audit trail and the upstream all derive from it.
import type { Db } from './db';

export interface LogEntry {
  at: number;
  type: string;
  ticketId?: string | null;
  windowNo?: number | null;
  clerkId?: string | null;
  /** Who did it: "clerk:1001", "device:kiosk-1", "system". */
  actor: string;
  data?: Record<string, unknown>;
}

export interface LoggedEvent extends Required<Omit<LogEntry, 'data'>> {
  seq: number;
  data: Record<string, unknown>;
}

export class EventLog {
  private readonly s;
  /** Run inside the appending transaction (the upstream outbox): a failure rolls the command back. */
  private readonly hooks = new Set<(e: LogEntry) => void>();

  constructor(db: Db) {
    this.s = {
      append: db.prepare(`INSERT INTO events (at, type, ticket_id, window_no, clerk_id, actor, data)
        VALUES (?, ?, ?, ?, ?, ?, ?)`),
      forTicket: db.prepare<[string], Record<string, unknown>>('SELECT * FROM events WHERE ticket_id = ? ORDER BY seq'),
      count: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM events'),
    };
  }

  onAppend(fn: (e: LogEntry) => void): () => void {
    this.hooks.add(fn);
    return () => this.hooks.delete(fn);
  }

  append(e: LogEntry): void {
    for (const fn of this.hooks) fn(e);
    this.s.append.run(
      e.at,
      e.type,
      e.ticketId ?? null,
      e.windowNo ?? null,
      e.clerkId ?? null,
      e.actor,
      JSON.stringify(e.data ?? {}),
    );
  }

  forTicket(ticketId: string): LoggedEvent[] {
    return this.s.forTicket.all(ticketId).map((r) => ({
      seq: r.seq as number,
      at: r.at as number,
      type: r.type as string,
      ticketId: r.ticket_id as string | null,
      windowNo: r.window_no as number | null,
      clerkId: r.clerk_id as string | null,
      actor: r.actor as string,
      data: JSON.parse(r.data as string) as Record<string, unknown>,
    }));
  }

  count(): number {
    return this.s.count.get()?.n ?? 0;
  }
}
