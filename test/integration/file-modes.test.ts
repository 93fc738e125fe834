// Issue 23, finding 17: the hall's data is owner-only on disk, like secret.key: the database with its WAL and
// shared-memory files, the high-water marks, nightly backups (and their directory), and the data directory
// the server creates. Through the real server on a real data directory.
import { chmodSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NightlyBackup } from '../../server/backup/backup';
import { FakeClock, client, startTestHall, tempDir } from '../helpers/hall';

const mode = (f: string) => statSync(f).mode & 0o777;

describe('file modes', () => {
  it('a new data directory 0700; database, -wal, -shm, marks, secret and nightly backups 0600', async () => {
    const clock = new FakeClock(Date.parse('2026-11-23T22:40:00+08:00'));
    const dataDir = path.join(tempDir(), 'new-hall-data');
    const s = await startTestHall({ dataDir, clock: clock.fn, sweepMs: 3_600_000, watchMs: 3_600_000 });
    try {
      await client(s.url)
        .issue('general')
        .catch(() => null); // after hours: a refusal still opens the WAL
      expect(mode(dataDir)).toBe(0o700);
      for (const f of [
        'hall.sqlite',
        'hall.sqlite-wal',
        'hall.sqlite-shm',
        'hall.sqlite.high-water.json',
        'secret.key',
      ]) {
        expect(existsSync(path.join(dataDir, f)), f).toBe(true);
        expect(mode(path.join(dataDir, f)), f).toBe(0o600);
      }
      const dir = path.join(dataDir, 'backups');
      const nightly = new NightlyBackup(
        s.db,
        { dir, at: '22:30', keep: 2, timezone: 'Asia/Shanghai' },
        clock.fn,
        () => {},
      );
      const file = (await nightly.tick())!;
      expect(mode(file)).toBe(0o600);
      expect(mode(dir)).toBe(0o700);
    } finally {
      await s.stop();
    }
  });

  it('a database an older version left world-readable is made owner-only when the hall opens it', async () => {
    const dataDir = tempDir();
    const first = await startTestHall({ dataDir });
    await first.stop();
    chmodSync(path.join(dataDir, 'hall.sqlite'), 0o644);
    const again = await startTestHall({ dataDir });
    try {
      expect(mode(path.join(dataDir, 'hall.sqlite'))).toBe(0o600);
      expect(mode(path.join(dataDir, 'hall.sqlite-wal'))).toBe(0o600);
    } finally {
      await again.stop();
    }
  });
});
