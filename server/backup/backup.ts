// Nightly backups of the hall database with better-sqlite3's online backup (the server keeps serving while
// it copies), a retention count, and the restore step the `npm run restore` command uses. Backups are
// named by the hall's local date and time, so the newest sorts last and a restart knows whether tonight's
// backup is done.
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { hallDay, localStamp, minuteOfDay, parseHhMm } from '../domain/numbering';
import { Periodic } from '../core/periodic';
import type { Adapter } from '../adapters/adapter';
import type { HallContext } from '../adapters/context';
import { PRIVATE_DIR, PRIVATE_FILE, privateDbFile, type Db } from '../store/db';
import {
  highWaterFile,
  marksOf,
  mergeMarks,
  raiseTo,
  readMarks,
  writeMarks,
  type HighWaterMarks,
} from '../store/high-water';

const NAME = /^hall-(\d{4}-\d{2}-\d{2})T(\d{6})\.sqlite$/;

export interface BackupSettings {
  dir: string;
  /** Local time "HH:MM" of the nightly backup. */
  at: string;
  keep: number;
  timezone: string;
}

/** Backups in the directory, oldest first. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** An online copy of the open database, then the oldest beyond `keep` removed. Returns the new file. */
export async function backupNow(
  db: Db,
  s: Pick<BackupSettings, 'dir' | 'keep' | 'timezone'>,
  now: number,
): Promise<string> {
  mkdirSync(s.dir, { recursive: true, mode: PRIVATE_DIR });
  const l = localStamp(now, s.timezone); // 20261121T223005
  const file = path.join(s.dir, `hall-${l.slice(0, 4)}-${l.slice(4, 6)}-${l.slice(6)}.sqlite`);
  const partial = `${file}.partial`;
  // Written under a temporary name: a disk that fills up mid-copy leaves no file that looks like a backup.
  try {
    privateDbFile(partial); // a backup is as private as the database it copies
    await db.backup(partial);
    chmodSync(partial, PRIVATE_FILE);
    renameSync(partial, file);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  const all = listBackups(s.dir);
  for (const old of all.slice(0, Math.max(0, all.length - s.keep))) rmSync(old, { force: true });
  return file;
}

/** Checks a backup file opens and passes SQLite's integrity check; throws with the reason otherwise. */
export function verifyBackup(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const r = db.pragma('integrity_check', { simple: true });
    if (r !== 'ok') throw new Error(`${file}: integrity check failed: ${String(r)}`);
    db.prepare('SELECT COUNT(*) FROM tickets').get();
  } finally {
    db.close();
  }
}

/** What a restore did: the kept database, and where numbering and upstream ids go on. */
export interface Restored {
  kept: string;
  marks: HighWaterMarks;
}

/**
 * The marks of the database about to be replaced, with its WAL folded in so the kept copy is complete on its
 * own; none if it cannot be read (a damaged database is often why one restores: it is kept as it is).
 */
function settleReplaced(file: string): HighWaterMarks | null {
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return marksOf(db);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Puts a backup in place of the data directory's database (the server must be stopped). The current file
 * is kept beside it as `hall.sqlite.before-restore-<time>`, so a restore can itself be undone. Nothing the
 * outside world has seen is handed out again: today's numbering and the upstream event sequence continue
 * past the highest of the marks file and the replaced database, and the restore generation goes up by one
 * (new upstream batch ids carry it).
 */
export function restoreBackup(file: string, dataDir: string, now = Date.now()): Restored {
  verifyBackup(file);
  const target = path.join(dataDir, 'hall.sqlite');
  const marksFile = highWaterFile(target);
  let marks = readMarks(marksFile);
  let kept = '';
  if (existsSync(target)) {
    const before = settleReplaced(target);
    if (before) marks = mergeMarks(marks, before);
    kept = `${target}.before-restore-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, kept);
    for (const ext of ['-wal', '-shm']) if (existsSync(target + ext)) renameSync(target + ext, kept + ext);
  }
  for (const ext of ['-wal', '-shm']) rmSync(target + ext, { force: true });
  copyFileSync(file, target);
  chmodSync(target, PRIVATE_FILE);
  marks = { ...marks, generation: marks.generation + 1 };
  const db = new Database(target);
  try {
    raiseTo(db, marks);
  } finally {
    db.close();
  }
  for (const ext of ['-wal', '-shm']) rmSync(target + ext, { force: true });
  writeMarks(marksFile, marks);
  return { kept, marks };
}

/** The nightly job: once a day at or after `at` (local), unless a backup of today already exists. */
export class NightlyBackup {
  private readonly timer: Periodic;
  private running = false;
  private last: { file: string | null; at: string; error: string | null } | null = null;

  constructor(
    private readonly db: Db,
    private readonly s: BackupSettings,
    private readonly clock: () => number,
    private readonly log: (msg: string, e?: unknown) => void,
    everyMs = 60_000,
  ) {
    // tick() logs its own failures, so the promise never rejects.
    this.timer = new Periodic('nightly backup', everyMs, () => void this.tick(), log);
  }

  start(): void {
    this.timer.start();
  }

  stop(): void {
    this.timer.stop();
  }

  /** For /api/health: the last attempt and how many backups are kept. */
  status() {
    return { last: this.last, kept: listBackups(this.s.dir).length, dir: this.s.dir };
  }

  /** Runs the backup if it is due; resolves with the file written, or null. */
  async tick(): Promise<string | null> {
    const now = this.clock();
    const today = hallDay(now, this.s.timezone);
    if (this.running || minuteOfDay(now, this.s.timezone) < parseHhMm(this.s.at)) return null;
    if (listBackups(this.s.dir).some((f) => path.basename(f).startsWith(`hall-${today}`))) return null;
    this.running = true;
    try {
      const file = await backupNow(this.db, this.s, now);
      this.last = { file, at: new Date(now).toISOString(), error: null };
      this.log(`backup written: ${file}`);
      return file;
    } catch (e) {
      const error = (e as Error).message;
      this.last = { file: null, at: new Date(now).toISOString(), error };
      this.log(`backup failed (${error}); the hall keeps running, next try in a minute`);
      return null;
    } finally {
      this.running = false;
    }
  }
}

/** The nightly backup as an adapter (idle when `backup.disabled`); its status feeds /api/health. */
/** `db` comes from the composition root: the backup copies the file, it never goes through the stores. */
export function backupAdapter(ctx: HallContext, db: Db): { backups: NightlyBackup; adapter: Adapter } {
  const c = ctx.config;
  const backups = new NightlyBackup(
    db,
    {
      dir: c.backup.dir ?? path.join(ctx.dataDir, 'backups'),
      at: c.backup.at,
      keep: c.backup.keep,
      timezone: c.hall.timezone,
    },
    ctx.core.clock,
    ctx.log,
  );
  return {
    backups,
    adapter: {
      name: 'backup',
      start: () => void (c.backup.disabled || backups.start()),
      stop: () => backups.stop(),
    },
  };
}
