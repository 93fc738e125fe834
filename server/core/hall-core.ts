// The hall core: every command becomes one SQLite transaction; events go out only after it commits.
// Nothing else writes the database. Authorisation is the adapters' job (server/auth/policy.ts); the
// core records who acted.
import { randomBytes } from 'node:crypto';
import { HallError } from '../domain/errors';
import { assertUnderCap, formatNumber, hallDay, nextSeq } from '../domain/numbering';
import { estimateWaitMin, pickNext } from '../domain/routing';
import * as machine from '../domain/ticket-machine';
import type { Priority, Ticket } from '../domain/types';
import type { HallSnapshot, IssuedTicketView, PublicTicketView, ServiceView, TicketView } from '../protocol/views';
import { toPublic } from '../protocol/views';
import type { Db } from '../store/db';
import { EventLog } from '../store/event-log';
import { MiscStore } from '../store/misc';
import { TicketStore } from '../store/tickets';
import { WindowStore, type WindowRow } from '../store/windows';
import type { EventBus, HallEvent, TicketAction } from './events';
import { HallModel } from './hall-model';
import { hashIdNumber, maskIdNumber, normaliseIdNumber } from './identity';

export type Clock = () => number;

/** Who asked: "clerk:1001", "device:kiosk-1", "system". Recorded in the event log. */
export type Actor = string;

export interface IssueInput {
  serviceId: string;
  priority?: Priority | null;
  idNumber?: string;
  appointmentCode?: string;
  channel?: string;
}

export type WindowAction =
  | 'call-next'
  | 'recall'
  | 'start'
  | 'skip'
  | 'finish'
  | 'hold'
  | 'call-back'
  | 'transfer'
  | 'call'
  | 'pause'
  | 'resume';

export interface WindowCommandArgs {
  reason?: string;
  serviceId?: string;
  windowNo?: number;
  note?: string;
  number?: string;
  ticketId?: string;
}

/** What one transaction collects to publish after commit. */
class Tx {
  readonly events: HallEvent[] = [];
  readonly windows = new Set<number>();
  queues = false;
}

const ACTIVE = new Set(['called', 'serving']);

export class HallCore {
  readonly model: HallModel;
  readonly tickets: TicketStore;
  readonly windows: WindowStore;
  readonly log: EventLog;
  readonly misc: MiscStore;
  private lastDay: string | null = null;

  constructor(
    readonly db: Db,
    config: HallModel['config'],
    readonly clock: Clock,
    readonly bus: EventBus,
    private readonly idSecret: Buffer,
  ) {
    this.model = new HallModel(config);
    this.tickets = new TicketStore(db);
    this.windows = new WindowStore(db);
    this.log = new EventLog(db);
    this.misc = new MiscStore(db);
    this.windows.ensure([...this.model.windows.keys()]);
    this.transact('system', () => null);
  }

  get config() {
    return this.model.config;
  }

  today(): string {
    return hallDay(this.clock(), this.config.hall.timezone);
  }

  /** Runs fn in one transaction (after the day rollover), then publishes what it collected. */
  transact<T>(actor: Actor, fn: (tx: Tx, now: number, day: string) => T): T {
    const tx = new Tx();
    const result = this.db.transaction(() => {
      const now = this.clock();
      const day = hallDay(now, this.config.hall.timezone);
      if (day !== this.lastDay) this.rollover(tx, day, now);
      return fn(tx, now, day);
    })();
    this.lastDay = this.today();
    this.publish(tx);
    return result;
  }

  private publish(tx: Tx): void {
    for (const e of tx.events) this.bus.emit(e);
    for (const no of tx.windows) this.bus.emit({ type: 'window.changed', payload: { window: this.windowView(no) } });
    if (tx.queues) this.bus.emit({ type: 'queues.changed', payload: { services: this.serviceViews() } });
  }

  /** Tickets left open from an earlier day end as expired, never silently deleted. */
  private rollover(tx: Tx, day: string, now: number): void {
    for (const t of this.tickets.openBefore(day)) this.change(tx, 'system', t, machine.expire(t, now), 'expired', now);
    for (const w of this.windows.all()) {
      if (w.currentTicket && this.tickets.get(w.currentTicket)?.day !== day) {
        this.windows.save({ ...w, currentTicket: null });
        tx.windows.add(w.no);
      }
    }
    this.misc.pruneIdempotency(now - 24 * 3600_000);
  }

