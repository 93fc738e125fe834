// `npm run demo`: a simulated hall day driven into a running server through its real interfaces, at a
// chosen speed: the kiosk issues tickets over HTTP, clerks log in and call/start/finish from their
// consoles' HTTP API (a window with a hardware keypad in the config presses it over MQTT instead), and the
// windows' evaluation pads rate over MQTT. Every screen comes alive; the load script reuses it.
import { randomUUID } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import type { HallConfig } from '../../server/config/schema';
import { connectDevice } from '../../devices/device-login';
import { hallTopics } from '../../server/protocol/mqtt';
import { rng } from '../simulate/rng';
import { minutesOf, type Scenario } from '../simulate/scenario';
import { visitorsOf, type Visitor } from '../simulate/visitors';
import { HallHttp } from './http-client';

export interface DemoOptions {
  url: string;
  config: HallConfig;
  scenario: Scenario;
  /** Simulated minutes per real minute. */
  speed: number;
  /** Windows to staff (at most one per clerk in the config). */
  windows: number;
  password: string;
  seed: number;
  /** Visitors in the day; default: the scenario's, scaled to the staffed windows. */
  visitors?: number;
  /** The broker for keypads and pads; null drives everything over HTTP. */
  mqttUrl: string | null;
  /** Only the visitors arriving in [fromMin, untilMin) minutes after opening (a busy hour for a load test). */
  fromMin?: number;
  untilMin?: number;
  /** Told when a window asks to call next (the load script times call → display from here). */
  onCallSent?: (windowNo: number, sentAt: number, number: string | null) => void;
  log?: (msg: string) => void;
}

export interface DemoStats {
  issued: number;
  called: number;
  finished: number;
  noShows: number;
  rated: number;
  /** Keypad presses with no answer within 10 s (each is pressed again). */
  keypadUnanswered: number;
  /** Visits finished at a window with an MQTT pad: each should be rated (`rated`). */
  padFinished: number;
  errors: Record<string, number>;
  /** HTTP round trips in ms. */
  latencies: number[];
}

interface TicketAnswer {
  ticket: { id: string; number: string } | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Windows to staff: first one window per service (its own, level 1), then the rest in config order. */
export function staffedWindows(config: HallConfig, count: number): number[] {
  const picked: HallConfig['windows'] = [];
  for (const s of config.services) {
    if (picked.some((w) => w.skills[s.id] === 1)) continue;
    const own = config.windows.find((w) => w.skills[s.id] === 1);
    if (own) picked.push(own);
  }
  for (const w of config.windows) if (!picked.includes(w)) picked.push(w);
  return picked.slice(0, count).map((w) => w.no);
}

export class DemoDriver {
  readonly http: HallHttp;
  private stopped = false;
  private arrivalsDone = false;
  private readonly byNumber = new Map<string, Visitor>();
  private readonly devices: { client: MqttClient; leave: (exit?: boolean) => Promise<void> }[] = [];
  private readonly stats = {
    issued: 0,
    called: 0,
    finished: 0,
    noShows: 0,
    rated: 0,
    keypadUnanswered: 0,
    padFinished: 0,
  };
  private readonly padWindows = new Set<number>();
  private readonly u: () => number;
  private readonly visitors: Visitor[];
  private readonly log: (msg: string) => void;

  constructor(private readonly o: DemoOptions) {
    this.http = new HallHttp(o.url);
    this.u = rng(o.seed * 7919 + 1);
    this.log = o.log ?? (() => {});
    const known = new Set(o.config.services.map((s) => s.id));
    const scale = o.windows / o.scenario.windows.reduce((a, g) => a + g.count, 0);
    const total = o.visitors ?? Math.max(1, Math.round(o.scenario.arrivals.total * Math.min(1, scale)));
    const s = { ...o.scenario, arrivals: { ...o.scenario.arrivals, total } };
    const open = minutesOf(o.scenario.day.open);
    const [from, until] = [open + (o.fromMin ?? 0), open + (o.untilMin ?? Infinity)];
    this.visitors = visitorsOf(s, o.seed, 0)
      .filter((v) => known.has(v.service) && v.arrival >= from && v.arrival < until)
      .map((v) => ({ ...v, arrival: v.arrival - (from - open) }));
  }

