// Issue 23, finding 18, through the real server: every answer carries a content security policy, refuses
// framing and sniffing; an ID or mobile number typed into free text (a pause reason shown on the public
// boards, a transfer note, an evaluation comment) is masked where it enters the hall core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, PAD_TOKEN, client, startTestHall, testConfig } from '../helpers/hall';

const clock = new FakeClock();
let s: Awaited<ReturnType<typeof startTestHall>>;
let api: ReturnType<typeof client>;

beforeAll(async () => {
  s = await startTestHall({ clock: clock.fn, config: testConfig(2), sweepMs: 3_600_000, watchMs: 3_600_000 });
  api = client(s.url);
});
afterAll(async () => s?.stop());

describe('security headers', () => {
  it('pages, API answers, errors and static files carry CSP, X-Frame-Options and nosniff', async () => {
    for (const p of ['/', '/board', '/kiosk', '/t/abc', '/api/health', '/api/nope', '/api/docs']) {
      const res = await fetch(s.url + p);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, p).toContain("default-src 'self'");
      expect(csp, p).toContain("frame-ancestors 'none'");
      expect(csp, p).toContain("object-src 'none'");
      expect(csp, p).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(res.headers.get('x-frame-options'), p).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), p).toBe('no-referrer');
    }
    // A missing static file: Express's own 404 keeps the stricter policy it sets, and the rest of ours.
    const missing = await fetch(`${s.url}/app/none.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(missing.headers.get('x-frame-options')).toBe('DENY');
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('ID and mobile numbers in free text are masked', () => {
  it('pause reason, transfer note, evaluation comment', async () => {
    const w1 = await api.login('c1', 1);
    const sup = await api.login('sup');
    await api.issue('general');
    await api.issue('general');
    expect((await api.post('/api/windows/1/pause', { reason: '等候 13812345678 来电' }, w1)).status).toBe(200);
    const paused = (await api.get('/api/hall', sup)).body.windows.find((w: { no: number }) => w.no === 1);
    expect(paused.pauseReason).toBe('等候 138****5678 来电');
    await api.post('/api/windows/1/resume', {}, w1);

    await api.post('/api/windows/1/call-next', {}, w1);
    const moved = await api.post(
      '/api/windows/1/transfer',
      { serviceId: 'tax', note: '身份证11010519491231002X 补材料' },
      w1,
    );
    expect(moved.status).toBe(200);
    expect(moved.body.ticket.note).toBe('身份证110***********002X 补材料');
    expect(JSON.stringify(moved.body)).not.toContain('11010519491231002X');

    // The transferred ticket now waits for tax; window 1 (tax at level 2) calls the other general ticket.
    expect((await api.post('/api/windows/1/call-next', {}, w1)).body.ticket).not.toBeNull();
    await api.post('/api/windows/1/finish', {}, w1);
    const pending = (await api.get('/api/evaluations', sup)).body.evaluations.find(
      (e: { status: string }) => e.status === 'pending',
    );
    const rated = await api.post(
      `/api/evaluations/${pending.id}`,
      { level: 'satisfied', comment: '有事联系15912345678' },
      PAD_TOKEN,
    );
    expect(rated.status).toBe(200);
    const stored = (await api.get('/api/evaluations', sup)).body.evaluations.find(
      (e: { id: string }) => e.id === pending.id,
    );
    expect(stored.comment).toBe('有事联系159****5678');
    const raw = s.db.prepare('SELECT data FROM events').all() as { data: string }[];
    for (const r of raw) expect(r.data).not.toMatch(/13812345678|11010519491231002X|15912345678/);
  });
});
