// Paired comparison of ours against each peer: per-day figures, day-by-day differences and their verdicts.
import { describe, expect, it } from 'vitest';
import { leadsOnAll, pairedAgainstOurs, pairedDifference } from '../../scripts/simulate/compare';
import { loadScenario } from '../../scripts/simulate/scenario';
import { summarise, type DayFigures, type PolicyResult } from '../../scripts/simulate/stats';

const city = loadScenario('scenarios/city-hall-day.json');
const day = (mean: number, p90 = mean, max = mean, beyondTarget = 0.1): DayFigures => ({
  mean,
  p90,
  max,
  beyondTarget,
});
const result = (daily: DayFigures[]) => ({ daily }) as unknown as PolicyResult;

describe('per-day figures', () => {
  it('each replication keeps its own mean, p90, longest wait and share beyond target', () => {
    const v = (service: string, wait: number) => ({ service, wait, priority: false, arrival: 600, windowNo: 1 });
    const d = (served: ReturnType<typeof v>[]) => ({ served, noShows: 0, utilisation: [], end: 1020 });
    // general's target is 15 min, tax's 20.
    const r = summarise(city, [
      d([v('general', 2), v('general', 30), v('tax', 21)]),
      d([v('tax', 4), v('general', 16), v('general', 1)]),
    ]);
    expect(r.daily[0]).toMatchObject({ mean: 53 / 3, p90: 30, max: 30 });
    expect(r.daily[0]!.beyondTarget).toBeCloseTo(2 / 3, 12);
    expect(r.daily[1]).toMatchObject({ mean: 7, p90: 16, max: 16 });
    expect(r.daily[1]!.beyondTarget).toBeCloseTo(1 / 3, 12);
  });
});

describe('paired difference, ours − peer', () => {
  it('the same gap every day is a sure lead, with a zero-width interval', () => {
    const p = pairedDifference([day(5), day(7), day(9)], [day(6, 6, 6, 0.2), day(8, 8, 8, 0.2), day(10, 10, 10, 0.2)])!;
    expect(p.mean).toEqual({ diff: -1, ci95: 0, verdict: 'better' });
    expect(p.beyondTarget).toEqual({ diff: -0.1, ci95: 0, verdict: 'better' });
    expect(leadsOnAll(p)).toBe(true);
  });

  it('a gap that changes sign from day to day is a tie; a gap against ours is "worse"', () => {
    // Differences 1, 2, 3: mean 2, sd 1, t(2 degrees of freedom) 4.3 → ±4.3 ÷ √3 = ±2.48, which spans 0.
    const tie = pairedDifference([day(11), day(12), day(13)], [day(10), day(10), day(10)])!;
    expect(tie.mean.diff).toBe(2);
    expect(tie.mean.ci95).toBeCloseTo(2.48, 2);
    expect(tie.mean.verdict).toBe('tie');
    expect(leadsOnAll(tie)).toBe(false);
    // Differences 2, 2.1, 1.9: mean 2 ± 0.25, wholly above 0.
    const worse = pairedDifference([day(12), day(12.1), day(11.9)], [day(10), day(10), day(10)])!;
    expect(worse.max.verdict).toBe('worse');
  });

  it('days that do not pair (another count, or a single recorded day) give no comparison', () => {
    expect(pairedDifference([day(1), day(2)], [day(1)])).toBeNull();
    expect(pairedDifference([day(1)], [day(1)])).toBeNull();
    const all = pairedAgainstOurs({
      ours: result([day(5), day(6)]),
      'skill-fifo': result([day(6), day(7)]),
      recorded: result([day(9)]),
    });
    expect(Object.keys(all)).toEqual(['skill-fifo']);
    expect(pairedAgainstOurs({ 'skill-fifo': result([day(6), day(7)]) })).toEqual({});
  });
});
