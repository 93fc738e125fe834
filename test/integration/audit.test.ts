// The audit log is complete: every state-changing route a clerk, supervisor or admin can use leaves at
// least one event naming that person, in the same transaction as the change. The list of routes comes
// from the server itself, so a new staff route without an audit entry fails here. The log never holds
// a password, a token or a visitor's ID number.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, PAD_TOKEN, PASSWORD, client, startTestHall, testConfig } from '../helpers/hall';
import { until } from '../helpers/wait';

const clock = new FakeClock();
let s: Awaited<ReturnType<typeof startTestHall>>;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  s = await startTestHall({ clock: clock.fn, config: testConfig(4), sweepMs: 3_600_000, watchMs: 40 });
  api = client(s.url);
});
afterAll(async () => s?.stop());

const STAFF_ACCESS = new Set(['staff', 'window', 'supervisor', 'admin']);
const lastSeq = () => (s.db.prepare('SELECT COALESCE(MAX(seq), 0) AS n FROM events').get() as { n: number }).n;
const since = (seq: number) =>
  s.db.prepare('SELECT type, actor, data FROM events WHERE seq > ?').all(seq) as {
    type: string;
    actor: string;
    data: string;
  }[];

describe('audit log', () => {
  it('every staff route that changes something records who did it', async () => {
    const done = new Map<string, string[]>();
    /** Runs one staff request and checks the events it left. */
    const audited = async (route: string, who: string, send: () => Promise<{ status: number; body: any }>) => {
      const before = lastSeq();
      const r = await send();
      expect(r.status, `${route}: ${JSON.stringify(r.body)}`).toBeLessThan(300);
      const mine = since(before).filter((e) => e.actor === `clerk:${who}`);
      expect(mine.length, `${route} left no event by clerk:${who}`).toBeGreaterThan(0);
      done.set(
        route,
        mine.map((e) => e.type),
      );
      return r.body;
    };
    const post = (p: string, body: object, token: string) => () => api.post(p, body, token);
    const rateLast = async (level: string, reason: string) => {
      const e = s.db.prepare("SELECT id FROM evaluations WHERE status = 'pending'").get() as { id: string };
      const r = await api.post(`/api/evaluations/${e.id}`, { level, reasons: [reason] }, PAD_TOKEN);
      expect(r.status).toBe(200);
    };

    const c1 = (
      await audited('post /api/auth/login', 'c1', () =>
        api.post('/api/auth/login', { clerkId: 'c1', password: PASSWORD, windowNo: 1 }),
      )
    ).token as string;
    const sup = await api.login('sup');
    const t = [];
    for (let i = 0; i < 8; i++) t.push(await api.issue('general', i === 0 ? { idNumber: '370902199001011235' } : {}));
    const w = (a: string) => `post /api/windows/:no/${a}`;

    await audited(
      'post /api/tickets/:id/priority',
      'c1',
      post(`/api/tickets/${t[7].id}/priority`, { priority: 'elderly' }, c1),
    );
    await audited(w('call-next'), 'c1', post('/api/windows/1/call-next', {}, c1));
    await audited(w('recall'), 'c1', post('/api/windows/1/recall', {}, c1));
    await audited(w('start'), 'c1', post('/api/windows/1/start', {}, c1));
    const held = (await audited(w('hold'), 'c1', post('/api/windows/1/hold', {}, c1))).ticket;
    await audited(w('call-back'), 'c1', post('/api/windows/1/call-back', { ticketId: held.id }, c1));
    await api.post('/api/windows/1/start', {}, c1);
    await audited(w('evaluate'), 'c1', post('/api/windows/1/evaluate', {}, c1));
    await audited(
      'post /api/tickets/:id/case',
      'c1',
      post(`/api/tickets/${held.id}/case`, { caseNo: 'BJ2026112300001' }, c1),
    );
    await audited(w('finish'), 'c1', post('/api/windows/1/finish', {}, c1));
    await rateLast('dissatisfied', '等候时间长');
    await api.post('/api/windows/1/call-next', {}, c1);
    await audited(w('skip'), 'c1', post('/api/windows/1/skip', {}, c1));
    await api.post('/api/windows/1/call-next', {}, c1);
    await audited(w('transfer'), 'c1', post('/api/windows/1/transfer', { serviceId: 'tax' }, c1));
    await audited(w('call'), 'c1', post('/api/windows/1/call', { number: t[5].number }, c1));
    await api.post('/api/windows/1/skip', {}, c1);
    await audited(w('pause'), 'c1', post('/api/windows/1/pause', { reason: '午休' }, c1));
    await audited(w('resume'), 'c1', post('/api/windows/1/resume', {}, c1));

    // Supervisor actions.
    await audited(w('skills'), 'sup', post('/api/windows/2/skills', { skills: { general: 1, tax: 2 } }, sup));
    await audited(w('open'), 'sup', post('/api/windows/2/open', { open: false }, sup));
    await audited('post /api/board/notice', 'sup', post('/api/board/notice', { text: '今日社保系统升级' }, sup));
    await audited('post /api/tickets/:id/move', 'sup', post(`/api/tickets/${t[6].id}/move`, { serviceId: 'tax' }, sup));
    await audited('post /api/tickets/:id/cancel', 'sup', post(`/api/tickets/${t[4].id}/cancel`, {}, sup));
    await audited('post /api/upstream/retry', 'sup', post('/api/upstream/retry', {}, sup));
    clock.advanceMin(20); // A004 waits past its 15-minute target: the watch raises an alert
    const alertId = await until(
      () => (s.db.prepare('SELECT id FROM alerts ORDER BY id LIMIT 1').get() as { id: number } | undefined)?.id,
      'an alert',
    );
    await audited('post /api/alerts/:id/ack', 'sup', post(`/api/alerts/${alertId}/ack`, {}, sup));

    // A second dissatisfied rating: one follow-up is worked through, the other appealed and decided.
    await api.post('/api/windows/1/call-next', {}, c1);
    await api.post('/api/windows/1/start', {}, c1);
    await api.post('/api/windows/1/finish', {}, c1);
    await rateLast('very_dissatisfied', '服务态度差');
    const [fa, fb] = (await api.get('/api/follow-ups', sup)).body.followUps;
    const fu = (id: string, a: string, b: object) => post(`/api/follow-ups/${id}/${a}`, b, sup);
    await audited('post /api/follow-ups/:id/advance', 'sup', fu(fa.id, 'advance', { note: '已回访' }));
    await audited('post /api/follow-ups/:id/appeal', 'sup', fu(fb.id, 'appeal', { note: '群众误评' }));
    await audited('post /api/follow-ups/:id/decide', 'sup', fu(fb.id, 'decide', { upheld: false, note: '不成立' }));
    await audited('post /api/day/close', 'sup', post('/api/day/close', {}, sup));
    // Staff look up a held number by ID (the kiosk no longer tells); a supervisor signs a window out and
    // revokes a clerk's sessions.
    const lookup = post('/api/tickets/by-id-number', { idNumber: '370902199001011235' }, c1);
    await audited('post /api/tickets/by-id-number', 'c1', lookup);
    await api.login('c3', 3);
    await audited(w('sign-out'), 'sup', post('/api/windows/3/sign-out', {}, sup));
    await api.login('c3', 3);
    await audited('post /api/clerks/:id/revoke-sessions', 'sup', post('/api/clerks/c3/revoke-sessions', {}, sup));
    await audited('post /api/auth/logout', 'c1', post('/api/auth/logout', {}, c1));
    // An admin's live settings change and a return to an earlier version.
    const adm = await api.login('adm');
    const cfg = (await api.get('/api/admin/config', adm)).body;
    cfg.config.hall.name = '改名后的大厅';
    const put = () => api.call('PUT', '/api/admin/config', cfg, adm);
    await audited('put /api/admin/config', 'adm', put);
    await audited('post /api/admin/config/restore', 'adm', post('/api/admin/config/restore', { version: 1 }, adm));
    // A clerk's photo: uploaded, then removed (each a configuration version by the admin).
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
      'base64',
    );
    const photo = () => api.call('PUT', '/api/admin/clerks/c2/photo', { image: png.toString('base64') }, adm);
    await audited('put /api/admin/clerks/:id/photo', 'adm', photo);
    const unphoto = () => api.call('DELETE', '/api/admin/clerks/c2/photo', undefined, adm);
    await audited('delete /api/admin/clerks/:id/photo', 'adm', unphoto);

    const staffRoutes = s.routes
      .filter((r) => r.method !== 'get' && STAFF_ACCESS.has(r.access))
      .map((r) => `${r.method} ${r.path}`);
    expect(staffRoutes.length).toBeGreaterThan(25);
    expect(staffRoutes.filter((r) => !done.has(r))).toEqual([]);

    // Nothing secret in the log: no password, no token, no full ID number.
    const all = JSON.stringify(s.db.prepare('SELECT * FROM events').all());
    for (const secret of [PASSWORD, c1, sup, '370902199001011235']) expect(all).not.toContain(secret);
  });
});
