// What the server sends: the shapes of tickets, windows and services in HTTP answers and socket events.
// Server and browser apps both import this module.
import type { ServiceState } from '../domain/availability';
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
  note: string | null;
  idMasked: string | null;
  servingAt: string | null;
  finishedAt: string | null;
}

export interface IssuedTicketView extends TicketView {
  waitingAhead: number;
  estimatedWaitMin: number;
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
}

export interface WindowView {
  no: number;
  name: string;
  kind: WindowKind;
  zone: string;
  state: WindowState;
  pauseReason: string | null;
  pausedAt: string | null;
  clerk: { id: string; name: string } | null;
  skills: Record<string, number>;
  ticket: TicketView | null;
}

export interface HallSnapshot {
  hall: { id: string; name: string; day: string; open: string; close: string };
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
