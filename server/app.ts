// One hall server, the composition root: store → core → one ordered list of adapters (DESIGN.md §3).
// The adapters are made here, each by its own folder's factory, and started in the list's order (the HTTP
// port last, so the first request finds the hall whole) and stopped in reverse (server/adapters/lifecycle.ts).
// They talk to each other over the core's event bus; nothing here forwards an event by hand.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Adapter } from './adapters/adapter';
import type { HallContext, HallServerOptions } from './adapters/context';
import {
  appointmentSweepAdapter,
  dayCycleAdapter,
  evaluationSweepAdapter,
  sessionSweepAdapter,
  watchAdapter,
} from './adapters/jobs';
import { Adapters } from './adapters/lifecycle';
import { backupAdapter } from './backup/backup';
import type { HallConfig } from './config/schema';
import { EventBus } from './core/events';
import { LiveSettings } from './admin/live-settings';
import { startingConfig } from './core/config-commands';
import { HallCore } from './core/hall-core';
import { StaffAccess } from './core/staff';
import { deviceHealthAdapter } from './health/device-health';
import { healthReport } from './health/health-report';
import { HallMetrics } from './health/metrics';
import { mountApi } from './http/api-mount';
import { httpAdapter } from './http/http-adapter';
import type { RouteDef } from './http/routes';
import { createWebApp, type HallAddresses } from './http/web-app';
import { configSecrets, hallLogger, logTo, type Log } from './log';
import type { MqttBridge } from './mqtt/bridge';
import { mqttAdapters } from './mqtt/mqtt-adapters';
import { printingAdapter, type TicketPrinting } from './printing/ticket-printing';
import { Realtime } from './realtime/realtime';
import { supervisorState } from './realtime/supervisor-state';
import { warmUpXlsx } from './reports/xlsx';
import { openDatabase, type Db } from './store/db';
import { hallAddresses } from './tls/addresses';
import { loadHallTls } from './tls/hall-tls';
import { secureSocketsOnly } from './tls/plain-http';
import { upstreamAdapter } from './upstream/upstream';
import { voiceAdapter, type Voice } from './voice/voice';

export type { HallServerOptions } from './adapters/context';

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
  /** Every adapter: its state, and `restart(name, config)` for a live settings change. */
  adapters: Adapters;
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

/** The embedded broker listens where the HTTP server does unless the config says where (the device LAN). */
function withBrokerHost(config: HallConfig, httpHost: string | undefined): HallConfig {
  const m = config.mqtt;
  if (!('embedded' in m) || m.embedded.host) return config;
  return { ...config, mqtt: { ...m, embedded: { ...m.embedded, host: httpHost ?? config.server.host } } };
}

