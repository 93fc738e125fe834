// Issue 24's hall-aware terms of the routing rule (server/domain/routing.ts): which helpers take a bottleneck
// matter up as their own, its weight, a bottleneck's own windows staying with it, and the relative-load weight;
// and the hall facts they read (server/domain/routing-facts.ts).
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTING, pickNext, type Candidate, type HallFacts } from '../../server/domain/routing';
import { hallLoad, relativeLoad, soleOwnWindows } from '../../server/domain/routing-facts';
import type { HallWindow } from '../../server/domain/types';
import { MIN, candidatesAt, hallWindow, service } from '../helpers/routing-fixtures';

const NOW = 100 * MIN;
const svc = service;
const services = new Map(
  [svc('general', 15, 8), svc('realestate', 30, 15), svc('assisted', 10, 25), svc('tax', 20, 9)].map((s) => [s.id, s]),
);
const win = hallWindow;
const cand = candidatesAt(NOW);
const pick = (cs: Candidate[], w: HallWindow, params = DEFAULT_ROUTING, facts?: HallFacts) =>
  pickNext(cs, w, services, NOW, params, facts);

// Two general windows (one also helps real estate), an assisted desk that is its matter's only own window and
// also helps real estate, and two real-estate windows.
const hall = [
  win({ general: 1 }, 1),
  win({ general: 1, realestate: 2 }, 2),
  win({ assisted: 1, general: 2, realestate: 2 }, 3),
  win({ realestate: 1 }, 4),
  win({ realestate: 1 }, 5),
];

describe('hall facts for the routing terms', () => {
  it('the windows that are the only own window of one of their matters', () => {
    expect([...soleOwnWindows(hall)]).toEqual([3]);
  });

  it("each matter's peak load per window that may take it, against the hall's", () => {
    const peak = { minutes: 60, visitors: { general: 12, realestate: 12, assisted: 2, tax: 0 } };
    const load = hallLoad(hall, services, [peak]);
    const rel = relativeLoad(load);
    // Hall: (12×8 + 12×15 + 2×25) ÷ 60 = 5.43 busy windows on 5; real estate 3 on its 4 windows.
    expect(rel.get('realestate')).toBeCloseTo(3 / 4 / (5.4333 / 5), 3);
    expect(rel.get('general')).toBeCloseTo(1.6 / 3 / (5.4333 / 5), 3);
  });
});

describe('bottleneck helpers', () => {
  const facts: HallFacts = { bottlenecks: new Set(['realestate']), soleOwn: soleOwnWindows(hall) };
  const params = { ...DEFAULT_ROUTING };

  it('"all": every helper scores the bottleneck as its own; "shared": not a matter’s only own window; "none": no helper', () => {
    for (const [helpers, atW2, atDesk] of [
      ['all', true, true],
      ['shared', true, false],
      ['none', false, false],
    ] as const) {
      const p = { ...params, bottleneckHelpers: helpers };
      const re = cand('realestate', 12);
      const g = cand('general', 5);
      const a = cand('assisted', 3);
      expect(pick([g, re], hall[1]!, p, facts)!.score.bottleneck, `${helpers} at window 2`).toBe(atW2);
      expect(pick([a, re], hall[2]!, p, facts)!.score.bottleneck, `${helpers} at the desk`).toBe(atDesk);
      // The matter's own windows count it as a bottleneck whatever the helpers do.
      expect(pick([re], hall[3]!, p, facts)!.score.bottleneck).toBe(true);
    }
  });

  it('the desk that is its matter’s only own window keeps its line under "shared"', () => {
    const a = cand('assisted', 2); // 0.2 targets × (10/25)^1.25 = 0.064
    const re = cand('realestate', 12); // 0.4 targets: × (10/15)^1.25 − 0.2 as help, × (10/8)^1.25 as own
    expect(pick([a, re], hall[2]!, { ...params, bottleneckHelpers: 'all' }, facts)!.candidate).toBe(re);
    expect(pick([a, re], hall[2]!, { ...params, bottleneckHelpers: 'shared' }, facts)!.candidate).toBe(a);
  });

  it('the bottleneck weight multiplies its waited-÷-target term where it counts as own', () => {
    const g = cand('general', 6); // 0.4 targets × (10/8)^1.25
    const re = cand('realestate', 8); // 0.27 targets × the hall's shortest factor (10/8)^1.25
    expect(pick([g, re], hall[1]!, params, facts)!.candidate).toBe(g);
    expect(pick([g, re], hall[1]!, { ...params, bottleneckWeight: 2 }, facts)!.candidate).toBe(re);
  });
});

