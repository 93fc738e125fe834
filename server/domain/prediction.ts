// The predicted wait (issue 25): run the hall's real routing (pickNext) forward from its state now over a few
// dozen short futures, and report the median and an 80% range of when this ticket is called.
//
// Each future draws, with a seeded random stream:
// - how long each busy window still needs for its visitor (its matter's service time, given the time it
//   has already taken);
// - the service time of every visitor a window calls, from the hall's own finished visits (bootstrap) or,
//   with too few of them, a lognormal around the configured mean;
// - the visitors still to come, from the expected arrival rates per matter and priority (same weekday's
//   history): a later priority visitor, or a more urgent matter, may be called first;
// - paused windows come back when expected; closed windows stay closed.
// Windows pick with pickNext over the queue heads, exactly as the server's call-next does, so the
// prediction follows the routing rule whatever it becomes. Pure: the seed comes from the caller.
import { eligibleLevel, pickNext, type Candidate, type RoutingParams } from './routing';
import { arrivalStream, drawDuration, residualOf, type ArrivalRate, type Durations } from './prediction-draws';

export { DEFAULT_CV, MIN_SAMPLES, type ArrivalRate, type Durations } from './prediction-draws';
import { seededRandom } from './random';
import type { HallWindow, Service } from './types';

const MS = 60_000;

export interface PredictionWindow {
  window: HallWindow;
  /** open: clerk logged in, not paused; paused: on a break (back at `backAt`); closed: takes nobody. */
  availability: 'open' | 'paused' | 'closed';
  /** The visitor at the window now (called or being served): since when (ms) and their matter. */
  busy: { since: number; serviceId: string } | null;
  /** A paused window's expected return (ms). */
  backAt?: number;
}

export interface HallState {
  now: number;
  services: ReadonlyMap<string, Service>;
  durations: ReadonlyMap<string, Durations>;
  windows: readonly PredictionWindow[];
  /** Every waiting ticket (reserved ones with their targetWindowNo). */
  waiting: readonly Candidate[];
  arrivals: readonly ArrivalRate[];
  /** No visitor arrives after this (closing time), ms. */
  arrivalsUntil: number;
  routing: RoutingParams;
  /**
   * How a free window picks among the queue heads: the hall's routing (pickNext with `routing`) unless
   * given; the simulator passes a peer's rule to predict waits under that rule.
   */
  pick?: (
    heads: readonly Candidate[],
    window: HallWindow,
    services: ReadonlyMap<string, Service>,
    now: number,
  ) => Candidate | null;
}

export interface PredictOptions {
  runs: number;
  seed: number;
  /** A future stops here; a ticket not called by then counts as waiting this long. */
  horizonMin: number;
  /**
   * Asked before each future after the first MIN_RUNS: false stops early (the server passes a time budget,
   * so an issue never waits long for its prediction; the domain itself has no clock).
   */
  more?: (runsDone: number) => boolean;
  /**
   * Polled inside a future too: true abandons the future under way and ends the prediction with the futures
   * finished so far (`runs` says how many; fewer than MIN_RUNS is no figure to show). The issue path's hard
   * cap: a future in a long queue can itself cost a millisecond.
   */
  stop?: () => boolean;
}

/** Futures always run, whatever the budget says. */
export const MIN_RUNS = 9;

export const DEFAULT_PREDICT: Omit<PredictOptions, 'seed'> = { runs: 40, horizonMin: 240 };

export interface Prediction {
  /** Minutes from now until the ticket is called: median, and the 10th and 90th percentile of the futures. */
  minutes: number;
  low: number;
  high: number;
  /** False when no open window may call the ticket now: say 当前暂无窗口办理, not minutes. */
  servedNow: boolean;
  /**
   * 前方还有N人: tickets waiting now that are called before this one at a window that could have called it
   * (any matter: a helper window serving its own line first is time this visitor waits), median over the
   * futures.
   */
  ahead: number;
  /** Futures finished: fewer than MIN_RUNS only when `stop` cut the prediction short. */
  runs: number;
  /** The median call falls after the hall's closing time (`arrivalsUntil`): it may not be served today. */
  afterClose?: boolean;
}

