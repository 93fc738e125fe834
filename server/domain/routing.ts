// Routing (DESIGN.md §5): which waiting ticket a window calls next. Two steps a supervisor can check by hand:
//
// 1. The window picks the most urgent **matter** (service) among its skills, by the matter's oldest ticket:
//      urgency = (minutes waited ÷ target wait  +  near-target bonus  +  priority boost) × short-matter factor
//                × level weight  −  level penalty × (level − 1)  +  rescue
//    - a ticket at its target has waited 1.0 "targets": a tax ticket 18 of 20 min (0.9) beats a general
//      ticket 6 of 15 min (0.4) when their matters take as long;
//    - near-target bonus: a matter whose oldest ticket is within `nearTargetMin` minutes of its target (and
//      not yet past it) gets `nearTargetBonus` targets more: calling it now still keeps that visitor in time;
//    - short-matter factor = (10 min ÷ the matter's mean service time)^shortFirst: a window clears more
//      people in the same minutes on short matters, so waits fall overall (the cμ rule of queueing theory);
//    - secondary skills lose `levelPenalty` per level (and are scaled by the level weight), so a window
//      serves its own matters first and helps others as their targets come near;
//    - **bottleneck matters** (routing-facts.ts: at the hall's peak, the windows that may take the matter
//      carry more load each than the hall's windows do on average) are never deferred by windows that merely
//      help with them: every window that may take one scores it as its own matter (level 1) with the
//      largest short-matter factor of the hall (`bottleneckHelpers`: "shared" leaves out a helper that is
//      its own matter's only own window, "none" every helper; `bottleneckWeight` multiplies its term), and
//      with `bottleneckOwnFirst` the bottleneck's own windows help no other matter while it has anyone waiting;
//    - relative load (`loadExp`, off by default): the waited-÷-target term × (the matter's peak load per window
//      that may take it ÷ the hall's)^loadExp, from the same facts;
//    - rescue: past `rescueAfterMin` minutes of waiting, every further 10 minutes add `rescuePer10Min`, so
//      nobody is left behind because their matter is long or another window's;
//    - priority boost: while a legally prioritised visitor of the matter waits, `priorityBoost` is added at
//      the windows whose own matter it is, and at a helper window while none of its own matters has anyone
//      waiting (`priorityWhenOwnEmpty`: as the peers' skill-level order does), and at a helper that is about
//      to help anyway (a helped matter outranks its own line) once the priority visitor has waited
//      `priorityHelpAfterMin` (3) minutes (`priorityWhenHelping`): a window that helps, helps priority visitors
//      first, so a long helped matter's priority visitors are not passed over for quick ones; never does the
//      boost pull a window away from its own line.
// 2. Within the matter, a legally prioritised visitor goes to the front of its line; an ordinary ticket
//    that has waited `ordinaryFirstAfterMin` (90) keeps its turn (priority never starves the rest). Not the
//    rescue threshold: in a peak backlog past it, every priority visitor of the matter waited behind it.
//
// A ticket transferred or held for this window is a matter of its own at level 1. Ties go to the window's
// own skill, then to the earlier ticket. Candidates are the head of each (service, priority) queue plus the
// tickets reserved for the window, so picking costs O(services) whatever the queue length.
import type { HallWindow, Service } from './types';

