// The calls a board missed while it was offline: on reconnect the full state's recent calls are compared
// with what the board knew, and the ones still worth it get their turn large and are announced. Pure.
import type { BoardState } from '../../../server/protocol/socket';
import type { CallView } from '../../../server/protocol/views';

/** A call missed while the board was offline is still worth its turn this long after it was made. */
export const MISSED_CALL_MS = 2 * 60_000;
/** At most this many missed calls are announced after a reconnect (the newest ones). */
export const MISSED_CALLS_MAX = 3;

const key = (c: CallView) => `${c.at}|${c.ticket.number}|${c.windowNo}`;

/**
 * The calls made while the board was offline that still matter, oldest first: not among the calls it knew,
 * made in the last two minutes, and the ticket still called at its window (one since served, finished or
 * moved on needs no announcement); the newest few only, so a long outage does not read out a list.
 */
export function missedCalls(before: BoardState, after: BoardState, now: number): CallView[] {
  const known = new Set(before.recentCalls.map(key));
  const stillCalled = (c: CallView) => {
    const t = after.windows.find((w) => w.no === c.windowNo)?.ticket;
    return t?.number === c.ticket.number && t.status === 'called';
  };
  return after.recentCalls
    .filter((c) => !known.has(key(c)) && now - Date.parse(c.at) <= MISSED_CALL_MS && stillCalled(c))
    .slice(0, MISSED_CALLS_MAX)
    .reverse();
}
