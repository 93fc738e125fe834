// HTTP request bodies (DESIGN.md §6), validated at the edge. Server and browser apps both import these.
import { z } from 'zod';
import { LEVELS } from '../domain/evaluation';
import { PRIORITIES } from '../domain/types';

const text = (max: number) => z.string().trim().min(1).max(max);

export const loginBody = z.strictObject({
  clerkId: text(64),
  password: z.string().min(1).max(200),
  windowNo: z.number().int().positive().max(9999).optional(),
});

/** `everywhere`: end all of this clerk's sessions, not only this window's. */
export const logoutBody = z.strictObject({ everywhere: z.boolean().optional() });

/** Staff look up which open ticket an ID number holds (the kiosk only says that it holds one). */
export const idLookupBody = z.strictObject({ idNumber: z.string().min(1).max(32) });

export const clerkIdParam = text(64);

export const issueTicketBody = z
  .strictObject({
    serviceId: text(64).optional(),
    priority: z.enum(PRIORITIES).nullish(),
    idNumber: z.string().max(32).optional(),
    appointmentCode: text(64).optional(),
    channel: z.enum(['kiosk', 'counter', 'mobile', 'appointment', 'phone']).optional(),
    /** The language the visitor took the number in: the ticket's QR code opens the mobile page in it. */
    lang: z.enum(['zh', 'en']).optional(),
  })
  .refine((b) => b.serviceId !== undefined || b.appointmentCode !== undefined, {
    message: 'give serviceId, or appointmentCode to check in',
  });

export const reprintBody = z.strictObject({
  /** Staff choose the printer; a kiosk always prints on its own. */
  printerId: text(64).optional(),
});

/** `reason`: why the visitor has the right (the guide desk asks for it); kept in the audit trail. */
export const priorityBody = z.strictObject({ priority: z.enum(PRIORITIES).nullable(), reason: text(100).optional() });

/** A calendar day that exists (2026-02-30 does not). */
const realDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'no such day',
  );

export const dayQuery = realDay.optional();

export const emptyBody = z.strictObject({});

/**
 * 叫号 with a visitor still only called (never started): `previous` says how that visit ends, 已到 →
 * `finished`, 未到 → `no_show`. The console always asks; without it (a keypad, which has no start key, or
 * an older client) the visit ends as finished, as before. See docs/DESIGN.md §6.1.
 */
export const callNextBody = z.strictObject({ previous: z.enum(['finished', 'no_show']).optional() });

export const pauseBody = z.strictObject({ reason: text(100).optional() });

export const transferBody = z
  .strictObject({
    serviceId: text(64).optional(),
    windowNo: z.number().int().positive().max(9999).optional(),
    note: z.string().trim().max(200).optional(),
  })
  .refine((b) => (b.serviceId === undefined) !== (b.windowNo === undefined), {
    message: 'give exactly one of serviceId or windowNo',
  });

const ticketNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{1,2}\d{1,4}$/, 'a ticket number such as A012');

export const callNumberBody = z.strictObject({ number: ticketNumber });

export const callBackBody = z
  .strictObject({ ticketId: text(64).optional(), number: ticketNumber.optional() })
  .refine((b) => (b.ticketId === undefined) !== (b.number === undefined), {
    message: 'give exactly one of ticketId or number',
  });

export const appointmentsBody = z.strictObject({
  appointments: z
    .array(
      z.strictObject({
        code: text(64),
        serviceId: text(64),
        slotStart: z.iso.datetime({ offset: true }),
        slotEnd: z.iso.datetime({ offset: true }),
        nameMasked: z.string().max(20).nullish(),
      }),
    )
    .min(1)
    .max(5000),
});

/** A visitor's answer: the level by name, or the pad's score (1–5, 5 = 非常满意). */
/** The level a visitor tapped on the pad, kept before the answer is complete. */
export const evaluationChoiceBody = z.strictObject({ level: z.enum(LEVELS) });

export const evaluationBody = z
  .strictObject({
    level: z.enum(LEVELS).optional(),
    score: z.number().int().min(1).max(5).optional(),
    reasons: z.array(text(20)).max(20).default([]),
    comment: z.string().max(200).nullish(),
  })
  .refine((b) => (b.level === undefined) !== (b.score === undefined), {
    message: 'give exactly one of level or score',
  });

export const caseNoBody = z.strictObject({ caseNo: text(64) });

export const followUpBody = z.strictObject({ note: z.string().trim().max(500).default('') });
export const decideBody = z.strictObject({ upheld: z.boolean(), note: z.string().trim().max(500).default('') });

export const noticeBody = z.strictObject({
  text: z.string().trim().max(200),
  zone: text(20).nullish(),
});

export const skillsBody = z.strictObject({
  skills: z.record(z.string().min(1).max(64), z.number().int().min(1).max(9)).refine((s) => Object.keys(s).length > 0, {
    message: 'a window needs at least one skill',
  }),
  /** 潮汐窗口: the change ends by itself after this many minutes (the previous skills come back). */
  durationMin: z.number().int().min(1).max(720).optional(),
});

export const windowOpenBody = z.strictObject({ open: z.boolean() });

export const moveTicketBody = z
  .strictObject({ serviceId: z.string().min(1).max(64).optional(), windowNo: z.number().int().positive().optional() })
  .refine((b) => (b.serviceId === undefined) !== (b.windowNo === undefined), {
    message: 'give serviceId or windowNo (one of them)',
  });

export const alertIdParam = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const reportQuery = z.strictObject({
  from: dayQuery,
  to: dayQuery,
  by: z.enum(['service', 'window', 'clerk', 'hour', 'day']).default('service'),
  format: z.enum(['csv', 'xlsx']).optional(),
  lang: z.enum(['zh', 'en']).default('zh'),
});

export const windowNoParam = z
  .string()
  .regex(/^\d{1,4}$/, 'a window number')
  .transform(Number);

export const idempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces');

export type LoginBody = z.infer<typeof loginBody>;
export type IssueTicketBody = z.infer<typeof issueTicketBody>;
export type TransferBody = z.infer<typeof transferBody>;

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}
