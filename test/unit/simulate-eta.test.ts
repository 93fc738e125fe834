// The simulator's accuracy figures of the predicted wait (scripts/simulate/eta.ts): what counts as inside the
// range, what is 即将叫号, and the visit history the predictor reads.
import { describe, expect, it } from 'vitest';
import { etaFigures, historyOf, HISTORY_VISITS, type Issued } from '../../scripts/simulate/eta';
import { loadScenario } from '../../scripts/simulate/scenario';
import type { Visitor } from '../../scripts/simulate/visitors';

const county = loadScenario('scenarios/county-hall-day.json');
const tag = { service: 'general', priority: false, at: 600, ahead: 0, free: 0, busy: 1 };
const issued = (minutes: number, low: number, high: number): Issued => ({ lag: 0, minutes, low, high, naive: 0, tag });
const served = (id: number, wait: number) => ({
  id,
  service: 'general',
  arrival: 600,
  wait,
  priority: false,
  windowNo: 1,
});

describe('etaFigures', () => {
  it('judges ranges shown as they are and as a visitor reads them, and 即将叫号 by whether it was kept', () => {
    const day = {
      served: [served(1, 18.3), served(2, 7.4), served(3, 12), served(4, 0.2), served(5, 2)],
      noShows: 0,
      utilisation: [],
      end: 1020,
    };
    const predictions = new Map([
      [1, issued(12.2, 7.6, 17.8)], // shown 约12分钟（8–18）: 18.3 is outside the quantiles, 18 as read
      [2, issued(12.2, 7.6, 17.8)], // 7.4 reads 7: outside either way
      [3, issued(12.2, 7.6, 17.8)], // inside
      [4, issued(0, 0, 0.4)], // 即将叫号, kept
      [5, issued(0.3, 0, 1.2)], // 即将叫号 (0–1), not kept
    ]);
    const e = etaFigures([{ day, issued: predictions }]);
    expect(e.samples).toBe(5);
    expect(e.shownRange).toBe(0.6);
    expect(e.coverageShown).toBeCloseTo(1 / 3, 4);
    expect(e.coverageAsShown).toBeCloseTo(2 / 3, 4);
    expect(e.soonKept).toBe(0.5);
    // Over all tickets, the 0–0.4 range held and the 0–1.2 one did not.
    expect(e.coverage80).toBe(0.4);
  });
});

describe('historyOf', () => {
  it('reads earlier days newest first, the latest visit of each day first, at most HISTORY_VISITS a matter', () => {
    const v = (id: number, serviceMin: number, noShow = false): Visitor => ({
      id,
      arrival: 540 + id,
      service: 'general',
      priority: false,
      serviceMin,
      noShow,
    });
    const yesterday = [v(0, 5), v(1, 6, true), v(2, 7)];
    const before = Array.from({ length: HISTORY_VISITS }, (_, i) => v(i, 9));
    const h = historyOf(county, [yesterday, before]);
    // A no-show costs the window noShowCostMin.
    expect(h.get('general')!.slice(0, 4)).toEqual([7, county.noShowCostMin, 5, 9]);
    expect(h.get('general')).toHaveLength(HISTORY_VISITS);
  });
});
