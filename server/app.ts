// One hall server: store → core → adapters (HTTP, realtime, MQTT, day cycle), each with start()/stop().
import express from 'express';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { HallConfig } from './config/schema';
import { EventBus } from './core/events';
import { HallCore, type Clock } from './core/hall-core';
import { StaffAccess } from './core/staff';
import { DayCycle } from './core/day-cycle';
import { errorMiddleware, makeRoute } from './http/handler';
import { openApiDocument } from './http/openapi';
import { apiRoutes, authorizer, type RouteDef } from './http/routes';
import { HallError } from './domain/errors';
import { DeviceAvailability } from './mqtt/availability';
import { MqttBridge } from './mqtt/bridge';
import { MqttDisplays } from './mqtt/displays';
import { MqttKeypads } from './mqtt/keypads';
import { MqttPads } from './mqtt/pads';
import { AppointmentSweep } from './core/appointment-sweep';
import { EvaluationSweep } from './core/evaluation-sweep';
import { SessionSweep } from './core/session-sweep';
import { HallWatch } from './core/hall-watch';
import { DeviceHealth } from './health/device-health';
import { HallMetrics } from './health/metrics';
import { NightlyBackup } from './backup/backup';
import { HttpLimits } from './http/rate-limits';
import { securityHeaders } from './http/security-headers';
import { warmUpXlsx } from './reports/xlsx';
import { Upstream } from './upstream/upstream';
import { supervisorState } from './realtime/supervisor-state';
import { TicketPrinting } from './printing/ticket-printing';
import { apiDocsPage } from './pages/start-page';
import { langOf, servePages } from './pages/serve-pages';
import { Realtime } from './realtime/realtime';
import { openDatabase, type Db } from './store/db';
import { configSecrets, hallLogger, logTo, type Log } from './log';
import { hallAddresses } from './tls/addresses';
import { loadHallTls } from './tls/hall-tls';
import { secureSocketsOnly } from './tls/plain-http';
import { webListeners } from './tls/web-listeners';
import { Voice } from './voice/voice';
import type { SpeechEngine } from './voice/engine';

export interface HallServerOptions {
  config: HallConfig;
  dataDir: string;
  /** Overrides config.server.port (0 = any free port). */
  port?: number;
  /** Overrides config.server.tls.port when TLS is on (0 = any free port). */
  tlsPort?: number;
  host?: string;
  clock?: Clock;
  /** Overrides the config's MQTT settings (tests pass { disabled: true } or a free port). */
  mqtt?: HallConfig['mqtt'];
  /** Replaces the JSON-lines log (server/log.ts), e.g. to collect messages in a test. */
  log?: Log;
  /** Where the JSON-lines log goes when no `log` is given (default stdout, errors to stderr). */
  logDestination?: { write(line: string): unknown };
  /** The built-in demo hall: the start page links screens with their demo device tokens. */
  demo?: boolean;
  /** How often printers' status is read between tickets (tests shorten it). */
  printerPollMs?: number;
  /** Bound on one conversation with a printer (default 3 s). */
  printerTimeoutMs?: number;
  /** How often timed-out evaluations and overdue follow-ups are looked for. */
  sweepMs?: number;
  /** How often appointments past their slot and the late limit are recorded as no-shows (default 60 s). */
  appointmentSweepMs?: number;
  /** How often expired sessions are ended (their windows freed) and old idempotency keys pruned. */
  sessionSweepMs?: number;
  /** How often alert conditions and time-limited skill changes are checked. */
  watchMs?: number;
  /** The upstream sender's HTTP client (tests inject faults); default fetch. */
  upstreamPost?: typeof fetch;
  /** How often finished hours are looked for to report stats.hourly. */
  upstreamStatsMs?: number;
  /** Replaces the voice's speech engine (tests); null: none. */
  speechEngine?: SpeechEngine | null;
  /** Where a relative voice.pack path is looked for (the config file's folder). */
  configDir?: string;
}

export interface HallServer {
  core: HallCore;
  staff: StaffAccess;
  db: Db;
  /** The plain HTTP address (with TLS on it serves only the ticket page and redirects). */
  url: string;
  port: number;
  /** With TLS on: the HTTPS address, and the certificate a device pins (the hall CA when self-signed). */
  tls: { url: string; port: number; publicUrl: string; ca: string | null; fingerprint: string } | null;
  mqtt: MqttBridge;
  printing: TicketPrinting;
  voice: Voice;
  routes: RouteDef[];
  log: Log;
  stop(): Promise<void>;
}

/** The key for visitor ID hashes: made on first start, kept with the data, never leaves the hall. */
function loadSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

/** Free space where the database lives, for /api/health (null where the platform cannot tell). */
function freeMb(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Math.floor((s.bavail * s.bsize) / 2 ** 20);
  } catch {
    return null;
  }
}

