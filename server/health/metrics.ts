// Prometheus metrics (`GET /metrics`) with prom-client: the hall's counts and gauges, request latencies
// (the hall's own histogram and the standard `http_request_duration_seconds`), and prom-client's standard
// process and Node.js metrics (process_cpu_seconds_total, process_resident_memory_bytes, nodejs_heap_*,
// event-loop lag, GC). Every name the earlier hand-made registry had is kept (test/integration/metrics.test.ts).
// Counters move with the event bus; gauges are read from a snapshot at scrape time, so nothing here runs on
// the command path but a counter bump.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { HallCore } from '../core/hall-core';
import type { DeviceHealthView } from '../protocol/socket';

export interface MetricSources {
  devices: () => DeviceHealthView[];
  socketClients: () => Record<string, number>;
  mqttConnected: () => boolean;
  upstreamPending: () => number;
}

/**
 * The process's metrics are the process's, whatever number of halls it runs (tests run many): one registry,
 * made on first use, merged into every hall's scrape.
 */
let processRegistry: Registry | null = null;
function processMetrics(): Registry {
  if (processRegistry) return processRegistry;
  const r = new Registry();
  collectDefaultMetrics({ register: r });
  // The earlier registry's name for the heap in use (prom-client's own is nodejs_heap_size_used_bytes).
  new Gauge({
    name: 'nodejs_heap_used_bytes',
    help: 'V8 heap in use',
    registers: [r],
    collect() {
      this.set(process.memoryUsage().heapUsed);
    },
  });
  return (processRegistry = r);
}

/** prom-client writes `le` first; the earlier exposition had it last, and readers of the text keep working. */
const leLast = (text: string) => text.replace(/_bucket\{(le="[^"]*"),([^}]*)\}/g, '_bucket{$2,$1}');

export class HallMetrics {
  readonly registry = new Registry();
  private readonly http: Histogram<'method' | 'route' | 'status'>;
  private readonly httpStd: Histogram<'method' | 'route' | 'status_code'>;

  constructor(core: HallCore, src: MetricSources) {
    const registers = [this.registry];
    const tickets = new Counter({
      name: 'hall_ticket_events_total',
      help: 'Ticket state changes by action',
      labelNames: ['action', 'service'] as const,
      registers,
    });
    const calls = new Counter({
      name: 'hall_calls_total',
      help: 'Calls announced (first calls and recalls)',
      labelNames: ['recall'] as const,
      registers,
    });
    const waits = new Histogram({
      name: 'hall_wait_seconds',
      help: 'Wait from issue to first call',
      labelNames: ['service'] as const,
      buckets: [60, 300, 600, 900, 1200, 1800, 2700, 3600, 5400],
      registers,
    });
    this.http = new Histogram({
      name: 'hall_http_request_duration_seconds',
      help: 'HTTP API request time by route',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.httpStd = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request time by route pattern, method and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    core.bus.on('ticket.changed', ({ ticket, action }) => {
      tickets.inc({ action, service: ticket.serviceId });
      if (action === 'called' && ticket.calledAt)
        waits.observe(
          { service: ticket.serviceId },
          (Date.parse(ticket.calledAt) - Date.parse(ticket.issuedAt)) / 1000,
        );
    });
    core.bus.on('call', (c) => calls.inc({ recall: String(c.recall) }));

    // Gauges: read when scraped.
    new Gauge({
      name: 'hall_waiting_tickets',
      help: 'Tickets waiting now',
      labelNames: ['service'] as const,
      registers,
      collect() {
        this.reset();
        for (const s of core.query.serviceViews()) this.set({ service: s.id }, s.waiting);
      },
    });
    new Gauge({
      name: 'hall_windows',
      help: 'Windows by state',
      labelNames: ['state'] as const,
      registers,
      collect() {
        this.reset();
        const n = new Map<string, number>();
        for (const w of core.query.snapshot().windows) n.set(w.state, (n.get(w.state) ?? 0) + 1);
        for (const [state, v] of n) this.set({ state }, v);
      },
    });
    new Gauge({
      name: 'hall_devices',
      help: 'Configured devices by kind and state',
      labelNames: ['kind', 'state'] as const,
      registers,
      collect() {
        this.reset();
        for (const d of src.devices()) this.inc({ kind: d.kind, state: d.state });
      },
    });
    new Gauge({
      name: 'hall_socket_clients',
      help: 'Connected socket.io clients by namespace',
      labelNames: ['namespace'] as const,
      registers,
      collect() {
        this.reset();
        for (const [namespace, n] of Object.entries(src.socketClients())) this.set({ namespace }, n);
      },
    });
    new Gauge({
      name: 'hall_mqtt_connected',
      help: 'The server’s own MQTT link (1 = connected)',
      registers,
      collect() {
        this.set(src.mqttConnected() ? 1 : 0);
      },
    });
    new Gauge({
      name: 'hall_upstream_pending_events',
      help: 'Events not yet accepted by the platform',
      registers,
      collect() {
        this.set(src.upstreamPending());
      },
    });
    new Gauge({
      name: 'hall_wait_prediction_issue_ms',
      help: 'Time the wait prediction adds to issuing a ticket, over the last 10000 issues (ms)',
      labelNames: ['quantile'] as const,
      registers,
      collect() {
        const p = core.query.issuePredictionTimes();
        this.set({ quantile: '0.5' }, p.p50);
        this.set({ quantile: '0.99' }, p.p99);
        this.set({ quantile: '1' }, p.max);
        this.set({ quantile: 'count' }, p.n);
      },
    });
    new Gauge({
      name: 'hall_wait_prediction_issue_cpu_ms',
      help: 'CPU time of the same predictions (the work, without waiting for a core on a shared machine), over the last 10000 issues (ms)',
      labelNames: ['quantile'] as const,
      registers,
      collect() {
        const p = core.query.issuePredictionTimes().cpu;
        this.set({ quantile: '0.5' }, p.p50);
        this.set({ quantile: '0.99' }, p.p99);
        this.set({ quantile: '1' }, p.max);
      },
    });
    new Gauge({
      name: 'hall_wait_prediction_issues',
      help: "Issues since the start: answered with their own prediction, or with the matter's ready figure (own prediction past its time cap)",
      labelNames: ['answer'] as const,
      registers,
      collect() {
        const p = core.query.issuePredictionTimes();
        this.set({ answer: 'own' }, p.issues - p.ready);
        this.set({ answer: 'ready' }, p.ready);
      },
    });
  }

  /** One finished request; `route` is the route's pattern, never the raw path (no ids in labels). */
  request(method: string, route: string, status: number, seconds: number): void {
    this.http.observe({ method, route, status: `${Math.floor(status / 100)}xx` }, seconds);
    this.httpStd.observe({ method, route, status_code: String(status) }, seconds);
  }

  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;

  /** The hall's metrics and the process's, in one scrape (merged once: a merge registers, it does not copy). */
  private merged: Registry | null = null;

  async text(): Promise<string> {
    this.merged ??= Registry.merge([this.registry, processMetrics()]);
    return leLast(await this.merged.metrics());
  }
}