/** The wait of a ticket already waiting (in state.waiting) or about to be issued (not in it). */
export function predictWait(state: HallState, target: Candidate, opts: PredictOptions): Prediction {
  const u = seededRandom(opts.seed);
  const waits: number[] = [];
  const aheads: number[] = [];
  // The rest of each visit under way: its conditional distribution, made once for all the futures.
  const rests = new Map<PredictionWindow, (u: () => number) => number>();
  for (const pw of state.windows)
    if (pw.busy && pw.availability !== 'closed') {
      const id = pw.busy.serviceId;
      const mean = state.services.get(id)?.avgServiceMin ?? 10;
      rests.set(pw, residualOf(state.durations.get(id), mean, (state.now - pw.busy.since) / MS));
    }
  for (let r = 0; r < opts.runs; r++) {
    if (r >= MIN_RUNS && opts.more && !opts.more(r)) break;
    const f = oneFuture(state, target, u, rests, opts.horizonMin, opts.stop);
    if (!f) break;
    waits.push(f.wait);
    aheads.push(f.ahead);
  }
  waits.sort((a, b) => a - b);
  aheads.sort((a, b) => a - b);
  return {
    minutes: quantile(waits, 0.5),
    low: quantile(waits, 0.1),
    high: quantile(waits, 0.9),
    servedNow: servedNow(state, target),
    ahead: Math.round(quantile(aheads, 0.5)),
    runs: waits.length,
    ...(state.now + quantile(waits, 0.5) * MS > state.arrivalsUntil ? { afterClose: true } : {}),
  };
}

/**
 * The figure as every surface shows it, in whole minutes: the median, and a range that holds it (the
 * simulator tells 即将叫号 from a range on these and also judges the range as visitors read it; its 80%
 * coverage is judged on the unrounded quantiles).
 */
export function roundedWait(p: Prediction): {
  minutes: number;
  low: number;
  high: number;
  servedNow: boolean;
  afterClose?: boolean;
} {
  const minutes = Math.round(p.minutes);
  return {
    ...(p.afterClose ? { afterClose: true } : {}),
    minutes,
    low: Math.min(minutes, Math.round(p.low)),
    high: Math.max(minutes, Math.round(p.high)),
    servedNow: p.servedNow,
  };
}

/** A ticket of `serviceId` taken now: what the kiosk and dashboard show before anyone takes it. */
export function newTicket(serviceId: string, now: number, priority = false): Candidate {
  return {
    ticketId: '\u0000new',
    serviceId,
    waitFrom: now,
    issuedAt: now,
    seq: Number.MAX_SAFE_INTEGER,
    priority,
    targetWindowNo: null,
  };
}

export function servedNow(state: HallState, target: Candidate): boolean {
  return state.windows.some((w) => w.availability === 'open' && eligibleLevel(target, w.window) !== null);
}

