// How a visitor gets a number, through the HTTP API: opening hours and daily caps, anti-hoarding per
// service, appointments from the booking system with early/late check-in and no-shows, staff priority.
import { afterEach, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import type { HallConfigInput } from '../../server/config/schema';
import {
  BOOKING_TOKEN,
  FakeClock,
  KIOSK_TOKEN,
  MONDAY_0900,
  client,
  startTestHall,
  testConfig,
  testConfigInput,
} from '../helpers/hall';

const ID = '11010519491231002X';
let s: HallServer;
afterEach(async () => s?.stop());

async function hall(extra: Partial<HallConfigInput> = {}, clock = new FakeClock()) {
  s = await startTestHall({ config: testConfig(3, extra), clock: clock.fn });
  return { api: client(s.url), clock };
}

const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

describe('opening and caps', () => {
  it('a full daily cap and a service outside its hours say so plainly; the kiosk state shows why', async () => {
    const base = testConfigInput(3);
    const services = base.services.map((x) =>
      x.id === 'tax' ? { ...x, dailyCap: 2 } : x.id === 'social' ? { ...x, hours: { from: '13:00', to: '16:30' } } : x,
    );
    const { api } = await hall({ services });
    await api.issue('tax');
    await api.issue('tax');
    const full = await api.post('/api/tickets', { serviceId: 'tax' }, KIOSK_TOKEN);
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('DAILY_CAP_REACHED');
    expect(full.body.error.message).toContain('税务');
    const closed = await api.post('/api/tickets', { serviceId: 'social' }, KIOSK_TOKEN);
    expect(closed.body.error).toMatchObject({ code: 'SERVICE_CLOSED' });
    expect(closed.body.error.message).toContain('13:00–16:30');
    const snap = await api.get('/api/hall', KIOSK_TOKEN);
    const state = Object.fromEntries(snap.body.services.map((x: any) => [x.id, x.state]));
    expect(state).toEqual({ general: 'open', tax: 'full', social: 'closed' });
  });

  it('a kiosk cannot grant the green channel; staff can set a waiting ticket’s priority and routing uses it', async () => {
    const { api, clock } = await hall();
    const green = await api.post('/api/tickets', { serviceId: 'general', priority: 'green' }, KIOSK_TOKEN);
    expect(green.status).toBe(403);
    const first = await api.issue('general');
    clock.advanceMin(1);
    const second = await api.issue('general');
    const c1 = await api.login('c1', 1);
    const set = await api.post(`/api/tickets/${second.id}/priority`, { priority: 'elderly' }, c1);
    expect(set.status).toBe(200);
    expect(set.body.ticket.priorityKind).toBe('elderly');
    const bad = await api.post(`/api/tickets/${second.id}/priority`, { priority: 'vip' }, c1);
    expect(bad.status).toBe(400);
    expect((await api.post(`/api/tickets/${second.id}/priority`, { priority: null }, KIOSK_TOKEN)).status).toBe(403);
    const called = await api.post('/api/windows/1/call-next', {}, c1);
    expect(called.body.ticket.number).toBe(second.number);
    expect(first.number).toBe('A001');
  });
});

describe('anti-hoarding', () => {
  it('one open ticket per ID number per service, configurable per service; the kiosk says only that one is held', async () => {
    const base = testConfigInput(3);
    const services = base.services.map((x) => (x.id === 'social' ? { ...x, onePerPerson: false } : x));
    const { api } = await hall({ services });
    const t = await api.issue('general', { idNumber: ID });
    const again = await api.post('/api/tickets', { serviceId: 'general', idNumber: ID }, KIOSK_TOKEN);
    expect(again.status).toBe(409);
    // Issue 23: the kiosk answer says a ticket of this service is held, never which (nor that it is this person's
    // number): anyone who knows an ID number could otherwise learn that the person is in the hall.
    expect(again.body.error).toMatchObject({ code: 'ALREADY_HOLDING', details: { serviceId: 'general' } });
    expect(JSON.stringify(again.body)).not.toContain(t.number);
    expect(again.body.error.message).toContain('该身份证号已取过综合受理的号');
    await api.issue('social', { idNumber: ID });
    await api.issue('social', { idNumber: ID }); // this service allows several
    // Once served, the same person may take a new number.
    const c1 = await api.login('c1', 1);
    await api.post('/api/windows/1/call-next', {}, c1);
    await api.post('/api/windows/1/finish', {}, c1);
    expect((await api.post('/api/tickets', { serviceId: 'general', idNumber: ID }, KIOSK_TOKEN)).status).toBe(201);
    const bad = await api.post('/api/tickets', { serviceId: 'general', idNumber: '123' }, KIOSK_TOKEN);
    expect(bad.body.error.code).toBe('VALIDATION');
  });
});

describe('staff look up a held number by ID (the kiosk only says one is held)', () => {
  it('staff see the ID’s open tickets of the day, masked; kiosks and boards may not ask', async () => {
    const { api } = await hall();
    const a = await api.issue('general', { idNumber: ID });
    const b = await api.issue('tax', { idNumber: ID });
    await api.issue('general', { idNumber: '370902199001011235' }); // someone else
    const c1 = await api.login('c1', 1);
    const r = await api.post('/api/tickets/by-id-number', { idNumber: ID.toLowerCase() }, c1);
    expect(r.status).toBe(200);
    expect(r.body.tickets.map((t: { number: string }) => t.number)).toEqual([a.number, b.number]);
    expect(r.body.tickets[0].idMasked).toBe('110***********002X');
    expect(JSON.stringify(r.body)).not.toContain(ID);
    expect((await api.post('/api/tickets/by-id-number', { idNumber: ID }, KIOSK_TOKEN)).status).toBe(403);
    expect((await api.post('/api/tickets/by-id-number', { idNumber: '123' }, c1)).body.error.code).toBe('VALIDATION');
    const logged = s.db.prepare("SELECT actor, data FROM events WHERE type = 'ticket.lookup'").all();
    expect(logged).toEqual([{ actor: 'clerk:c1', data: JSON.stringify({ found: [a.number, b.number] }) }]);
  });
});

describe('appointments', () => {
  const slot = MONDAY_0900 + 60 * MIN; // 10:00–10:30
  const list = [
    { code: 'YY0001', serviceId: 'tax', slotStart: iso(slot), slotEnd: iso(slot + 30 * MIN), nameMasked: '张三丰' },
    { code: 'YY0002', serviceId: 'tax', slotStart: iso(slot), slotEnd: iso(slot + 30 * MIN) },
    { code: 'YY0003', serviceId: 'general', slotStart: iso(slot), slotEnd: iso(slot + 30 * MIN) },
    { code: 'YY0004', serviceId: 'general', slotStart: iso(slot), slotEnd: iso(slot + 30 * MIN) },
  ];

  it('the booking system loads them (names kept masked); check-in by code alone follows the early/late rules', async () => {
    const { api, clock } = await hall({}, new FakeClock(MONDAY_0900 - 15 * MIN));
    expect((await api.post('/api/appointments', { appointments: list }, KIOSK_TOKEN)).status).toBe(403);
    const bad = [{ ...list[0]!, serviceId: 'nope' }, list[1]];
    expect((await api.post('/api/appointments', { appointments: bad }, BOOKING_TOKEN)).status).toBe(404);
    const r = await api.post('/api/appointments', { appointments: list }, BOOKING_TOKEN);
    expect(r.body).toEqual({ ok: true, loaded: 4 });
    expect(JSON.stringify(s.db.prepare('SELECT * FROM appointments').all())).not.toContain('三丰');

    // 08:45 is more than 60 minutes before the 10:00 slot.
    const early = await api.post('/api/tickets', { appointmentCode: 'YY0001' }, KIOSK_TOKEN);
    expect(early.body.error.code).toBe('APPOINTMENT_TOO_EARLY');
    expect(early.body.error.message).toContain('09:00 后签到');

    clock.advanceMin(45); // 09:30: early, within the hour; the wait counts from 10:00
    const a = await api.post('/api/tickets', { appointmentCode: 'YY0001' }, KIOSK_TOKEN);
    expect(a.status).toBe(201);
    expect(a.body.ticket).toMatchObject({ serviceId: 'tax', channel: 'appointment' });
    expect(a.body.ticket.appointment).toMatchObject({ code: 'YY0001', slotStart: iso(slot) });
    expect(s.core.query.ticket(a.body.ticket.id)!.waitFrom).toBe(slot);
    expect((await api.post('/api/tickets', { appointmentCode: 'YY0001' }, KIOSK_TOKEN)).body.error.code).toBe(
      'APPOINTMENT_USED',
    );
    const wrong = await api.post('/api/tickets', { serviceId: 'general', appointmentCode: 'YY0002' }, KIOSK_TOKEN);
    expect(wrong.body.error.message).toContain('税务');

    clock.advanceMin(70); // 10:40: late by 10 minutes, still an appointment, waiting from now
    const late = await api.post('/api/tickets', { appointmentCode: 'YY0002' }, KIOSK_TOKEN);
    expect(late.body.ticket.channel).toBe('appointment');
    expect(s.core.query.ticket(late.body.ticket.id)!.waitFrom).toBe(clock.now);

    clock.advanceMin(10); // 10:50: past the 15-minute grace: an ordinary ticket (rule walk_in)
    const walkIn = await api.post('/api/tickets', { appointmentCode: 'YY0003' }, KIOSK_TOKEN);
    expect(walkIn.body.ticket).toMatchObject({ channel: 'kiosk', appointment: null });

    // YY0004 never came: a no-show once the day is closed.
    const sup = await api.login('sup');
    await api.post('/api/day/close', {}, sup);
    const day = await api.get('/api/appointments?day=2026-11-23', sup);
    const byCode = Object.fromEntries(day.body.appointments.map((x: any) => [x.code, x]));
    expect(byCode.YY0001).toMatchObject({ status: 'checked_in', nameMasked: '张**', ticketNumber: 'B001' });
    expect(byCode.YY0004.status).toBe('no_show');
    const noShows = s.db.prepare("SELECT data FROM events WHERE type = 'appointment.no_show'").all() as any[];
    expect(noShows.map((e) => JSON.parse(e.data).code)).toEqual(['YY0004']);
    expect((await api.get('/api/appointments?day=23-11-2026', sup)).status).toBe(400);
  });

  it('a hall whose rule is "refuse" turns a too-late visitor away', async () => {
    const { api, clock } = await hall({ appointments: { earlyMin: 60, lateMin: 5, tooLate: 'refuse' } });
    await api.post('/api/appointments', { appointments: list }, BOOKING_TOKEN);
    clock.advanceMin(96); // 10:36
    const r = await api.post('/api/tickets', { appointmentCode: 'YY0003' }, KIOSK_TOKEN);
    expect(r.body.error.code).toBe('APPOINTMENT_TOO_LATE');
  });
});
