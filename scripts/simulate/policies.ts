// Routing policies side by side: ours is the server's own domain code (pickNext), not a copy; the
// baselines are faithful models of the peers DESIGN.md §5 names.
import {
  DEFAULT_ROUTING,
  NO_FACTS,
  pickNext,
  type Candidate,
  type HallFacts,
  type RoutingParams,
} from '../../server/domain/routing';
import type { HallWindow, Service } from '../../server/domain/types';
import { before24 } from './before-24';

export interface PickContext {
  /** The head of each non-empty (service, priority) queue. */
  heads: readonly Candidate[];
  window: HallWindow;
  services: ReadonlyMap<string, Service>;
  /** ms on the simulated clock. */
  now: number;
}

export type Policy = (ctx: PickContext) => Candidate | null;

const oldest = (list: readonly Candidate[]): Candidate | null =>
  list.reduce<Candidate | null>((best, c) => (!best || c.waitFrom < best.waitFrom ? c : best), null);

const priorityFirst = (list: readonly Candidate[]): Candidate | null =>
  oldest(list.filter((c) => c.priority)) ?? oldest(list);

/** Ours: the server's rule (server/domain/routing.ts) with the hall's facts (its bottleneck matters). */
export const ours =
  (params: RoutingParams = DEFAULT_ROUTING, facts: HallFacts = NO_FACTS): Policy =>
  (ctx) =>
    pickNext(ctx.heads, ctx.window, ctx.services, ctx.now, params, facts)?.candidate ?? null;

/**
 * Pre-reform one window per matter: a window serves only its level-1 services, priority first (the green
 * channel every hall system has), then first come first served.
 */
export const dedicated: Policy = ({ heads, window }) =>
  priorityFirst(heads.filter((c) => window.skills[c.serviceId] === 1));

/** The common Chinese hall system: the oldest ticket among all the window's skills, priority first. */
export const skillFifo: Policy = ({ heads, window }) =>
  priorityFirst(heads.filter((c) => window.skills[c.serviceId] !== undefined));

/** NovoSGA / QSystem ordering: skill level first, then priority, then arrival. */
export const staticWeight: Policy = ({ heads, window }) => {
  let best: Candidate | null = null;
  const key = (c: Candidate) => [window.skills[c.serviceId]!, c.priority ? 0 : 1, c.waitFrom];
  for (const c of heads) {
    if (window.skills[c.serviceId] === undefined) continue;
    if (!best) best = c;
    else {
      const [a, b] = [key(c), key(best)];
      if (a[0]! < b[0]! || (a[0] === b[0] && (a[1]! < b[1]! || (a[1] === b[1] && a[2]! < b[2]!)))) best = c;
    }
  }
  return best;
};

/**
 * The reference bound of perfect pooling: every window takes every service, priority first, then first come
 * first served (as the independent reference simulator does; the order hardly moves the mean it bounds).
 */
export const pooled: Policy = ({ heads }) => priorityFirst(heads);

export const POLICIES = ['ours', 'dedicated', 'skill-fifo', 'static-weight', 'pooled'] as const;
/** Main's rule before issue 24 (before-24.ts): the family pairs ours against it; not a peer. */
export const BEFORE_24 = 'before-24';
export type PolicyName = (typeof POLICIES)[number] | typeof BEFORE_24;

export function policyByName(name: PolicyName, params?: RoutingParams, facts?: HallFacts): Policy {
  switch (name) {
    case 'ours':
      return ours(params, facts);
    case 'dedicated':
      return dedicated;
    case 'skill-fifo':
      return skillFifo;
    case 'static-weight':
      return staticWeight;
    case 'pooled':
      return pooled;
    case BEFORE_24:
      return before24;
  }
}