/**
 * The p-quantile of a sorted sample at plotting position p·(n+1) (Weibull), interpolated: with a few dozen
 * futures, the range between the 10% and 90% quantiles then covers 80% of outcomes on average, where the
 * usual p·(n−1) position makes it a few points narrower.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const x = Math.min(sorted.length - 1, Math.max(0, p * (sorted.length + 1) - 1));
  const i = Math.floor(x);
  const a = sorted[i]!;
  const b = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return a + (b - a) * (x - i);
}

interface Queue {
  items: Candidate[];
  head: number;
}

interface FutureWindow {
  pw: PredictionWindow;
  freeAt: number;
  idleSince: number;
}

const earlier = (a: Candidate, b: Candidate) => a.waitFrom - b.waitFrom || a.issuedAt - b.issuedAt || a.seq - b.seq;

function oneFuture(
  s: HallState,
  target: Candidate,
  u: () => number,
  rests: ReadonlyMap<PredictionWindow, (u: () => number) => number>,
  horizonMin: number,
  stop?: () => boolean,
): { wait: number; ahead: number } | null {
  const end = s.now + horizonMin * MS;
  const meanOf = (id: string) => s.services.get(id)?.avgServiceMin ?? 10;
  const draw = (id: string) => drawDuration(s.durations.get(id), meanOf(id), u) * MS;

  const queues = new Map<string, Queue>();
  const reserved = new Map<number, Candidate[]>();
  const push = (c: Candidate) => {
    if (c.targetWindowNo !== null) {
      const list = reserved.get(c.targetWindowNo) ?? [];
      list.push(c);
      reserved.set(c.targetWindowNo, list);
      return;
    }
    const key = `${c.serviceId}|${c.priority ? 1 : 0}`;
    const q = queues.get(key) ?? { items: [], head: 0 };
    q.items.push(c);
    queues.set(key, q);
  };
  const present = s.waiting.some((c) => c.ticketId === target.ticketId);
  for (const c of [...s.waiting, ...(present ? [] : [target])].sort(earlier)) push(c);
  for (const list of reserved.values()) list.sort(earlier);

  const windows: FutureWindow[] = [];
  for (const pw of s.windows) {
    if (pw.availability === 'closed') continue;
    const start = pw.availability === 'paused' ? Math.max(s.now, pw.backAt ?? s.now) : s.now;
    const rest = rests.get(pw);
    const busyFor = rest ? rest(u) * MS : 0;
    windows.push({ pw, freeAt: start + busyFor, idleSince: -Infinity });
  }

  const arrivals = arrivalStream(s.arrivals, s.now, Math.min(end, s.arrivalsUntil), u);
  let ahead = 0;

  /** A window free at t calls; the ticket it took, or null (it then waits idle for an arrival). */
  const call = (w: FutureWindow, t: number): Candidate | null => {
    const heads: Candidate[] = [];
    for (const q of queues.values()) if (q.head < q.items.length) heads.push(q.items[q.head]!);
    const mine = reserved.get(w.pw.window.no);
    if (mine) heads.push(...mine);
    const picked = s.pick
      ? s.pick(heads, w.pw.window, s.services, t)
      : (pickNext(heads, w.pw.window, s.services, t, s.routing)?.candidate ?? null);
    if (!picked) {
      w.freeAt = Infinity;
      w.idleSince = t;
      return null;
    }
    if (picked.targetWindowNo !== null) mine!.splice(mine!.indexOf(picked), 1);
    else queues.get(`${picked.serviceId}|${picked.priority ? 1 : 0}`)!.head++;
    w.freeAt = t + draw(picked.serviceId);
    return picked;
  };
  // Which windows could call the target: a call there before it is someone ahead of this visitor.
  const couldCall = new Set(windows.filter((x) => eligibleLevel(target, x.pw.window) !== null));
  const took = (c: Candidate | null, w: FutureWindow): boolean => {
    // 前方还有N人: visitors here now (not those still to come) called first where this one could be called.
    if (c && c.ticketId !== target.ticketId && couldCall.has(w) && !c.ticketId.startsWith('\u0000')) ahead++;
    return c !== null && c.ticketId === target.ticketId;
  };

  let steps = 0;
  for (;;) {
    // Every 16 events: a clock read costs about as much as one event.
    if (stop && (steps++ & 15) === 0 && stop()) return null;
    let w: FutureWindow | null = null;
    for (const x of windows) if (x.freeAt !== Infinity && (!w || x.freeAt < w.freeAt)) w = x;
    const arrival = arrivals.peek();
    const tw = w ? w.freeAt : Infinity;
    const ta = arrival ? arrival.waitFrom : Infinity;
    if (Math.min(tw, ta) > end) break;
    if (tw <= ta) {
      if (took(call(w!, tw), w!)) return { wait: (tw - s.now) / MS, ahead };
      continue;
    }
    arrivals.take();
    push(arrival!);
    // Idle windows, longest idle first, are offered the newcomer (nothing else changed for them).
    const idle = windows.filter((x) => x.freeAt === Infinity).sort((a, b) => a.idleSince - b.idleSince);
    for (const x of idle) {
      const c = call(x, ta);
      if (c) {
        took(c, x);
        break;
      }
    }
  }
  // Not called in this future: those still in line before it in its own matter count too.
  const line = (p: boolean) => queues.get(`${target.serviceId}|${p ? 1 : 0}`);
  const before = (q: Queue | undefined, all: boolean) => {
    if (!q) return 0;
    let k = 0;
    for (let i = q.head; i < q.items.length; i++) {
      const c = q.items[i]!;
      if (c.ticketId === target.ticketId) break;
      if (all || earlier(c, target) < 0) if (!c.ticketId.startsWith('\u0000')) k++;
    }
    return k;
  };
  if (target.targetWindowNo === null)
    ahead += target.priority ? before(line(true), false) : before(line(true), true) + before(line(false), false);
  return { wait: horizonMin, ahead };
}