/** The embedded broker listens where the HTTP server does unless the config says where (the device LAN). */
function withBrokerHost(config: HallConfig, httpHost: string | undefined): HallConfig {
  const m = config.mqtt;
  if (!('embedded' in m) || m.embedded.host) return config;
  return { ...config, mqtt: { ...m, embedded: { ...m.embedded, host: httpHost ?? config.server.host } } };
}

export async function startHallServer(opts: HallServerOptions): Promise<HallServer> {
  const config = withBrokerHost(opts.mqtt ? { ...opts.config, mqtt: opts.mqtt } : opts.config, opts.host);
  // The core does not exist yet: the log reads the secrets to scrub through it once it does.
  let current = (): HallConfig => config;
  const log =
    opts.log ?? logTo(hallLogger({ destination: opts.logDestination, secrets: configSecrets(() => current()) }));
  // Before the database opens: a bad certificate stops the start with nothing to undo.
  const hallTls = await loadHallTls(config, opts.dataDir, log);
  const db = openDatabase(opts.dataDir);
  const bus = new EventBus((m, e) => log(m, e));
  const secret = loadSecret(opts.dataDir);
  const core = new HallCore(db, config, opts.clock ?? Date.now, bus, secret);
  current = () => core.config;
  const staff = new StaffAccess(core);
  const voice = new Voice(core, staff, opts.dataDir, secret, log, {
    baseDir: opts.configDir,
    engine: opts.speechEngine,
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);
  app.set('trust proxy', false);
  app.use(express.json({ limit: '256kb', strict: true }));
  // A body that is not JSON is refused rather than read as empty (a text/plain body would otherwise pass as {}).
  app.use('/api', (req, _res, next) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (hasBody && !req.is('application/json'))
      return next(new HallError('VALIDATION', '请求内容须为 JSON（Content-Type: application/json）'));
    next();
  });
  // Request time per API route pattern (never the raw path: no ticket ids in metric labels).
  app.use((req, res, next) => {
    const t0 = process.hrtime.bigint();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      if (route) metrics.request(req.method, route, res.statusCode, Number(process.hrtime.bigint() - t0) / 1e9);
    });
    next();
  });
  let publicUrl = config.server.publicUrl ?? '';
  // Where ticket QR codes point: publicUrl, or its plain HTTP twin when TLS is on (tls/addresses.ts).
  let ticketUrl = publicUrl;
  const web = webListeners(app, hallTls, {
    hsts: config.server.tls?.ticketPage === 'https',
    fallbackOrigin: () => new URL(publicUrl).origin,
  });
  const httpServer = web.main;
  const printing = new TicketPrinting(core, log, {
    statusUrl: (id) => `${ticketUrl}/t/${id}`,
    pollMs: opts.printerPollMs,
    timeoutMs: opts.printerTimeoutMs,
  });
  const mqtt = new MqttBridge(core, staff, config.mqtt, log, hallTls);
  const upstream = new Upstream(core, log, {
    post: opts.upstreamPost,
    statsEveryMs: opts.upstreamStatsMs,
    onChange: () => watch.tick(),
  });
  const devices = new DeviceAvailability(core, mqtt, log);
  const health = new DeviceHealth(
    core,
    () => printing.list(),
    () => devices.list(),
  );
  const realtime = new Realtime(httpServer, core, staff, {
    printerOfKiosk: (id) => printing.forKiosk(id),
    presence: (id, connected) => health.socket(id, connected),
    supervisorState: () => supervisorState(core, health.list(), upstream.status()),
    upstreamStatus: () => upstream.status(),
    voice: (id, report) => health.voice(id, report),
  });
  if (hallTls) secureSocketsOnly(realtime.io);
  // A mute board misses the calls of its zone: the mute alert needs them.
  bus.on('call', (c) => health.call(core.model.windows.get(c.windowNo)?.zone ?? null));
  const metrics = new HallMetrics(core, {
    devices: () => health.list(),
    socketClients: () => realtime.clientCounts(),
    mqttConnected: () => mqtt.status().connected === true,
    upstreamPending: () => upstream.status().pending,
  });
  const backups = new NightlyBackup(
    db,
    {
      dir: config.backup.dir ?? path.join(opts.dataDir, 'backups'),
      at: config.backup.at,
      keep: config.backup.keep,
      timezone: config.hall.timezone,
    },
    core.clock,
    log,
  );
  const dayCycle = new DayCycle(core, log);
  const displays = new MqttDisplays(core, mqtt);
  const keypads = new MqttKeypads(core, mqtt, log);
  const pads = new MqttPads(core, mqtt, log);
  const sweep = new EvaluationSweep(core, log, opts.sweepMs);
  const sessionSweep = new SessionSweep(core, staff, log, opts.sessionSweepMs);
  const appointmentSweep = new AppointmentSweep(core, log, opts.appointmentSweepMs);
  const watch = new HallWatch(
    core,
    { devices: () => health.facts(), upstream: () => upstream.facts() },
    log,
    opts.watchMs,
  );

  const routes = apiRoutes({
    core,
    staff,
    devices: () => health.list(),
    upstream,
    printing,
    publicUrl: () => ticketUrl,
    limits: new HttpLimits(config.server.rateLimits, core.clock),
    health: () => ({
      ok: true,
      hall: config.hall.id,
      day: core.today(),
      time: new Date(core.clock()).toISOString(),
      database: {
        ok: db.open && !core.storageFull,
        events: core.query.logCount(),
        storageFull: core.storageFull,
        freeMb: freeMb(opts.dataDir),
      },
      backup: config.backup.disabled ? { disabled: true } : backups.status(),
      mqtt: mqtt.status(),
      realtime: { clients: realtime.io.engine.clientsCount },
      printers: printing.list().map((p) => ({ id: p.id, state: p.state, lastSeen: p.lastSeen })),
      upstream: (({ pending, oldestAt, lastSentAt, parked }) => ({
        pending,
        oldestAt,
        lastSentAt,
        parked: parked !== null,
      }))(upstream.status()),
    }),
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
  app.get('/api/voice/:file', voice.route);
  app.get('/api/openapi.json', (_req, res) => void res.json(doc));
  app.get('/metrics', (_req, res) => void res.type('text/plain; version=0.0.4').send(metrics.text()));
  app.get('/api/docs', (req, res) => void res.type('html').send(apiDocsPage(doc as never, langOf(req.query.lang))));
  app.use('/api', (_req, _res, next) => next(new HallError('NOT_FOUND', '没有这个接口')));
  servePages(app, {
    config,
    demo: !!opts.demo,
    printing,
    snapshot: () => core.query.snapshot(),
    tls: () =>
      hallTls && {
        publicUrl,
        ticketUrl,
        fingerprint: hallTls.fingerprint,
        caPath: hallTls.ca ? '/hall-ca.pem' : null,
      },
    hallCa: hallTls?.ca ?? null,
  });
  app.use(errorMiddleware(log));

  // Every adapter is running before the port opens: the first request already finds the hall whole.
  realtime.start();
  printing.onChange((p) => {
    realtime.printerChanged(p);
    health.changed(p.id);
  });
  await printing.start();
  devices.onChange((d) => health.changed(d.id));
  // A device's change reaches the dashboard at once, and its alert with the next look (now).
  health.onChange((d) => {
    realtime.io.of('/supervisor').emit('device', d);
    watch.tick();
  });
  displays.start();
  devices.start();
  keypads.start();
  pads.start();
  await mqtt.start();
  sweep.start();
  sessionSweep.start();
  appointmentSweep.start();
  watch.start();
  upstream.start();
  dayCycle.start();
  if (!config.backup.disabled) backups.start();
  voice.start();

  const stopAdapters = async () => {
    voice.stop();
    dayCycle.stop();
    backups.stop();
    await upstream.stop();
    await printing.stop();
    displays.stop();
    devices.stop();
    keypads.stop();
    pads.stop();
    sweep.stop();
    sessionSweep.stop();
    appointmentSweep.stop();
    watch.stop();
    await mqtt.stop();
    await realtime.stop();
  };
  await warmUpXlsx();
  const host = opts.host ?? config.server.host;
  let bound: Awaited<ReturnType<typeof web.listen>>;
  try {
    bound = await web.listen(host, opts.port ?? config.server.port, opts.tlsPort ?? config.server.tls?.port ?? 0);
  } catch (e) {
    // A port already taken: nothing of this hall may keep running (timers, broker, database, a port already bound).
    await stopAdapters();
    await web.close().catch(() => undefined);
    db.close();
    throw e;
  }
  const port = bound.port;
  const local = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const url = `http://${local}:${port}`;
  ({ publicUrl, ticketUrl } = hallAddresses({
    configured: config.server.publicUrl,
    host,
    port,
    tlsPort: bound.tlsPort,
    ticketPage: config.server.tls?.ticketPage ?? 'http',
  }));

  return {
    core,
    staff,
    db,
    url,
    port,
    tls:
      hallTls && bound.tlsPort !== null
        ? {
            url: `https://${local}:${bound.tlsPort}`,
            port: bound.tlsPort,
            publicUrl,
            ca: hallTls.ca,
            fingerprint: hallTls.fingerprint,
          }
        : null,
    mqtt,
    printing,
    voice,
    routes,
    log,
    async stop() {
      await stopAdapters();
      await web.close();
      db.close();
    },
  };
}
