// Where the reference receiver keeps the halls' events: SQLite by default, PostgreSQL for a city that
// collects hundreds of halls. Both de-duplicate by (hall, event id) in one transaction per batch and keep
// the order of arrival.
import Database from 'better-sqlite3';
import pg from 'pg';

export interface InEvent {
  id: string;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

export interface HallSummary {
  events: number;
  byType: Record<string, number>;
  batches: number;
  /** Events received again (re-sent batches): accepted, not stored twice. */
  duplicates: number;
  lastReceivedAt: string | null;
  /** Evaluations by level name (非常满意…). */
  levels: Record<string, number>;
}

export interface ReceiverStore {
  init(): Promise<void>;
  /** Stores a batch's new events; events seen before count as duplicates and change nothing. */
  store(hallId: string, batchId: string, events: InEvent[]): Promise<{ accepted: number; duplicates: number }>;
  events(hallId: string): Promise<InEvent[]>;
  summary(hallId: string): Promise<HallSummary>;
  close(): Promise<void>;
}

export class SqliteReceiverStore implements ReceiverStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
  }

  async init(): Promise<void> {
    this.db.exec(`CREATE TABLE IF NOT EXISTS events (
        n INTEGER PRIMARY KEY AUTOINCREMENT, hall_id TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,
        at TEXT NOT NULL, data TEXT NOT NULL, batch_id TEXT NOT NULL, received_at TEXT NOT NULL,
        UNIQUE (hall_id, id));
      CREATE TABLE IF NOT EXISTS batches (hall_id TEXT NOT NULL, batch_id TEXT NOT NULL, received_at TEXT NOT NULL,
        accepted INTEGER NOT NULL, duplicates INTEGER NOT NULL);`);
  }

  async store(hallId: string, batchId: string, events: InEvent[]) {
    const insert = this.db.prepare(`INSERT INTO events (hall_id, id, type, at, data, batch_id, received_at)
      VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hall_id, id) DO NOTHING`);
    const now = new Date().toISOString();
    return this.db.transaction(() => {
      let accepted = 0;
      for (const e of events)
        accepted += insert.run(hallId, e.id, e.type, e.at, JSON.stringify(e.data), batchId, now).changes;
      const duplicates = events.length - accepted;
      this.db.prepare('INSERT INTO batches VALUES (?, ?, ?, ?, ?)').run(hallId, batchId, now, accepted, duplicates);
      return { accepted, duplicates };
    })();
  }

  async events(hallId: string): Promise<InEvent[]> {
    return this.db
      .prepare<[string], { id: string; type: string; at: string; data: string }>(
        'SELECT id, type, at, data FROM events WHERE hall_id = ? ORDER BY n',
      )
      .all(hallId)
      .map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> }));
  }

  async summary(hallId: string): Promise<HallSummary> {
    const q = <T>(sql: string) => this.db.prepare<[string], T>(sql).all(hallId);
    const byType = Object.fromEntries(
      q<{ type: string; n: number }>('SELECT type, COUNT(*) AS n FROM events WHERE hall_id = ? GROUP BY type').map(
        (r) => [r.type, r.n],
      ),
    );
    const b = q<{ n: number; d: number | null; last: string | null }>(
      'SELECT COUNT(*) AS n, SUM(duplicates) AS d, MAX(received_at) AS last FROM batches WHERE hall_id = ?',
    )[0]!;
    const levels = Object.fromEntries(
      q<{ level: string; n: number }>(
        `SELECT json_extract(data, '$.levelText') AS level, COUNT(*) AS n FROM events
         WHERE hall_id = ? AND type = 'evaluation.submitted' GROUP BY level`,
      ).map((r) => [r.level, r.n]),
    );
    return {
      events: Object.values(byType).reduce((a, n) => a + n, 0),
      byType,
      batches: b.n,
      duplicates: b.d ?? 0,
      lastReceivedAt: b.last,
      levels,
    };
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

export class PgReceiverStore implements ReceiverStore {
  private readonly pool: pg.Pool;

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 8 });
  }

  async init(): Promise<void> {
    await this.pool.query(`CREATE TABLE IF NOT EXISTS events (
        n BIGSERIAL PRIMARY KEY, hall_id TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL, data JSONB NOT NULL, batch_id TEXT NOT NULL, received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        UNIQUE (hall_id, id));
      CREATE TABLE IF NOT EXISTS batches (hall_id TEXT NOT NULL, batch_id TEXT NOT NULL,
        received_at TIMESTAMPTZ NOT NULL DEFAULT now(), accepted INTEGER NOT NULL, duplicates INTEGER NOT NULL);`);
  }

  async store(hallId: string, batchId: string, events: InEvent[]) {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      let accepted = 0;
      for (const e of events) {
        const r = await c.query(
          `INSERT INTO events (hall_id, id, type, at, data, batch_id) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (hall_id, id) DO NOTHING`,
          [hallId, e.id, e.type, e.at, JSON.stringify(e.data), batchId],
        );
        accepted += r.rowCount ?? 0;
      }
      const duplicates = events.length - accepted;
      await c.query('INSERT INTO batches (hall_id, batch_id, accepted, duplicates) VALUES ($1, $2, $3, $4)', [
        hallId,
        batchId,
        accepted,
        duplicates,
      ]);
      await c.query('COMMIT');
      return { accepted, duplicates };
    } catch (e) {
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  async events(hallId: string): Promise<InEvent[]> {
    const r = await this.pool.query<{ id: string; type: string; at: Date; data: Record<string, unknown> }>(
      'SELECT id, type, at, data FROM events WHERE hall_id = $1 ORDER BY n',
      [hallId],
    );
    return r.rows.map((x) => ({ id: x.id, type: x.type, at: x.at.toISOString(), data: x.data }));
  }

  async summary(hallId: string): Promise<HallSummary> {
    const t = await this.pool.query<{ type: string; n: string }>(
      'SELECT type, COUNT(*) AS n FROM events WHERE hall_id = $1 GROUP BY type',
      [hallId],
    );
    const b = await this.pool.query<{ n: string; d: string | null; last: Date | null }>(
      'SELECT COUNT(*) AS n, SUM(duplicates) AS d, MAX(received_at) AS last FROM batches WHERE hall_id = $1',
      [hallId],
    );
    const l = await this.pool.query<{ level: string; n: string }>(
      `SELECT data->>'levelText' AS level, COUNT(*) AS n FROM events
       WHERE hall_id = $1 AND type = 'evaluation.submitted' GROUP BY level`,
      [hallId],
    );
    const byType = Object.fromEntries(t.rows.map((r) => [r.type, Number(r.n)]));
    return {
      events: Object.values(byType).reduce((a, n) => a + n, 0),
      byType,
      batches: Number(b.rows[0]!.n),
      duplicates: Number(b.rows[0]!.d ?? 0),
      lastReceivedAt: b.rows[0]!.last?.toISOString() ?? null,
      levels: Object.fromEntries(l.rows.map((r) => [r.level, Number(r.n)])),
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
