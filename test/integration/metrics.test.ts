// /metrics after the move to prom-client (issue 19): every metric the hand-made registry exposed is still
// there under its name and type, beside prom-client's standard process and Node.js metrics and the standard
// HTTP request histogram (per route pattern, method and status code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, client, startTestHall } from '../helpers/hall';

/** The names and types /metrics had before prom-client (read from the built server of main, 2026-12-02). */
const BEFORE: Record<string, string> = {
  hall_ticket_events_total: 'counter',
  hall_calls_total: 'counter',
  hall_wait_seconds: 'histogram',
  hall_http_request_duration_seconds: 'histogram',
  hall_waiting_tickets: 'gauge',
  hall_windows: 'gauge',
  hall_devices: 'gauge',
  hall_socket_clients: 'gauge',
  hall_mqtt_connected: 'gauge',
  hall_upstream_pending_events: 'gauge',
  process_resident_memory_bytes: 'gauge',
  nodejs_heap_used_bytes: 'gauge',
  process_cpu_seconds_total: 'counter',
};

let s: Awaited<ReturnType<typeof startTestHall>>;
let text = '';
beforeAll(async () => {
  const clock = new FakeClock();
  s = await startTestHall({ clock: clock.fn });
  const api = client(s.url);
  await api.issue('general');
  clock.advanceMin(3);
  const w1 = await api.login('c1', 1);
  await api.post('/api/windows/1/call-next', {}, w1);
  await api.get('/api/tickets/no-such-ticket');
  const res = await fetch(`${s.url}/metrics`);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  text = await res.text();
});
afterAll(async () => s?.stop());

const types = () => Object.fromEntries([...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map((m) => [m[1]!, m[2]!]));

describe('/metrics with prom-client', () => {
  it('keeps every metric name and type that existed before', () => {
    const now = types();
    for (const [name, type] of Object.entries(BEFORE)) expect(now[name], name).toBe(type);
    expect(text).toMatch(/^hall_wait_seconds_bucket\{service="general",le="300"\} 1$/m);
    expect(text).toMatch(
      /^hall_http_request_duration_seconds_count\{method="POST",route="\/api\/windows\/:no\/call-next",status="2xx"\} 1$/m,
    );
    expect(text).toMatch(/^hall_mqtt_connected 0$/m);
    expect(text).toMatch(/^nodejs_heap_used_bytes \d+$/m);
  });

  it('adds the standard process and Node.js metrics', () => {
    const now = types();
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_start_time_seconds',
      'process_open_fds',
      'nodejs_heap_size_used_bytes',
      'nodejs_heap_size_total_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_gc_duration_seconds',
      'nodejs_version_info',
    ])
      expect(now[name], name).toBeDefined();
  });

  it('adds the standard HTTP request histogram: route pattern, method, status code (no ids in labels)', () => {
    expect(types()['http_request_duration_seconds']).toBe('histogram');
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="POST",route="\/api\/windows\/:no\/call-next",status_code="200"\} 1$/m,
    );
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{[^}]*route="\/api\/tickets\/:id"[^}]*\} \d+$/m);
    expect(text).not.toContain('no-such-ticket');
  });
});
