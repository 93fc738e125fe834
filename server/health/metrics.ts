// Prometheus text metrics (`GET /metrics`): counts and gauges of the hall, request latencies and the
// process. A tiny registry of our own: the exposition format is a few lines, and the figures come from
// the event bus and a snapshot at scrape time, so nothing here runs on the command path but a counter bump.
import type { HallCore } from '../core/hall-core';
import type { DeviceHealthView } from '../protocol/socket';

type Labels = Record<string, string>;

const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const labelText = (l: Labels) => {
  const keys = Object.keys(l);
  return keys.length ? `{${keys.map((k) => `${k}="${esc(l[k]!)}"`).join(',')}}` : '';
};

class Counter {
  readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = labelText(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  text(): string[] {
    return [
      `# HELP ${this.name} ${this.help}`,
      `# TYPE ${this.name} counter`,
      ...[...this.values].map(([k, v]) => `${this.name}${k} ${v}`),
    ];
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; n: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[],
  ) {}
  observe(value: number, labels: Labels = {}): void {
    const k = labelText(labels);
    let s = this.series.get(k);
    if (!s) this.series.set(k, (s = { labels, counts: this.buckets.map(() => 0), sum: 0, n: 0 }));
    this.buckets.forEach((b, i) => value <= b && s.counts[i]!++);
    s.sum += value;
    s.n++;
  }
  text(): string[] {
    const out = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) =>
        out.push(`${this.name}_bucket${labelText({ ...s.labels, le: String(b) })} ${s.counts[i]}`),
      );
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.n}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${s.sum}`, `${this.name}_count${labelText(s.labels)} ${s.n}`);
    }
    return out;
  }
}

const gauge = (name: string, help: string, rows: [Labels, number][]): string[] => [
  `# HELP ${name} ${help}`,
  `# TYPE ${name} gauge`,
  ...rows.map(([l, v]) => `${name}${labelText(l)} ${v}`),
];

export interface MetricSources {
  devices: () => DeviceHealthView[];
  socketClients: () => Record<string, number>;
  mqttConnected: () => boolean;
  upstreamPending: () => number;
}

export class HallMetrics {
  private readonly tickets = new Counter('hall_ticket_events_total', 'Ticket state changes by action');
  private readonly calls = new Counter('hall_calls_total', 'Calls announced (first calls and recalls)');
  private readonly waits = new Histogram(
    'hall_wait_seconds',
    'Wait from issue to first call',
    [60, 300, 600, 900, 1200, 1800, 2700, 3600, 5400],
  );
  private readonly http = new Histogram(
    'hall_http_request_duration_seconds',
    'HTTP API request time by route',
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  );

  constructor(
    private readonly core: HallCore,
    private readonly src: MetricSources,
  ) {
    core.bus.on('ticket.changed', ({ ticket, action }) => {
      this.tickets.inc({ action, service: ticket.serviceId });
      if (action === 'called' && ticket.calledAt)
        this.waits.observe((Date.parse(ticket.calledAt) - Date.parse(ticket.issuedAt)) / 1000, {
          service: ticket.serviceId,
        });
    });
    core.bus.on('call', (c) => this.calls.inc({ recall: String(c.recall) }));
  }

  /** One finished API request; `route` is the route's pattern, never the raw path (no ids in labels). */
  request(method: string, route: string, status: number, seconds: number): void {
    this.http.observe(seconds, { method, route, status: String(Math.floor(status / 100)) + 'xx' });
  }

  text(): string {
    const snap = this.core.query.snapshot();
    const windowStates = new Map<string, number>();
    for (const w of snap.windows) windowStates.set(w.state, (windowStates.get(w.state) ?? 0) + 1);
    const devices = new Map<string, number>();
    for (const d of this.src.devices()) {
      const k = `${d.kind}|${d.state}`;
      devices.set(k, (devices.get(k) ?? 0) + 1);
    }
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    return [
      ...this.tickets.text(),
      ...this.calls.text(),
      ...this.waits.text(),
      ...this.http.text(),
      ...gauge(
        'hall_waiting_tickets',
        'Tickets waiting now',
        snap.services.map((s) => [{ service: s.id }, s.waiting]),
      ),
      ...gauge(
        'hall_windows',
        'Windows by state',
        [...windowStates].map(([state, n]) => [{ state }, n]),
      ),
      ...gauge(
        'hall_devices',
        'Configured devices by kind and state',
        [...devices].map(([k, n]) => {
          const [kind, state] = k.split('|') as [string, string];
          return [{ kind, state }, n];
        }),
      ),
      ...gauge(
        'hall_socket_clients',
        'Connected socket.io clients by namespace',
        Object.entries(this.src.socketClients()).map(([ns, n]) => [{ namespace: ns }, n]),
      ),
      ...gauge('hall_mqtt_connected', 'The server’s own MQTT link (1 = connected)', [
        [{}, this.src.mqttConnected() ? 1 : 0],
      ]),
      ...gauge('hall_upstream_pending_events', 'Events not yet accepted by the platform', [
        [{}, this.src.upstreamPending()],
      ]),
      ...gauge('process_resident_memory_bytes', 'Resident memory', [[{}, mem.rss]]),
      ...gauge('nodejs_heap_used_bytes', 'V8 heap in use', [[{}, mem.heapUsed]]),
      `# HELP process_cpu_seconds_total User and system CPU time`,
      `# TYPE process_cpu_seconds_total counter`,
      `process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`,
      '',
    ].join('\n');
  }
}
