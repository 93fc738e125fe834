// The skill-respecting bound beside "pooled": never below it, and above it where skills split the hall.
import { describe, expect, it } from 'vitest';
import { candidateSets, skillBoundMean } from '../../scripts/simulate/bound';
import { simulateDay } from '../../scripts/simulate/engine';
import { pooled } from '../../scripts/simulate/policies';
import { parseScenario } from '../../scripts/simulate/scenario';
import { visitorsOf } from '../../scripts/simulate/visitors';

const hall = (windows: { count: number; skills: Record<string, number> }[]) =>
  parseScenario({
    name: 'two-matters',
    day: { open: '09:00', close: '17:00' },
    arrivals: { total: 400, profile: [{ from: '09:00', to: '17:00', weight: 1 }] },
    services: [
      { id: 'a', share: 0.7, targetWaitMin: 15, serviceMin: { dist: 'exp', mean: 8 } },
      { id: 'b', share: 0.3, targetWaitMin: 15, serviceMin: { dist: 'exp', mean: 8 } },
    ],
    windows: windows.map((w) => ({ ...w, kind: 'domain' })),
  });

const pooledMean = (s: ReturnType<typeof hall>, rep: number) => {
  const d = simulateDay(s, visitorsOf(s, 1, rep), pooled);
  return d.served.reduce((a, v) => a + v.wait, 0) / d.served.length;
};

describe('skill-respecting bound', () => {
  it('where every window takes everything it is the pooled reference', () => {
    const s = hall([{ count: 8, skills: { a: 1, b: 2 } }]);
    expect(candidateSets(s, s.windows).sort()).toEqual([1, 2, 3]);
    for (const rep of [0, 1, 2]) {
      const b = skillBoundMean(s, s.windows, visitorsOf(s, 1, rep));
      expect(b).toBeGreaterThanOrEqual(pooledMean(s, rep) - 1e-9);
      expect(b).toBeLessThan(pooledMean(s, rep) * 1.05 + 0.05);
    }
  });

  it('where skills split the hall, the split halls’ waits add up, above pooled', () => {
    // 5 windows for a (70% of visitors), 3 for b: a runs at about 0.93, b at 0.53; pooled they would share.
    const s = hall([
      { count: 5, skills: { a: 1 } },
      { count: 3, skills: { b: 1 } },
    ]);
    let bound = 0;
    let pool = 0;
    for (const rep of [0, 1, 2, 3]) {
      bound += skillBoundMean(s, s.windows, visitorsOf(s, 1, rep));
      pool += pooledMean(s, rep);
    }
    expect(bound).toBeGreaterThan(pool * 1.5);
  });
});
