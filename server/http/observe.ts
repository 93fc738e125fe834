// Every HTTP request gets a request id (the caller's `X-Request-Id` when it is a plain token, else a new
// one), echoed in the answer's `X-Request-Id` header and carried by every log line written while it is
// handled (log.ts). When it finishes: one access line (method, route pattern, path without its query, status,
// time) and its time in the metrics. The query is never logged: it may hold a `?token=` or a signed URL.
import type { NextFunction, Request, Response } from 'express';
import { newRequestId, withRequestId, type Log } from '../log';
import type { HallMetrics } from '../health/metrics';

const CLIENT_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function observeRequests(log: Log, metrics: HallMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.get('x-request-id');
    const reqId = given && CLIENT_ID.test(given) ? given : newRequestId();
    res.setHeader('X-Request-Id', reqId);
    const t0 = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      // The route's pattern, never the raw path: no ticket ids in metric labels.
      const route = (req.route as { path?: string } | undefined)?.path;
      if (route) metrics.request(req.method, route, res.statusCode, seconds);
      withRequestId(reqId, () =>
        log('http request', undefined, {
          method: req.method,
          route: route ?? null,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(seconds * 1e4) / 10,
        }),
      );
    });
    withRequestId(reqId, next);
  };
}
