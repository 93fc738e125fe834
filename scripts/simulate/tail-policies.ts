// Rules for issue 24's frontier study (frontier.ts), not peers and not the server's rule: how close can any rule
// come to skill-fifo's longest wait while keeping static-weight's share beyond target?
//
// - **Flex tail**: past R minutes of *projected* wait, a window calls the matter whose oldest ticket has the
//   largest projected wait. Projected = waited + the minutes until another window that may take the matter
//   frees, on average (the hall's mean service time ÷ the other windows that may take it; a matter only this
//   window takes waits a whole service). A window that passes over a ticket of a matter many windows take
//   costs it little; one of a matter few windows take costs it a service. With R = 0 this is skill-fifo
//   made aware of who else can call: on the family it beats skill-fifo's longest wait on every day tried.
// - **Least slack**: the matter whose oldest ticket is closest to its target (and not past it) first; when
//   every head is late, the flex order. The rule that keeps the most visitors within target when nobody
//   minds the late ones.
// Each is the base's own order below R; priority visitors go to the front of their matter's line.
import { eligibleLevel, mattersOf, type Candidate, type Matter } from '../../server/domain/routing';
import type { HallWindow } from '../../server/domain/types';
import type { Policy } from './policies';

export interface MatterShare {
  id: string;
  /** Share of the hall's visitors. */
  share: number;
  meanServiceMin: number;
}

/** Per matter, the expected minutes until another window that may take it frees (memoryless windows). */
export function skipDelays(windows: readonly HallWindow[], matters: readonly MatterShare[]): Map<string, number> {
  const total = matters.reduce((a, m) => a + m.share, 0);
  const hallMean = matters.reduce((a, m) => a + (m.share / total) * m.meanServiceMin, 0);
  const out = new Map<string, number>();
  for (const m of matters) {
    const others = windows.filter((w) => m.id in w.skills).length - 1;
    out.set(m.id, hallMean / Math.max(1, others));
  }
  return out;
}

/** The matters this window may take (the rule's own grouping, routing.ts `mattersOf`). */
const mattersAt = (heads: readonly Candidate[], window: HallWindow): Matter[] =>
  mattersOf(heads).filter((m) => eligibleLevel(m.oldest, window) !== null);

/** Whom the window calls in a matter: its first priority visitor, else its oldest ticket. */
const callOf = (m: Matter): Candidate => m.priority ?? m.ordinary!;

const projected = (m: Matter, now: number, skip: ReadonlyMap<string, number>) =>
  (now - m.oldest.waitFrom) / 60_000 + (skip.get(m.oldest.serviceId) ?? 0);

/** `base`, except that past `tailMin` minutes of projected wait the largest projected wait is called first. */
export function withFlexTail(base: Policy, skip: ReadonlyMap<string, number>, tailMin: number): Policy {
  return (ctx) => {
    let best: { v: number; m: Matter } | null = null;
    for (const m of mattersAt(ctx.heads, ctx.window)) {
      const v = projected(m, ctx.now, skip);
      if (v >= tailMin && (!best || v > best.v)) best = { v, m };
    }
    return best ? callOf(best.m) : base(ctx);
  };
}

/** Least slack before the target first; when every head is late, the largest projected wait. */
export function leastSlack(targets: ReadonlyMap<string, number>, skip: ReadonlyMap<string, number>): Policy {
  return ({ heads, window, now }) => {
    let soon: { v: number; m: Matter } | null = null;
    let late: { v: number; m: Matter } | null = null;
    for (const m of mattersAt(heads, window)) {
      const slack = (targets.get(m.oldest.serviceId) ?? 0) - (now - m.oldest.waitFrom) / 60_000;
      if (slack >= 0 && (!soon || slack < soon.v)) soon = { v: slack, m };
      const v = projected(m, now, skip);
      if (slack < 0 && (!late || v > late.v)) late = { v, m };
    }
    const m = (soon ?? late)?.m;
    return m ? callOf(m) : null;
  };
}
