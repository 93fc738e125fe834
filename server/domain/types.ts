// Domain vocabulary (DESIGN.md §2). Pure data: no I/O, no clock.

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'held',
  'finished',
  'no_show',
  'cancelled',
  'expired',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITIES = ['elderly', 'disabled', 'military', 'pregnant', 'green'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const WINDOW_KINDS = ['comprehensive', 'domain', 'dedicated', 'assisted'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const WINDOW_STATES = ['idle', 'calling', 'serving', 'paused', 'closed'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

export interface Service {
  id: string;
  name: string;
  prefix: string;
  targetWaitMin: number;
  dailyCap: number;
  /** Typical service time, for the visitor's estimated wait. */
  avgServiceMin: number;
}

export interface HallWindow {
  no: number;
  name: string;
  kind: WindowKind;
  zone: string;
  /** serviceId → skill level (1 = own services, 2+ = helps with). */
  skills: Record<string, number>;
}

export interface Ticket {
  id: string;
  day: string;
  number: string;
  seq: number;
  serviceId: string;
  status: TicketStatus;
  priority: Priority | null;
  channel: string;
  /** When the visitor took the number (ms since epoch); kept across transfers. */
  issuedAt: number;
  /** When the wait counts from: issuedAt, or an appointment's slot start if checked in early. */
  waitFrom: number;
  /** Set while a transfer or a hold reserves the ticket for one window. */
  targetWindowNo: number | null;
  windowNo: number | null;
  clerkId: string | null;
  calledAt: number | null;
  servingAt: number | null;
  finishedAt: number | null;
  recallCount: number;
  transferCount: number;
  /** The window of the last transfer (absent on tickets never transferred, and before migration 11). */
  transferredFrom?: number | null;
  note: string | null;
  idMasked: string | null;
  appointmentCode: string | null;
}
