// Routing (DESIGN.md §5): which waiting ticket a window calls next.
//
// The rule a supervisor can check by hand:
//   urgency = (minutes waited ÷ the service's target wait  +  priority boost) × short-matter factor
//             × level weight  −  level penalty × (level − 1)  +  rescue
// - a ticket at its target has waited 1.0 "targets"; a tax ticket 18 of 20 min (0.9) beats a
//   general ticket 6 of 15 min (0.4) when their matters take as long;
// - a legally prioritised visitor counts as if already one target late (boost 1): first in line, yet a
//   normal ticket past its target outranks a priority ticket that just arrived; the boost is scaled by the
//   short-matter factor too, so in long matters it counts for less (a hall that wants stricter priority
//   raises `routing.priorityBoost`: docs/benchmarks.md measures what each setting costs);
// - short-matter factor = (10 min ÷ the service's mean service time)^shortFirst: a window clears more
//   people in the same minutes on short matters, so waits fall overall (the cμ rule of queueing theory);
// - secondary skills lose `levelPenalty` per level (and are scaled by the level weight), so a window
//   serves its own queue first and helps other queues as their targets come near;
// - rescue: past `rescueAfterMin` minutes of waiting, every further 10 minutes add `rescuePer10Min`, so
//   no visitor is left behind because their matter is long;
// - a ticket transferred or held for this window counts as level 1;
// - ties go to the window's own skill, then to the earlier ticket.
// Candidates are the head of each (service, priority) queue plus the tickets reserved for the window,
// so picking costs O(services) whatever the queue length.
import type { HallWindow, Service } from './types';

export interface RoutingParams {
  /** Added to a priority visitor's targets waited. */
  priorityBoost: number;
  /** Weight per skill level: index 0 is level 1. Levels past the end use the last weight. */
  levelWeights: number[];
  /** Subtracted per skill level below 1. */
  levelPenalty: number;
  /** Exponent of the short-matter factor (10 min ÷ mean service time); 0 treats all matters alike. */
  shortFirst: number;
  /** Minutes of waiting after which the rescue term grows. */
  rescueAfterMin: number;
  /** Urgency added per further 10 minutes of waiting; 0 turns the rescue off. */
  rescuePer10Min: number;
}

export const DEFAULT_ROUTING: RoutingParams = {
  priorityBoost: 1,
  levelWeights: [1, 1, 1],
  levelPenalty: 0.2,
  shortFirst: 1.25,
  rescueAfterMin: 35,
  rescuePer10Min: 10,
};

/** The service time the short-matter factor is relative to: a 10-minute matter has factor 1. */
export const REFERENCE_SERVICE_MIN = 10;

export interface Candidate {
  ticketId: string;
  serviceId: string;
  /** Wait start (ms): issue time, kept across transfers; an early appointment's slot start. */
  waitFrom: number;
  issuedAt: number;
  /** The daily sequence: orders tickets of one service issued in the same millisecond. */
  seq: number;
  priority: boolean;
  /** Reserved for one window by a transfer to that window. */
  targetWindowNo: number | null;
}

export interface Score {
  urgency: number;
  level: number;
  waitedMin: number;
  targetRatio: number;
  levelWeight: number;
  priorityBoost: number;
  shortMatter: number;
  levelPenalty: number;
  rescue: number;
}

export function levelWeight(level: number, params: RoutingParams): number {
  const w = params.levelWeights;
  return w[Math.min(level, w.length) - 1] ?? 1;
}

/** The skill level this window has for a candidate, or null when it may not call it. */
export function eligibleLevel(c: Candidate, window: HallWindow): number | null {
  if (c.targetWindowNo !== null) return c.targetWindowNo === window.no ? 1 : null;
  return window.skills[c.serviceId] ?? null;
}

export function score(
  c: Candidate,
  window: HallWindow,
  service: Service,
  now: number,
  params: RoutingParams,
): Score | null {
  const level = eligibleLevel(c, window);
  if (level === null) return null;
  // An appointment checked in before its slot has not started waiting yet.
  const waitedMin = Math.max(0, now - c.waitFrom) / 60_000;
  const targetRatio = waitedMin / service.targetWaitMin;
  const weight = levelWeight(level, params);
  const boost = c.priority ? params.priorityBoost : 0;
  const shortMatter = (REFERENCE_SERVICE_MIN / Math.max(0.1, service.avgServiceMin)) ** params.shortFirst;
  const penalty = params.levelPenalty * (level - 1);
  const rescue = (params.rescuePer10Min * Math.max(0, waitedMin - params.rescueAfterMin)) / 10;
  return {
    urgency: (targetRatio + boost) * shortMatter * weight - penalty + rescue,
    level,
    waitedMin,
    targetRatio,
    levelWeight: weight,
    priorityBoost: boost,
    shortMatter,
    levelPenalty: penalty,
    rescue,
  };
}

/** Higher urgency wins; at equal urgency the window's own skill, then the earlier ticket. */
function better(sa: Score, a: Candidate, sb: Score, b: Candidate): boolean {
  if (sa.urgency !== sb.urgency) return sa.urgency > sb.urgency;
  if (sa.level !== sb.level) return sa.level < sb.level;
  return earlier(a, b);
}

function earlier(a: Candidate, b: Candidate): boolean {
  if (a.waitFrom !== b.waitFrom) return a.waitFrom < b.waitFrom;
  if (a.issuedAt !== b.issuedAt) return a.issuedAt < b.issuedAt;
  if (a.seq !== b.seq) return a.seq < b.seq;
  return a.ticketId < b.ticketId;
}

/** The most urgent candidate this window may call, with its score, or null when none. */
export function pickNext(
  candidates: readonly Candidate[],
  window: HallWindow,
  services: ReadonlyMap<string, Service>,
  now: number,
  params: RoutingParams,
): { candidate: Candidate; score: Score } | null {
  let best: { candidate: Candidate; score: Score } | null = null;
  for (const c of candidates) {
    const service = services.get(c.serviceId);
    if (!service) continue;
    const s = score(c, window, service, now, params);
    if (!s) continue;
    if (!best || better(s, c, best.score, best.candidate)) {
      best = { candidate: c, score: s };
    }
  }
  return best;
}

/** A visitor's estimated wait: the people ahead shared among the windows whose own service it is. */
export function estimateWaitMin(waitingAhead: number, avgServiceMin: number, primaryWindows: number): number {
  return Math.round((waitingAhead * avgServiceMin) / Math.max(1, primaryWindows));
}
