// The hall core's private state: the stores over the one SQLite database, the hall's plan, the clock and the
// bus. Only the core's own modules (commands, queries, the runner in hall-core.ts) hold it: HallCore keeps it
// in a private field and never hands it out, so an adapter cannot reach a store (test/unit/core-boundary).
// `Ctx` is what a command runs with: the state, and its transaction's collector, time, day and actor.
import { hallStatus, hoursOn, type HallStatus } from '../domain/calendar';
import { hallDay, minuteOfDay } from '../domain/numbering';
import type { Ticket } from '../domain/types';
import type { CallAudio, WindowView } from '../protocol/views';
import { AlertStore } from '../store/alerts';
import { AppointmentStore } from '../store/appointments';
import { ConfigStore } from '../store/config-versions';
import type { Db } from '../store/db';
import { EvaluationStore } from '../store/evaluations';
import { EventLog } from '../store/event-log';
import { HighWater } from '../store/high-water';
import { IdempotencyStore } from '../store/idempotency';
import { MiscStore } from '../store/misc';
import { OutboxStore } from '../store/outbox';
import { PhotoStore } from '../store/photos';
import { ReportStore } from '../store/reports';
import { SessionStore } from '../store/sessions';
import { TicketStore } from '../store/tickets';
import { WaitPromiseStore } from '../store/wait-promises';
import { WindowStore, type WindowRow } from '../store/windows';
import type { EventBus } from './events';
import { HallModel } from './hall-model';
import type { Tx } from './tx';

export type Clock = () => number;

/** Who asked: "clerk:1001", "device:kiosk-1", "system". Recorded in the event log. */
export type Actor = string;

/** A call's audio, answered at once by the voice adapter (it runs inside the call's transaction). */
export type CallAudioSource = (c: { ticket: string; windowNo: number; windowName: string }) => CallAudio | null;

const ACTIVE = new Set(['called', 'serving']);

export class CoreState {
  /** The hall's plan: replaced as a whole by a live settings change (config-commands.ts), never edited. */
  model: HallModel;
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
  /** The upstream adapter's queue: written inside commands (the log tap), sent by the adapter (ports.ts). */
  readonly outbox: OutboxStore;
  /** Numbers and upstream ids already seen outside, kept beside the database (survives a restore). */
  readonly highWater: HighWater;
  /** The configuration's saved versions (live settings). */
  readonly configs: ConfigStore;
  /** Clerks' photos, by their content's hash (the configuration holds only their address). */
  readonly photos: PhotoStore;
  /** The wait each ticket was promised at its issue (issue 25: how right the printed figures are). */
  readonly promises: WaitPromiseStore;
  callAudio: CallAudioSource | null = null;

  constructor(
    readonly db: Db,
    config: HallModel['config'],
    readonly clock: Clock,
    readonly bus: EventBus,
    readonly idSecret: Buffer,
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
    this.outbox = new OutboxStore(db);
    this.highWater = new HighWater(db);
    this.configs = new ConfigStore(db);
    this.photos = new PhotoStore(db);
    this.promises = new WaitPromiseStore(db);
    this.windows.ensure([...this.model.windows.keys()]);
  }

  get config() {
    return this.model.config;
  }

  today(): string {
    return hallDay(this.clock(), this.config.hall.timezone);
  }

  /** The ticket being called or served at a window, if any. */
  currentTicket(row: WindowRow): Ticket | null {
    const t = row.currentTicket ? this.tickets.get(row.currentTicket) : null;
    return t && ACTIVE.has(t.status) ? t : null;
  }

  windowView(no: number): WindowView {
    const row = this.windows.get(no)!;
    return this.model.windowView(row, this.currentTicket(row));
  }

  /** Whether the kiosk issues numbers now: the calendar's day and hours, and whether the day was closed. */
  openStatus(now = this.clock(), day = hallDay(now, this.config.hall.timezone)): HallStatus {
    const { hall } = this.config;
    if (!hall.autoClose) return { state: 'open', hours: hoursOn(hall, day), reason: null };
    const s = hallStatus(hall, day, minuteOfDay(now, hall.timezone));
    if (s.state !== 'open' || !this.misc.isDayClosed(day)) return s;
    return { ...s, state: 'after-close', reason: '今日已停止取号' };
  }
}

/** What a command runs with, inside the core's one transaction. */
export interface Ctx {
  readonly state: CoreState;
  readonly tx: Tx;
  readonly now: number;
  readonly day: string;
  readonly actor: Actor;
}
