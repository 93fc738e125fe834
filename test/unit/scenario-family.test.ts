// The scenario family (scenarios/README.md) is the routing rule's test data: every file must load, give every
// matter a window of its own, and let every policy call every visitor; --load scales the visitors only.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICIES } from '../../scripts/simulate/policies';
import { loadScenario, scaleLoad } from '../../scripts/simulate/scenario';
import { runPolicy } from '../../scripts/simulate/stats';
import { visitorsOf } from '../../scripts/simulate/visitors';

const files = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('scenario family', () => {
  it('has a township centre, a county, a district and the city hall, each with a surge and a short-staffed day', () => {
    for (const hall of ['township-centre', 'county-hall', 'district-hall', 'city-hall'])
      for (const day of ['day', 'surge', 'short-staffed']) expect(files).toContain(`${hall}-${day}.json`);
    expect(files).toContain('county-hall-elderly.json');
    expect(files).toContain('district-hall-enterprise.json');
  });

  it.each(files)('%s: every matter has a window of its own; every policy calls every visitor', (file) => {
    const s = loadScenario(`scenarios/${file}`);
    expect(`${s.name}.json`).toBe(file);
    for (const svc of s.services)
      expect(
        s.windows.some((w) => w.count > 0 && w.skills[svc.id] === 1),
        svc.id,
      ).toBe(true);
    // runPolicy throws when a day leaves a visitor uncalled.
    for (const name of POLICIES) expect(runPolicy(s, name, { reps: 1, seed: 5 }).served).toBeGreaterThan(0);
  });

  it('--load scales the expected visitors and nothing else', () => {
    const s = loadScenario('scenarios/county-hall-day.json');
    const heavy = scaleLoad(s, 1.2);
    expect(heavy.arrivals.total).toBeCloseTo(s.arrivals.total * 1.2, 9);
    expect(heavy.windows).toEqual(s.windows);
    expect(heavy.services).toEqual(s.services);
    const n = (x: typeof s) => Array.from({ length: 20 }, (_, r) => visitorsOf(x, 1, r).length).reduce((a, b) => a + b);
    expect(n(heavy) / n(s)).toBeGreaterThan(1.15);
    expect(n(heavy) / n(s)).toBeLessThan(1.25);
    expect(scaleLoad(s, 1)).toBe(s);
  });
});
