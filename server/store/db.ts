// Opening the hall database: one SQLite file in the data directory, WAL, migrated on open.
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

/** Owner-only: the database holds visitors' masked IDs, notes and the staff's sessions. */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/**
 * Makes a database file owner-only before SQLite opens it: SQLite gives its -wal and -shm files the main
 * file's permissions, so creating the (empty) file 0600 first keeps all three private. A file an older
 * version left world-readable is tightened too.
 */
export function privateDbFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, PRIVATE_FILE);
}

export function openDatabase(dataDir: string, file = 'hall.sqlite'): Db {
  // Only a directory created here is made owner-only: an operator's existing directory keeps its mode.
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIR });
  privateDbFile(path.join(dataDir, file));
  const db = new Database(path.join(dataDir, file));
  db.pragma('journal_mode = WAL');
  // NORMAL with WAL: a committed command survives a process crash; only an OS crash may lose the last ones.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `database schema version ${current} is newer than this program knows (${MIGRATIONS.length}): upgrade the program`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}
