// What the outside world may already have seen, kept in a small file beside the database (issue 23, finding
// 8): today's ticket numbers (printed, called on the boards) and the sequences behind upstream event and
// batch ids. A restored backup knows nothing issued after it was taken; this file does, because a restore
// replaces the database and never this file. On open the database is raised to these marks, so numbering
// and upstream ids continue past anything issued before the restore however the file was put back; each
// restore also counts a generation that new upstream batch ids carry.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { Db } from './db';

export interface HighWaterMarks {
  /** Restores so far: batch ids cut after a restore carry it, so none is ever reused. */
  generation: number;
  /** day → ticket prefix → the last sequence issued (the latest two hall days). */
  counters: Record<string, Record<string, number>>;
  /** AUTOINCREMENT tables → the last rowid handed out (outbox: upstream event ids). */
  sequences: Record<string, number>;
}

// The outbox's sequence makes the upstream event ids (and batch ids); the event log's own sequence never
// leaves the hall, so it is not tracked (tracking it would write the file on every command).
const SEQUENCED = ['outbox'] as const;
const EMPTY: HighWaterMarks = { generation: 0, counters: {}, sequences: {} };

/** The marks file of a database file ("…/hall.sqlite" → "…/hall.sqlite.high-water.json"). */
export const highWaterFile = (dbFile: string) => `${dbFile}.high-water.json`;

/** The marks in a file; none when there is no file (a new hall) or it cannot be read. */
export function readMarks(file: string): HighWaterMarks {
  if (!existsSync(file)) return EMPTY;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<HighWaterMarks>;
    return { generation: m.generation ?? 0, counters: m.counters ?? {}, sequences: m.sequences ?? {} };
  } catch {
    return EMPTY;
  }
}

/** Written whole under a temporary name, then renamed: a crash leaves the old file or the new, never half. */
export function writeMarks(file: string, m: HighWaterMarks): void {
  writeText(file, JSON.stringify(m));
}

function writeText(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}

/** The marks a database holds now (its generation is the file's business: 0 here). */
export function marksOf(db: Db): HighWaterMarks {
  const counters: HighWaterMarks['counters'] = {};
  const rows = db
    .prepare<[], { day: string; prefix: string; seq: number }>(
      `SELECT day, prefix, seq FROM counters WHERE day >= (SELECT MIN(day) FROM
        (SELECT DISTINCT day FROM counters ORDER BY day DESC LIMIT 2))`,
    )
    .all();
  for (const r of rows) (counters[r.day] ??= {})[r.prefix] = r.seq;
  const sequences: HighWaterMarks['sequences'] = {};
  for (const r of db.prepare<[], { name: string; seq: number }>('SELECT name, seq FROM sqlite_sequence').all())
    if ((SEQUENCED as readonly string[]).includes(r.name)) sequences[r.name] = r.seq;
  return { generation: 0, counters, sequences };
}

/** The larger of two marks, field by field; counters of the latest two days only. */
export function mergeMarks(a: HighWaterMarks, b: HighWaterMarks): HighWaterMarks {
  const counters: HighWaterMarks['counters'] = {};
  for (const m of [a, b])
    for (const [day, prefixes] of Object.entries(m.counters))
      for (const [p, seq] of Object.entries(prefixes))
        (counters[day] ??= {})[p] = Math.max(counters[day]?.[p] ?? 0, seq);
  const latest = Object.keys(counters).sort().slice(-2);
  const sequences: HighWaterMarks['sequences'] = { ...a.sequences };
  for (const [k, v] of Object.entries(b.sequences)) sequences[k] = Math.max(sequences[k] ?? 0, v);
  return {
    generation: Math.max(a.generation, b.generation),
    counters: Object.fromEntries(latest.map((d) => [d, counters[d]!])),
    sequences,
  };
}

/** Raises the database's counters and sequences to at least the marks (never lowers anything). */
export function raiseTo(db: Db, m: HighWaterMarks): void {
  const counter = db.prepare(`INSERT INTO counters (day, prefix, seq) VALUES (?, ?, ?)
    ON CONFLICT (day, prefix) DO UPDATE SET seq = MAX(seq, excluded.seq)`);
  const bump = db.prepare('UPDATE sqlite_sequence SET seq = MAX(seq, ?) WHERE name = ?');
  const add = db.prepare(
    'INSERT INTO sqlite_sequence (name, seq) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = ?)',
  );
  db.transaction(() => {
    for (const [day, prefixes] of Object.entries(m.counters))
      for (const [p, seq] of Object.entries(prefixes)) counter.run(day, p, seq);
    for (const name of SEQUENCED) {
      const seq = m.sequences[name];
      if (seq === undefined) continue;
      bump.run(seq, name);
      add.run(name, seq, name);
    }
  })();
}

/**
 * The hall core's keeper of the marks: raises the database to the file's marks on open, then after each
 * committed command writes the file again when a mark moved (a few µs to look; a write only when it did).
 * The write is off the command path: a rename on a busy disk took milliseconds (p99 5.4 ms, up to 20 ms,
 * measured under load), most of a ticket issue's time. Writes are coalesced (one in flight, then the latest
 * marks), each whole under a temporary name then renamed; `flushed()` waits for them (the server's stop,
 * a backup). The marks only matter once a database is put back from an older copy; the database itself
 * still holds every number at once.
 */
export class HighWater {
  readonly generation: number;
  private readonly file: string | null;
  private last = '';
  private readonly current;
  /** Marks saved but not yet being written; the write in flight. */
  private pending: string | null = null;
  private writing: Promise<void> | null = null;

  constructor(private readonly db: Db) {
    this.file = db.memory ? null : highWaterFile(db.name);
    const stored = this.file ? readMarks(this.file) : EMPTY;
    this.generation = stored.generation;
    raiseTo(db, stored);
    this.current = {
      counters: db.prepare<[], { day: string; prefix: string; seq: number }>(
        'SELECT day, prefix, seq FROM counters ORDER BY day DESC LIMIT 64',
      ),
      sequences: db.prepare<[], { name: string; seq: number }>(
        "SELECT name, seq FROM sqlite_sequence WHERE name = 'outbox'",
      ),
    };
    // The first marks are written before anything is issued: synchronously.
    const text = this.marks();
    if (this.file) writeText(this.file, text);
    this.last = text;
  }

  /** After a commit: the file follows the database's marks. */
  save(): void {
    if (!this.file) return;
    const text = this.marks();
    if (text === this.last) return;
    this.last = text;
    this.pending = text;
    this.writing ??= this.drain(this.file);
  }

  /** Resolves once every mark saved so far is in the file. */
  async flushed(): Promise<void> {
    while (this.writing) await this.writing;
  }

  private async drain(file: string): Promise<void> {
    try {
      while (this.pending !== null) {
        const text = this.pending;
        this.pending = null;
        try {
          await writeFile(`${file}.tmp`, text, { mode: 0o600 });
          await rename(`${file}.tmp`, file);
        } catch {
          // A full or failing disk: the next save tries again with the marks of then.
          this.last = '';
        }
      }
    } finally {
      this.writing = null;
    }
  }

  private marks(): string {
    const rows = this.current.counters.all();
    const days = [...new Set(rows.map((r) => r.day))].slice(0, 2);
    const counters: HighWaterMarks['counters'] = {};
    for (const r of rows) if (days.includes(r.day)) (counters[r.day] ??= {})[r.prefix] = r.seq;
    const sequences = Object.fromEntries(this.current.sequences.all().map((r) => [r.name, r.seq]));
    return JSON.stringify({ generation: this.generation, counters, sequences });
  }
}
