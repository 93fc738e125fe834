// Every refused operation is a HallError with a stable code and a message a clerk or visitor understands.

export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_SERVICE: 404,
  UNKNOWN_WINDOW: 404,
  TICKET_NOT_FOUND: 404,
  ILLEGAL_TRANSITION: 409,
  NO_CURRENT_TICKET: 409,
  WINDOW_BUSY: 409,
  WINDOW_PAUSED: 409,
  WINDOW_NOT_PAUSED: 409,
  WINDOW_TAKEN: 409,
  NOT_SIGNED_IN: 409,
  WINDOW_CLOSED: 409,
  HALL_CLOSED: 409,
  ALREADY_HOLDING: 409,
  APPOINTMENT_USED: 409,
  APPOINTMENT_TOO_EARLY: 409,
  APPOINTMENT_TOO_LATE: 409,
  SERVICE_CLOSED: 409,
  PRINTER_UNAVAILABLE: 409,
  REASON_REQUIRED: 400,
  EVALUATION_DONE: 409,
  EVALUATION_EXPIRED: 409,
  NOT_AT_WINDOW: 409,
  RECALL_LIMIT: 409,
  DAILY_CAP_REACHED: 409,
  SAME_TARGET: 409,
  VERSION_CONFLICT: 409,
  CONFIG_LOSES_TICKETS: 409,
  RANGE_TOO_LONG: 400,
  IDEMPOTENCY_KEY_REUSED: 422,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
  STORAGE_FULL: 507,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class HallError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'HallError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const isHallError = (e: unknown): e is HallError => e instanceof HallError;