export interface RoutingParams {
  /** Targets added to a matter's urgency while a legally prioritised visitor of it waits. */
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
  /**
   * Within a matter, an ordinary ticket that has waited this many minutes is called before a priority visitor
   * (priority never starves the rest). Well above the rescue threshold: a backlog past the rescue must not
   * hold every priority visitor of the matter behind it.
   */
  ordinaryFirstAfterMin: number;
  /** The priority boost also counts at windows that only help with the matter (else at its own windows only). */
  priorityEverywhere: boolean;
  /** The priority boost counts at a helper window while none of its own matters has anyone waiting. */
  priorityWhenOwnEmpty: boolean;
  /**
   * The priority boost counts at a helper window whenever it is about to help (a matter it only helps with
   * outranks its own): it then helps the priority visitors first. Its own line never loses a call to this.
   */
  priorityWhenHelping: boolean;
  /** …once the helped matter's first priority visitor has waited this many minutes (0: at once). */
  priorityHelpAfterMin: number;
  /** A matter a window only helps with never counts as shorter than the window's own matters. */
  helpNoShorter: boolean;
  /** A matter whose oldest ticket is this many minutes or fewer from its target gets the bonus. */
  nearTargetMin: number;
  /** Targets added in that last stretch before the target; 0 turns it off. */
  nearTargetBonus: number;
  /**
   * Bottleneck matters: "auto" computes them from the hall's expected arrivals (routing-facts.ts), a list
   * names them (service ids), [] turns the term off.
   */
  bottlenecks: 'auto' | string[];
  /** "auto": a matter is a bottleneck when its windows' peak load each is above the hall's × this. */
  bottleneckMargin: number;
  /** A bottleneck matter's waited-÷-target term is multiplied by this where it counts as the window's own. */
  bottleneckWeight: number;
  /**
   * Which helpers take a bottleneck matter up as their own: "all"; "shared": not a helper that is the only own
   * window of one of its matters (routing-facts.ts `soleOwnWindows`: it would leave a line nobody else serves
   * first); "none" (only `bottleneckOwnFirst` counts). The others help with it as with any matter.
   */
  bottleneckHelpers: 'all' | 'shared' | 'none';
  /**
   * The waited-÷-target term is multiplied by (the matter's peak load per window that may take it ÷ the hall's)
   * to this power (routing-facts.ts `relativeLoad`): a matter few windows carry counts more. 0 turns it off.
   */
  loadExp: number;
  /** The relative-load weight counts only where the window helps (level 2 and below), not among its own matters. */
  loadHelpOnly: boolean;
  /** A window whose own matter is a bottleneck helps no other matter while that matter has anyone waiting. */
  bottleneckOwnFirst: boolean;
  /**
   * Rescue threshold (minutes) of a bottleneck matter at every window that may take it (but a helper that is
   * its own matter's only own window, unless `bottleneckHelpers` is "all"): its tail is taken up by the
   * helpers before it grows. 0: `rescueAfterMin`.
   */
  bottleneckRescueAfterMin: number;
}

/**
 * The defaults are the weights of the rule before issue 24 (short-matter exponent 1.25, rescue after 35 min)
 * with priority handled per matter (boost 20 at the matter's own windows and at idle helpers, a priority
 * visitor first in its line): on the scenario family (docs/benchmarks.md) that keeps the earlier rule's four
 * figures and serves priority visitors as static-weight does. The terms tried for issue 24 (bottleneck matters,
 * near-target bonus, helped matters never shorter) are per-hall settings, off by default: on the family
 * they traded mean and p90 for the longest wait and were worse than the earlier rule on most days.
 */
export const DEFAULT_ROUTING: RoutingParams = {
  priorityBoost: 20,
  priorityEverywhere: false,
  priorityWhenOwnEmpty: true,
  priorityWhenHelping: true,
  priorityHelpAfterMin: 3,
  helpNoShorter: false,
  levelWeights: [1, 1, 1],
  levelPenalty: 0.2,
  shortFirst: 1.25,
  rescueAfterMin: 35,
  rescuePer10Min: 10,
  ordinaryFirstAfterMin: 90,
  nearTargetMin: 3,
  nearTargetBonus: 0,
  bottlenecks: [],
  bottleneckMargin: 0.85,
  bottleneckWeight: 1,
  bottleneckHelpers: 'all',
  loadExp: 0,
  loadHelpOnly: false,
  bottleneckOwnFirst: false,
  bottleneckRescueAfterMin: 0,
};

/** What the rule knows of the hall beyond the queues: its bottleneck matters (routing-facts.ts). */
export interface HallFacts {
  bottlenecks: ReadonlySet<string>;
  /** Windows that are the only level-1 window of one of their matters (routing-facts.ts). */
  soleOwn?: ReadonlySet<number>;
  /** Each matter's peak load per window that may take it ÷ the hall's (routing-facts.ts `relativeLoad`). */
  relativeLoad?: ReadonlyMap<string, number>;
}

export const NO_FACTS: HallFacts = { bottlenecks: new Set() };

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

