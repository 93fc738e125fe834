// How right the printed waits were, in the hall itself (issue 25): every issued ticket's shown figure is kept
// and held against the wait that happened; GET /api/reports/wait-accuracy gives the day's figures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { promiseAccuracy } from '../../server/domain/promise-accuracy';
import { FakeClock, KIOSK_TOKEN, client, startTestHall } from '../helpers/hall';

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

describe('the printed waits against the waits that happened', () => {
  it('keeps what each ticket was told and reports the day: mean error, inside the range, 即将叫号 kept', async () => {
    const c1 = await api.login('c1', 1);
    const sup = await api.login('sup');
    const issued: { id: string; number: string; at: number; wait: { minutes: number; low: number; high: number } }[] =
      [];
    // Taken while the only window is on a break: told 当前暂无窗口办理, no figure to hold the hall to.
    await api.post('/api/windows/1/pause', { reason: '休息' }, c1);
    const unserved = await api.issue('general');
    expect(unserved.estimatedWait.servedNow).toBe(false);
    await api.post('/api/windows/1/resume', {}, c1);
    for (let i = 0; i < 4; i++) {
      const t = await api.issue('general');
      issued.push({ id: t.id, number: t.number, at: clock.now, wait: t.estimatedWait });
      clock.advanceMin(1);
    }
    const calledAt = new Map<string, number>();
    for (let i = 0; i < 5; i++) {
      const r = await api.post('/api/windows/1/call-next', {}, c1);
      calledAt.set(r.body.ticket.id, clock.now);
      await api.post('/api/windows/1/start', {}, c1);
      clock.advanceMin(7);
      await api.post('/api/windows/1/finish', {}, c1);
    }
    const day = new Date(clock.now + 8 * 3600_000).toISOString().slice(0, 10);
    const res = await api.get(`/api/reports/wait-accuracy?from=${day}&to=${day}`, sup);
    expect(res.status).toBe(200);
    const expected = promiseAccuracy(
      issued
        .filter((t) => calledAt.has(t.id))
        .map((t) => ({ ...t.wait, waitedMin: (calledAt.get(t.id)! - t.at) / 60_000 })),
    );
    expect(res.body).toEqual(expected);
    expect(res.body.n).toBe(4);
    // Staff only; a bad range is refused.
    expect((await api.get(`/api/reports/wait-accuracy?from=${day}&to=${day}`, c1)).status).toBe(403);
    expect((await api.get(`/api/reports/wait-accuracy?from=${day}&to=${day}`, KIOSK_TOKEN)).status).toBe(403);
    expect((await api.get('/api/reports/wait-accuracy?from=2026-13-01', sup)).status).toBe(400);
  });
});