  /** Visitors the day will bring to the kiosk (the count a run is checked against). */
  get planned(): number {
    return this.visitors.length;
  }

  /** Real milliseconds for simulated minutes. */
  private ms(simMin: number): number {
    return (simMin * 60_000) / this.o.speed;
  }

  /** Runs the day; resolves when every visitor has been issued and the staffed windows found nothing left. */
  async run(): Promise<DemoStats> {
    const windows = staffedWindows(this.o.config, this.o.windows);
    const clerks = this.o.config.clerks.filter((c) => c.role === 'clerk');
    const pairs = windows.slice(0, clerks.length).map((no, i) => ({ no, clerkId: clerks[i]!.id }));
    this.log(
      `${pairs.length} windows staffed (${pairs.map((p) => p.no).join(', ')}), ${this.visitors.length} visitors`,
    );
    const loops = await Promise.all(pairs.map((p) => this.staff(p.no, p.clerkId)));
    this.startPads(pairs.map((p) => p.no));
    await Promise.all([this.arrivals(), ...loops.map((l) => l())]);
    // The last visits' pads rate a moment after their finish: wait for those ratings before counting.
    const until = performance.now() + this.ms(0.2) + 3000;
    while (this.stats.rated < this.stats.padFinished && performance.now() < until) await sleep(20);
    return this.result();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.devices.map((d) => d.leave(false)));
  }

  result(): DemoStats {
    return { ...this.stats, errors: Object.fromEntries(this.http.errors), latencies: this.http.latencies };
  }

  private async arrivals(): Promise<void> {
    const kiosk = this.o.config.devices.find((d) => d.kind === 'kiosk');
    const token = kiosk && 'token' in kiosk ? kiosk.token : null;
    if (!token) throw new Error('the config has no kiosk device to issue tickets with');
    const open = minutesOf(this.o.scenario.day.open);
    const t0 = performance.now();
    for (const v of this.visitors) {
      if (this.stopped) break;
      const due = this.ms(v.arrival - open) - (performance.now() - t0);
      if (due > 0) await sleep(due);
      const body = { serviceId: v.service, channel: 'kiosk', ...(v.priority ? { priority: 'elderly' } : {}) };
      const r = await this.http.post<TicketAnswer>('/api/tickets', token, body);
      if (r.ok && r.body?.ticket) {
        this.byNumber.set(r.body.ticket.number, v);
        this.stats.issued++;
      }
    }
    this.arrivalsDone = true;
  }

  /** Logs the clerk in at the window; returns the window's working loop. */
  private async staff(no: number, clerkId: string): Promise<() => Promise<void>> {
    const login = await this.http.post<{ token: string }>('/api/auth/login', null, {
      clerkId,
      password: this.o.password,
      windowNo: no,
    });
    if (!login.ok || !login.body)
      throw new Error(`clerk ${clerkId} could not log in at window ${no}: ${login.errorCode}`);
    const token = login.body.token;
    const press = this.keypad(no) ?? ((action: string) => this.console(no, token, action));
    return async () => {
      while (!this.stopped) {
        const sentAt = performance.now();
        const number = await press('next');
        if (number !== undefined) this.o.onCallSent?.(no, sentAt, number);
        if (number === undefined) continue; // failed; try again
        if (number === null) {
          if (this.arrivalsDone) return;
          await sleep(this.ms(0.5));
          continue;
        }
        this.stats.called++;
        const v = await this.visitorOf(number);
        await sleep(this.ms(0.3)); // the visitor walks up
        if (!v || v.noShow) {
          if ((await press('skip')) !== undefined) this.stats.noShows++;
          continue;
        }
        await sleep(this.ms(v.serviceMin));
        if ((await press('finish')) !== undefined) {
          this.stats.finished++;
          if (this.padWindows.has(no)) this.stats.padFinished++;
        }
      }
    };
  }

