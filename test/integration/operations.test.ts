// Production operation through the real server: Prometheus metrics, rate limits on login and ticket
// issue, nightly online backups with retention, and the restore command bringing a hall back.
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { backupNow, listBackups, NightlyBackup, verifyBackup } from '../../server/backup/backup';
import { openDatabase } from '../../server/store/db';
import { FakeClock, KIOSK_TOKEN, PASSWORD, client, startTestHall, tempDir, testConfig } from '../helpers/hall';

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});
async function hall(opts: Parameters<typeof startTestHall>[0] = {}) {
  const s = await startTestHall({ sweepMs: 3_600_000, watchMs: 3_600_000, ...opts });
  stop = () => s.stop();
  return { s, api: client(s.url) };
}

describe('GET /metrics', () => {
  it('counts tickets, calls and waits, times API routes by pattern, and shows queues and the process', async () => {
    const clock = new FakeClock();
    const { s, api } = await hall({ clock: clock.fn });
    const t = await api.issue('general');
    await api.issue('tax');
    clock.advanceMin(6);
    const w1 = await api.login('c1', 1);
    expect((await api.post('/api/windows/1/call-next', {}, w1)).body.ticket.number).toBe(t.number);
    const res = await fetch(`${s.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain('hall_ticket_events_total{action="issued",service="general"} 1');
    expect(text).toContain('hall_ticket_events_total{action="called",service="general"} 1');
    expect(text).toContain('hall_calls_total{recall="false"} 1');
    expect(text).toContain('hall_wait_seconds_bucket{service="general",le="300"} 0');
    expect(text).toContain('hall_wait_seconds_bucket{service="general",le="600"} 1');
    expect(text).toContain('hall_waiting_tickets{service="tax"} 1');
    expect(text).toContain('hall_windows{state="calling"} 1');
    expect(text).toMatch(
      /hall_http_request_duration_seconds_count\{method="POST",route="\/api\/windows\/:no\/call-next",status="2xx"\} 1/,
    );
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^process_cpu_seconds_total [\d.]+$/m);
    expect(text).not.toContain(t.id); // no ticket ids in labels
  });
});

describe('rate limits', () => {
  const defaults = testConfig(4, { server: { port: 0, host: '127.0.0.1' } });

  it('failed logins: the 11th in a burst is refused, even with the right password; they come back with time', async () => {
    const clock = new FakeClock();
    const { api } = await hall({ clock: clock.fn, config: defaults });
    for (let i = 0; i < 10; i++)
      expect((await api.post('/api/auth/login', { clerkId: 'c1', password: 'wrong-guess' })).status).toBe(401);
    const r = await api.post('/api/auth/login', { clerkId: 'c1', password: PASSWORD });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('TOO_MANY_REQUESTS');
    clock.advanceMin(1); // 5 a minute come back
    expect((await api.post('/api/auth/login', { clerkId: 'c1', password: PASSWORD })).status).toBe(200);
  });

  it('successful logins never count', async () => {
    const { api } = await hall({ config: defaults });
    for (let i = 0; i < 25; i++) await api.login('c2');
  });

  it('tickets: a kiosk gets its burst, then 429 with Retry-After and nothing issued; staff are counted apart', async () => {
    const clock = new FakeClock();
    const { s, api } = await hall({ clock: clock.fn, config: defaults });
    for (let i = 0; i < 60; i++) await api.issue('general');
    const res = await fetch(`${s.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KIOSK_TOKEN}` },
      body: JSON.stringify({ serviceId: 'general' }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const sup = await api.login('sup');
    const waiting = async () =>
      (await api.get('/api/hall', sup)).body.services.find((x: any) => x.id === 'general').waiting;
    expect(await waiting()).toBe(60);
    expect((await api.post('/api/tickets', { serviceId: 'general' }, sup)).status).toBe(201);
    clock.advanceMin(1);
    await api.issue('general');
    expect(await waiting()).toBe(62);
  });
});

describe('backups', () => {
  it('nightly at the configured time, once a day (also across restarts), keeping the newest N', async () => {
    const clock = new FakeClock(Date.parse('2026-11-23T22:00:00+08:00'));
    const { s, api } = await hall({ clock: clock.fn });
    await api.issue('general');
    const dir = path.join(s.dataDir, 'nightly');
    const settings = { dir, at: '22:30', keep: 2, timezone: 'Asia/Shanghai' };
    const nightly = new NightlyBackup(s.db, settings, clock.fn, () => {});
    expect(await nightly.tick()).toBeNull(); // 22:00: not yet
    clock.advanceMin(31);
    const first = await nightly.tick();
    expect(path.basename(first!)).toBe('hall-2026-11-23T223100.sqlite');
    expect(await nightly.tick()).toBeNull();
    expect(await new NightlyBackup(s.db, settings, clock.fn, () => {}).tick()).toBeNull(); // a restart
    for (const day of ['24', '25']) {
      clock.now = Date.parse(`2026-11-${day}T22:45:00+08:00`);
      await nightly.tick();
    }
    expect(listBackups(dir).map((f) => path.basename(f))).toEqual([
      'hall-2026-11-24T224500.sqlite',
      'hall-2026-11-25T224500.sqlite',
    ]);
    expect(nightly.status()).toMatchObject({ kept: 2, last: { error: null } });
  });

  it('an online backup taken while tickets are being issued is complete and consistent', async () => {
    const { s, api } = await hall();
    const issuing = Promise.all(Array.from({ length: 100 }, (_, i) => api.issue(i % 2 ? 'general' : 'tax')));
    const file = await backupNow(
      s.db,
      { dir: path.join(s.dataDir, 'b'), keep: 3, timezone: 'Asia/Shanghai' },
      Date.now(),
    );
    await issuing;
    expect(() => verifyBackup(file)).not.toThrow();
  });

  it('npm run backup / restore: the hall comes back with the backed-up tickets; the replaced database is kept', async () => {
    const dataDir = tempDir();
    const { s, api } = await hall({ dataDir });
    for (let i = 0; i < 3; i++) await api.issue('general');
    const dir = path.join(dataDir, 'backups');
    const run = (args: string[]) =>
      promisify(execFile)('node_modules/.bin/tsx', ['scripts/backup.ts', '--data', dataDir, ...args]);
    const file = (await run(['--dir', dir])).stdout.trim();
    expect(listBackups(dir)).toEqual([file]);
    await api.issue('general'); // after the backup: not in it
    await s.stop();
    stop = null;
    const bad = await run(['--restore', path.join(dataDir, 'nope.sqlite')]).catch((e) => e);
    expect(bad.code).toBe(1);
    const out = (await run(['--restore', file])).stdout;
    expect(out).toContain('the previous database is kept as');
    expect(readdirSync(dataDir).some((f) => f.startsWith('hall.sqlite.before-restore-'))).toBe(true);
    const db = openDatabase(dataDir);
    expect((db.prepare('SELECT COUNT(*) AS n FROM tickets').get() as { n: number }).n).toBe(3);
    db.close();
    const again = await hall({ dataDir });
    const issued = await again.api.issue('general');
    // Numbering continues past A004, issued after the backup and printed once already (issue 23, finding 8).
    expect(issued.number).toBe('A005');
  });
});
