// The back office's API (issue 21): each new route refuses the wrong roles and devices; the guide desk finds,
// issues (printed on the desk's printer), prioritises with a reason, moves and cancels, each audited; a guide
// may not log in at a window; the 好差评 records filter by window, clerk, service, level and comment and
// export as CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docText } from '../../devices/escpos/document';
import type { VirtualPrinter } from '../../devices/virtual-printer';
import type { HallServer } from '../../server/app';
import { startBackofficeHall } from '../helpers/backoffice-hall';
import {
  BOARD_TOKEN,
  BOOKING_TOKEN,
  FakeClock,
  KEYPAD_TOKEN,
  KIOSK_TOKEN,
  LED_TOKEN,
  PAD_TOKEN,
  client,
} from '../helpers/hall';

let s: HallServer;
let printer: VirtualPrinter;
let api: ReturnType<typeof client>;
const clock = new FakeClock();
let tok: { c1: string; c2: string; sup: string; adm: string; gd: string };
const DEVICES = {
  kiosk: KIOSK_TOKEN,
  board: BOARD_TOKEN,
  pad: PAD_TOKEN,
  led: LED_TOKEN,
  keypad: KEYPAD_TOKEN,
  booking: BOOKING_TOKEN,
};

beforeAll(async () => {
  ({ server: s, printer } = await startBackofficeHall({ clock: clock.fn, sweepMs: 60_000 }));
  api = client(s.url);
  tok = {
    c1: await api.login('c1', 1),
    c2: await api.login('c2', 2),
    sup: await api.login('sup'),
    adm: await api.login('adm'),
    gd: await api.login('gd'),
  };
});
afterAll(async () => {
  await s.stop();
  await printer.stop();
});

const events = (type: string) =>
  (
    s.db.prepare('SELECT actor, data FROM events WHERE type = ? ORDER BY seq').all(type) as {
      actor: string;
      data: string;
    }[]
  ).map((e) => ({ actor: e.actor, data: JSON.parse(e.data) as Record<string, unknown> }));

/** One visit served at window 1 by c1 and answered on the pad (or left for the next visit to make 未评价). */
async function visit(service: string, answer: Record<string, unknown> | null) {
  const t = await api.issue(service);
  expect((await api.post('/api/windows/1/call-next', {}, tok.c1)).body.ticket.id).toBe(t.id);
  await api.post('/api/windows/1/start', {}, tok.c1);
  clock.advanceMin(3);
  await api.post('/api/windows/1/finish', {}, tok.c1);
  const e = s.db.prepare('SELECT id FROM evaluations WHERE ticket_id = ?').get(t.id) as { id: string };
  if (answer) expect((await api.post(`/api/evaluations/${e.id}`, answer, PAD_TOKEN)).status).toBe(200);
  return t;
}

