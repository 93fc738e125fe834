// socket.io events (DESIGN.md §6): every client gets a full `state` on (re)connect, then deltas.
// Server and browser apps both import these types.
import type { PrinterState } from './printer-state';
import type { AlertKind } from '../domain/alert-rules';
import type { Priority } from '../domain/types';
import type { EvaluationView, FollowUpView, PadPrompt } from './views';
import type {
  CallView,
  HallSnapshot,
  PublicTicketView,
  ServiceView,
  TicketStatusView,
  TicketView,
  WindowView,
} from './views';

export const NAMESPACES = ['/board', '/window', '/supervisor', '/pad', '/ticket', '/kiosk', '/screen'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** A window as public screens show it. */
export interface PublicWindowView {
  no: number;
  name: string;
  zone: string;
  state: WindowView['state'];
  pauseReason: string | null;
  clerk: { id: string; name: string } | null;
  ticket: PublicTicketView | null;
}

export interface HallInfo {
  id: string;
  name: string;
  day: string;
  open: string;
  close: string;
  /** The hall's time zone (IANA): screens show the hall's time, whatever the device's own zone. */
  timezone?: string;
}

export interface BoardState {
  hall: HallInfo;
  zone: string | null;
  windows: PublicWindowView[];
  services: ServiceView[];
  recentCalls: CallView[];
  notice: string;
  /** How many times each announcement is spoken. */
  repeat: number;
  /** Seconds a call stays large when no other call follows. */
  bigCallSec?: number;
  /**
   * The hall server's clock when this state was sent (ISO): calls missed while offline are judged recent
   * against it, since a TV box's own clock is often wrong on a LAN without time service.
   */
  serverTime?: string;
}

export interface WindowConsoleState {
  hall: HallInfo;
  window: WindowView;
  /** Every service's queue; the console shows those in the window's (live) skills. */
  services: ServiceView[];
  held: TicketView[];
  /** Every service and window, for transfers. */
  directory: { services: { id: string; name: string; prefix: string }[]; windows: { no: number; name: string }[] };
  pauseReasons: string[];
}

/** A clerk's own figures today at the window (satisfaction arrives with the evaluation feature). */
export interface TodayFigures {
  served: number;
  noShows: number;
  transfers: number;
  avgServiceMin: number | null;
  satisfaction: number | null;
}

export interface PadState {
  hall: HallInfo;
  window: PublicWindowView;
  prompt: PadPrompt;
  /** The reasons a visitor picks from for 不满意 / 非常不满意. */
  reasons: string[];
}

/** A window screen's (窗口屏) full state: its window, the clerk on duty, the call now showing. */
export interface WindowScreenState {
  hall: HallInfo;
  window: PublicWindowView;
  /** The clerk on duty: 工号 (id), name, photo, today's satisfaction rate (0…1) from rated visits. */
  clerk: { id: string; name: string; photoUrl: string | null; satisfaction: number | null; rated: number } | null;
  /** The call of the ticket at the window now, if it was called since the server started. */
  lastCall: CallView | null;
}

export interface TicketPageState {
  hall: HallInfo;
  ticket: TicketStatusView;
}

/** A ticket printer as the kiosk and supervisors see it. */
export interface PrinterView {
  id: string;
  kiosk: string;
  state: PrinterState;
  /** What the kiosk shows, e.g. 打印机缺纸. */
  message: string;
  /** Last answer from the printer (ISO), null if it never answered. */
  lastSeen: string | null;
  virtual: boolean;
}

/** Raised to supervisors: the dashboard lists and sounds it until acknowledged. */
export interface AlertView {
  id: number;
  kind: AlertKind;
  /** What it is about: a ticket id, service id, window number, device id, follow-up id. */
  subject: string;
  /** The subject's state when raised (e.g. a printer's paper_out), or null. */
  state: string | null;
  message: string;
  /** What the supervisor could do, e.g. 恢复 3号窗口. */
  suggestion: string | null;
  at: string;
  /** Set when the condition cleared (the ticket was called, the printer has paper again…). */
  resolvedAt: string | null;
  ackedAt: string | null;
  ackedBy: string | null;
}

/** What a board's sound is doing (DESIGN.md §6 Voice): ready or speaking, or mute and why. */
export const VOICE_STATES = ['ready', 'speaking', 'blocked', 'no-audio', 'failed'] as const;
export type VoiceState = (typeof VOICE_STATES)[number];
/** The states in which a board's calls are not heard. */
export const MUTE_STATES: readonly VoiceState[] = ['blocked', 'no-audio', 'failed'];

/** What a board reports over its socket (`voice` event) whenever its sound changes. */
export interface VoiceReport {
  state: VoiceState;
  /** Why, when mute (e.g. the browser's error). */
  detail?: string;
}

/** A device as the dashboard's health panel shows it. */
export interface DeviceHealthView {
  id: string;
  kind: string;
  window: number | null;
  zone: string | null;
  state: 'online' | 'offline' | 'unknown';
  /** When the state last changed, or when it was last heard from. */
  since: string | null;
  /** How it talks to the server: socket.io page, MQTT, or the printer's TCP status. */
  via: 'socket' | 'mqtt' | 'tcp';
  /** A printer's condition text (缺纸…), else null. */
  detail: string | null;
  /** A printer's state (ok, paper_out…), else null. */
  printer: PrinterState | null;
  /** A board's sound as it last reported it, with when that began; null for other devices or before a report. */
  voice?: { state: VoiceState; since: string; detail: string | null } | null;
}

/** The upstream outbox's backlog as supervisors see it (DESIGN.md §6 Upstream). */
export interface UpstreamStatus {
  configured: boolean;
  url: string | null;
  pending: number;
  oldestAt: string | null;
  lastSentAt: string | null;
  /** Set while a batch the platform refused waits for a supervisor (`POST /api/upstream/retry`). */
  parked: { error: string } | null;
  lastError: string | null;
}

/** The dashboard's full state on (re)connect; deltas follow. */
export interface SupervisorState extends HallSnapshot {
  alerts: AlertView[];
  devices: DeviceHealthView[];
  /** Served today per window number. */
  servedToday: Record<string, number>;
  zones: string[];
  notice: string;
  /** The upstream outbox's backlog (DESIGN.md §6 Upstream). */
  upstream: UpstreamStatus;
}

export interface KioskState {
  hall: HallInfo;
  services: ServiceView[];
  /** This kiosk's printer, null when it has none. */
  printer: PrinterView | null;
  priorities: readonly Priority[];
  /** hall.timezone: appointment times are the hall's clock, not the kiosk's. */
  timezone: string;
}

/**
 * Sent to a staff socket just before the server closes it because its session ended (logout, sign-out,
 * revocation, a password change, expiry, the window taken over): the page goes back to its login.
 */
export interface SessionEndedEvent {
  code: 'SESSION_ENDED';
  reason: 'logout' | 'moved' | 'signed_out' | 'revoked' | 'password' | 'expired';
  message: string;
}

/** Sent before the server drops a socket whose connection it could not set up. */
export interface SocketErrorEvent {
  code: string;
  message: string;
}

/** Events every namespace may get. */
interface EveryNamespace {
  error: SocketErrorEvent;
}

/** What the server sends, per namespace: event name → payload. */
export interface ServerToClient {
  '/board': EveryNamespace & {
    state: BoardState;
    call: CallView;
    window: PublicWindowView;
    queues: ServiceView[];
    notice: string;
  };
  '/window': EveryNamespace & {
    state: WindowConsoleState;
    call: CallView;
    window: WindowView;
    queues: ServiceView[];
    held: TicketView[];
    'session.ended': SessionEndedEvent;
  };
  '/supervisor': EveryNamespace & {
    state: SupervisorState;
    call: CallView;
    window: WindowView;
    queues: ServiceView[];
    ticket: TicketView;
    printer: PrinterView;
    alert: AlertView;
    evaluation: EvaluationView;
    followUp: FollowUpView;
    device: DeviceHealthView;
    served: { windowNo: number; count: number };
    notice: string;
    upstream: UpstreamStatus;
    'session.ended': SessionEndedEvent;
  };
  '/pad': EveryNamespace & { state: PadState; call: CallView; window: PublicWindowView; prompt: PadPrompt };
  '/ticket': EveryNamespace & { state: TicketPageState; ticket: TicketPageState['ticket'] };
  '/kiosk': EveryNamespace & { state: KioskState; queues: ServiceView[]; printer: PrinterView };
  '/screen': EveryNamespace & { state: WindowScreenState; call: CallView };
}

/** What clients send, per namespace: boards and window screens report their sound. Commands go over HTTP. */
export interface ClientToServer {
  '/board': { voice: VoiceReport };
  '/window': Record<never, never>;
  '/supervisor': Record<never, never>;
  '/pad': Record<never, never>;
  '/ticket': Record<never, never>;
  '/kiosk': Record<never, never>;
  '/screen': { voice: VoiceReport };
}

/** socket.io's event-map form (one listener signature per event), for `Server<…>` and `Socket<…>`. */
export type Listeners<T> = { [K in keyof T]: (payload: T[K]) => void };

/** A namespace's events as socket.io types them: the server emits these and a client listens to them. */
export type ServerEvents<N extends Namespace> = Listeners<ServerToClient[N]>;
/** A namespace's events from the client: the server listens to these and a client emits them. */
export type ClientEvents<N extends Namespace> = Listeners<ClientToServer[N]>;

/** Every namespace's events in one map (an event's payload is any namespace's): the type of the whole `Server`. */
type Merged<T> = { [K in T extends unknown ? keyof T : never]: T extends Record<K, infer V> ? V : never };
export type AnyServerEvents = Listeners<Merged<ServerToClient[Namespace]>>;
export type AnyClientEvents = Listeners<Merged<ClientToServer[Namespace]>>;

/** What the handshake carries: `auth: { token }` (or `{ ticketId }` on /ticket). */
export interface HandshakeAuth {
  token?: string;
  ticketId?: string;
  /** Staff watching a board or a pad choose the zone or window; devices get theirs from the config. */
  zone?: string;
  windowNo?: number;
}
