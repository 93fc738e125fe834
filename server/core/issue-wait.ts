// A new ticket's predicted wait, on the path of POST /api/tickets (issue 25), after the issue has committed.
//
// Why a time cap, and what is shown past it: a future in a long queue simulates every call before the
// ticket's, so its cost grows with the queue (about 0.4 ms a future with 300 waiting, and MIN_RUNS of them
// make a figure). The issue's answer must not wait more than a few milliseconds whatever the hall's size,
// so the ticket's own prediction stops at a cap (issueCap), even inside a future. With fewer than MIN_RUNS
// futures finished by then, the answer (kiosk screen and printed ticket) carries what is ready: the
// matter's figure for a ticket taken now, predicted a moment earlier off the path (what the kiosk's button
// showed the visitor just before), with that figure's people ahead (or its own line's count, if longer). The phone page
// gets the ticket's own prediction once the hall changes (or within a minute), and as it goes on changing.
// The state the prediction starts from costs little too: the waiting line kept in memory
// (core/wait-cache.ts), the hall's history read again off the path when stale (core/hall-state.ts).
import { hallDay } from '../domain/numbering';
import { DEFAULT_PREDICT, MIN_RUNS, predictWait, servedNow, type HallState } from '../domain/prediction';
import { seedOf } from '../domain/random';
import type { Candidate } from '../domain/routing';
import type { Ticket } from '../domain/types';
import type { EstimatedWait } from '../protocol/views';
import type { CoreState } from './state';
import { cacheOf, candidateOf, shown, stateNow, type Cache, type TicketWait } from './wait-cache';

/**
 * An issue's own prediction, reading the hall's state included, ends by this long after it started (ms),
 * even inside a future: what the prediction adds to POST /api/tickets (issue 25: p99 ≤ 5 ms under load).
 * Tests set 0 to take the ready figure's path, or Infinity for the ticket's own prediction.
 */
export const issueCap = { ms: 1 };
const ISSUE_TIMES_KEPT = 10_000;

/**
 * A new ticket's prediction, capped at issueCap.ms, or the matter's ready figure past the cap; timed: the
 * time it adds to the issue's answer is kept for /metrics. The value is kept as the ticket's until the hall
 * changes, so the printer prints what the kiosk shows.
 */
export function issuedTicketWait(core: CoreState, t: Ticket): TicketWait {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const cache = cacheOf(core);
  let w: TicketWait = { ahead: 0, wait: null, servedNow: true };
  if (t.status === 'waiting') {
    const deadline = t0 + issueCap.ms;
    const now = core.clock();
    const day = hallDay(now, core.config.hall.timezone);
    const state = stateNow(core, cache, now, day, true);
    const me = candidateOf(t);
    const p = predictWait(state, me, {
      ...DEFAULT_PREDICT,
      seed: seedOf(t.id, 0),
      more: () => performance.now() < deadline,
      stop: () => performance.now() >= deadline,
    });
    const closed = core.openStatus(now, day).reason !== null;
    if (p.runs >= MIN_RUNS) w = { ahead: p.ahead, wait: closed ? null : shown(p), servedNow: p.servedNow };
    else {
      cache.issueReady++;
      w = readyWait(cache, state, me, closed);
    }
    cache.tickets.set(t.id, { version: cache.version, at: now, value: w });
  }
  cache.issueCount++;
  const cpu = process.cpuUsage(c0);
  keep(cache.issueMs, performance.now() - t0);
  keep(cache.issueCpuMs, (cpu.user + cpu.system) / 1000);
  return w;
}

function keep(times: number[], ms: number): void {
  times.push(ms);
  if (times.length > ISSUE_TIMES_KEPT) times.splice(0, times.length - ISSUE_TIMES_KEPT);
}

/**
 * Past the cap: the matter's figure for a ticket taken now (predicted a moment ago off the path), with its
 * people ahead, or the line as it stands (priority visitors first, then the earlier ones) when that is more.
 */
function readyWait(cache: Cache, state: HallState, me: Candidate, closed: boolean): TicketWait {
  const before = (c: Candidate) =>
    c.priority !== me.priority
      ? c.priority
      : c.waitFrom < me.waitFrom || (c.waitFrom === me.waitFrom && c.seq < me.seq);
  let ahead = 0;
  for (const c of state.waiting)
    if (c.ticketId !== me.ticketId && c.serviceId === me.serviceId && c.targetWindowNo === null && before(c)) ahead++;
  const served = servedNow(state, me);
  if (closed) return { ahead, wait: null, servedNow: served };
  const matter = cache.services?.value.get(me.serviceId);
  // The figure for a ticket like this one (a priority visitor's own), with its count of who is called first
  // where this visitor could be (other matters at the windows that help too), unless the line of its own
  // matter has grown past it since.
  const like = me.priority ? matter?.priority : matter;
  // A figure made while no window served the matter (or while one did) is not this moment's: a window that
  // just opened would have the ticket print 超过4小时. Then the line's count over the windows serving now.
  const ready = like?.wait && like.wait.servedNow === served ? like.wait : null;
  const shownAhead = Math.max(ahead, like?.ahead ?? 0);
  // The figure is refreshed a moment after each change: visitors of the matter who took a number since (a
  // burst at the kiosks) add their share of the windows' time, so 即将叫号 is never printed behind them.
  const since = Math.max(0, ahead - (like?.ahead ?? 0));
  const add = ready && since > 0 ? meanWait(state, me, since, served).minutes : 0;
  // Always a figure: with no matter figure ready yet, the configured mean service time shared by the
  // windows that take the matter now.
  return {
    ahead: shownAhead,
    wait: ready
      ? { ...ready, minutes: ready.minutes + add, low: ready.low + add, high: ready.high + add, servedNow: served }
      : meanWait(state, me, ahead, served),
    servedNow: served,
  };
}

function meanWait(state: HallState, me: Candidate, ahead: number, served: boolean): EstimatedWait {
  const open = state.windows.filter((w) => w.availability === 'open' && w.window.skills[me.serviceId] !== undefined);
  const mean = state.services.get(me.serviceId)?.avgServiceMin ?? 10;
  const minutes = Math.round((ahead * mean) / Math.max(1, open.length));
  return { minutes, low: Math.round(minutes * 0.5), high: Math.round(minutes * 1.6), servedNow: served };
}

/** The kept issue prediction times (ms), wall and CPU, oldest first. */
export function issuePredictionSamples(core: CoreState): { wall: number[]; cpu: number[] } {
  const c = cacheOf(core);
  return { wall: [...c.issueMs], cpu: [...c.issueCpuMs] };
}

export interface Quantiles {
  p50: number;
  p99: number;
  max: number;
}

/**
 * The kept issue prediction times' p50, p99 and max (ms), wall and CPU, and how many; the issues since the
 * start and how many of them were answered with the matter's ready figure.
 */
export function issuePredictionTimes(
  core: CoreState,
): Quantiles & { n: number; cpu: Quantiles; issues: number; ready: number } {
  const c = cacheOf(core);
  return {
    n: c.issueMs.length,
    ...quantiles(c.issueMs),
    cpu: quantiles(c.issueCpuMs),
    issues: c.issueCount,
    ready: c.issueReady,
  };
}

function quantiles(xs: readonly number[]): Quantiles {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? 0;
  return { p50: q(0.5), p99: q(0.99), max: s.at(-1) ?? 0 };
}
