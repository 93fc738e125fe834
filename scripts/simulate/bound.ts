// A lower reference for the mean wait that respects skills, beside "pooled" (every window takes everything).
//
// The visitors of a set of matters S can only be served by N(S), the windows that may take one of them, and
// those windows serve other matters too. So S's visitors wait at least as long as they would alone on N(S)
// with those windows pooled (the same reference "pooled" is for the whole hall). For disjoint sets the waits
// add up; the bound of a day is the largest such sum over partitions of the hall's matters into candidate
// sets (each matter alone, each matter with those only its windows may take, the whole hall), ÷ the day's
// served visitors. It is never below pooled (the whole hall is one candidate) and equals it where one set
// of windows takes everything. Like pooled, it is a reference, not a proof: pooled FIFO is not the least
// mean wait there is.
import { simulateDay, windowsOf } from './engine';
import { pooled } from './policies';
import type { Scenario, WindowGroup } from './scenario';
import type { Visitor } from './visitors';

/** Candidate sets of matters, as bit masks over `s.services`. */
export function candidateSets(s: Scenario, plan: readonly WindowGroup[]): number[] {
  const ids = s.services.map((x) => x.id);
  const windows = windowsOf(plan);
  const eligible = ids.map((id) => new Set(windows.filter((w) => id in w.skills).map((w) => w.no)));
  const sets = new Set<number>([(1 << ids.length) - 1]);
  ids.forEach((_, i) => {
    sets.add(1 << i);
    let closure = 0;
    ids.forEach((__, j) => {
      if (eligible[j]!.size && [...eligible[j]!].every((no) => eligible[i]!.has(no))) closure |= 1 << j;
    });
    sets.add(closure);
  });
  return [...sets];
}

/** The sum of waits of the visitors of `mask` alone on the windows that may take one of them, pooled. */
function pooledWaits(s: Scenario, plan: readonly WindowGroup[], visitors: readonly Visitor[], mask: number): number {
  const ids = new Set(s.services.filter((_, i) => mask & (1 << i)).map((x) => x.id));
  const sub = plan
    .filter((g) => Object.keys(g.skills).some((id) => ids.has(id)))
    .map((g) => ({ ...g, skills: Object.fromEntries(Object.entries(g.skills).filter(([id]) => ids.has(id))) }));
  const day = simulateDay(
    s,
    visitors.filter((v) => ids.has(v.service)),
    pooled,
    sub,
  );
  return day.served.reduce((a, v) => a + v.wait, 0);
}

/** The skill-respecting bound of one day's mean wait (minutes). */
export function skillBoundMean(s: Scenario, plan: readonly WindowGroup[], visitors: readonly Visitor[]): number {
  const sets = candidateSets(s, plan);
  const waits = new Map(sets.map((m) => [m, pooledWaits(s, plan, visitors, m)]));
  const full = (1 << s.services.length) - 1;
  // best[m]: the largest sum of waits over disjoint candidate sets inside m.
  const best = new Float64Array(full + 1);
  for (let m = 1; m <= full; m++) {
    const low = m & -m;
    let b = best[m & ~low]!; // the lowest matter left out of every set
    for (const c of sets) if (c & low && (c & m) === c) b = Math.max(b, waits.get(c)! + best[m & ~c]!);
    best[m] = b;
  }
  const served = visitors.filter((v) => !v.noShow).length;
  return served ? best[full]! / served : 0;
}
