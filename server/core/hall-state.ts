// The hall's state as the wait predictor reads it (domain/prediction.ts): waiting tickets and windows read
// fresh; visit times and expected arrivals learned from the hall's own history, kept a few minutes.
import { addDays, hoursOn } from '../domain/calendar';
import { minuteOfDay, parseHhMm } from '../domain/numbering';
import type { ArrivalRate, Durations, HallState, PredictionWindow } from '../domain/prediction';
import { DEFAULT_CV } from '../domain/prediction';
import type { Candidate } from '../domain/routing';
import { WaitHistoryStore } from '../store/wait-history';
import type { CoreState } from './state';

const MS = 60_000;
/** History is read again after this long (it changes slowly; the queue itself is read every time). */
const HISTORY_TTL_MS = 5 * MS;
/** Visit times: the last four weeks, at most this many per matter. */
const VISIT_DAYS = 28;
const VISITS_PER_SERVICE = 400;
/** Same weekday, this many weeks back. */
const ARRIVAL_WEEKS = 4;
/** A break is expected to last this long; one already longer ends within a few minutes. */
export const EXPECTED_BREAK_MIN = 15;

interface History {
  day: string;
  at: number;
  durations: Map<string, Durations>;
  arrivals: ArrivalRate[];
}

interface Stored {
  store: WaitHistoryStore;
  history: History | null;
  /** A relearning scheduled off the issue path. */
  relearning: boolean;
}

const stores = new WeakMap<CoreState, Stored>();

function storeOf(core: CoreState): Stored {
  let s = stores.get(core);
  if (!s) stores.set(core, (s = { store: new WaitHistoryStore(core.db), history: null, relearning: false }));
  return s;
}

/** Every ticket waiting on the day, read in full (about 2 µs a ticket). */
export function readWaiting(core: CoreState, day: string): Candidate[] {
  return storeOf(core).store.waiting(day);
}

/** How many tickets wait on the day (a few µs). */
export function countWaiting(core: CoreState, day: string): number {
  return storeOf(core).store.waitingCount(day);
}

/** Local midnight of the instant's hall day, in ms (whole-minute zones). */
const midnight = (now: number, tz: string) => now - minuteOfDay(now, tz) * MS - (now % MS);

/**
 * `onIssuePath`: there, history a few minutes stale is used as it is and read again a moment later
 * (reading four weeks of visits can take tens of milliseconds); only a new day's is read at once.
 * `waiting`: the waiting line when the caller keeps it current (else read in full).
 */
export function hallState(
  core: CoreState,
  now: number,
  day: string,
  onIssuePath = false,
  waiting?: readonly Candidate[],
): HallState {
  const s = storeOf(core);
  const h = s.history;
  if (!h || h.day !== day) s.history = learn(core, s.store, now, day);
  else if (now - h.at > HISTORY_TTL_MS || now < h.at) {
    if (!onIssuePath) s.history = learn(core, s.store, now, day);
    else if (!s.relearning) {
      s.relearning = true;
      setImmediate(() => {
        s.relearning = false;
        try {
          if (core.db.open && s.history === h) s.history = learn(core, s.store, core.clock(), day);
        } catch {
          // A hall shutting down keeps the history it had.
        }
      }).unref?.();
    }
  }
  const history = s.history!;
  const tz = core.config.hall.timezone;
  const close = hoursOn(core.config.hall, day)?.close ?? core.config.hall.close;
  return {
    now,
    services: core.model.services,
    durations: history.durations,
    windows: windowsNow(core, now),
    waiting: waiting ?? readWaiting(core, day),
    arrivals: history.arrivals,
    arrivalsUntil: midnight(now, tz) + parseHhMm(close) * MS,
    routing: core.config.routing,
  };
}

function windowsNow(core: CoreState, now: number): PredictionWindow[] {
  const out: PredictionWindow[] = [];
  for (const row of core.windows.all()) {
    const window = core.model.window(row.no, row);
    if (!window) continue;
    const cur = row.currentTicket ? core.tickets.get(row.currentTicket) : null;
    const active = cur && (cur.status === 'called' || cur.status === 'serving') ? cur : null;
    const busy = active ? { since: active.calledAt ?? now, serviceId: active.serviceId } : null;
    if (!row.open || !row.clerkId) out.push({ window, availability: 'closed', busy: null });
    else if (row.pausedReason !== null) {
      const back = (row.pausedAt ?? now) + EXPECTED_BREAK_MIN * MS;
      out.push({ window, availability: 'paused', busy, backAt: Math.max(back, now + 5 * MS) });
    } else out.push({ window, availability: 'open', busy });
  }
  return out;
}

function learn(core: CoreState, store: WaitHistoryStore, now: number, day: string): History {
  const visits = store.visitMinutes(now - VISIT_DAYS * 24 * 60 * MS, VISITS_PER_SERVICE);
  const durations = new Map<string, Durations>();
  for (const s of core.model.services.values())
    durations.set(s.id, { samples: visits.get(s.id) ?? [], mean: s.avgServiceMin, cv: DEFAULT_CV });
  return { day, at: now, durations, arrivals: expectedArrivals(core, store, now, day) };
}

/**
 * Arrivals per matter, priority and hour: the mean of the same weekday over the last four weeks; a hall
 * without that history expects today's own rate so far to go on.
 */
function expectedArrivals(core: CoreState, store: WaitHistoryStore, now: number, day: string): ArrivalRate[] {
  const tz = core.config.hall.timezone;
  const start = midnight(now, tz);
  const counts = new Map<string, number>();
  let days = 0;
  for (let k = 1; k <= ARRIVAL_WEEKS; k++) {
    const past = store.issuedOn(addDays(day, -7 * k));
    if (!past.length) continue;
    days++;
    for (const t of past) {
      const key = `${t.serviceId}|${t.priority ? 1 : 0}|${Math.floor(minuteOfDay(t.at, tz) / 60)}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  if (days > 0)
    return [...counts].map(([key, n]) => {
      const [serviceId, p, hour] = key.split('|');
      const from = start + Number(hour) * 60 * MS;
      return { serviceId: serviceId!, priority: p === '1', from, to: from + 60 * MS, perMin: n / days / 60 };
    });
  const today = store.issuedOn(day);
  if (!today.length) return [];
  const first = Math.min(...today.map((t) => t.at));
  const spanMin = Math.max(30, (now - first) / MS);
  const perKey = new Map<string, number>();
  for (const t of today) {
    const key = `${t.serviceId}|${t.priority ? 1 : 0}`;
    perKey.set(key, (perKey.get(key) ?? 0) + 1);
  }
  return [...perKey].map(([key, n]) => {
    const [serviceId, p] = key.split('|');
    return { serviceId: serviceId!, priority: p === '1', from: now, to: start + 24 * 60 * MS, perMin: n / spanMin };
  });
}
