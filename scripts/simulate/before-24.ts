// Main's routing rule as it was before issue 24 (server/domain/routing.ts at main 8c0aab9), kept as a
// reference policy so the family can pair the proposed rule against it day by day (docs/benchmarks.md,
// "Against main's rule"). Per-ticket urgency: (targets waited + 1 for a priority visitor) × (10 min ÷ mean
// service time)^1.25 × level weight − 0.2 per level below 1 + 10 per 10 min past 35 min; ties to the
// window's own skill, then the earlier ticket. Weights are main's defaults; nothing here is tuned.
import type { Candidate } from '../../server/domain/routing';
import type { PickContext } from './policies';

const BOOST = 1;
const LEVEL_PENALTY = 0.2;
const SHORT_FIRST = 1.25;
const RESCUE_AFTER_MIN = 35;
const RESCUE_PER_10_MIN = 10;

function earlier(a: Candidate, b: Candidate): boolean {
  if (a.waitFrom !== b.waitFrom) return a.waitFrom < b.waitFrom;
  if (a.issuedAt !== b.issuedAt) return a.issuedAt < b.issuedAt;
  if (a.seq !== b.seq) return a.seq < b.seq;
  return a.ticketId < b.ticketId;
}

export function before24({ heads, window, services, now }: PickContext): Candidate | null {
  let best: { c: Candidate; urgency: number; level: number } | null = null;
  for (const c of heads) {
    const service = services.get(c.serviceId);
    const level = c.targetWindowNo !== null ? (c.targetWindowNo === window.no ? 1 : null) : window.skills[c.serviceId];
    if (!service || level === null || level === undefined) continue;
    const waitedMin = Math.max(0, now - c.waitFrom) / 60_000;
    const shortMatter = (10 / Math.max(0.1, service.avgServiceMin)) ** SHORT_FIRST;
    const urgency =
      (waitedMin / service.targetWaitMin + (c.priority ? BOOST : 0)) * shortMatter -
      LEVEL_PENALTY * (level - 1) +
      (RESCUE_PER_10_MIN * Math.max(0, waitedMin - RESCUE_AFTER_MIN)) / 10;
    const wins =
      !best ||
      urgency > best.urgency ||
      (urgency === best.urgency && (level < best.level || (level === best.level && earlier(c, best.c))));
    if (wins) best = { c, urgency, level };
  }
  return best?.c ?? null;
}
