// Issuing a ticket (取号), run by the hall core inside one transaction.
import { randomBytes } from 'node:crypto';
import { HallError } from '../domain/errors';
import { assertUnderCap, formatNumber, nextSeq } from '../domain/numbering';
import { estimateWaitMin } from '../domain/routing';
import type { Ticket } from '../domain/types';
import type { IssuedTicketView } from '../protocol/views';
import type { Actor, HallCore, IssueInput } from './hall-core';
import { hashIdNumber, maskIdNumber, normaliseIdNumber } from './identity';

/** 取号: a new ticket, checked against the daily cap, the one-open-ticket rule and appointments. */
export function issueTicket(core: HallCore, input: IssueInput, actor: Actor, idSecret: Buffer): IssuedTicketView {
  return core.transact(actor, (tx, now, day) => {
    const service = core.model.services.get(input.serviceId);
    if (!service) throw new HallError('UNKNOWN_SERVICE', `没有编号为“${input.serviceId}”的事项`);
    if (core.config.hall.autoClose && core.misc.isDayClosed(day)) {
      throw new HallError('HALL_CLOSED', `今日已停止取号（${core.config.hall.close} 闭厅），请下个工作日再来`);
    }
    const lastSeq = core.misc.lastSeq(day, service.prefix);
    assertUnderCap(service, lastSeq);

    let idHash: string | null = null;
    let idMasked: string | null = null;
    if (input.idNumber) {
      const id = normaliseIdNumber(input.idNumber);
      idHash = hashIdNumber(id, idSecret);
      idMasked = maskIdNumber(id);
      const held = core.tickets.openForPerson(idHash, service.id, day);
      if (held) {
        throw new HallError('ALREADY_HOLDING', `您已持有${service.name}的 ${held.number} 号，请勿重复取号`, {
          number: held.number,
        });
      }
    }

    let waitFrom = now;
    if (input.appointmentCode) {
      const appt = core.misc.appointment(input.appointmentCode);
      if (!appt) throw new HallError('NOT_FOUND', `预约码 ${input.appointmentCode} 不存在，请核对`);
      if (appt.ticketId) throw new HallError('APPOINTMENT_USED', `预约码 ${input.appointmentCode} 已签到取号`);
      if (appt.serviceId !== service.id) {
        throw new HallError(
          'VALIDATION',
          `预约码 ${input.appointmentCode} 预约的是${core.model.serviceName(appt.serviceId)}`,
        );
      }
      // Checked in before the slot: the wait counts from the slot's start (DESIGN.md §5).
      waitFrom = Math.max(now, appt.slotStart);
    }

    const seq = nextSeq(lastSeq);
    const ticket: Ticket = {
      id: randomBytes(12).toString('base64url'),
      day,
      number: formatNumber(service.prefix, seq),
      seq,
      serviceId: service.id,
      status: 'waiting',
      priority: input.priority ?? null,
      channel: input.channel ?? 'kiosk',
      issuedAt: now,
      waitFrom,
      targetWindowNo: null,
      windowNo: null,
      clerkId: null,
      calledAt: null,
      servingAt: null,
      finishedAt: null,
      recallCount: 0,
      transferCount: 0,
      note: null,
      idMasked,
      appointmentCode: input.appointmentCode ?? null,
    };
    core.tickets.insert(ticket, idHash);
    core.misc.setSeq(day, service.prefix, seq);
    core.misc.adjustWaiting(day, service.id, 1);
    if (input.appointmentCode) core.misc.useAppointment(input.appointmentCode, ticket.id);
    core.log.append({
      at: now,
      type: 'ticket.issued',
      ticketId: ticket.id,
      actor,
      data: { number: ticket.number, serviceId: service.id, priority: ticket.priority, channel: ticket.channel },
    });
    const view = core.model.ticketView(ticket);
    tx.events.push({ type: 'ticket.changed', payload: { ticket: view, action: 'issued', windowNo: null } });
    tx.queues = true;
    const ahead = core.tickets.waitingAhead(day, service.id, waitFrom, seq);
    return {
      ...view,
      waitingAhead: ahead,
      estimatedWaitMin: estimateWaitMin(ahead, service.avgServiceMin, core.primaryWindowCounts().get(service.id) ?? 0),
      statusUrl: '',
    };
  });
}
