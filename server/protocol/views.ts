// What the server sends: the shapes of tickets, windows and services in HTTP answers and socket events.
// Server and browser apps both import this module.
import type { ServiceState } from '../domain/availability';
import type { Level } from '../domain/evaluation';
import type { FollowUpState } from '../domain/follow-up';
import type { Priority, TicketStatus, WindowKind, WindowState } from '../domain/types';

/** A ticket as public surfaces show it (board, LED, ticket page): no personal data, no ticket id. */
export interface PublicTicketView {
  number: string;
  serviceId: string;
  serviceName: string;
  status: TicketStatus;
  windowNo: number | null;
  priority: boolean;
  issuedAt: string;
  calledAt: string | null;
}

/** A ticket as staff and the ticket's own holder see it. */
export interface TicketView extends PublicTicketView {
  id: string;
  /** The hall day the ticket belongs to (YYYY-MM-DD). */
  day: string;
  priorityKind: Priority | null;
  channel: string;
  targetWindowNo: number | null;
  clerkId: string | null;
  recallCount: number;
  transferCount: number;
  /** The window the ticket was last transferred from (null when never transferred, or not known). */
  transferredFrom?: number | null;
  note: string | null;
  idMasked: string | null;
  servingAt: string | null;
  finishedAt: string | null;
}

/**
 * Why the visitor at a window was called (`GET /api/windows/:no/why`, issue 24): by the routing rule, with its
 * terms as recorded at the call (server/domain/routing.ts Score: urgency, level, targetRatio, priorityBoost,
 * shortMatter, levelPenalty, rescue, …; new terms may appear), or chosen by the clerk (特呼) or called back
 * (回呼).
 */
export interface CallReasonView {
  windowNo: number;
  number: string;
  serviceName: string;
  targetWaitMin: number;
  priority: boolean;
  calledAt: string;
  /** Minutes the ticket had waited when it was called. */
  waitedMin: number;
  how: 'routing' | 'special' | 'callBack';
  terms: Record<string, number | boolean>;
}

/**
 * The predicted wait (issue 25): the median minutes until the ticket is called and an 80% range, predicted
 * by running the hall's routing forward; `servedNow` false when no open window takes the matter now (show
 * 当前暂无窗口办理, not minutes). The whole figure is null when the hall is closed (show no minutes at all).
 */
export interface EstimatedWait {
  minutes: number;
  low: number;
  high: number;
  servedNow: boolean;
  /** The median call falls after today's closing time: say it may not be served today (issue 25, optional). */
  afterClose?: boolean;
}

/** One ticket's public status (`GET /api/tickets/:id`, socket /ticket): no personal data. */
export interface TicketStatusView extends PublicTicketView {
  /**
   * 前方还有N人: tickets waiting now predicted to be called before this one at a window that could call it,
   * of any matter (a priority visitor who came later included).
   */
  waitingAhead: number;
  /** The median of `estimatedWait` (0 when there is none), kept for older clients. */
  estimatedWaitMin: number;
  estimatedWait: EstimatedWait | null;
  /** False when no open window takes the matter now: show 当前暂无窗口办理, not the minutes. */
  servedNow: boolean;
  windowName: string | null;
}

export interface IssuedTicketView extends TicketView {
  waitingAhead: number;
  estimatedWaitMin: number;
  estimatedWait: EstimatedWait | null;
  /** False when no open window takes the matter now: show 当前暂无窗口办理, not the minutes. */
  servedNow: boolean;
  statusUrl: string;
  /** Set when the ticket came from an appointment check-in. */
  appointment: { code: string; slotStart: string; slotEnd: string } | null;
}

export interface ServiceView {
  id: string;
  name: string;
  prefix: string;
  field: string | null;
  targetWaitMin: number;
  dailyCap: number;
  issuedToday: number;
  /** Whether the kiosk issues numbers now: open, full (daily cap reached) or closed (hours, day closed). */
  state: ServiceState;
  stateReason: string | null;
  waiting: number;
  longestWaitMin: number;
  estimatedWaitMin: number;
  /** What a ticket taken now would wait (refreshed a moment after each change); null when closed. */
  estimatedWait: EstimatedWait | null;
  /** False when no open window takes the service now (nobody logged in, closed or paused). */
  servedNow: boolean;
}

export interface WindowView {
  no: number;
  name: string;
  kind: WindowKind;
  zone: string;
  state: WindowState;
  /** False when a supervisor closed the window (it takes no calls even with a clerk logged in). */
  open: boolean;
  /** A time-limited skill change (潮汐窗口) ends then; null when the skills are not time-limited. */
  skillsUntil: string | null;
  pauseReason: string | null;
  pausedAt: string | null;
  clerk: { id: string; name: string } | null;
  skills: Record<string, number>;
  ticket: TicketView | null;
}

export interface HallSnapshot {
  /** `timezone`: the hall's IANA zone; screens show the hall's time whatever their own clock's zone. */
  hall: { id: string; name: string; day: string; open: string; close: string; timezone?: string };
  services: ServiceView[];
  windows: WindowView[];
  at: string;
}

/** The `call` event of DESIGN.md §6. */
export interface CallView {
  ticket: PublicTicketView;
  windowNo: number;
  windowName: string;
  recall: boolean;
  at: string;
  /** The text shown, e.g. 请A012号到3号窗口办理. */
  announcement: string;
  /** The text spoken, ticket read one by one: 请A零一二号到3号窗口办理. */
  spoken: string;
  /** The announcement as audio made by the server (DESIGN.md §6 Voice), or null when it has none. */
  audio: CallAudio | null;
}

/** A WAV on the hall server (a signed, short-lived path) and how long it plays. */
export interface CallAudio {
  url: string;
  durationMs: number;
}

export function toPublic(t: TicketView): PublicTicketView {
  return {
    number: t.number,
    serviceId: t.serviceId,
    serviceName: t.serviceName,
    status: t.status,
    windowNo: t.windowNo,
    priority: t.priority,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
  };
}

/** One visit's evaluation (好差评). `level` by name; both outside codes beside it. */
export interface EvaluationView {
  id: string;
  ticketId: string;
  ticketNumber: string;
  day: string;
  windowNo: number;
  clerkId: string | null;
  clerkName: string | null;
  serviceId: string;
  serviceName: string;
  caseNo: string | null;
  /** pending (the pad is asking), rated, or unrated (未评价: no answer in time). */
  status: 'pending' | 'rated' | 'unrated';
  level: Level | null;
  levelText: string | null;
  /** GB/T 39046 code (1 = 非常满意) and provincial code (1 = 非常不满意). */
  gbtCode: number | null;
  provincialCode: number | null;
  reasons: string[];
  comment: string | null;
  channel: string | null;
  promptedAt: string;
  expiresAt: string;
  answeredAt: string | null;
  /** An appeal (申诉复核) upheld: the rating no longer counts. */
  voided: boolean;
}

/** What an evaluation pad shows (DESIGN.md §6 `pad/{windowNo}/prompt`). */
export interface PadPrompt {
  state: 'idle' | 'serving' | 'evaluate';
  ticket: string | null;
  clerk: { id: string; name: string; photoUrl: string | null } | null;
  service: string | null;
  evaluationId: string | null;
  expiresAt: string | null;
}

export interface FollowUpView {
  id: number;
  state: FollowUpState;
  stateText: string;
  /** The last working day to finish it (YYYY-MM-DD). */
  deadline: string;
  overdue: boolean;
  openedAt: string;
  updatedAt: string;
  evaluation: EvaluationView;
  history: { at: string; actor: string; type: string; note: string | null }[];
}
