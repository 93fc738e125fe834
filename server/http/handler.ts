// Every HTTP handler has the same shape: authenticate → validate → act → JSON, or the uniform error
// `{ error: { code, message } }` (DESIGN.md §6).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { Principal, StaffAccess } from '../core/staff';
import { HallError, isHallError } from '../domain/errors';
import { formatIssues } from '../config/load';

/** What a route's action gets: the caller as its access check admitted it, and the validated body. */
export interface Ctx<P, B> {
  principal: P;
  body: B;
  req: Request;
}

export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export const created = (body: unknown) => new Reply(201, body);

/** A file or page instead of JSON (report exports, the printable report). */
export class FileReply {
  constructor(
    readonly type: string,
    readonly body: string | Buffer,
    /** Set for a download: the browser saves it under this name. */
    readonly filename: string | null = null,
  ) {}
}

export function bearer(req: Request): string | null {
  const h = req.get('authorization');
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null;
  return m ? m[1]! : null;
}

export function validate<S extends z.ZodType>(schema: S, value: unknown, where = 'body'): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const problems = formatIssues(r.error.issues);
    throw new HallError('VALIDATION', `请求内容有误：${problems.join('；')}`, { where, problems });
  }
  return r.data;
}

export type Handler<P, B> = (ctx: Ctx<P, B>) => unknown;

/**
 * Builds a handler. `authorize` runs before the body is looked at, so a caller without the right
 * token or role learns nothing about the body's shape.
 */
export function makeRoute(staff: StaffAccess) {
  return function route<S extends z.ZodType, P>(
    body: S | null,
    authorize: (p: Principal | null, req: Request) => P,
    act: Handler<P, z.output<S>>,
  ): RequestHandler {
    return async (req: Request, res: Response, next: NextFunction) => {
      try {
        const principal = authorize(staff.authenticate(bearer(req)), req);
        const parsed = body ? validate(body, req.body ?? {}) : (undefined as z.output<S>);
        const out = await act({ principal, body: parsed, req });
        if (out instanceof Reply) res.status(out.status).json(out.body);
        else if (out instanceof FileReply) {
          if (out.filename) res.attachment(out.filename); // RFC 5987 filename* keeps a Chinese name intact
          res.type(out.type).send(out.body);
        } else res.json(out);
      } catch (e) {
        next(e);
      }
    };
  };
}

export function sendError(res: Response, e: HallError): void {
  const retry = (e.details as { retryAfterSec?: number } | undefined)?.retryAfterSec;
  if (e.code === 'TOO_MANY_REQUESTS' && retry) res.set('Retry-After', String(retry));
  res.status(e.status).json({
    error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) },
  });
}

/** The last middleware: every failure becomes the uniform error body; unexpected ones are logged. */
export function errorMiddleware(log: (msg: string, e: unknown) => void) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    if (isHallError(err)) return sendError(res, err);
    const e = err as { type?: string; status?: number };
    if (e?.type === 'entity.parse.failed')
      return sendError(res, new HallError('VALIDATION', '请求内容不是有效的 JSON'));
    if (e?.type === 'entity.too.large') return sendError(res, new HallError('PAYLOAD_TOO_LARGE', '请求内容过大'));
    if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
      return sendError(res, new HallError('VALIDATION', '请求内容的编码不受支持，请使用 UTF-8'));
    }
    if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
      return sendError(res, new HallError('VALIDATION', '请求无效'));
    }
    log('unexpected error', err);
    sendError(res, new HallError('INTERNAL', '服务器内部错误，请稍后重试'));
  };
}
