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

/** The time a busy window still needs: a service time longer than the time already spent, less that. */
export function residual(d: Durations | undefined, mean: number, elapsedMin: number, u: () => number): number {
  for (let i = 0; i < 30; i++) {
    const x = drawDuration(d, mean, u);
    if (x > elapsedMin) return x - elapsedMin;
  }
  // Longer than nearly every visit of the matter: it ends soon, but nobody knows when.
  return exponentialDraw(u, Math.max(1, mean * 0.3));
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
