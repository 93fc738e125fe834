// The hall core: every command becomes one SQLite transaction; events go out only after it commits.
// Nothing else writes the database. Authorisation is the adapters' job (server/auth/policy.ts); the
// core records who acted.
import { HallError } from '../domain/errors';
import { serviceAvailability } from '../domain/availability';
import { hallStatus, hoursOn, type HallStatus } from '../domain/calendar';
import { hallDay, localClock, minuteOfDay } from '../domain/numbering';
import { maskOptional } from '../domain/personal-numbers';
import * as machine from '../domain/ticket-machine';
import type { Priority, Ticket } from '../domain/types';
import type {
  CallAudio,
  HallSnapshot,
  IssuedTicketView,
  ServiceView,
  TicketStatusView,
  TicketView,
} from '../protocol/views';
import { toPublic } from '../protocol/views';
import type { Db } from '../store/db';
import { EventLog } from '../store/event-log';
import { AppointmentStore } from '../store/appointments';
import { EvaluationStore } from '../store/evaluations';
import { MiscStore } from '../store/misc';
import { IdempotencyStore } from '../store/idempotency';
import { SessionStore } from '../store/sessions';
import { TicketStore } from '../store/tickets';
import { WindowStore, type WindowRow } from '../store/windows';
import type { EventBus, TicketAction } from './events';
import { HallModel } from './hall-model';
import { addAppointments, recordMissedAppointments } from './appointments';
import type { AppointmentInput } from './appointments';
import { promptFor } from './evaluations';
import { issueTicket, openTicketsOfPerson } from './issue-ticket';
import { IDEMPOTENCY_TTL_MS, keyOwner, keyReused, requestFingerprint } from './idempotency';
import { Tx } from './tx';
import { servedNowByService, serviceWaits, ticketWait } from './wait';
import { runWindowAction } from './window-actions';
import { setSkills } from './window-plan';
import { AlertStore } from '../store/alerts';
import { ReportStore } from '../store/reports';
import { HighWater } from '../store/high-water';

export type Clock = () => number;

/** Who asked: "clerk:1001", "device:kiosk-1", "system". Recorded in the event log. */
export type Actor = string;

export interface IssueInput {
  /** Optional with an appointment code: the appointment names the service. */
  serviceId?: string;
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

const ACTIVE = new Set(['called', 'serving']);

export class HallCore {
  readonly model: HallModel;
  readonly tickets: TicketStore;
  readonly windows: WindowStore;
  readonly log: EventLog;
  readonly misc: MiscStore;
  readonly sessions: SessionStore;
  readonly idempotency: IdempotencyStore;
  readonly appointments: AppointmentStore;
  readonly evaluations: EvaluationStore;
  readonly alerts: AlertStore;
  readonly reports: ReportStore;
  /** Numbers and upstream ids already seen outside, kept beside the database (survives a restore). */
  readonly highWater: HighWater;
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
    this.sessions = new SessionStore(db);
    this.idempotency = new IdempotencyStore(db);
    this.appointments = new AppointmentStore(db);
    this.evaluations = new EvaluationStore(db);
    this.alerts = new AlertStore(db);
    this.reports = new ReportStore(db);
    this.highWater = new HighWater(db);
    this.windows.ensure([...this.model.windows.keys()]);
    this.transact('system', () => null);
  }

  get config() {
    return this.model.config;
  }

  today(): string {
    return hallDay(this.clock(), this.config.hall.timezone);
  }

  /** Whether the last write failed for a full disk (for /api/health); cleared by the next write that succeeds. */
  storageFull = false;

  /** Runs fn in one transaction (after the day rollover), then publishes what it collected. */
  transact<T>(actor: Actor, fn: (tx: Tx, now: number, day: string) => T): T {
    const tx = new Tx();
    let day = '';
    let result: T;
    try {
      result = this.db.transaction(() => {
        const now = this.clock();
        day = hallDay(now, this.config.hall.timezone);
        if (day !== this.lastDay) this.rollover(tx, day, now);
        return fn(tx, now, day);
      })();
    } catch (e) {
      // A full disk rolls the whole command back (nothing half-written); the caller gets a clear refusal.
      if ((e as { code?: string }).code !== 'SQLITE_FULL') throw e;
      this.storageFull = true;
      throw new HallError('STORAGE_FULL', '服务器存储空间已满，本次操作未保存，请联系管理员清理磁盘');
    }
    this.storageFull = false;
    this.lastDay = day; // only once the rollover has committed
    // Before anything is published (and printed): the marks file knows every number handed out.
    this.highWater.save();
    this.publish(tx);
    return result;
  }

