// 为何叫此号 over HTTP (issue 24): the routing terms recorded at the call, 特呼 and 回呼, for the window's clerk
// and supervisors only; nothing when nobody is at the window; nothing changes by asking.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, KEYPAD_TOKEN, client, startTestHall } from '../helpers/hall';

let s: Awaited<ReturnType<typeof startTestHall>>;
let api: ReturnType<typeof client>;
let clock: FakeClock;
beforeEach(async () => {
  clock = new FakeClock();
  s = await startTestHall({ clock: clock.fn });
  api = client(s.url);
});
afterEach(async () => {
  await s.stop();
});

describe('GET /api/windows/:no/why', () => {
  it('gives the routing terms of the call to the clerk of the window and to supervisors', async () => {
    const c1 = await api.login('c1', 1);
    const c2 = await api.login('c2', 2);
    const sup = await api.login('sup');
    expect((await api.get('/api/windows/1/why', c1)).body).toEqual({ reason: null });
    await api.issue('tax');
    clock.advanceMin(12);
    await api.issue('general', { priority: 'elderly' });
    await api.issue('general');
    const called = await api.post('/api/windows/1/call-next', {}, c1);
    const events = s.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
    const why = (await api.get('/api/windows/1/why', c1)).body.reason;
    expect(why).toMatchObject({
      windowNo: 1,
      number: called.body.ticket.number,
      how: 'routing',
      targetWaitMin: expect.any(Number),
      waitedMin: expect.any(Number),
    });
    expect(why.terms).toMatchObject({ urgency: expect.any(Number), level: expect.any(Number) });
    expect((await api.get('/api/windows/1/why', sup)).body.reason).toEqual(why);
    // Asking changes nothing.
    expect((s.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(events.n);
    // Another window's clerk, a keypad and nobody at all are refused.
    expect((await api.get('/api/windows/1/why', c2)).status).toBe(403);
    expect((await api.get('/api/windows/1/why', KEYPAD_TOKEN)).status).toBe(403);
    expect((await api.get('/api/windows/1/why')).status).toBe(401);
    expect((await api.get('/api/windows/99/why', sup)).status).toBe(404);
  });

  it('says when the clerk chose the number (特呼) or called a held visitor back (回呼)', async () => {
    const c1 = await api.login('c1', 1);
    await api.issue('general');
    const b = await api.issue('general');
    await api.post('/api/windows/1/call', { number: b.number }, c1);
    expect((await api.get('/api/windows/1/why', c1)).body.reason).toMatchObject({
      number: b.number,
      how: 'special',
      terms: {},
    });
    await api.post('/api/windows/1/start', {}, c1);
    await api.post('/api/windows/1/hold', {}, c1);
    expect((await api.get('/api/windows/1/why', c1)).body.reason).toBeNull();
    await api.post('/api/windows/1/call-back', { number: b.number }, c1);
    expect((await api.get('/api/windows/1/why', c1)).body.reason).toMatchObject({ number: b.number, how: 'callBack' });
  });
});
