// What the predicted waits (core/wait.ts, core/issue-wait.ts) keep between two reads: a version bumped by
// every ticket or window change, each ticket's and each matter's last figures, and the waiting line kept in
// memory from the ticket events, so a prediction on the issue path need not read the whole line again.
import { roundedWait, type HallState, type Prediction } from '../domain/prediction';
import type { Candidate } from '../domain/routing';
import type { Ticket } from '../domain/types';
import type { EstimatedWait } from '../protocol/views';
import { countWaiting, hallState, readWaiting } from './hall-state';
import type { CoreState } from './state';

/** Time passing changes the figures too: refreshed at least this often while someone asks. */
export const MAX_AGE_MS = 60_000;
/**
 * Each prediction off the issue path stops adding futures after this long (at least MIN_RUNS run): the
 * event loop is never held much longer, so a command arriving meanwhile waits at most about this much.
 */
const BUDGET_MS = 2;

export const budget = () => {
  const end = performance.now() + BUDGET_MS;
  return () => performance.now() < end;
};

export interface TicketWait {
  /**
   * 前方还有N人: tickets waiting now called before this one at a window that could call it, any matter
   * (median over the futures).
   */
  ahead: number;
  /** Null when the hall is closed: no minutes at all. */
  wait: EstimatedWait | null;
  servedNow: boolean;
}

export interface ServiceWait {
  wait: EstimatedWait | null;
  servedNow: boolean;
  /** 前方还有N人 for a ticket taken now (what an issue past its time cap answers with). */
  ahead: number;
  /**
   * The same for a legally prioritised visitor taken now: an issue past its cap answers a priority ticket
   * with this, never with an ordinary visitor's minutes (their futures are short: one near the front).
   */
  priority: { wait: EstimatedWait | null; ahead: number };
}

export interface Cache {
  /** The last issues' prediction times (ms): what the prediction adds to POST /api/tickets. */
  issueMs: number[];
  /**
   * The same issues' CPU time (ms, the process's): the work itself, without the time the process waited for
   * a core on a machine shared with other busy processes.
   */
  issueCpuMs: number[];
  /** Issues since the start, and those answered with the matter's ready figure (their own hit the cap). */
  issueCount: number;
  issueReady: number;
  version: number;
  tickets: Map<string, { version: number; at: number; value: TicketWait }>;
  services: { version: number; at: number; serving: string; value: Map<string, ServiceWait> } | null;
  /** Set from a change's scheduling until its refresh has finished (one refresh at a time). */
  timer: ReturnType<typeof setTimeout> | null;
  /** The waiting line of `day`: read in full once, then kept by every ticket change (checked by its count). */
  line: { day: string; waiting: Map<string, Candidate> } | null;
}

const caches = new WeakMap<CoreState, Cache>();

/** Every ticket or window change makes the predictions stale. */
export function cacheOf(core: CoreState): Cache {
  let c = caches.get(core);
  if (!c) {
    const cache: Cache = {
      issueMs: [],
      issueCpuMs: [],
      issueCount: 0,
      issueReady: 0,
      version: 0,
      tickets: new Map(),
      services: null,
      timer: null,
      line: null,
    };
    const bump = () => {
      cache.version++;
      cache.tickets.clear();
    };
    core.bus.on('ticket.changed', ({ ticket }) => {
      bump();
      // Every change of a ticket's status or place in line comes as this event, after its commit.
      const line = cache.line;
      if (!line || line.day !== ticket.day) return;
      const t = ticket.status === 'waiting' ? core.tickets.get(ticket.id) : null;
      if (t && t.status === 'waiting') line.waiting.set(t.id, candidateOf(t));
      else line.waiting.delete(ticket.id);
    });
    core.bus.on('window.changed', bump);
    caches.set(core, (c = cache));
  }
  return c;
}

/**
 * The hall's state for a prediction, the waiting line from memory when it holds as many tickets as the
 * database says wait (a count costs a few µs; reading 300 tickets, about half a millisecond).
 */
export function stateNow(core: CoreState, cache: Cache, now: number, day: string, onIssuePath = false): HallState {
  const line = cache.line;
  if (!line || line.day !== day || line.waiting.size !== countWaiting(core, day)) {
    const waiting = readWaiting(core, day);
    cache.line = { day, waiting: new Map(waiting.map((c) => [c.ticketId, c])) };
    return hallState(core, now, day, onIssuePath, waiting);
  }
  return hallState(core, now, day, onIssuePath, [...line.waiting.values()]);
}

export const shown = (p: Prediction): EstimatedWait => roundedWait(p);

export function candidateOf(t: Ticket): Candidate {
  return {
    ticketId: t.id,
    serviceId: t.serviceId,
    waitFrom: t.waitFrom,
    issuedAt: t.issuedAt,
    seq: t.seq,
    priority: t.priority !== null,
    targetWindowNo: t.targetWindowNo,
  };
}
