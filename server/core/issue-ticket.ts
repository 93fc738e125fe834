// Issuing a ticket (取号) and appointment check-in (签到), run by the hall core inside one transaction.
import { randomBytes } from 'node:crypto';
import { checkIn } from '../domain/appointments';
import { serviceAvailability } from '../domain/availability';
import { HallError } from '../domain/errors';
import { assertUnderCap, formatNumber, localClock, nextSeq } from '../domain/numbering';
import type { Priority, Ticket } from '../domain/types';
import type { IssuedTicketView, TicketView } from '../protocol/views';
import type { ServicePlan } from './hall-model';
import type { CoreState, Ctx } from './state';
import { hashIdNumber, maskIdNumber, normaliseIdNumber } from './identity';
import { issuedTicketWait } from './issue-wait';

export interface IssueInput {
  /** Optional with an appointment code: the appointment names the service. */
  serviceId?: string;
  priority?: Priority | null;
  idNumber?: string;
  appointmentCode?: string;
  channel?: string;
}

/** 取号: a new ticket, checked against opening, the daily cap, the one-open-ticket rule and appointments. */
export function issueTicket(ctx: Ctx, input: IssueInput): IssuedTicketView {
  const { state: core, now, day } = ctx;
  const appt = input.appointmentCode ? appointmentOf(core, input.appointmentCode, input.serviceId) : null;
  const service = core.model.services.get(appt?.serviceId ?? input.serviceId ?? '');
  if (!service) throw new HallError('UNKNOWN_SERVICE', `没有编号为“${input.serviceId}”的事项`);
  const lastSeq = core.misc.lastSeq(day, service.prefix);
  assertOpen(core, service, lastSeq, now, day);
  assertUnderCap(service, lastSeq);

  const person = input.idNumber ? identify(core, service, input.idNumber, day) : null;
  const tz = core.config.hall.timezone;
  const fmt = (ms: number) => localClock(ms, tz);
  const arrival = appt ? checkIn(appt, now, core.config.appointments, fmt) : null;
  const asAppointment = arrival?.kind === 'appointment';

  const seq = nextSeq(lastSeq);
  const ticket: Ticket = {
    id: randomBytes(12).toString('base64url'),
    day,
    number: formatNumber(service.prefix, seq),
    seq,
    serviceId: service.id,
    status: 'waiting',
    priority: input.priority ?? null,
    channel: asAppointment ? 'appointment' : (input.channel ?? 'kiosk'),
    issuedAt: now,
    waitFrom: arrival?.waitFrom ?? now,
    targetWindowNo: null,
    windowNo: null,
    clerkId: null,
    calledAt: null,
    servingAt: null,
    finishedAt: null,
    recallCount: 0,
    transferCount: 0,
    note: null,
    idMasked: person?.masked ?? null,
    appointmentCode: asAppointment ? appt!.code : null,
  };
  core.tickets.insert(ticket, person?.hash ?? null);
  core.misc.setSeq(day, service.prefix, seq);
  core.misc.adjustWaiting(day, service.id, 1);
  if (appt) core.appointments.checkIn(appt.code, ticket.id, now);
  logIssued(ctx, ticket, appt ? { appointment: appt.code, checkIn: arrival!.kind } : {});
  // The prediction is added after the commit (withPrediction), never inside the transaction.
  return {
    ...core.model.ticketView(ticket),
    waitingAhead: 0,
    estimatedWaitMin: 0,
    estimatedWait: null,
    servedNow: true,
    statusUrl: '',
    appointment: asAppointment
      ? { code: appt!.code, slotStart: iso(appt!.slotStart), slotEnd: iso(appt!.slotEnd) }
      : null,
  };
}

/** The issued ticket with its predicted wait, once its transaction has committed (HallCore.run). */
export function withPrediction(core: CoreState, view: IssuedTicketView): IssuedTicketView {
  const t = core.tickets.get(view.id);
  if (!t) return view;
  const w = issuedTicketWait(core, t);
  // What the kiosk shows and the printer prints is kept, to be held against the wait that happens.
  if (w.wait) core.promises.add({ ticketId: t.id, day: t.day, at: t.issuedAt, ...w.wait });
  return {
    ...view,
    waitingAhead: w.ahead,
    estimatedWaitMin: w.wait?.minutes ?? 0,
    estimatedWait: w.wait,
    servedNow: w.servedNow,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

function appointmentOf(core: CoreState, code: string, serviceId: string | undefined) {
  const appt = core.appointments.get(code);
  if (!appt) throw new HallError('NOT_FOUND', `预约码 ${code} 不存在，请核对`);
  if (appt.status === 'checked_in') throw new HallError('APPOINTMENT_USED', `预约码 ${code} 已签到取号`);
  if (appt.status === 'no_show') throw new HallError('APPOINTMENT_TOO_LATE', `预约码 ${code} 已过期（未按时签到）`);
  if (serviceId && appt.serviceId !== serviceId) {
    throw new HallError('VALIDATION', `预约码 ${code} 预约的是${core.model.serviceName(appt.serviceId)}`);
  }
  return appt;
}

function assertOpen(core: CoreState, service: ServicePlan, lastSeq: number, now: number, day: string): void {
  const hall = core.openStatus(now, day);
  if (hall.reason) throw new HallError('HALL_CLOSED', hall.reason);
  const a = serviceAvailability(service, lastSeq, null, localClock(now, core.config.hall.timezone));
  if (a.state === 'closed') throw new HallError('SERVICE_CLOSED', `${service.name}：${a.reason}`);
}

/** Anti-hoarding: one open ticket per ID number per service; the number is kept only hashed and masked. */
function identify(core: CoreState, service: ServicePlan, raw: string, day: string) {
  const id = normaliseIdNumber(raw);
  const hash = hashIdNumber(id, core.idSecret);
  if (service.onePerPerson) {
    const held = core.tickets.openForPerson(hash, service.id, day);
    if (held) {
      // Only that a ticket is held: anyone at the kiosk who knows a person's ID number must not learn that
      // the person is in the hall, nor which number they hold. Staff look it up (openTicketsOfPerson).
      throw new HallError(
        'ALREADY_HOLDING',
        `该身份证号已取过${service.name}的号，请勿重复取号；如需查询请咨询导服台工作人员`,
        { serviceId: service.id },
      );
    }
  }
  return { hash, masked: maskIdNumber(id) };
}

function logIssued(ctx: Ctx, t: Ticket, extra: Record<string, unknown>) {
  const { state: core, tx, now, actor } = ctx;
  core.log.append({
    at: now,
    type: 'ticket.issued',
    ticketId: t.id,
    actor,
    data: { number: t.number, serviceId: t.serviceId, priority: t.priority, channel: t.channel, ...extra },
  });
  tx.events.push({
    type: 'ticket.changed',
    payload: { ticket: core.model.ticketView(t), action: 'issued', windowNo: null },
  });
  tx.queues = true;
}

/** Staff's look-up for a visitor who lost track of their number: the ID's open tickets today. Audited. */
export function openTicketsOfPerson(ctx: Ctx, { idNumber }: { idNumber: string }): TicketView[] {
  const { state: core, now, day, actor } = ctx;
  const hash = hashIdNumber(normaliseIdNumber(idNumber), core.idSecret);
  const found = core.tickets.openOfPerson(hash, day);
  // Recorded without the ID number: who looked, and what they were shown.
  core.log.append({ at: now, type: 'ticket.lookup', actor, data: { found: found.map((t) => t.number) } });
  return found.map((t) => core.model.ticketView(t));
}
