// Issue 23, finding 8: restoring a same-day backup must never hand out again a number or an upstream id the
// outside world has seen. Through the real path: the hall server on a real SQLite file, the reference
// upstream receiver on loopback, and the `npm run backup` / `npm run restore` command (scripts/backup.ts).
import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver } from '../../scripts/receiver/receiver';
import { SqliteReceiverStore } from '../../scripts/receiver/storage';
import { PROJECT_ROOT } from '../../server/paths';
import { client, startTestHall, tempDir, testConfig } from '../helpers/hall';
import { until } from '../helpers/wait';

const SECRET = 'restore-test-secret-00001';
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const run = (dataDir: string, args: string[]) =>
  promisify(execFile)(
    path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
    ['scripts/backup.ts', '--data', dataDir, ...args],
    {
      cwd: PROJECT_ROOT,
    },
  );

describe('restore after numbers and upstream events went out', () => {
  it('a same-day backup restored: numbering and upstream ids continue past everything issued after it', async () => {
    const store = new SqliteReceiverStore(path.join(tempDir(), 'receiver.sqlite'));
    const receiver = await startReceiver({ halls: [{ id: 'test-hall', secret: SECRET }], store }, 0);
    cleanups.push(() => receiver.stop());
    const config = testConfig(2, {
      upstream: {
        url: `${receiver.url}/hall-events`,
        secret: SECRET,
        batchSize: 3,
        batchesPerSec: 100,
        retry: { minMs: 20, maxMs: 200 },
        timeoutMs: 3000,
      },
    });
    const dataDir = tempDir();
    const hall = async () => {
      const s = await startTestHall({ dataDir, config, sweepMs: 3_600_000, watchMs: 3_600_000 });
      cleanups.push(() => s.stop());
      return { s, api: client(s.url) };
    };
    const issued = async (n: number) =>
      until(async () => ((await store.summary('test-hall')).byType['ticket.issued'] ?? 0) >= n, `${n} issued upstream`);
    const allSent = (s: { db: { prepare: (q: string) => { get: () => unknown } } }) =>
      until(
        () => (s.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n === 0,
        'the outbox sent',
      );

    let { s, api } = await hall();
    const numbers: string[] = [];
    for (let i = 0; i < 5; i++) numbers.push((await api.issue('general')).number);
    await issued(5);
    await allSent(s);
    const backup = (await run(dataDir, ['--dir', path.join(dataDir, 'backups')])).stdout.trim();
    const backupMode = statSync(backup).mode & 0o777;
    for (let i = 0; i < 5; i++) numbers.push((await api.issue('general')).number);
    await issued(10);
    await allSent(s);
    expect(numbers).toEqual(['A001', 'A002', 'A003', 'A004', 'A005', 'A006', 'A007', 'A008', 'A009', 'A010']);
    await s.stop();

    const out = (await run(dataDir, ['--restore', backup])).stdout;
    expect(out).toContain('numbering continues after A010');
    const restoredMode = statSync(path.join(dataDir, 'hall.sqlite')).mode & 0o777;

    ({ s, api } = await hall());
    const after: string[] = [];
    for (let i = 0; i < 5; i++) after.push((await api.issue('general')).number);
    // A006–A010 were printed and called before the restore: never again.
    expect(after).toEqual(['A011', 'A012', 'A013', 'A014', 'A015']);
    await issued(15);
    await allSent(s);
    const events = await store.events('test-hall');
    const summary = await store.summary('test-hall');
    // Every event after the restore reached the platform as a new event: none dropped as a duplicate.
    expect(summary.duplicates).toBe(0);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const upstreamNumbers = events.filter((e) => e.type === 'ticket.issued').map((e) => e.data.number);
    expect(upstreamNumbers).toEqual([...numbers, ...after]);
    // Batch ids cut after the restore carry the restore generation.
    const batchIds = (s.db.prepare('SELECT id FROM outbox_batches ORDER BY first_seq').all() as { id: string }[]).map(
      (b) => b.id,
    );
    expect(batchIds.at(-1)).toMatch(/^test-hall-r1-b\d+$/);
    // Finding 17: the backup and the restored database are owner-only.
    expect([backupMode, restoredMode]).toEqual([0o600, 0o600]);
  });
});
