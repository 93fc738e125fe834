// Plausible history straight into a hall database, for the report benchmarks and tests: `days` hall days
// before `today`, `perDay` visits each (taken 09:00–17:00 Shanghai time, first called within 50 minutes,
// 8 % no-shows, the rest served and mostly rated), each with its log entries. Deterministic (seeded).
import type { Db } from '../server/store/db';
import { hallDay } from '../server/domain/numbering';
import { rng } from './simulate/rng';

const DAY_MS = 24 * 3600_000;
const LEVELS = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'];

export interface HistoryOptions {
  days: number;
  perDay: number;
  services: readonly { id: string; prefix: string }[];
  /** The hall day after the last seeded day ("YYYY-MM-DD"). */
  today: string;
  /** Windows 1..n take the visits; clerk "c<n>" or 100<n>. */
  windows?: number;
  clerkOf?: (windowNo: number) => string;
  seed?: number;
}

/** Inserts the history in one transaction; returns the number of visits. */
export function seedHistory(db: Db, o: HistoryOptions): number {
  const rnd = rng(o.seed ?? 7);
  const windows = o.windows ?? 10;
  const clerkOf = o.clerkOf ?? ((w: number) => String(1000 + w));
  const ticket = db.prepare(`INSERT INTO tickets (id, day, number, seq, service_id, status, priority, is_priority,
    channel, issued_at, wait_from, window_no, clerk_id, called_at, serving_at, finished_at)
    VALUES (?, ?, ?, ?, ?, ?, NULL, 0, 'kiosk', ?, ?, ?, ?, ?, ?, ?)`);
  const event = db.prepare(`INSERT INTO events (at, type, ticket_id, window_no, clerk_id, actor, data)
    VALUES (?, ?, ?, ?, ?, 'system', '{}')`);
  const evaluation = db.prepare(`INSERT INTO evaluations (id, ticket_id, day, window_no, clerk_id, service_id,
    status, prompted_at, expires_at, answered_at, level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const todayNoon = Date.parse(`${o.today}T12:00:00+08:00`);
  let n = 0;
  db.transaction(() => {
    for (let d = o.days; d >= 1; d--) {
      const day = hallDay(todayNoon - d * DAY_MS, 'Asia/Shanghai');
      const open = Date.parse(`${day}T09:00:00+08:00`);
      const seqs = new Map<string, number>();
      for (let i = 0; i < o.perDay; i++) {
        const s = o.services[Math.floor(rnd() * o.services.length)]!;
        const seq = (seqs.get(s.prefix) ?? 0) + 1;
        seqs.set(s.prefix, seq);
        const issued = open + Math.floor(rnd() * 8 * 3600_000);
        const called = issued + Math.floor(rnd() * 50 * 60_000);
        const noShow = rnd() < 0.08;
        const finished = noShow ? null : called + 60_000 + Math.floor(rnd() * 15 * 60_000);
        const win = 1 + Math.floor(rnd() * windows);
        const clerk = clerkOf(win);
        const id = `seed-${day}-${i}`;
        const number = `${s.prefix}${String(seq).padStart(3, '0')}`;
        const status = noShow ? 'no_show' : 'finished';
        const serving = noShow ? null : called + 30_000;
        ticket.run(id, day, number, seq, s.id, status, issued, issued, win, clerk, called, serving, finished);
        event.run(issued, 'ticket.issued', id, null, null);
        event.run(called, 'ticket.called', id, win, clerk);
        event.run(finished ?? called + 300_000, `ticket.${status}`, id, win, clerk);
        if (finished !== null && rnd() < 0.7) {
          const rated = rnd() < 0.8;
          const level = rated ? LEVELS[Math.floor(rnd() * rnd() * 5)]! : null;
          evaluation.run(
            `ev-${id}`,
            id,
            day,
            win,
            clerk,
            s.id,
            rated ? 'rated' : 'unrated',
            finished,
            finished + 60_000,
            rated ? finished + 20_000 : null,
            level,
          );
        }
        n++;
      }
    }
  })();
  return n;
}
