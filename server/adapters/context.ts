// What the composition root (server/app.ts) hands every adapter's construction: the hall's core and its
// parts, the bus as adapters hold it, the log, and the options the hall was started with.
import type { HallConfig } from '../config/schema';
import type { AdapterEvent } from '../core/adapter-events';
import type { HallEvents } from '../core/events';
import type { Clock, HallCore } from '../core/hall-core';
import type { StaffAccess } from '../core/staff';
import type { Log } from '../log';
import type { InProcessPrinterFactory } from '../printing/in-process-printer';
import type { HallTls } from '../tls/hall-tls';
import type { SpeechEngine } from '../voice/engine';

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
  /** Runs `virtual: true` printers in this process (the start entry passes devices/virtual-printer). */
  virtualPrinter?: InProcessPrinterFactory;
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

/** The bus as an adapter holds it: listen to everything, emit only adapter events. */
export interface AdapterBus {
  on<K extends keyof HallEvents>(type: K, fn: (payload: HallEvents[K]) => void): () => void;
  emit(event: AdapterEvent): void;
}

export interface HallContext {
  core: HallCore;
  staff: StaffAccess;
  bus: AdapterBus;
  /** The configuration the hall started with (the core's may change live). */
  config: HallConfig;
  log: Log;
  dataDir: string;
  /** The key for visitor ID hashes and signed audio URLs. */
  secret: Buffer;
  tls: HallTls | null;
  opts: HallServerOptions;
}
