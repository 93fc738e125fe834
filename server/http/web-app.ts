// The hall's Express app and its web ports, before any route: security headers, JSON bodies only, a request
// id, an access line and the request's time in the metrics for every request (observe.ts). socket.io
// attaches to `web.main`; the routes are mounted once every adapter they reach exists (api-mount.ts).
import express, { type Express } from 'express';
import type { HallContext } from '../adapters/context';
import { HallError } from '../domain/errors';
import type { HallMetrics } from '../health/metrics';
import { webListeners, type WebListeners } from '../tls/web-listeners';
import { observeRequests } from './observe';
import { securityHeaders } from './security-headers';

/** Where ticket QR codes and the start page point; known once the ports are open (tls/addresses.ts). */
export interface HallAddresses {
  publicUrl: string;
  ticketUrl: string;
}

export function createWebApp(
  ctx: HallContext,
  metrics: HallMetrics,
  addresses: HallAddresses,
): { app: Express; web: WebListeners } {
  const app = express();
  app.disable('x-powered-by');
  app.use(observeRequests(ctx.log, metrics));
  app.use(securityHeaders);
  app.set('trust proxy', false);
  // A clerk's photo comes as base64 in JSON (admin/photo-routes.ts: at most 1 MB once decoded).
  app.use('/api/admin/clerks', express.json({ limit: '1500kb', strict: true }));
  app.use(express.json({ limit: '256kb', strict: true }));
  // A body that is not JSON is refused rather than read as empty (a text/plain body would otherwise pass as {}).
  app.use('/api', (req, _res, next) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json'))
      return next(new HallError('VALIDATION', '请求内容须为 JSON（Content-Type: application/json）'));
    next();
  });
  const web = webListeners(app, ctx.tls, {
    hsts: ctx.config.server.tls?.ticketPage === 'https',
    fallbackOrigin: () => new URL(addresses.publicUrl).origin,
  });
  return { app, web };
}