  /** The visitor behind a called number; a window can call a ticket before the kiosk has read its answer. */
  private async visitorOf(number: string): Promise<Visitor | undefined> {
    for (let i = 0; i < 50 && !this.byNumber.has(number); i++) await sleep(20);
    return this.byNumber.get(number);
  }

  /** A console button over HTTP: the ticket number acted on, null for none, undefined when it failed. */
  private async console(no: number, token: string, action: string): Promise<string | null | undefined> {
    const path = `/api/windows/${no}/${action === 'next' ? 'call-next' : action}`;
    const r = await this.http.post<{ ticket: { number: string } | null }>(
      path,
      token,
      {},
      {
        'idempotency-key': randomUUID(),
      },
    );
    return r.ok ? (r.body?.ticket?.number ?? null) : undefined;
  }

  /** The window's hardware keypad over MQTT, if the config has one and a broker is given. */
  private keypad(no: number): ((action: string) => Promise<string | null | undefined>) | null {
    const dev = this.o.config.devices.find((d) => d.kind === 'keypad' && d.window === no);
    if (!dev || !('token' in dev) || !this.o.mqttUrl) return null;
    const base = this.o.config.mqtt.baseTopic;
    const topics = hallTopics(base);
    const waiting = new Map<string, (n: string | null | undefined) => void>();
    const d = connectDevice({ id: dev.id, token: dev.token, windowNo: no, base, url: this.o.mqttUrl }, [
      topics.keypadResult(no),
    ]);
    d.client.on('message', (_t, raw) => {
      try {
        const r = JSON.parse(raw.toString('utf8')) as { requestId: string; ok: boolean; ticket?: string | null };
        waiting.get(r.requestId)?.(r.ok ? (r.ticket ?? null) : undefined);
        waiting.delete(r.requestId);
      } catch {
        /* not ours */
      }
    });
    this.devices.push(d);
    return async (action) => {
      await d.ready;
      return new Promise((resolve) => {
        const requestId = randomUUID();
        // No answer in 10 s counts as a failed press (the keypad retries with a new press).
        const timer = setTimeout(() => {
          if (!waiting.delete(requestId)) return;
          this.stats.keypadUnanswered++;
          resolve(undefined);
        }, 10_000);
        waiting.set(requestId, (n) => (clearTimeout(timer), resolve(n)));
        d.client.publish(topics.keypadCommand(no), JSON.stringify({ action, requestId }), { qos: 1 });
      });
    };
  }

  /** Each staffed window's MQTT pad rates what it is asked to: mostly 非常满意, now and then worse. */
  private startPads(windows: number[]): void {
    if (!this.o.mqttUrl) return;
    const base = this.o.config.mqtt.baseTopic;
    const topics = hallTopics(base);
    const reasons = this.o.config.evaluation.reasons;
    for (const dev of this.o.config.devices) {
      if (dev.kind !== 'pad' || !('token' in dev) || !windows.includes(dev.window)) continue;
      const no = dev.window;
      this.padWindows.add(no);
      const d = connectDevice({ id: dev.id, token: dev.token, windowNo: no, base, url: this.o.mqttUrl }, [
        topics.padPrompt(no),
        topics.padResult(no),
      ]);
      d.client.on('message', (topic, raw) => {
        let p: { state?: string; evaluationId?: string | null; ok?: boolean };
        try {
          p = JSON.parse(raw.toString('utf8')) as typeof p;
        } catch {
          return;
        }
        if (topic === topics.padResult(no)) {
          if (p.ok) this.stats.rated++;
          return;
        }
        if (p.state !== 'evaluate' || !p.evaluationId) return;
        const x = this.u();
        const score = x < 0.75 ? 5 : x < 0.93 ? 4 : x < 0.98 ? 3 : x < 0.995 ? 2 : 1;
        const payload = { evaluationId: p.evaluationId, score, reasons: score <= 2 ? [reasons[0]!] : [], comment: '' };
        setTimeout(() => d.client.publish(topics.padEvaluation(no), JSON.stringify(payload), { qos: 1 }), this.ms(0.2));
      });
      this.devices.push(d);
    }
  }
}
