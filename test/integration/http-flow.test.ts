// Through HTTP against a real SQLite file: a morning's flow, concurrency, idempotency, restart.
import { afterEach, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { FakeClock, KIOSK_TOKEN, client, ownPredictionOnIssue, startTestHall, testConfig } from '../helpers/hall';

let servers: HallServer[] = [];
// 前方还有N人 below is the ticket's own prediction's.
ownPredictionOnIssue();
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  servers = [];
});

async function hall(opts: Parameters<typeof startTestHall>[0] = {}) {
  const s = await startTestHall(opts);
  servers.push(s);
  return { s, api: client(s.url) };
}

describe('HTTP: a morning at the hall', () => {
  it('issues, calls, serves, transfers, holds and finishes through the API', async () => {
    const clock = new FakeClock();
    const { api } = await hall({ clock: clock.fn });
    const t1 = await api.login('c1', 1);
    const t2 = await api.login('c2', 2);
    const sup = await api.login('sup');

    const a1 = await api.issue('general');
    expect(a1).toMatchObject({ number: 'A001', status: 'waiting', waitingAhead: 0 });
    expect(a1.statusUrl).toMatch(/\/t\/[A-Za-z0-9_-]+$/);
    const b1 = await api.issue('tax');
    clock.advanceMin(2);
    const a2 = await api.issue('general', { priority: 'elderly' });
    // 前方还有N人 counts who is called first at the windows that could call this visitor (issue 25): the
    // elderly visitor and A001 of its own matter, and B001, whom window 2 (it helps with 综合受理) calls first.
    expect((await api.issue('general')).waitingAhead).toBe(3);

    // The elderly visitor comes first at the general window.
    let r = await api.post('/api/windows/1/call-next', {}, t1);
    expect(r.status).toBe(200);
    expect(r.body.ticket).toMatchObject({ number: a2.number, status: 'called', windowNo: 1 });
    r = await api.post('/api/windows/2/call-next', {}, t2);
    expect(r.body.ticket.number).toBe(b1.number);

    // The public status page sees the call, without personal data.
    const pub = await api.get(`/api/tickets/${a2.id}`);
    expect(pub.body.ticket).toMatchObject({ number: a2.number, status: 'called', windowNo: 1, windowName: '窗口1' });
    expect(pub.body.ticket.id).toBeUndefined();
    expect(pub.body.ticket.clerkId).toBeUndefined();

    expect((await api.post('/api/windows/1/start', {}, t1)).body.ticket.status).toBe('serving');
    r = await api.post('/api/windows/1/transfer', { windowNo: 2, note: '需税务审核' }, t1);
    expect(r.body.ticket).toMatchObject({
      number: a2.number,
      targetWindowNo: 2,
      status: 'waiting',
      issuedAt: a2.issuedAt,
      note: '需税务审核',
    });

    r = await api.post('/api/windows/1/call-next', {}, t1);
    expect(r.body.ticket.number).toBe(a1.number);
    r = await api.post('/api/windows/1/hold', {}, t1);
    expect(r.body.ticket.status).toBe('held');
    expect((await api.get('/api/windows/1/held', t1)).body.tickets.map((t: any) => t.number)).toEqual([a1.number]);
    r = await api.post('/api/windows/1/call-back', { number: a1.number }, t1);
    expect(r.body.ticket.status).toBe('called');
    r = await api.post('/api/windows/1/finish', {}, t1);
    expect(r.body.ticket.status).toBe('finished');

    // The tax window finishes B001, then takes the ticket transferred to it.
    clock.advanceMin(1);
    r = await api.post('/api/windows/2/call-next', {}, t2);
    expect(r.body.ticket.number).toBe(a2.number);
    // The receiving clerk sees where the visitor comes from.
    expect(r.body.ticket).toMatchObject({ transferCount: 1, transferredFrom: 1 });
    r = await api.post('/api/windows/2/skip', {}, t2);
    expect(r.body.ticket.status).toBe('no_show');

    r = await api.post('/api/windows/2/pause', { reason: '会议' }, t2);
    expect(r.status).toBe(200);
    r = await api.post('/api/windows/2/call-next', {}, t2);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'WINDOW_PAUSED' });
    expect(r.body.error.message).toContain('暂停');
    await api.post('/api/windows/2/resume', {}, t2);

    const snap = (await api.get('/api/hall', sup)).body;
    expect(snap.services.find((s: any) => s.id === 'general').waiting).toBe(1);
    expect(snap.windows.find((w: any) => w.no === 1)).toMatchObject({ state: 'idle', clerk: { id: 'c1' } });
    expect(snap.windows.find((w: any) => w.no === 2).state).toBe('idle');

    // A supervisor may act on any window; a clerk only on his own.
    expect((await api.post('/api/windows/2/call-next', {}, t1)).status).toBe(403);
    expect((await api.post('/api/windows/2/call-next', {}, sup)).status).toBe(200);
  });

  it('20 windows calling next concurrently over 500 tickets: none handed out twice, none lost', async () => {
    const cfg = testConfig(20);
    for (const w of cfg.windows) w.skills = { general: 1, tax: 1, social: 1 };
    const { s, api } = await hall({ config: cfg });
    const tokens = await Promise.all(cfg.windows.map((w) => api.login(`c${w.no}`, w.no)));
    const services = ['general', 'tax', 'social'];
    const issued = await Promise.all(Array.from({ length: 500 }, (_, i) => api.issue(services[i % 3]!)));
    expect(new Set(issued.map((t) => t.number)).size).toBe(500);

    const calledBy = new Map<string, number[]>();
    await Promise.all(
      cfg.windows.map(async (w, i) => {
        for (;;) {
          // A distinct key per press: this is not a retry, so the double-press guard must not apply.
          const r = await api.post(`/api/windows/${w.no}/call-next`, {}, tokens[i], {
            'Idempotency-Key': `w${w.no}-${Math.random()}`,
          });
          expect(r.status).toBe(200);
          if (!r.body.ticket) break;
          calledBy.set(r.body.ticket.id, [...(calledBy.get(r.body.ticket.id) ?? []), w.no]);
          await api.post(`/api/windows/${w.no}/finish`, {}, tokens[i]);
        }
      }),
    );
    expect(calledBy.size).toBe(500);
    for (const [, wins] of calledBy) expect(wins).toHaveLength(1);
    expect(new Set(calledBy.keys())).toEqual(new Set(issued.map((t) => t.id)));
    const statuses = s.db.prepare('SELECT status, COUNT(*) AS n FROM tickets GROUP BY status').all();
    expect(statuses).toEqual([{ status: 'finished', n: 500 }]);
  });

  it('a repeated call-next with the same Idempotency-Key changes nothing', async () => {
    const { s, api } = await hall();
    const tok = await api.login('c1', 1);
    await api.issue('general');
    await api.issue('general');
    const first = await api.post('/api/windows/1/call-next', {}, tok, { 'Idempotency-Key': 'press-42' });
    const events = s.core.query.logCount();
    const snapshot = JSON.stringify(s.db.prepare('SELECT * FROM tickets ORDER BY seq').all());
    for (let i = 0; i < 3; i++) {
      const again = await api.post('/api/windows/1/call-next', {}, tok, { 'Idempotency-Key': 'press-42' });
      expect(again).toEqual(first);
    }
    expect(s.core.query.logCount()).toBe(events);
    expect(JSON.stringify(s.db.prepare('SELECT * FROM tickets ORDER BY seq').all())).toBe(snapshot);
    const bad = await api.post('/api/windows/1/call-next', {}, tok, { 'Idempotency-Key': 'x'.repeat(300) });
    expect(bad.status).toBe(400);
  });

  it('a restart mid-day keeps every ticket, the numbering and the clerks’ sessions', async () => {
    const clock = new FakeClock();
    const first = await hall({ clock: clock.fn });
    const tok = await first.api.login('c1', 1);
    const before = [];
    for (let i = 0; i < 5; i++) before.push(await first.api.issue(i % 2 ? 'tax' : 'general'));
    await first.api.post('/api/windows/1/call-next', {}, tok);
    const dataDir = (first.s as any).dataDir as string;
    await first.s.stop();
    servers = servers.filter((x) => x !== first.s);

    clock.advanceMin(30);
    const second = await hall({ clock: clock.fn, dataDir });
    for (const t of before) {
      const r = await second.api.get(`/api/tickets/${t.id}`);
      expect(r.status).toBe(200);
      expect(r.body.ticket.number).toBe(t.number);
    }
    expect((await second.api.get(`/api/tickets/${before[0].id}`)).body.ticket.status).toBe('called');
    // numbering continues where it stopped
    expect((await second.api.issue('general')).number).toBe('A004');
    expect((await second.api.issue('tax')).number).toBe('B003');
    // the clerk's token still works and the window still has its ticket
    const r = await second.api.post('/api/windows/1/finish', {}, tok);
    expect(r.status).toBe(200);
    expect(r.body.ticket.number).toBe('A001');
  });

  it('the kiosk gets a plain message when a service is used up', async () => {
    const cfg = testConfig(2);
    cfg.services[1]!.dailyCap = 1;
    const { api } = await hall({ config: cfg });
    await api.issue('tax');
    const r = await api.post('/api/tickets', { serviceId: 'tax' }, KIOSK_TOKEN);
    expect(r.status).toBe(409);
    expect(r.body.error).toEqual({
      code: 'DAILY_CAP_REACHED',
      message: expect.stringContaining('今日税务的号已取完'),
      details: expect.anything(),
    });
  });
});
