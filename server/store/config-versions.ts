// The hall configuration's saved versions (issue 21): each save by an admin, each import of the file and
// each return to an earlier version is a new row; the newest is the one the hall runs. Stored with its
// secrets (device tokens, password hashes): only the admin adapter's redaction stands between it and a page.
import type { HallConfig } from '../config/schema';
import type { Db } from './db';

export type ConfigSource = 'file' | 'admin' | 'restore';

export interface ConfigVersionInfo {
  version: number;
  savedBy: string;
  savedAt: number;
  source: ConfigSource;
  /** For a restore: the version returned to; for a file import: the file's hash. */
  note: string | null;
}

export interface ConfigVersion extends ConfigVersionInfo {
  config: HallConfig;
  fileHash: string | null;
}

interface Raw {
  version: number;
  config: string;
  saved_by: string;
  saved_at: number;
  source: string;
  file_hash: string | null;
  note: string | null;
}

const info = (r: Omit<Raw, 'config'>): ConfigVersionInfo => ({
  version: r.version,
  savedBy: r.saved_by,
  savedAt: r.saved_at,
  source: r.source as ConfigSource,
  note: r.note,
});

export class ConfigStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      latest: db.prepare<[], Raw>('SELECT * FROM config_versions ORDER BY version DESC LIMIT 1'),
      get: db.prepare<[number], Raw>('SELECT * FROM config_versions WHERE version = ?'),
      list: db.prepare<[number], Omit<Raw, 'config'>>(
        `SELECT version, saved_by, saved_at, source, file_hash, note FROM config_versions
         ORDER BY version DESC LIMIT ?`,
      ),
      add: db.prepare(`INSERT INTO config_versions (version, config, saved_by, saved_at, source, file_hash, note)
        VALUES (@version, @config, @savedBy, @savedAt, @source, @fileHash, @note)`),
    };
  }

  latest(): ConfigVersion | null {
    const r = this.s.latest.get();
    return r ? full(r) : null;
  }

  get(version: number): ConfigVersion | null {
    const r = this.s.get.get(version);
    return r ? full(r) : null;
  }

  list(limit = 200): ConfigVersionInfo[] {
    return this.s.list.all(limit).map(info);
  }

  /** Adds the next version and returns its number. */
  add(v: Omit<ConfigVersion, 'version'>): number {
    const version = (this.latest()?.version ?? 0) + 1;
    this.s.add.run({
      version,
      config: JSON.stringify(v.config),
      savedBy: v.savedBy,
      savedAt: v.savedAt,
      source: v.source,
      fileHash: v.fileHash,
      note: v.note,
    });
    return version;
  }
}

const full = (r: Raw): ConfigVersion => ({
  ...info(r),
  config: JSON.parse(r.config) as HallConfig,
  fileHash: r.file_hash,
});
