// The predicted wait as the kiosk, mobile page, console and dashboard show it (issue 25): domain/prediction.ts
// run on the hall's state now. Never inside a command's transaction: a new ticket's own prediction runs
// after its issue commits, capped by time (core/issue-wait.ts); the per-matter figures of the queue views
// are refreshed a moment after a change, off the command path, then pushed as `queues.changed`.
import { hallDay } from '../domain/numbering';
import { DEFAULT_PREDICT, newTicket, predictWait, servedNow, type HallState } from '../domain/prediction';
import { seedOf } from '../domain/random';
import type { Ticket } from '../domain/types';
import type { CoreState } from './state';
import {
  budget,
  cacheOf,
  candidateOf,
  MAX_AGE_MS,
  shown,
  stateNow,
  type Cache,
  type ServiceWait,
  type TicketWait,
} from './wait-cache';

export type { ServiceWait, TicketWait } from './wait-cache';

/** Queue views wait this long after a change before predicting again (changes come in bursts). */
const REFRESH_DELAY_MS = 250;

/** A waiting ticket's predicted wait and people ahead; other tickets wait no more. */
export function ticketWait(core: CoreState, t: Ticket): TicketWait {
  if (t.status !== 'waiting') return { ahead: 0, wait: null, servedNow: true };
  const cache = cacheOf(core);
  const now = core.clock();
  const hit = cache.tickets.get(t.id);
  if (hit && hit.version === cache.version && now - hit.at < MAX_AGE_MS && now >= hit.at) return hit.value;
  const day = hallDay(now, core.config.hall.timezone);
  const state = stateNow(core, cache, now, day);
  const p = predictWait(state, candidateOf(t), { ...DEFAULT_PREDICT, seed: seedOf(t.id, 0), more: budget() });
  const closed = core.openStatus(now, day).reason !== null;
  const value = { ahead: p.ahead, wait: closed ? null : shown(p), servedNow: p.servedNow };
  cache.tickets.set(t.id, { version: cache.version, at: now, value });
  return value;
}

/**
 * What a ticket taken now would wait, per matter. Computed once, then served from the cache; a change
 * schedules a refresh a moment later, which publishes the new figures when they differ.
 */
export function serviceWaits(
  core: CoreState,
  servedNow: ReadonlySet<string>,
  /** Publishes the refreshed figures (the queries' serviceViews as `queues.changed`). */
  publish: () => void,
  /** On a command's path: stale figures are served and refreshed a moment later; else predicted at once. */
  cached = false,
): Map<string, ServiceWait> {
  const cache = cacheOf(core);
  const now = core.clock();
  // Which matters are served changed (a window opened, closed, paused), or the hall opened or closed:
  // never show minutes of the old plan; this is not on the path of issuing or calling, so predict at once.
  const serving = servingKey(core, now, servedNow);
  if (!cache.services || cache.services.serving !== serving)
    cache.services = { version: cache.version, at: now, serving, value: predictServices(core, now) };
  const stale = cache.services.version !== cache.version || now - cache.services.at > MAX_AGE_MS;
  if (stale && !cached) {
    cache.services = { version: cache.version, at: now, serving, value: predictServices(core, now) };
    return cache.services.value;
  }
  if (stale && !cache.timer) {
    cache.timer = setTimeout(() => refresh(core, cache, publish), REFRESH_DELAY_MS);
    cache.timer.unref?.();
  }
  return cache.services.value;
}

/** One matter per turn of the event loop: a command arriving meanwhile waits for one prediction at most. */
function refresh(core: CoreState, cache: Cache, publish: () => void): void {
  const version = cache.version;
  const now = core.clock();
  // A read since the change predicted them already.
  if (cache.services?.version === version && now - cache.services.at <= MAX_AGE_MS) {
    cache.timer = null;
    return;
  }
  const ids = [...core.model.services.keys()];
  const out = new Map<string, ServiceWait>();
  let state: { closed: boolean; hall: HallState } | null = null;
  const step = (i: number) => {
    try {
      if (!core.db.open) return;
      if (!state) {
        const day = hallDay(now, core.config.hall.timezone);
        state = { closed: core.openStatus(now, day).reason !== null, hall: stateNow(core, cache, now, day) };
      }
      if (i < ids.length) {
        out.set(ids[i]!, predictService(state.hall, state.closed, ids[i]!, now));
        setImmediate(() => step(i + 1)).unref?.();
        return;
      }
      cache.timer = null;
      // Published when what the queue views show changed (not the people ahead, which only issues read).
      const shownOf = (m: Map<string, ServiceWait> | undefined) =>
        JSON.stringify([...(m ?? [])].map(([id, w]) => [id, w.wait, w.servedNow]));
      const before = shownOf(cache.services?.value);
      const serving = servingKey(core, now, servedNowByService(core));
      cache.services = { version, at: now, serving, value: out };
      if (shownOf(out) !== before) publish();
    } catch {
      // A hall shutting down (database closed) keeps the figures it had.
    }
  };
  step(0);
}

function predictService(state: HallState, closed: boolean, id: string, now: number): ServiceWait {
  const target = newTicket(id, now);
  if (closed) return { wait: null, servedNow: servedNow(state, target), ahead: 0, priority: { wait: null, ahead: 0 } };
  const p = predictWait(state, target, { ...DEFAULT_PREDICT, seed: seedOf(id, 0), more: budget() });
  const q = predictWait(state, newTicket(id, now, true), { ...DEFAULT_PREDICT, seed: seedOf(id, 1), more: budget() });
  return { wait: shown(p), servedNow: p.servedNow, ahead: p.ahead, priority: { wait: shown(q), ahead: q.ahead } };
}

function servingKey(core: CoreState, now: number, servedNow: ReadonlySet<string>): string {
  const closed = core.openStatus(now, hallDay(now, core.config.hall.timezone)).reason !== null;
  return `${closed ? 'closed' : 'open'}:${[...servedNow].sort().join(',')}`;
}

/** Per matter, whether an open window (clerk logged in, not on a break) takes it now: read fresh, it is cheap. */
export function servedNowByService(core: CoreState): Set<string> {
  const out = new Set<string>();
  for (const row of core.windows.all()) {
    if (!row.open || !row.clerkId || row.pausedReason !== null) continue;
    for (const id of Object.keys(core.model.window(row.no, row)?.skills ?? {})) out.add(id);
  }
  return out;
}

function predictServices(core: CoreState, now: number): Map<string, ServiceWait> {
  const day = hallDay(now, core.config.hall.timezone);
  const closed = core.openStatus(now, day).reason !== null;
  const state = stateNow(core, cacheOf(core), now, day);
  const out = new Map<string, ServiceWait>();
  for (const id of core.model.services.keys()) out.set(id, predictService(state, closed, id, now));
  return out;
}
