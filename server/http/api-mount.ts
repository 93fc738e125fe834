// The routes of the hall's app, mounted once every adapter they reach exists: the API table (routes.ts), its
// OpenAPI document and docs page, the voice audio, /metrics, the pages, and the uniform error answer.
import type { Express } from 'express';
import type { LiveSettings } from '../admin/live-settings';
import type { HallContext } from '../adapters/context';
import { HallError } from '../domain/errors';
import type { HallMetrics } from '../health/metrics';
import { langOf, servePages } from '../pages/serve-pages';
import { apiDocsPage } from '../pages/start-page';
import type { TicketPrinting } from '../printing/ticket-printing';
import type { HallTls } from '../tls/hall-tls';
import type { Upstream } from '../upstream/upstream';
import type { Voice } from '../voice/voice';
import type { DeviceHealth } from '../health/device-health';
import { errorMiddleware, makeRoute } from './handler';
import { openApiDocument } from './openapi';
import { HttpLimits } from './rate-limits';
import { apiRoutes, authorizer, type RouteDef } from './routes';
import type { HallAddresses } from './web-app';

export interface ApiParts {
  printing: TicketPrinting;
  upstream: Upstream;
  health: DeviceHealth;
  voice: Voice;
  metrics: HallMetrics;
  healthReport: () => Record<string, unknown>;
  addresses: HallAddresses;
  tls: HallTls | null;
  /** Live settings: the admin's routes. */
  settings?: LiveSettings;
}

export function mountApi(app: Express, ctx: HallContext, p: ApiParts): RouteDef[] {
  const { core, staff, config } = ctx;
  const routes = apiRoutes({
    core,
    staff,
    devices: () => p.health.list(),
    upstream: p.upstream,
    printing: p.printing,
    publicUrl: () => p.addresses.ticketUrl,
    limits: new HttpLimits(config.server.rateLimits, core.clock),
    health: p.healthReport,
    settings: p.settings,
  });
  const route = makeRoute(staff);
  for (const r of routes) app[r.method](r.path, route(r.body, authorizer(r.access, r.action), r.act));
  const doc = openApiDocument(routes, config.hall.name);
  // The voice route is plain Express (it answers audio, not JSON): listed here by hand.
  (doc.paths as Record<string, unknown>)['/api/voice/{file}'] = {
    get: {
      summary: 'A call’s announcement audio (audio/wav, 16-bit PCM): the `call` event’s audio.url',
      description: 'With the signed query (exp, sig) from the call event, or any staff or device token.',
      parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { '200': { description: 'audio/wav' }, '401': { description: 'expired or no token' } },
    },
  };
  app.get('/api/voice/:file', p.voice.route);
  app.get('/api/openapi.json', (_req, res) => void res.json(doc));
  app.get('/metrics', (_req, res, next) => {
    p.metrics.text().then((text) => void res.type(p.metrics.contentType).send(text), next);
  });
  app.get('/api/docs', (req, res) => void res.type('html').send(apiDocsPage(doc as never, langOf(req.query.lang))));
  app.use('/api', (_req, _res, next) => next(new HallError('NOT_FOUND', '没有这个接口')));
  const hallTls = p.tls;
  servePages(app, {
    config,
    demo: !!ctx.opts.demo,
    printing: p.printing,
    snapshot: () => core.query.snapshot(),
    demoTicket: () =>
      core.query.waitingToday().at(-1)?.id ?? core.query.snapshot().windows.find((w) => w.ticket)?.ticket?.id ?? null,
    tls: () =>
      hallTls && {
        publicUrl: p.addresses.publicUrl,
        ticketUrl: p.addresses.ticketUrl,
        fingerprint: hallTls.fingerprint,
        caPath: hallTls.ca ? '/hall-ca.pem' : null,
      },
    hallCa: hallTls?.ca ?? null,
  });
  app.use(errorMiddleware(ctx.log));
  return routes;
}