describe('guide desk and back-office routes refuse the wrong callers', () => {
  const guideRoutes = (id: string) =>
    [
      ['GET', '/api/guide/desk', undefined],
      ['GET', '/api/guide/tickets?number=A001', undefined],
      ['POST', '/api/guide/tickets', { serviceId: 'general' }],
      ['POST', `/api/tickets/${id}/cancel`, {}],
      ['POST', `/api/tickets/${id}/move`, { serviceId: 'tax' }],
    ] as const;

  it('guide routes: no token 401; clerks and every device kind 403; nothing changes', async () => {
    const t = await api.issue('general');
    const before = s.db.prepare('SELECT COUNT(*) AS n FROM events').get();
    for (const [method, path, body] of guideRoutes(t.id)) {
      expect((await api.call(method, path, body)).status, `${method} ${path}`).toBe(401);
      for (const [who, token] of [['clerk', tok.c1], ...Object.entries(DEVICES)] as const) {
        const r = await api.call(method, path, body, token);
        expect([r.status, r.body.error?.code], `${who} ${method} ${path}`).toEqual([403, 'FORBIDDEN']);
      }
    }
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual(before);
  });

  it('supervisor-only back-office routes refuse the guide desk, clerks and devices', async () => {
    for (const path of [
      '/api/evaluations/records',
      '/api/evaluations/records?format=csv',
      '/api/evaluations/figures?by=window',
      '/api/follow-ups',
      '/api/appointments',
    ]) {
      for (const [who, token] of [['guide', tok.gd], ['clerk', tok.c1], ...Object.entries(DEVICES)] as const) {
        const r = await api.get(path, token);
        expect([r.status, r.body.error?.code], `${who} GET ${path}`).toEqual([403, 'FORBIDDEN']);
      }
      expect((await api.get(path, tok.sup)).status, path).toBe(200);
      expect((await api.get(path, tok.adm)).status, path).toBe(200);
    }
    const appt = { appointments: [] };
    expect((await api.post('/api/appointments', appt, tok.gd)).status).toBe(403);
    expect((await api.post('/api/follow-ups/1/advance', {}, tok.gd)).status).toBe(403);
  });

  it('a guide may not log in at a window, so never calls a ticket', async () => {
    const r = await api.call('POST', '/api/auth/login', { clerkId: 'gd', password: 'test-pass-1', windowNo: 3 });
    expect([r.status, r.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect((await api.post('/api/windows/3/call-next', {}, tok.gd)).status).toBe(403);
    // the supervisor-only dashboard feed and live changes stay closed to the guide desk too
    expect((await api.get('/api/supervisor/state', tok.gd)).status).toBe(403);
  });
});

describe('guide desk actions', () => {
  it('finds by number, issues and prints for a visitor, prioritises with a reason, moves, cancels: all audited', async () => {
    const desk = await api.get('/api/guide/desk', tok.gd);
    expect(desk.status).toBe(200);
    expect(desk.body.services.map((x: { id: string }) => x.id)).toEqual(['general', 'tax', 'social']);
    expect(desk.body.printers).toEqual([expect.objectContaining({ id: 'printer-1', kiosk: 'kiosk-1' })]);

    const issued = await api.post('/api/guide/tickets', { serviceId: 'social', printerId: 'printer-1' }, tok.gd);
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const t = issued.body.ticket;
    expect(t).toMatchObject({ serviceId: 'social', channel: 'counter', status: 'waiting' });
    expect(typeof t.estimatedWaitMin).toBe('number');
    expect(t.statusUrl).toContain(`/t/${t.id}`);
    expect(issued.body.print).toMatchObject({ printerId: 'printer-1', printed: true });
    expect(docText(printer.printed.at(-1)!.doc)).toContain(t.number);

    // a priority needs its reason
    const noReason = await api.post('/api/guide/tickets', { serviceId: 'social', priority: 'elderly' }, tok.gd);
    expect([noReason.status, noReason.body.error.code]).toEqual([400, 'VALIDATION']);

    const found = await api.get(`/api/guide/tickets?number=${t.number.toLowerCase()}`, tok.gd);
    expect(found.status).toBe(200);
    expect(found.body.ticket).toMatchObject({ id: t.id, number: t.number, status: 'waiting' });
    expect(found.body.ticket).toHaveProperty('waitingAhead');
    expect((await api.get('/api/guide/tickets?number=Z999', tok.gd)).body.error.code).toBe('TICKET_NOT_FOUND');
    expect((await api.get('/api/guide/tickets?number=1;drop', tok.gd)).status).toBe(400);

    const pr = await api.post(`/api/tickets/${t.id}/priority`, { priority: 'disabled', reason: '持残疾人证' }, tok.gd);
    expect(pr.status).toBe(200);
    expect(pr.body.ticket.priorityKind).toBe('disabled');
    expect(events('ticket.reprioritised').at(-1)).toEqual({
      actor: 'clerk:gd',
      data: expect.objectContaining({ after: 'disabled', reason: '持残疾人证' }),
    });

    const rp = await api.post(`/api/tickets/${t.id}/reprint`, { printerId: 'printer-1' }, tok.gd);
    expect(rp.body.print).toMatchObject({ printed: true });

    const mv = await api.post(`/api/tickets/${t.id}/move`, { serviceId: 'general' }, tok.gd);
    expect(mv.status).toBe(200);
    expect(mv.body.ticket).toMatchObject({ serviceId: 'general', number: t.number });

    const cx = await api.post(`/api/tickets/${t.id}/cancel`, {}, tok.gd);
    expect([cx.status, cx.body.ticket.status]).toEqual([200, 'cancelled']);
    const trail = s.db.prepare('SELECT type, actor FROM events WHERE ticket_id = ? ORDER BY seq').all(t.id);
    expect(trail).toEqual([
      { type: 'ticket.issued', actor: 'clerk:gd' },
      { type: 'ticket.printed', actor: 'clerk:gd' },
      { type: 'ticket.reprioritised', actor: 'clerk:gd' },
      { type: 'ticket.printed', actor: 'clerk:gd' },
      { type: 'ticket.transferred', actor: 'clerk:gd' },
      { type: 'ticket.cancelled', actor: 'clerk:gd' },
    ]);
  });

  it('an issue with a priority keeps the reason in the trail', async () => {
    const r = await api.post(
      '/api/guide/tickets',
      { serviceId: 'tax', priority: 'elderly', reason: '七十岁以上' },
      tok.gd,
    );
    expect(r.status).toBe(201);
    expect(r.body.ticket.priorityKind).toBe('elderly');
    expect(events('ticket.reprioritised').at(-1)!.data).toMatchObject({ after: 'elderly', reason: '七十岁以上' });
  });
});

describe('好差评 records', () => {
  it('filters by window, clerk, service, level and comment; newest first; CSV export', async () => {
    // cancel what still waits from the tests above, so the visits below are the ones window 1 calls
    for (const svc of ['general', 'tax', 'social'])
      for (const t of (await api.get(`/api/services/${svc}/waiting`, tok.sup)).body.tickets)
        expect((await api.post(`/api/tickets/${t.id}/cancel`, {}, tok.sup)).status).toBe(200);
    await visit('general', { level: 'very_satisfied' });
    await visit('tax', { level: 'dissatisfied', reasons: ['等候时间长'], comment: '=等了很久' });
    await visit('general', null);
    await visit('general', { level: 'satisfied', comment: '很好' }); // makes the one before 未评价
    const day = (await api.get('/api/hall', tok.sup)).body.hall.day;
    const rec = (q: string) => api.get(`/api/evaluations/records?from=${day}&to=${day}${q}`, tok.sup);
    const all = await rec('');
    expect(all.status).toBe(200);
    expect(all.body.evaluations.map((e: { levelText: string }) => e.levelText)).toEqual([
      '满意',
      '未评价',
      '不满意',
      '非常满意',
    ]);
    expect((await rec('&serviceId=tax')).body.evaluations).toHaveLength(1);
    expect((await rec('&level=unrated')).body.count).toBe(1);
    expect((await rec('&level=dissatisfied')).body.evaluations[0]).toMatchObject({
      serviceId: 'tax',
      reasons: ['等候时间长'],
      clerkId: 'c1',
      windowNo: 1,
    });
    expect((await rec('&comment=with')).body.count).toBe(2);
    expect((await rec('&comment=without')).body.count).toBe(2);
    expect((await rec('&windowNo=2')).body.count).toBe(0);
    expect((await rec('&clerkId=c1&level=satisfied')).body.count).toBe(1);
    expect((await rec('&level=great')).status).toBe(400);

    const csv = await fetch(`${s.url}/api/evaluations/records?from=${day}&to=${day}&format=csv`, {
      headers: { authorization: `Bearer ${tok.sup}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('日期,评价时间,票号,办件编号,窗口,工作人员,事项,评价,国标代码,原因,意见,渠道,已作废');
    expect(lines).toHaveLength(5);
    // a comment that starts like a formula is shown, never run
    expect(lines.find((l) => l.includes('不满意'))).toContain(",'=等了很久,");
  });
});
