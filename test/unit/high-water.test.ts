// Issue 23, finding 8: the marks file beside the database knows every number and upstream id handed out,
// and a database put back by any means (here: an operator copying an older file in place) is raised to it.
import { copyFileSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { highWaterFile, mergeMarks } from '../../server/store/high-water';
import { FakeClock, tempDir, testCore } from '../helpers/hall';

describe('high-water marks', () => {
  it('follow each issued number; an older database copied in place continues after them', async () => {
    const dataDir = tempDir();
    const clock = new FakeClock();
    const first = testCore(undefined, clock, dataDir);
    const issue = (core: typeof first.core) =>
      core.run('issueTicket', { serviceId: 'general' }, 'device:kiosk-1').number;
    expect(issue(first.core)).toBe('A001');
    await first.db.backup(path.join(dataDir, 'early.sqlite'));
    expect([issue(first.core), issue(first.core)]).toEqual(['A002', 'A003']);
    await first.core.marksWritten();
    const file = highWaterFile(path.join(dataDir, 'hall.sqlite'));
    expect(JSON.parse(readFileSync(file, 'utf8')).counters).toEqual({ '2026-11-23': { A: 3 } });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    first.db.close();

    // Not the restore command: the file copied over by hand. The marks still hold.
    for (const ext of ['', '-wal', '-shm']) rmSync(path.join(dataDir, `hall.sqlite${ext}`), { force: true });
    copyFileSync(path.join(dataDir, 'early.sqlite'), path.join(dataDir, 'hall.sqlite'));
    const again = testCore(undefined, clock, dataDir);
    expect(issue(again.core)).toBe('A004');
    again.db.close();
  });

  it('merging keeps the larger of each mark and only the latest two days', () => {
    const a = {
      generation: 1,
      counters: { '2026-11-21': { A: 9 }, '2026-11-22': { A: 5 } },
      sequences: { outbox: 10 },
    };
    const b = {
      generation: 0,
      counters: { '2026-11-23': { A: 2, B: 4 }, '2026-11-22': { A: 7 } },
      sequences: { outbox: 8 },
    };
    expect(mergeMarks(a, b)).toEqual({
      generation: 1,
      counters: { '2026-11-22': { A: 7 }, '2026-11-23': { A: 2, B: 4 } },
      sequences: { outbox: 10 },
    });
  });
});