/** Why a ticket was called: the urgency and each of its terms (the event log keeps them on call). */
export interface Score {
  urgency: number;
  /** The level the rule used: 1 for a bottleneck matter or a ticket reserved for this window. */
  level: number;
  /** Minutes the matter's oldest ticket has waited (the called ticket may be a priority visitor). */
  waitedMin: number;
  targetRatio: number;
  levelWeight: number;
  /** The relative-load weight (loadExp; 1 when off). */
  loadWeight: number;
  priorityBoost: number;
  nearTarget: number;
  shortMatter: number;
  levelPenalty: number;
  rescue: number;
  bottleneck: boolean;
  /** The called ticket is a priority visitor taken before older tickets of its matter. */
  priorityFirst: boolean;
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

const shortFactor = (service: Service, params: RoutingParams) =>
  (REFERENCE_SERVICE_MIN / Math.max(0.1, service.avgServiceMin)) ** params.shortFirst;

/** The largest short-matter factor among the hall's services: what a bottleneck matter counts with. */
export function hallShortest(services: ReadonlyMap<string, Service>, params: RoutingParams): number {
  let best = 0;
  for (const s of services.values()) best = Math.max(best, shortFactor(s, params));
  return best;
}

/** The urgency of a matter whose oldest ticket is `oldest`, at this window. */
export function score(
  oldest: Candidate,
  window: HallWindow,
  service: Service,
  now: number,
  params: RoutingParams,
  facts: HallFacts = NO_FACTS,
  extra: {
    hasPriority?: boolean;
    /** Wait start (ms) of the matter's first priority visitor, when one waits. */
    priorityFrom?: number;
    hallShortest?: number;
    ownShortest?: number;
    ownEmpty?: boolean;
    /** The window is about to help (priorityWhenHelping's second look). */
    helping?: boolean;
  } = {},
): Score | null {
  const skill = eligibleLevel(oldest, window);
  if (skill === null) return null;
  // A bottleneck matter (not reserved for one window), and whether this window may take it up: its own windows
  // always, a helper unless it is its own matter's only own window ("all": any helper). "none" keeps helpers
  // off the level-1 term, not off the bottleneck's earlier rescue.
  const atBottleneck = oldest.targetWindowNo === null && facts.bottlenecks.has(oldest.serviceId);
  const mayTakeUp = skill === 1 || params.bottleneckHelpers === 'all' || !facts.soleOwn?.has(window.no);
  const bottleneck = atBottleneck && mayTakeUp && (skill === 1 || params.bottleneckHelpers !== 'none');
  const level = bottleneck ? 1 : skill;
  // An appointment checked in before its slot has not started waiting yet.
  const waitedMin = Math.max(0, now - oldest.waitFrom) / 60_000;
  const target = service.targetWaitMin;
  const targetRatio = waitedMin / target;
  const weight = levelWeight(level, params);
  // The boost is the window's own matters' only (level 1): a window serves its own priority visitors first.
  const boost =
    (extra.hasPriority ?? oldest.priority) &&
    (skill === 1 ||
      params.priorityEverywhere ||
      (params.priorityWhenOwnEmpty && extra.ownEmpty) ||
      (extra.helping && now - (extra.priorityFrom ?? oldest.waitFrom) >= params.priorityHelpAfterMin * 60_000))
      ? params.priorityBoost
      : 0;
  const near = waitedMin <= target && waitedMin >= target - params.nearTargetMin ? params.nearTargetBonus : 0;
  const own = shortFactor(service, params);
  // A matter the window merely helps with never counts as shorter than the window's own matters.
  const shortMatter = bottleneck
    ? Math.max(own, extra.hallShortest ?? own)
    : level > 1 && params.helpNoShorter
      ? Math.min(own, extra.ownShortest ?? own)
      : own;
  const penalty = params.levelPenalty * (level - 1);
  const rel = facts.relativeLoad?.get(oldest.serviceId);
  const loadWeight = params.loadExp && rel && !(params.loadHelpOnly && level === 1) ? rel ** params.loadExp : 1;
  const rescueAfter =
    params.bottleneckRescueAfterMin && atBottleneck && mayTakeUp
      ? params.bottleneckRescueAfterMin
      : params.rescueAfterMin;
  const rescue = (params.rescuePer10Min * Math.max(0, waitedMin - rescueAfter)) / 10;
  return {
    urgency:
      (targetRatio * loadWeight * (bottleneck ? params.bottleneckWeight : 1) + near) * shortMatter * weight -
      penalty +
      rescue +
      boost,
    level,
    waitedMin,
    targetRatio,
    levelWeight: weight,
    loadWeight,
    priorityBoost: boost,
    nearTarget: near,
    shortMatter,
    levelPenalty: penalty,
    rescue,
    bottleneck,
    priorityFirst: false,
  };
}

function earlier(a: Candidate, b: Candidate): boolean {
  if (a.waitFrom !== b.waitFrom) return a.waitFrom < b.waitFrom;
  if (a.issuedAt !== b.issuedAt) return a.issuedAt < b.issuedAt;
  if (a.seq !== b.seq) return a.seq < b.seq;
  return a.ticketId < b.ticketId;
}

export interface Matter {
  oldest: Candidate;
  priority: Candidate | null;
  ordinary: Candidate | null;
}

/** Groups the queue heads by matter; each reserved ticket is a matter of its own. */
export function mattersOf(candidates: readonly Candidate[]): Matter[] {
  const bySvc = new Map<string, Matter>();
  const out: Matter[] = [];
  for (const c of candidates) {
    if (c.targetWindowNo !== null) {
      out.push({ oldest: c, priority: null, ordinary: c });
      continue;
    }
    const m = bySvc.get(c.serviceId);
    const slot = c.priority ? 'priority' : 'ordinary';
    if (!m) {
      const fresh: Matter = { oldest: c, priority: null, ordinary: null };
      fresh[slot] = c;
      bySvc.set(c.serviceId, fresh);
      continue;
    }
    if (!m[slot] || earlier(c, m[slot])) m[slot] = c;
    if (earlier(c, m.oldest)) m.oldest = c;
  }
  return [...out, ...bySvc.values()];
}

/** Within a matter: a priority visitor first, unless the ordinary head has waited `ordinaryFirstAfterMin`. */
function callWithin(m: Matter, now: number, params: RoutingParams): Candidate {
  if (!m.priority) return m.ordinary!;
  if (!m.ordinary) return m.priority;
  const ordinaryWaited = (now - m.ordinary.waitFrom) / 60_000;
  return ordinaryWaited > params.ordinaryFirstAfterMin && earlier(m.ordinary, m.priority) ? m.ordinary : m.priority;
}

/** Higher urgency wins; at equal urgency the window's own skill, then the earlier ticket. */
function better(sa: Score, a: Candidate, sb: Score, b: Candidate): boolean {
  if (sa.urgency !== sb.urgency) return sa.urgency > sb.urgency;
  if (sa.level !== sb.level) return sa.level < sb.level;
  return earlier(a, b);
}

/** The ticket this window should call, with the urgency of its matter, or null when it may call none. */
export function pickNext(
  candidates: readonly Candidate[],
  window: HallWindow,
  services: ReadonlyMap<string, Service>,
  now: number,
  params: RoutingParams,
  facts: HallFacts = NO_FACTS,
): { candidate: Candidate; score: Score } | null {
  const shortest = facts.bottlenecks.size ? hallShortest(services, params) : undefined;
  let ownShortest: number | undefined;
  for (const [id, level] of Object.entries(window.skills)) {
    const svc = services.get(id);
    if (level === 1 && svc) ownShortest = Math.max(ownShortest ?? 0, shortFactor(svc, params));
  }
  let matters = mattersOf(candidates);
  // A bottleneck matter's own window stays with it while anyone of it waits (its line has no one else).
  if (
    params.bottleneckOwnFirst &&
    matters.some((m) => facts.bottlenecks.has(m.oldest.serviceId) && window.skills[m.oldest.serviceId] === 1)
  )
    matters = matters.filter((m) => eligibleLevel(m.oldest, window) === 1);
  const choose = (ownEmpty: boolean, helping: boolean) => {
    let best: { oldest: Candidate; matter: Matter; score: Score } | null = null;
    for (const m of matters) {
      const service = services.get(m.oldest.serviceId);
      if (!service) continue;
      const s = score(m.oldest, window, service, now, params, facts, {
        hasPriority: m.priority !== null,
        priorityFrom: m.priority?.waitFrom,
        hallShortest: shortest,
        ownShortest,
        ownEmpty,
        helping,
      });
      if (!s) continue;
      if (!best || better(s, m.oldest, best.score, best.oldest)) best = { oldest: m.oldest, matter: m, score: s };
    }
    return best;
  };
  const ownEmpty = !matters.some((m) => eligibleLevel(m.oldest, window) === 1);
  let best = choose(ownEmpty, false);
  if (!best) return null;
  // About to help: among the matters it helps with, the window serves their priority visitors first. Only
  // helped matters gain, so a window that chose to help still helps; its own line loses nothing to this.
  if (params.priorityWhenHelping && !ownEmpty && best.score.level > 1) best = choose(ownEmpty, true)!;
  const candidate = callWithin(best.matter, now, params);
  return { candidate, score: { ...best.score, priorityFirst: candidate !== best.oldest } };
}

/** A visitor's estimated wait: the people ahead shared among the windows whose own service it is. */
export function estimateWaitMin(waitingAhead: number, avgServiceMin: number, primaryWindows: number): number {
  return Math.round((waitingAhead * avgServiceMin) / Math.max(1, primaryWindows));
}