export async function startHallServer(opts: HallServerOptions): Promise<HallServer> {
  // This process's overrides, kept on top of every saved configuration (live settings).
  const overlay = (c: HallConfig) => withBrokerHost(opts.mqtt ? { ...c, mqtt: opts.mqtt } : c, opts.host);
  // The configuration the hall runs: the file's, or the admin's newest save (core/config-commands.ts).
  const db = openDatabase(opts.dataDir);
  const config = overlay(startingConfig(db, opts.config, (opts.clock ?? Date.now)()).config);
  // The core does not exist yet: the log reads the secrets to scrub through it once it does.
  let current = (): HallConfig => config;
  const log =
    opts.log ?? logTo(hallLogger({ destination: opts.logDestination, secrets: configSecrets(() => current()) }));
  // A bad certificate stops the start before anything else runs.
  const tls = await loadHallTls(config, opts.dataDir, log).catch((e: unknown) => {
    db.close();
    throw e;
  });
  const bus = new EventBus((m, e) => log(m, e));
  const secret = loadSecret(opts.dataDir);
  const core = new HallCore(db, config, opts.clock ?? Date.now, bus, secret);
  current = () => core.config;
  const staff = new StaffAccess(core);
  const ctx: HallContext = { core, staff, bus, config, log, dataDir: opts.dataDir, secret, tls, opts };

  // Where ticket QR codes point: publicUrl, or its plain HTTP twin when TLS is on (known once bound).
  const addresses: HallAddresses = {
    publicUrl: config.server.publicUrl ?? '',
    ticketUrl: config.server.publicUrl ?? '',
  };
  const printing = printingAdapter(ctx, (id) => `${addresses.ticketUrl}/t/${id}`);
  const mqtt = mqttAdapters(ctx);
  const upstream = upstreamAdapter(ctx);
  const health = deviceHealthAdapter(ctx, printing, mqtt.devices);
  let realtime: Realtime | null = null;
  const metrics = new HallMetrics(core, {
    devices: () => health.list(),
    socketClients: () => realtime?.clientCounts() ?? {},
    mqttConnected: () => mqtt.bridge.status().connected === true,
    upstreamPending: () => upstream.status().pending,
  });
  const { app, web } = createWebApp(ctx, metrics, addresses);
  realtime = new Realtime(web.main, core, staff, {
    printerOfKiosk: (id) => printing.forKiosk(id),
    presence: (id, connected) => health.socket(id, connected),
    supervisorState: () => supervisorState(core, health.list(), upstream.status()),
    upstreamStatus: () => upstream.status(),
    voice: (id, report) => health.voice(id, report),
  });
  if (tls) secureSocketsOnly(realtime.io);
  const voice = voiceAdapter(ctx);
  const backup = backupAdapter(ctx, db);

  let bound = { host: '', port: 0, tlsPort: null as number | null };
  const host = opts.host ?? config.server.host;
  const list: Adapter<never>[] = [
    realtime,
    health,
    printing,
    ...mqtt.list,
    evaluationSweepAdapter(ctx),
    sessionSweepAdapter(ctx),
    appointmentSweepAdapter(ctx),
    watchAdapter(ctx, health, upstream),
    upstream,
    dayCycleAdapter(ctx),
    backup.adapter,
    voice,
    httpAdapter(
      web,
      { host, port: opts.port ?? config.server.port, tlsPort: opts.tlsPort ?? config.server.tls?.port ?? 0 },
      (b) => {
        bound = b;
        Object.assign(
          addresses,
          hallAddresses({
            configured: config.server.publicUrl,
            host,
            port: b.port,
            tlsPort: b.tlsPort,
            ticketPage: config.server.tls?.ticketPage ?? 'http',
          }),
        );
      },
    ),
  ];
  const adapters = new Adapters(list, log);
  const rt = realtime;
  const routes = mountApi(app, ctx, {
    printing,
    upstream,
    health,
    voice,
    metrics,
    addresses,
    tls,
    // Live settings: voice, the upstream sender and the network printers take theirs through their
    // adapter's restart.
    settings: new LiveSettings(core, {
      overlay,
      log,
      restart: {
        names: new Set(['voice', 'upstream', 'printers']),
        run: (name, c) =>
          name === 'printers'
            ? adapters.restart(printing.name, c.devices)
            : adapters.restart(name, name === 'voice' ? c.voice : c.upstream),
      },
    }),
    healthReport: healthReport(ctx, {
      databaseOpen: () => db.open,
      backups: backup.backups,
      mqtt: mqtt.bridge,
      realtime: rt,
      printing,
      upstream,
      adapters: () => adapters.status(),
    }),
  });

  await warmUpXlsx();
  try {
    await adapters.start();
  } catch (e) {
    // The port is taken: nothing of this hall may keep running (the adapters were stopped; the database).
    db.close();
    throw e;
  }
  const local = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    core,
    staff,
    db,
    url: `http://${local}:${bound.port}`,
    port: bound.port,
    tls:
      tls && bound.tlsPort !== null
        ? {
            url: `https://${local}:${bound.tlsPort}`,
            port: bound.tlsPort,
            publicUrl: addresses.publicUrl,
            ca: tls.ca,
            fingerprint: tls.fingerprint,
          }
        : null,
    mqtt: mqtt.bridge,
    printing,
    voice,
    adapters,
    routes,
    log,
    async stop() {
      await adapters.stop();
      await core.marksWritten();
      db.close();
    },
  };
}