  private publish(tx: Tx): void {
    for (const e of tx.events) this.bus.emit(e);
    for (const no of tx.windows) this.bus.emit({ type: 'window.changed', payload: { window: this.windowView(no) } });
    // A window opening, closing or pausing changes who serves each queue (the estimated wait) too.
    if (tx.queues || tx.windows.size > 0)
      this.bus.emit({ type: 'queues.changed', payload: { services: this.serviceViews() } });
  }

  /** Tickets left open from an earlier day end as expired, never silently deleted. */
  private rollover(tx: Tx, day: string, now: number): void {
    for (const t of this.tickets.openBefore(day))
      this.recordChange(tx, 'system', t, machine.expire(t, now), 'expired', now);
    for (const w of this.windows.all()) {
      if (w.currentTicket && this.tickets.get(w.currentTicket)?.day !== day) {
        this.windows.save({ ...w, currentTicket: null });
        tx.windows.add(w.no);
      }
    }
    this.idempotency.prune(now - IDEMPOTENCY_TTL_MS);
    recordMissedAppointments(this, now);
  }

  /** Saves a ticket change, logs it and queues its event (for the core's command modules). */
  recordChange(
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
    // Every finished visit at a window is put to the visitor on the window's pad (好差评).
    if (action === 'finished' && after.windowNo !== null) promptFor(this, tx, after, after.windowNo, now);
    return after;
  }

  /**
   * Set by the voice adapter (server/voice/): a call's audio, answered at once. It runs inside the call's
   * transaction, so it must never throw into it nor wait.
   */
  callAudio: ((c: { ticket: string; windowNo: number; windowName: string }) => CallAudio | null) | null = null;

  private audioOf(ticket: string, windowNo: number, windowName: string): CallAudio | null {
    try {
      return this.callAudio?.({ ticket, windowNo, windowName }) ?? null;
    } catch (e) {
      console.error('voice: no audio for the call', e);
      return null;
    }
  }

  /** Queues the `call` event every screen announces. */
  queueCall(tx: Tx, t: Ticket, windowNo: number, recall: boolean, now: number): void {
    const w = this.model.windows.get(windowNo)!;
    const said = this.model.announcement(t.number, windowNo);
    tx.events.push({
      type: 'call',
      payload: {
        ticket: toPublic(this.model.ticketView(t)),
        windowNo,
        windowName: w.name,
        recall,
        at: new Date(now).toISOString(),
        announcement: said.text,
        spoken: said.spoken,
        audio: this.audioOf(t.number, windowNo, w.name),
      },
    });
  }

  // ── visitors ────────────────────────────────────────────────────────────────────────────────────

  issueTicket(input: IssueInput, actor: Actor): IssuedTicketView {
    return issueTicket(this, input, actor, this.idSecret);
  }

  /** The open tickets an ID number holds today (staff only: the kiosk says only that one is held). */
  openTicketsOfPerson(idNumber: string, actor: Actor): TicketView[] {
    return openTicketsOfPerson(this, idNumber, actor, this.idSecret);
  }

  /** A ticket's public status (DESIGN.md §6 `GET /api/tickets/:id`): no personal data. */
  ticketStatus(id: string): TicketStatusView | null {
    const t = this.tickets.get(id);
    if (!t) return null;
    const w = ticketWait(this, t);
    return {
      ...toPublic(this.model.ticketView(t)),
      waitingAhead: w.ahead,
      estimatedWaitMin: w.wait?.minutes ?? 0,
      estimatedWait: w.wait,
      servedNow: w.servedNow,
      windowName: t.windowNo !== null ? (this.model.windows.get(t.windowNo)?.name ?? null) : null,
    };
  }

  cancelTicket(id: string, actor: Actor): TicketView {
    return this.transact(actor, (tx, now) => {
      const t = this.tickets.get(id);
      if (!t) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
      return this.model.ticketView(this.recordChange(tx, actor, t, machine.cancel(t, now), 'cancelled', now));
    });
  }

  /** Loads appointments from the booking system (core/appointments.ts). */
  addAppointments(list: AppointmentInput[], actor: Actor): number {
    return addAppointments(this, list, actor);
  }

  // ── windows ─────────────────────────────────────────────────────────────────────────────────────

  /**
   * One clerk operation at one window. With an idempotency key, a retry of the same request by the same
   * caller at the same window returns the first answer and changes nothing; the same key on a different
   * request is refused (core/idempotency.ts).
   */
  windowCommand(
    no: number,
    action: WindowAction,
    actor: Actor,
    args: WindowCommandArgs = {},
    key?: string,
  ): TicketView | null {
    // Free text reaches boards, consoles and the log: a full ID or mobile number in it is masked here.
    const clean = { ...args, note: maskOptional(args.note), reason: maskOptional(args.reason) };
    return this.transact(actor, (tx, now, day) => {
      const owner = keyOwner(actor, no);
      const fingerprint = requestFingerprint(action, args);
      if (key) {
        const seen = this.idempotency.get(owner, key, now - IDEMPOTENCY_TTL_MS);
        if (seen && seen.fingerprint !== fingerprint) throw keyReused();
        if (seen) return seen.response as TicketView | null;
      }
      const row = this.windows.get(no);
      const window = this.model.window(no, row);
      if (!row || !window) throw new HallError('UNKNOWN_WINDOW', `没有 ${no} 号窗口`);
      const result = runWindowAction(this, tx, actor, action, clean, row, now, day);
      if (key) this.idempotency.put(owner, key, fingerprint, result, now);
      return result;
    });
  }

