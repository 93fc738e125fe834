// The wait predictor against hand-made hall states whose answer is known.
import { describe, expect, it } from 'vitest';
import {
  newTicket,
  predictWait,
  type Durations,
  type HallState,
  type PredictionWindow,
} from '../../server/domain/prediction';
import { normalCdf, normalQuantile } from '../../server/domain/prediction-draws';
import { seededRandom } from '../../server/domain/random';
import { DEFAULT_ROUTING } from '../../server/domain/routing';
import type { HallWindow, Service } from '../../server/domain/types';
import { MIN, candidatesAt, hallWindow, service } from '../helpers/routing-fixtures';

const NOW = 600 * MIN;
const svc = (id: string, avgServiceMin = 10, targetWaitMin = 20): Service => service(id, targetWaitMin, avgServiceMin);
const win = (no: number, skills: Record<string, number>): HallWindow => hallWindow(skills, no);
const open = (w: HallWindow, busy: PredictionWindow['busy'] = null): PredictionWindow => ({
  window: w,
  availability: 'open',
  busy,
});
const waiting = candidatesAt(NOW);

const constant = (mean: number): Durations => ({ samples: [], mean, cv: 0 });
/** Exponential service times as observed samples (evenly spaced quantiles). */
const exponential = (mean: number): Durations => ({
  samples: Array.from({ length: 2000 }, (_, i) => -mean * Math.log(1 - (i + 0.5) / 2000)),
  mean,
  cv: 1,
});

function state(over: Partial<HallState>): HallState {
  return {
    now: NOW,
    services: new Map([svc('a'), svc('b')].map((s) => [s.id, s])),
    durations: new Map([['a', constant(10)]]),
    windows: [open(win(1, { a: 1 }))],
    waiting: [],
    arrivals: [],
    arrivalsUntil: NOW + 480 * MIN,
    routing: DEFAULT_ROUTING,
    ...over,
  };
}