  /** Saves a ticket change, logs it and queues its event. */
  private change(
    tx: Tx,
    actor: Actor,
    before: Ticket,
    after: Ticket,
    action: TicketAction,
    now: number,
    data: Record<string, unknown> = {},
  ): Ticket {
    this.tickets.update(after);
    if (before.status === 'waiting') this.misc.adjustWaiting(before.day, before.serviceId, -1);
    if (after.status === 'waiting') this.misc.adjustWaiting(after.day, after.serviceId, 1);
    const windowNo = after.windowNo ?? before.windowNo;
    this.log.append({
      at: now,
      type: `ticket.${action}`,
      ticketId: after.id,
      windowNo,
      clerkId: after.clerkId ?? before.clerkId,
      actor,
      data: { number: after.number, serviceId: after.serviceId, from: before.status, to: after.status, ...data },
    });
    tx.events.push({ type: 'ticket.changed', payload: { ticket: this.model.ticketView(after), action, windowNo } });
    if (before.status === 'waiting' || after.status === 'waiting' || before.serviceId !== after.serviceId)
      tx.queues = true;
    if (windowNo !== null) tx.windows.add(windowNo);
    return after;
  }

  private pushCall(tx: Tx, t: Ticket, windowNo: number, recall: boolean, now: number): void {
    const w = this.model.windows.get(windowNo)!;
    tx.events.push({
      type: 'call',
      payload: {
        ticket: toPublic(this.model.ticketView(t)),
        windowNo,
        windowName: w.name,
        recall,
        at: new Date(now).toISOString(),
        announcement: this.model.announcement(t.number, windowNo).text,
        spoken: this.model.announcement(t.number, windowNo).spoken,
      },
    });
  }

  // ── visitors ────────────────────────────────────────────────────────────────────────────────────