  /** The ticket being called or served at a window, if any. */
  currentTicket(row: WindowRow): Ticket | null {
    const t = row.currentTicket ? this.tickets.get(row.currentTicket) : null;
    return t && ACTIVE.has(t.status) ? t : null;
  }

  heldTickets(windowNo: number): TicketView[] {
    return this.tickets.held(windowNo).map((t) => this.model.ticketView(t));
  }

  // ── day cycle ───────────────────────────────────────────────────────────────────────────────────

  /** Whether the kiosk issues numbers now: the calendar's day and hours, and whether the day was closed. */
  openStatus(now = this.clock(), day = hallDay(now, this.config.hall.timezone)): HallStatus {
    const { hall } = this.config;
    if (!hall.autoClose) return { state: 'open', hours: hoursOn(hall, day), reason: null };
    const s = hallStatus(hall, day, minuteOfDay(now, hall.timezone));
    if (s.state !== 'open' || !this.misc.isDayClosed(day)) return s;
    return { ...s, state: 'after-close', reason: '今日已停止取号' };
  }

  /** Closing: tickets still waiting or held end as expired; the kiosk stops issuing (when autoClose). */
  closeDay(actor: Actor): number {
    return this.transact(actor, (tx, now, day) => {
      const open = this.tickets.waitingOrHeldOn(day);
      for (const t of open) this.recordChange(tx, actor, t, machine.expire(t, now), 'expired', now);
      this.misc.markDayClosed(day, now);
      recordMissedAppointments(this, now);
      this.log.append({ at: now, type: 'day.closed', actor, data: { day, expired: open.length } });
      tx.queues = true;
      return open.length;
    });
  }

  /** 潮汐窗口: a supervisor changes a window's skills live, for good or for a time (core/window-plan.ts). */
  setSkills(no: number, skills: Record<string, number>, actor: Actor, durationMin?: number): void {
    setSkills(this, no, skills, actor, durationMin);
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

  /** Open, staffed windows per service for which it is a level-1 skill (one read of the windows). */
  primaryWindowCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const row of this.windows.all()) {
      if (!row.open || !row.clerkId) continue;
      const w = this.model.window(row.no, row);
      for (const [id, level] of Object.entries(w?.skills ?? {}))
        if (level === 1) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  windowView(no: number) {
    const row = this.windows.get(no)!;
    return this.model.windowView(row, this.currentTicket(row));
  }

  serviceViews(): ServiceView[] {
    const now = this.clock();
    const day = hallDay(now, this.config.hall.timezone);
    const serving = servedNowByService(this);
    const predicted = serviceWaits(this, serving);
    const hallClosed = this.openStatus(now, day).reason;
    const clock = localClock(now, this.config.hall.timezone);
    return [...this.model.services.values()].map((s) => {
      const waiting = this.misc.waiting(day, s.id);
      const oldest = this.tickets.oldestWaitFrom(day, s.id);
      const issuedToday = this.misc.lastSeq(day, s.prefix);
      const avail = serviceAvailability(s, issuedToday, hallClosed, clock);
      const wait = predicted.get(s.id)?.wait ?? null;
      return {
        id: s.id,
        name: s.name,
        prefix: s.prefix,
        field: s.field,
        targetWaitMin: s.targetWaitMin,
        dailyCap: s.dailyCap,
        issuedToday,
        state: avail.state,
        stateReason: avail.reason,
        waiting,
        longestWaitMin: oldest === null ? 0 : Math.max(0, Math.floor((now - oldest) / 60_000)),
        estimatedWaitMin: wait?.minutes ?? 0,
        estimatedWait: wait && { ...wait, servedNow: serving.has(s.id) },
        servedNow: serving.has(s.id),
      };
    });
  }

  hallInfo(): HallSnapshot['hall'] {
    const h = this.config.hall;
    return { id: h.id, name: h.name, day: this.today(), open: h.open, close: h.close, timezone: h.timezone };
  }

  snapshot(): HallSnapshot {
    return {
      hall: this.hallInfo(),
      services: this.serviceViews(),
      windows: this.windows
        .all()
        .filter((r) => this.model.windows.has(r.no))
        .map((r) => this.model.windowView(r, this.currentTicket(r))),
      at: new Date(this.clock()).toISOString(),
    };
  }
}
