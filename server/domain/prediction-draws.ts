// The random draws of one predicted future (domain/prediction.ts): service times, the rest of a visit
// under way, and the visitors still to come. Pure: the random stream is the caller's.
import { exponentialDraw, lognormalDraw } from './random';
import type { Candidate } from './routing';

const MS = 60_000;

/** A matter's service times (minutes per visitor at the window, a no-show's short call included). */
export interface Durations {
  /** Recent observed times; used as they are once there are MIN_SAMPLES of them. */
  samples: readonly number[];
  /** Fallback: the configured mean and a spread. */
  mean: number;
  cv: number;
}

export const MIN_SAMPLES = 12;
/** The spread assumed when the hall has not yet seen enough visits of a matter. */
export const DEFAULT_CV = 0.7;

/** Expected arrivals of one matter and priority between two instants (ms), per minute. */
export interface ArrivalRate {
  serviceId: string;
  priority: boolean;
  from: number;
  to: number;
  perMin: number;
}

export function drawDuration(d: Durations | undefined, fallbackMean: number, u: () => number): number {
  if (d && d.samples.length >= MIN_SAMPLES) return d.samples[Math.floor(u() * d.samples.length)]!;
  return lognormalDraw(u, d?.mean ?? fallbackMean, d?.cv ?? DEFAULT_CV);
}

/** Fewer sampled visits longer than the time already spent than this: the rest is drawn from the tail model. */
export const TAIL_SAMPLES = 5;

/** Sorted copies of the sampled visit times, made once per samples array (the server keeps it minutes). */
const sortedSamples = new WeakMap<readonly number[], Float64Array>();
function sortedOf(samples: readonly number[]): Float64Array {
  let s = sortedSamples.get(samples);
  if (!s) sortedSamples.set(samples, (s = Float64Array.from(samples).sort()));
  return s;
}

/**
 * The time a busy window still needs, `elapsedMin` into its visit: a service time longer than the time already
 * spent, less that — drawn exactly from that conditional distribution (made once per prediction, drawn in every
 * future). The visits that have run long are the ones a queue waits on, and a heavy tail's rest grows with the
 * time taken: drawing by rejection and then giving up ("ends in 0.3 × the mean") promised those windows free
 * far too soon.
 * - Observed visits: one of those longer than `elapsedMin`, uniformly. With fewer than TAIL_SAMPLES of them
 *   (a visit longer than nearly all seen), an exponential rest whose mean is the mean excess of the longest
 *   visits seen over the one just below them (the usual peaks-over-threshold model of a tail).
 * - Too few visits: the lognormal around the configured mean conditioned on exceeding `elapsedMin`, by its
 *   inverse distribution function.
 */
export function residualOf(d: Durations | undefined, mean: number, elapsedMin: number): (u: () => number) => number {
  if (d && d.samples.length >= MIN_SAMPLES) {
    const s = sortedOf(d.samples);
    let [lo, hi] = [0, s.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid]! > elapsedMin) hi = mid;
      else lo = mid + 1;
    }
    const above = s.length - lo;
    if (above >= TAIL_SAMPLES) return (u) => s[lo + Math.floor(u() * above)]! - elapsedMin;
    const n = s.length;
    let top = 0;
    for (let i = n - TAIL_SAMPLES; i < n; i++) top += s[i]!;
    const excess = Math.max(1, top / TAIL_SAMPLES - s[n - TAIL_SAMPLES - 1]!);
    return (u) => exponentialDraw(u, excess);
  }
  const m = d?.mean ?? mean;
  const cv = d?.cv ?? DEFAULT_CV;
  if (cv <= 0) return m > elapsedMin ? () => m - elapsedMin : (u) => exponentialDraw(u, Math.max(1, m * 0.3));
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const mu = Math.log(m) - (sigma * sigma) / 2;
  const from = elapsedMin > 0 ? normalCdf((Math.log(elapsedMin) - mu) / sigma) : 0;
  // Beyond what a double can tell apart: the lognormal's rest there is about σ²·t / ln(t) — a few minutes.
  if (1 - from < 1e-12)
    return (u) => exponentialDraw(u, Math.max(1, (sigma * sigma * elapsedMin) / Math.log(elapsedMin)));
  return (u) => Math.max(0, Math.exp(mu + sigma * normalQuantile(from + u() * (1 - from))) - elapsedMin);
}

/** The standard normal distribution function (erfc by Chebyshev fit, relative error below 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const tail = (q: number) =>
    (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
    ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * Non-stationary Poisson arrivals up to `until`, drawn lazily in time order as queue candidates: a future
 * ends when the ticket is called, usually long before the horizon, so only the arrivals before then cost.
 */
export function arrivalStream(arrivals: readonly ArrivalRate[], now: number, until: number, u: () => number) {
  const streams = arrivals
    .filter((a) => a.perMin > 0 && Math.min(a.to, until) > Math.max(a.from, now))
    .map((a) => ({
      a,
      to: Math.min(a.to, until),
      next: Math.max(a.from, now) + exponentialDraw(u, 1 / a.perMin) * MS,
    }));
  let n = 0;
  let head: Candidate | null = null;
  const peek = (): Candidate | null => {
    if (head) return head;
    let best: (typeof streams)[number] | null = null;
    for (const x of streams) if (x.next < x.to && (!best || x.next < best.next)) best = x;
    if (!best) return null;
    const t = best.next;
    best.next += exponentialDraw(u, 1 / best.a.perMin) * MS;
    n++;
    head = {
      ticketId: `\u0000a${n}`,
      serviceId: best.a.serviceId,
      waitFrom: t,
      issuedAt: t,
      seq: n,
      priority: best.a.priority,
      targetWindowNo: null,
    };
    return head;
  };
  return {
    peek,
    take: () => {
      head = null;
    },
  };
}
