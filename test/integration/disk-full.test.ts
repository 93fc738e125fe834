// A full disk under the data dir, simulated with SQLite's page limit on the server's own connection (the
// same SQLITE_FULL a full disk gives, without needing root to mount a small file system): a write that
// does not fit is refused with a clear 507, rolls back whole, and changes nothing; reads go on; health says
// so; once space is freed, issuing resumes with the next number and the file is intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, KIOSK_TOKEN, client, startTestHall, testConfig } from '../helpers/hall';

let s: Awaited<ReturnType<typeof startTestHall>>;
let api: ReturnType<typeof client>;
const clock = new FakeClock();
beforeAll(async () => {
  s = await startTestHall({ clock: clock.fn, config: testConfig(2), sweepMs: 3_600_000, watchMs: 3_600_000 });
  api = client(s.url);
});
afterAll(async () => s?.stop());

const issue = () => api.post('/api/tickets', { serviceId: 'general' }, KIOSK_TOKEN);
const count = (sql: string) => (s.db.prepare(sql).get() as { n: number }).n;

describe('disk full', () => {
  it('refuses writes clearly and atomically, keeps serving reads, and recovers when space is freed', async () => {
    const w1 = await api.login('c1', 1);
    const pages = s.db.pragma('page_count', { simple: true }) as number;
    s.db.pragma(`max_page_count = ${pages}`);
    const issued: string[] = [];
    let refused: { status: number; body: any } | null = null;
    for (let i = 0; i < 2000 && !refused; i++) {
      clock.now += 1000;
      const r = await issue();
      if (r.status === 201) issued.push(r.body.ticket.number);
      else refused = r;
    }
    expect(refused?.status).toBe(507);
    expect(refused?.body.error).toMatchObject({
      code: 'STORAGE_FULL',
      message: expect.stringContaining('存储空间已满'),
    });

    // Nothing of the refused ticket was written: the same tickets and log before and after another try.
    const before = {
      tickets: count('SELECT COUNT(*) AS n FROM tickets'),
      events: count('SELECT COUNT(*) AS n FROM events'),
    };
    expect(before.tickets).toBe(issued.length);
    expect((await issue()).status).toBe(507);
    expect(count('SELECT COUNT(*) AS n FROM tickets')).toBe(before.tickets);
    expect(count('SELECT COUNT(*) AS n FROM events')).toBe(before.events);

    // A window's call either goes through whole or is refused whole.
    const call = await api.post('/api/windows/1/call-next', {}, w1);
    expect([200, 507]).toContain(call.status);
    const atWindow = s.core.query.windowView(1).ticket;
    if (call.status === 507) expect(atWindow).toBeNull();
    else expect(atWindow?.number).toBe(issued[0]);

    // Reads go on; health says the database cannot write.
    expect((await api.get('/api/hall', w1)).status).toBe(200);
    const health = (await api.get('/api/health')).body;
    expect(health.database).toMatchObject({ ok: false, storageFull: true });
    expect(typeof health.database.freeMb).toBe('number');

    // Space freed: the next number follows the last acknowledged one; the file is intact.
    s.db.pragma('max_page_count = 1073741823');
    const next = await issue();
    expect(next.status).toBe(201);
    const last = Number(issued[issued.length - 1]!.slice(1));
    expect(next.body.ticket.number).toBe(`A${String(last + 1).padStart(3, '0')}`);
    expect((await api.get('/api/health')).body.database).toMatchObject({ ok: true, storageFull: false });
    expect(s.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