describe("a bottleneck's earlier rescue", () => {
  const facts: HallFacts = { bottlenecks: new Set(['realestate']), soleOwn: soleOwnWindows(hall) };
  const p = { ...DEFAULT_ROUTING, bottleneckHelpers: 'none' as const, bottleneckRescueAfterMin: 20 };

  it('helpers take up its tail from bottleneckRescueAfterMin, but not a matter’s only own window', () => {
    const re = cand('realestate', 25); // 25/30 × (10/15)^1.25 − 0.2 = 0.30 as help; + 5 rescued from 20 min
    const g = cand('general', 10); // 10/15 × (10/8)^1.25 = 0.88
    const a = cand('assisted', 12); // 12/10 × (10/25)^1.25 = 0.38
    expect(pick([g, re], hall[1]!, { ...p, bottleneckRescueAfterMin: 0 }, facts)!.candidate).toBe(g);
    const picked = pick([g, re], hall[1]!, p, facts)!;
    expect(picked.candidate).toBe(re);
    expect(picked.score).toMatchObject({ bottleneck: false, level: 2, rescue: 5 });
    expect(pick([a, re], hall[2]!, p, facts)!.candidate).toBe(a);
    expect(pick([a, re], hall[2]!, { ...p, bottleneckHelpers: 'all' }, facts)!.candidate).toBe(re);
  });
});

describe("a bottleneck's own windows stay with it", () => {
  const tax = new Map([...services, ['enterprise', svc('enterprise', 30, 25)]]);
  const w = win({ enterprise: 1, tax: 2 }, 7);
  const facts: HallFacts = { bottlenecks: new Set(['enterprise']) };
  const e = cand('enterprise', 5);
  const t = cand('tax', 15); // 0.75 targets of a 9-minute matter against 0.17 of a 25-minute one

  it('help only while nobody of the bottleneck matter waits', () => {
    const p = { ...DEFAULT_ROUTING, bottlenecks: ['enterprise'], bottleneckOwnFirst: true };
    expect(pickNext([e, t], w, tax, NOW, { ...p, bottleneckOwnFirst: false }, facts)!.candidate).toBe(t);
    expect(pickNext([e, t], w, tax, NOW, p, facts)!.candidate).toBe(e);
    expect(pickNext([t], w, tax, NOW, p, facts)!.candidate).toBe(t);
    // Not a bottleneck: the window helps as before.
    expect(pickNext([e, t], w, tax, NOW, p, { bottlenecks: new Set() })!.candidate).toBe(t);
  });
});

describe('relative-load weight', () => {
  const w = win({ general: 1, tax: 1 }, 9);
  const facts: HallFacts = {
    bottlenecks: new Set(),
    relativeLoad: new Map([
      ['general', 0.4],
      ['tax', 0.9],
    ]),
  };

  it('at equal share of target and length, the matter its windows carry more of is called first', () => {
    const g = cand('general', 12); // 0.8 targets × (10/8)^1.25
    const t = cand('tax', 14); // 0.7 targets × (10/9)^1.25
    expect(pick([g, t], w, DEFAULT_ROUTING, facts)!.candidate).toBe(g);
    const p = { ...DEFAULT_ROUTING, loadExp: 1 };
    const picked = pick([g, t], w, p, facts)!;
    expect(picked.candidate).toBe(t);
    expect(picked.score.loadWeight).toBeCloseTo(0.9);
    // loadHelpOnly: among the window's own matters the weight does not count.
    expect(pick([g, t], w, { ...p, loadHelpOnly: true }, facts)!.candidate).toBe(g);
    // Without facts (a hall with no history yet) the weight is 1.
    expect(pick([g, t], w, p)!.score.loadWeight).toBe(1);
  });
});
