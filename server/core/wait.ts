// People ahead and the estimated wait as the kiosk, ticket page, mobile page and dashboard show them
// (the minimal version until issue 17's prediction): only tickets that will really be called first, and
// whether any window serves the matter now.
import type { Ticket } from '../domain/types';
import { waitEstimate, type Serving, type WaitEstimate } from '../domain/wait-estimate';
import type { CoreState } from './state';

/** Per matter, the windows serving it now: open, a clerk logged in and not on a break. */
export function servingCounts(core: CoreState): Map<string, Serving> {
  const counts = new Map<string, Serving>();
  for (const row of core.windows.all()) {
    if (!row.open || !row.clerkId || row.pausedReason !== null) continue;
    const w = core.model.window(row.no, row);
    for (const [id, level] of Object.entries(w?.skills ?? {})) {
      const c = counts.get(id) ?? { primary: 0, any: 0 };
      counts.set(id, { primary: c.primary + (level === 1 ? 1 : 0), any: c.any + 1 });
    }
  }
  return counts;
}

/**
 * Waiting tickets of the matter called before this one: every priority visitor first (a later elderly
 * visitor goes ahead of a normal ticket; a priority ticket has only earlier priority tickets ahead).
 */
export function peopleAhead(core: CoreState, t: Ticket): number {
  return core.tickets.waitingAheadOf(t.day, t.serviceId, t.waitFrom, t.seq, t.priority !== null);
}

export function estimateFor(
  core: CoreState,
  serviceId: string,
  ahead: number,
  counts = servingCounts(core),
): WaitEstimate {
  const avg = core.model.services.get(serviceId)?.avgServiceMin ?? 0;
  return waitEstimate(ahead, avg, counts.get(serviceId) ?? { primary: 0, any: 0 });
}
