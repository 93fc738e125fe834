// Appointments (预约) in the hall core: loading the booking system's list, the day's list with check-in
// state, and recording no-shows. Check-in itself is part of issuing a ticket (issue-ticket.ts).
import { maskName } from '../domain/appointments';
import { HallError } from '../domain/errors';
import { hallDay } from '../domain/numbering';
import type { AppointmentRow } from '../store/appointments';
import type { CoreState, Ctx } from './state';

export interface AppointmentInput {
  code: string;
  serviceId: string;
  slotStart: number;
  slotEnd: number;
  /** As the booking system sends it; only the masked form is kept (张三丰 → 张**). */
  name?: string | null;
}

export type AppointmentView = Omit<AppointmentRow, 'slotStart' | 'slotEnd' | 'checkedInAt'> & {
  slotStart: string;
  slotEnd: string;
  checkedInAt: string | null;
  ticketNumber: string | null;
};

const DAY = 24 * 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** All or nothing: one bad row refuses the whole list and names it. */
export function addAppointments(ctx: Ctx, { list }: { list: AppointmentInput[] }): number {
  const { state: core, now, actor } = ctx;
  list.forEach((a, i) => {
    if (!core.model.services.has(a.serviceId))
      throw new HallError('UNKNOWN_SERVICE', `第 ${i + 1} 条：没有编号为“${a.serviceId}”的事项`);
    if (!(a.slotEnd > a.slotStart)) throw new HallError('VALIDATION', `第 ${i + 1} 条：时段结束应晚于开始`);
  });
  for (const { name, ...a } of list) core.appointments.put({ ...a, nameMasked: name ? maskName(name) : null });
  core.log.append({ at: now, type: 'appointments.loaded', actor, data: { count: list.length } });
  return list.length;
}

export function appointmentsOn(core: CoreState, day: string): AppointmentView[] {
  const tz = core.config.hall.timezone;
  const from = Date.parse(`${day}T00:00:00Z`) - DAY; // any time zone's day lies within these three
  return core.appointments
    .between(from, from + 3 * DAY)
    .filter((a) => hallDay(a.slotStart, tz) === day)
    .map((a) => ({
      ...a,
      slotStart: iso(a.slotStart),
      slotEnd: iso(a.slotEnd),
      checkedInAt: a.checkedInAt === null ? null : iso(a.checkedInAt),
      ticketNumber: a.ticketId ? (core.tickets.get(a.ticketId)?.number ?? null) : null,
    }));
}

/** Inside a command: booked appointments past their slot and the late limit become no-shows. */
export function recordMissedAppointments(ctx: Ctx): void {
  const { state: core, now } = ctx;
  for (const a of core.appointments.missed(now - core.config.appointments.lateMin * 60_000)) {
    core.appointments.markNoShow(a.code);
    core.log.append({
      at: now,
      type: 'appointment.no_show',
      actor: 'system',
      data: { code: a.code, serviceId: a.serviceId, slotStart: a.slotStart, slotEnd: a.slotEnd },
    });
  }
}