/** The Erlang(k, mean) distribution function, and its quantile by bisection. */
function erlangCdf(k: number, mean: number, x: number): number {
  const l = x / mean;
  let term = Math.exp(-l);
  let sum = term;
  for (let i = 1; i < k; i++) {
    term *= l / i;
    sum += term;
  }
  return 1 - sum;
}
function erlangQuantile(k: number, mean: number, p: number): number {
  let [lo, hi] = [0, 100 * k * mean];
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (erlangCdf(k, mean, mid) < p) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe('predictWait', () => {
  it('one window, FIFO, fixed service time: three ahead and one at the window half done', () => {
    const ahead = [waiting('a', 9), waiting('a', 6), waiting('a', 3)];
    const s = state({
      waiting: ahead,
      windows: [open(win(1, { a: 1 }), { since: NOW - 4 * MIN, serviceId: 'a' })],
    });
    const p = predictWait(s, newTicket('a', NOW), { runs: 20, seed: 1, horizonMin: 240 });
    // 6 minutes left at the window, then three visitors of 10 minutes.
    expect(p).toEqual({ minutes: 36, low: 36, high: 36, servedNow: true, ahead: 3, runs: 20 });
  });

  it('one window, FIFO, exponential service times: the Erlang median and 80% range', () => {
    // k visitors ahead plus the one at the window (memoryless: its rest is exponential too).
    const k = 4;
    const ahead = Array.from({ length: k - 1 }, (_, i) => waiting('a', 10 - i));
    const s = state({
      waiting: ahead,
      durations: new Map([['a', exponential(8)]]),
      windows: [open(win(1, { a: 1 }), { since: NOW, serviceId: 'a' })],
    });
    const p = predictWait(s, newTicket('a', NOW), { runs: 4000, seed: 7, horizonMin: 1000 });
    // 4000 futures: the sample median is within about ±0.7 min of the true one (2 standard errors).
    expect(Math.abs(p.minutes - erlangQuantile(k, 8, 0.5))).toBeLessThan(1);
    expect(Math.abs(p.low - erlangQuantile(k, 8, 0.1))).toBeLessThan(1);
    expect(Math.abs(p.high - erlangQuantile(k, 8, 0.9))).toBeLessThan(1.5);
    expect(p.ahead).toBe(k - 1);
  });

  it('a matter no open window takes: not served now, whatever the minutes say', () => {
    const s = state({
      windows: [
        open(win(1, { a: 1 })),
        { window: win(2, { b: 1 }), availability: 'closed', busy: null },
        { window: win(3, { b: 1 }), availability: 'paused', busy: null, backAt: NOW + 30 * MIN },
      ],
      waiting: [waiting('b', 5)],
      durations: new Map([['b', constant(10)]]),
    });
    const p = predictWait(s, newTicket('b', NOW), { runs: 10, seed: 1, horizonMin: 240 });
    expect(p.servedNow).toBe(false);
    // The paused window comes back in 30 minutes and serves the one ahead first (10 minutes).
    expect(p.minutes).toBe(40);
    expect(predictWait(s, newTicket('a', NOW), { runs: 10, seed: 1, horizonMin: 240 }).servedNow).toBe(true);
  });

  it('says when the call would fall after the hall closes (it may not be served today)', () => {
    const line = [waiting('a', 3), waiting('a', 2), waiting('a', 1)];
    const closesIn = (min: number) => state({ waiting: line, arrivalsUntil: NOW + min * MIN });
    // Three ahead at 10 minutes each, one window: called in 30 minutes.
    expect(predictWait(closesIn(20), newTicket('a', NOW), { runs: 5, seed: 1, horizonMin: 240 })).toMatchObject({
      minutes: 30,
      afterClose: true,
    });
    expect(predictWait(closesIn(60), newTicket('a', NOW), { runs: 5, seed: 1, horizonMin: 240 }).afterClose).toBe(
      undefined,
    );
  });

  it('a matter nobody will ever take waits the whole horizon', () => {
    const s = state({ windows: [open(win(1, { a: 1 }))] });
    const p = predictWait(s, newTicket('b', NOW), { runs: 5, seed: 1, horizonMin: 120 });
    expect(p).toMatchObject({ minutes: 120, servedNow: false, ahead: 0 });
  });

  it('counts a priority visitor who came later among those ahead', () => {
    const mine = waiting('a', 10);
    const elderly = waiting('a', 2, { priority: true });
    const s = state({ waiting: [mine, elderly] });
    const p = predictWait(s, mine, { runs: 10, seed: 1, horizonMin: 240 });
    expect(p).toMatchObject({ ahead: 1, minutes: 10, low: 10, high: 10 });
    // The priority visitor has nobody ahead.
    expect(predictWait(s, elderly, { runs: 10, seed: 1, horizonMin: 240 })).toMatchObject({ ahead: 0, minutes: 0 });
  });

  it('前方还有N人 counts other matters called first at the windows that could call this one', () => {
    // Window 1 has matter a as its own and helps with b; three a visitors waited longer than the b visitor,
    // so they go first: the b visitor has three ahead though nobody of b is in line (the walk's 0 人 / 134 min).
    const line = [waiting('a', 12), waiting('a', 11), waiting('a', 10)];
    const mine = waiting('b', 5);
    const s = state({
      windows: [open(win(1, { a: 1, b: 2 })), open(win(2, { c: 1 }))],
      durations: new Map([
        ['a', constant(10)],
        ['b', constant(10)],
      ]),
      waiting: [...line, mine, waiting('c', 30)],
    });
    const p = predictWait(s, mine, { runs: 10, seed: 1, horizonMin: 240 });
    // Window 2's c visitor is not counted: window 2 could never call this one.
    expect(p).toMatchObject({ ahead: 3, minutes: 30 });
  });

  it('priority visitors still to come lengthen a normal ticket’s wait, not a priority one’s', () => {
    const queue = [waiting('a', 3), waiting('a', 2), waiting('a', 1)];
    const arrivals = [{ serviceId: 'a', priority: true, from: NOW, to: NOW + 240 * MIN, perMin: 0.05 }];
    const base = state({ waiting: queue });
    const busy = state({ waiting: queue, arrivals });
    const opts = { runs: 400, seed: 3, horizonMin: 240 };
    const normal = predictWait(busy, newTicket('a', NOW), opts);
    expect(predictWait(base, newTicket('a', NOW), opts).minutes).toBe(30);
    expect(normal.minutes).toBeGreaterThan(30);
    expect(normal.high).toBeGreaterThan(normal.minutes);
    expect(predictWait(busy, newTicket('a', NOW, true), opts).minutes).toBeLessThanOrEqual(10);
  });

  it('two windows share a queue, and a reserved ticket waits only for its own window', () => {
    const queue = [waiting('a', 4), waiting('a', 3), waiting('a', 2), waiting('a', 1)];
    const s = state({ waiting: queue, windows: [open(win(1, { a: 1 })), open(win(2, { a: 1 }))] });
    expect(predictWait(s, newTicket('a', NOW), { runs: 5, seed: 1, horizonMin: 240 }).minutes).toBe(20);
    const held = waiting('b', 10, { targetWindowNo: 2 });
    const r = state({ ...s, waiting: [...queue, held] });
    expect(predictWait(r, held, { runs: 5, seed: 1, horizonMin: 240 })).toMatchObject({ minutes: 0, servedNow: true });
  });

  it('is reproducible from its seed', () => {
    const s = state({ waiting: [waiting('a', 3)], durations: new Map([['a', exponential(8)]]) });
    const a = predictWait(s, newTicket('a', NOW), { runs: 30, seed: 42, horizonMin: 240 });
    expect(predictWait(s, newTicket('a', NOW), { runs: 30, seed: 42, horizonMin: 240 })).toEqual(a);
  });

  it('stops inside a future when told, keeping only the futures it finished', () => {
    // 200 ahead: each future takes 200 calls; the stop is polled as the future goes, not only between them.
    const s = state({ waiting: Array.from({ length: 200 }, (_, i) => waiting('a', 200 - i)) });
    let polls = 0;
    const cut = predictWait(s, newTicket('a', NOW), {
      runs: 40,
      seed: 1,
      horizonMin: 10_000,
      stop: () => ++polls > 3,
    });
    expect(cut.runs).toBe(0);
    expect(polls).toBe(4);
    // Stopped after two whole futures (200 calls each, polled every 16 events): two futures' worth.
    polls = 0;
    const two = predictWait(s, newTicket('a', NOW), {
      runs: 40,
      seed: 1,
      horizonMin: 10_000,
      stop: () => ++polls > 26,
    });
    expect(two.runs).toBe(2);
    expect(two.minutes).toBe(2000);
    const full = predictWait(s, newTicket('a', NOW), { runs: 40, seed: 1, horizonMin: 10_000 });
    expect(full).toMatchObject({ runs: 40, minutes: 2000, ahead: 200 });
  });
});

describe('the rest of a visit under way', () => {
  /** One window busy `elapsed` minutes with matter a, nobody waiting: the newcomer waits exactly the rest. */
  const rest = (durations: Durations, elapsedMin: number, runs = 4000) =>
    predictWait(
      state({
        durations: new Map([['a', durations]]),
        windows: [open(win(1, { a: 1 }), { since: NOW - elapsedMin * MIN, serviceId: 'a' })],
      }),
      newTicket('a', NOW),
      { runs, seed: 3, horizonMin: 10_000 },
    );
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  const at = (xs: readonly number[], p: number) => xs[Math.floor(p * (xs.length - 1))]!;

  it('comes from the visits seen that lasted longer than the time already spent, however few they are', () => {
    // 95 short visits and 5 of 30 minutes; 10 minutes in, this is one of the long ones: 20 minutes left in
    // every future (drawing by rejection gave up on a fifth of them and said "ends in about 3 minutes").
    const d: Durations = { samples: [...Array<number>(95).fill(5), ...Array<number>(5).fill(30)], mean: 6, cv: 0.5 };
    expect(rest(d, 10, 200)).toMatchObject({ minutes: 20, low: 20, high: 20 });
  });

  it('beyond nearly every visit seen: an exponential rest with the mean excess of the longest visits', () => {
    // Visits of 2, 4, …, 40 minutes; 50 minutes in: the longest five (32..40) run 6 minutes past the 30 below.
    const d: Durations = { samples: Array.from({ length: 20 }, (_, i) => 2 * (i + 1)), mean: 20, cv: 0.5 };
    const p = rest(d, 50);
    expect(Math.abs(p.minutes - 6 * Math.LN2)).toBeLessThan(0.3);
    expect(Math.abs(p.low - 6 * -Math.log(0.9))).toBeLessThan(0.15);
    expect(Math.abs(p.high - 6 * Math.log(10))).toBeLessThan(0.8);
  });

  it('too few visits seen: the configured lognormal given the time already spent', () => {
    // Brute force: lognormal visits (mean 10, cv 0.5) that lasted over 30 minutes (one in 200), less 30.
    const u = seededRandom(11);
    const s2 = Math.log(1 + 0.25);
    const tail: number[] = [];
    while (tail.length < 10_000) {
      const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
      const x = Math.exp(Math.log(10) - s2 / 2 + Math.sqrt(s2) * z);
      if (x > 30) tail.push(x - 30);
    }
    sorted(tail);
    const p = rest({ samples: [1, 2, 3], mean: 10, cv: 0.5 }, 30);
    expect(Math.abs(p.minutes - at(tail, 0.5))).toBeLessThan(0.25);
    expect(Math.abs(p.low - at(tail, 0.1))).toBeLessThan(0.1);
    expect(Math.abs(p.high - at(tail, 0.9))).toBeLessThan(0.6);
  });

  it('a fixed service time: what is left of it', () => {
    expect(rest({ samples: [], mean: 10, cv: 0 }, 4, 5)).toMatchObject({ minutes: 6, low: 6, high: 6 });
  });

  it('uses a normal distribution function and quantile that agree with the tables', () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.1)).toBeCloseTo(-1.281552, 5);
    for (const z of [-6, -2.5, -0.3, 0, 0.7, 2.2, 5]) expect(normalQuantile(normalCdf(z))).toBeCloseTo(z, 4);
  });
});