  issueTicket(input: IssueInput, actor: Actor): IssuedTicketView {
    return this.transact(actor, (tx, now, day) => {
      const service = this.model.services.get(input.serviceId);
      if (!service) throw new HallError('UNKNOWN_SERVICE', `没有编号为“${input.serviceId}”的事项`);
      if (this.config.hall.autoClose && this.misc.isDayClosed(day)) {
        throw new HallError('HALL_CLOSED', `今日已停止取号（${this.config.hall.close} 闭厅），请下个工作日再来`);
      }
      const lastSeq = this.misc.lastSeq(day, service.prefix);
      assertUnderCap(service, lastSeq);

      let idHash: string | null = null;
      let idMasked: string | null = null;
      if (input.idNumber) {
        const id = normaliseIdNumber(input.idNumber);
        idHash = hashIdNumber(id, this.idSecret);
        idMasked = maskIdNumber(id);
        const held = this.tickets.openForPerson(idHash, service.id, day);
        if (held) {
          throw new HallError('ALREADY_HOLDING', `您已持有${service.name}的 ${held.number} 号，请勿重复取号`, {
            number: held.number,
          });
        }
      }

      let waitFrom = now;
      if (input.appointmentCode) {
        const appt = this.misc.appointment(input.appointmentCode);
        if (!appt) throw new HallError('NOT_FOUND', `预约码 ${input.appointmentCode} 不存在，请核对`);
        if (appt.ticketId) throw new HallError('APPOINTMENT_USED', `预约码 ${input.appointmentCode} 已签到取号`);
        if (appt.serviceId !== service.id) {
          throw new HallError(
            'VALIDATION',
            `预约码 ${input.appointmentCode} 预约的是${this.model.serviceName(appt.serviceId)}`,
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
      this.tickets.insert(ticket, idHash);
      this.misc.setSeq(day, service.prefix, seq);
      this.misc.adjustWaiting(day, service.id, 1);
      if (input.appointmentCode) this.misc.useAppointment(input.appointmentCode, ticket.id);
      this.log.append({
        at: now,
        type: 'ticket.issued',
        ticketId: ticket.id,
        actor,
        data: { number: ticket.number, serviceId: service.id, priority: ticket.priority, channel: ticket.channel },
      });
      const view = this.model.ticketView(ticket);
      tx.events.push({ type: 'ticket.changed', payload: { ticket: view, action: 'issued', windowNo: null } });
      tx.queues = true;
      const ahead = this.tickets.waitingAhead(day, service.id, waitFrom, seq);
      return {
        ...view,
        waitingAhead: ahead,
        estimatedWaitMin: estimateWaitMin(ahead, service.avgServiceMin, this.primaryWindows(service.id)),
        statusUrl: '',
      };
    });
  }

  /** A ticket's public status (DESIGN.md §6 `GET /api/tickets/:id`): no personal data. */
  ticketStatus(
    id: string,
  ): (PublicTicketView & { waitingAhead: number; estimatedWaitMin: number; windowName: string | null }) | null {
    const t = this.tickets.get(id);
    if (!t) return null;
    const service = this.model.services.get(t.serviceId);
    const ahead = t.status === 'waiting' ? this.tickets.waitingAhead(t.day, t.serviceId, t.waitFrom, t.seq) : 0;
    return {
      ...toPublic(this.model.ticketView(t)),
      waitingAhead: ahead,
      estimatedWaitMin: service ? estimateWaitMin(ahead, service.avgServiceMin, this.primaryWindows(service.id)) : 0,
      windowName: t.windowNo !== null ? (this.model.windows.get(t.windowNo)?.name ?? null) : null,
    };
  }

  cancelTicket(id: string, actor: Actor): TicketView {
    return this.transact(actor, (tx, now) => {
      const t = this.tickets.get(id);
      if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
      return this.model.ticketView(this.change(tx, actor, t, machine.cancel(t, now), 'cancelled', now));
    });
  }

  /** Loads appointments from the booking system (replaces not-yet-used ones with the same code). */
  addAppointments(
    list: { code: string; serviceId: string; slotStart: number; slotEnd: number; nameMasked?: string | null }[],
    actor: Actor,
  ): number {
    return this.transact(actor, () => {
      for (const a of list) {
        if (!this.model.services.has(a.serviceId))
          throw new HallError('UNKNOWN_SERVICE', `没有编号为“${a.serviceId}”的事项`);
        this.misc.putAppointment({ ...a, nameMasked: a.nameMasked ?? null });
      }
      return list.length;
    });
  }

  // ── windows ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * One clerk operation at one window. With an idempotency key, a retry of the same action at the same
   * window returns the first answer and changes nothing.
   */
  windowCommand(
    no: number,
    action: WindowAction,
    actor: Actor,
    args: WindowCommandArgs = {},
    key?: string,
  ): TicketView | null {
    return this.transact(actor, (tx, now, day) => {
      const scope = `window:${no}:${action}`;
      if (key) {
        const seen = this.misc.idempotent(scope, key);
        if (seen !== undefined) return seen as TicketView | null;
      }
      const row = this.windows.get(no);
      const window = this.model.window(no, row);
      if (!row || !window) throw new HallError('UNKNOWN_WINDOW', `没有 ${no} 号窗口`);
      const result = this.runWindowAction(tx, actor, action, args, row, now, day);
      if (key) this.misc.rememberIdempotent(scope, key, result, now);
      return result;
    });
  }

  private current(row: WindowRow): Ticket | null {
    const t = row.currentTicket ? this.tickets.get(row.currentTicket) : null;
    return t && ACTIVE.has(t.status) ? t : null;
  }

  private requireCurrent(row: WindowRow, what: string): Ticket {
    const t = this.current(row);
    if (!t) throw new HallError('NO_CURRENT_TICKET', `${row.no} 号窗口当前没有正在呼叫或办理的号，无法${what}`);
    return t;
  }

  private requireFree(row: WindowRow): void {
    const t = this.current(row);
    if (t) throw new HallError('WINDOW_BUSY', `请先办结、过号或挂起当前的 ${t.number} 号`);
  }

  private requireServing(row: WindowRow): void {
    if (!row.open || !row.clerkId) throw new HallError('WINDOW_CLOSED', `${row.no} 号窗口未开放（无工作人员登录）`);
    if (row.pausedReason !== null) throw new HallError('WINDOW_PAUSED', `${row.no} 号窗口暂停服务中，请先恢复服务`);
  }

  private runWindowAction(
    tx: Tx,
    actor: Actor,
    action: WindowAction,
    args: WindowCommandArgs,
    row: WindowRow,
    now: number,
    day: string,
  ): TicketView | null {
    const save = (r: WindowRow) => {
      this.windows.save(r);
      tx.windows.add(r.no);
    };
    const at = { windowNo: row.no, clerkId: row.clerkId, now };
    const view = (t: Ticket) => this.model.ticketView(t);

    switch (action) {
      case 'call-next': {
        this.requireServing(row);
        const cur = this.current(row);
        // A double press (or a retry without a key) returns the ticket just called instead of skipping it.
        if (
          cur &&
          cur.status === 'called' &&
          cur.recallCount === 0 &&
          row.lastCallAt !== null &&
          now - row.lastCallAt < this.config.rules.doublePressMs
        ) {
          return view(cur);
        }
        // "下一位" finishes the visitor at the window before calling the next one.
        if (cur) this.change(tx, actor, cur, machine.finish(cur, now), 'finished', now);
        const window = this.model.window(row.no, row)!;
        const picked = pickNext(
          this.tickets.candidates(day, Object.keys(window.skills), row.no),
          window,
          this.model.services,
          now,
          this.config.routing,
        );
        if (!picked) {
          save({ ...row, currentTicket: null });
          return null;
        }
        const t = this.tickets.get(picked.candidate.ticketId)!;
        const called = this.change(tx, actor, t, machine.call(t, at), 'called', now, {
          urgency: Number(picked.score.urgency.toFixed(4)),
          level: picked.score.level,
        });
        save({ ...row, currentTicket: called.id, lastCallAt: now });
        this.pushCall(tx, called, row.no, false, now);
        return view(called);
      }
      case 'recall': {
        const cur = this.requireCurrent(row, '重呼');
        const next = machine.recall(cur, this.config.rules.recallLimit, now);
        if (next.status === 'no_show') {
          this.change(tx, actor, cur, next, 'no_show', now, { reason: 'recall_limit' });
          save({ ...row, currentTicket: null });
        } else {
          this.change(tx, actor, cur, next, 'recalled', now, { recallCount: next.recallCount });
          this.pushCall(tx, next, row.no, true, now);
        }
        return view(next);
      }
      case 'start': {
        const cur = this.requireCurrent(row, '开始办理');
        return view(this.change(tx, actor, cur, machine.start(cur, now), 'started', now));
      }
      case 'skip':
      case 'finish':
      case 'hold': {
        const cur = this.requireCurrent(row, { skip: '过号', finish: '办结', hold: '挂起' }[action]);
        const next =
          action === 'skip'
            ? machine.skip(cur, now)
            : action === 'finish'
              ? machine.finish(cur, now)
              : machine.hold(cur);
        this.change(
          tx,
          actor,
          cur,
          next,
          action === 'skip' ? 'no_show' : action === 'finish' ? 'finished' : 'held',
          now,
        );
        save({ ...row, currentTicket: null });
        return view(next);
      }
      case 'transfer': {
        const cur = this.requireCurrent(row, '转移');
        if (args.serviceId !== undefined && !this.model.services.has(args.serviceId)) {
          throw new HallError('UNKNOWN_SERVICE', `没有编号为“${args.serviceId}”的事项`);
        }
        if (args.windowNo !== undefined && !this.model.windows.has(args.windowNo)) {
          throw new HallError('UNKNOWN_WINDOW', `没有 ${args.windowNo} 号窗口`);
        }
        const next = machine.transfer(cur, {
          serviceId: args.serviceId,
          windowNo: args.windowNo,
          note: args.note ?? null,
        });
        this.change(tx, actor, cur, next, 'transferred', now, {
          fromWindow: row.no,
          toService: next.serviceId,
          toWindow: args.windowNo ?? null,
          note: args.note ?? null,
        });
        save({ ...row, currentTicket: null });
        if (args.windowNo !== undefined) tx.windows.add(args.windowNo);
        return view(next);
      }
      case 'call-back':
      case 'call': {
        this.requireServing(row);
        this.requireFree(row);
        const t = this.findTicket(day, args);
        const next = action === 'call' ? machine.call(t, at) : machine.callBack(t, at);
        this.change(tx, actor, t, next, action === 'call' ? 'called' : 'called_back', now, {
          special: action === 'call',
        });
        save({ ...row, currentTicket: next.id, lastCallAt: now });
        this.pushCall(tx, next, row.no, false, now);
        return view(next);
      }
      case 'pause': {
        if (row.pausedReason !== null) throw new HallError('WINDOW_PAUSED', `${row.no} 号窗口已在暂停中`);
        this.requireFree(row);
        const reason = args.reason ?? '暂停服务';
        save({ ...row, pausedReason: reason, pausedAt: now });
        this.log.append({
          at: now,
          type: 'window.paused',
          windowNo: row.no,
          clerkId: row.clerkId,
          actor,
          data: { reason },
        });
        return null;
      }
      case 'resume': {
        if (row.pausedReason === null) throw new HallError('WINDOW_NOT_PAUSED', `${row.no} 号窗口未暂停`);
        save({ ...row, pausedReason: null, pausedAt: null });
        this.log.append({
          at: now,
          type: 'window.resumed',
          windowNo: row.no,
          clerkId: row.clerkId,
          actor,
          data: { pausedForMs: now - (row.pausedAt ?? now) },
        });
        return null;
      }
    }
  }

  private findTicket(day: string, args: WindowCommandArgs): Ticket {
    const t = args.ticketId
      ? this.tickets.get(args.ticketId)
      : args.number
        ? this.tickets.byNumber(day, args.number.toUpperCase())
        : null;
    if (!t || t.day !== day)
      throw new HallError('TICKET_NOT_FOUND', `今天没有${args.number ? ` ${args.number} ` : '这个'}号`);
    return t;
  }

  heldTickets(windowNo: number): TicketView[] {
    return this.tickets.held(windowNo).map((t) => this.model.ticketView(t));
  }

  // ── day cycle ───────────────────────────────────────────────────────────────────────────────────

  /** Closing: tickets still waiting or held end as expired; the kiosk stops issuing (when autoClose). */
  closeDay(actor: Actor): number {
    return this.transact(actor, (tx, now, day) => {
      const open = this.tickets.waitingOrHeldOn(day);
      for (const t of open) this.change(tx, actor, t, machine.expire(t, now), 'expired', now);
      this.misc.markDayClosed(day, now);
      this.log.append({ at: now, type: 'day.closed', actor, data: { day, expired: open.length } });
      tx.queues = true;
      return open.length;
    });
  }

  /** 潮汐窗口: a supervisor changes a window's skills live; the next call-next uses them. */
  setSkills(no: number, skills: Record<string, number>, actor: Actor): void {
    for (const id of Object.keys(skills)) {
      if (!this.model.services.has(id)) throw new HallError('UNKNOWN_SERVICE', `没有编号为“${id}”的事项`);
    }
    this.transact(actor, (tx, now) => {
      const row = this.windows.get(no);
      if (!row || !this.model.windows.has(no)) throw new HallError('UNKNOWN_WINDOW', `没有 ${no} 号窗口`);
      const before = this.model.window(no, row)!.skills;
      this.windows.save({ ...row, skills });
      this.log.append({ at: now, type: 'window.skills', windowNo: no, actor, data: { before, after: skills } });
      tx.windows.add(no);
    });
  }

  // ── board notice ────────────────────────────────────────────────────────────────────────────────

  /** The scrolling notice for a zone's boards: the zone's own, else the hall's, else the configured default. */
  notice(zone: string | null): string {
    return (
      (zone !== null ? this.misc.setting(`notice:${zone}`) : null) ??
      this.misc.setting('notice:*') ??
      this.config.display.notice
    );
  }

  setNotice(zone: string | null, text: string, actor: Actor): void {
    if (zone !== null && ![...this.model.windows.values()].some((w) => w.zone === zone)) {
      throw new HallError('VALIDATION', `没有“${zone}”区`);
    }
    this.transact(actor, (tx, now) => {
      this.misc.putSetting(`notice:${zone ?? '*'}`, text);
      this.log.append({ at: now, type: 'board.notice', actor, data: { zone, text } });
      tx.events.push({ type: 'notice.changed', payload: { zone, text } });
    });
  }

  zones(): string[] {
    return [...new Set([...this.model.windows.values()].map((w) => w.zone))].sort();
  }

  // ── views ───────────────────────────────────────────────────────────────────────────────────────

  private primaryWindows(serviceId: string): number {
    let n = 0;
    for (const row of this.windows.all()) {
      const w = this.model.window(row.no, row);
      if (w && w.skills[serviceId] === 1 && row.open && row.clerkId) n++;
    }
    return n;
  }

  windowView(no: number) {
    const row = this.windows.get(no)!;
    return this.model.windowView(row, this.current(row));
  }

  serviceViews(): ServiceView[] {
    const now = this.clock();
    const day = hallDay(now, this.config.hall.timezone);
    return [...this.model.services.values()].map((s) => {
      const waiting = this.misc.waiting(day, s.id);
      const oldest = this.tickets.oldestWaitFrom(day, s.id);
      return {
        id: s.id,
        name: s.name,
        prefix: s.prefix,
        field: s.field,
        targetWaitMin: s.targetWaitMin,
        dailyCap: s.dailyCap,
        issuedToday: this.misc.lastSeq(day, s.prefix),
        waiting,
        longestWaitMin: oldest === null ? 0 : Math.max(0, Math.floor((now - oldest) / 60_000)),
        estimatedWaitMin: estimateWaitMin(waiting, s.avgServiceMin, this.primaryWindows(s.id)),
      };
    });
  }

  snapshot(): HallSnapshot {
    const h = this.config.hall;
    return {
      hall: { id: h.id, name: h.name, day: this.today(), open: h.open, close: h.close },
      services: this.serviceViews(),
      windows: this.windows
        .all()
        .filter((r) => this.model.windows.has(r.no))
        .map((r) => this.model.windowView(r, this.current(r))),
      at: new Date(this.clock()).toISOString(),
    };
  }
}
