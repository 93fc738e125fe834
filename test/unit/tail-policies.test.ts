// The frontier study's rules (scripts/simulate/tail-policies.ts): the flex tail calls the largest projected
// wait (waited + minutes until another window that may take the matter frees), least slack keeps visitors
// within target first; both call a matter's priority visitor first.
import { describe, expect, it } from 'vitest';
import { simulateDay } from '../../scripts/simulate/engine';
import { skillFifo, type Policy } from '../../scripts/simulate/policies';
import { parseScenario } from '../../scripts/simulate/scenario';
import { leastSlack, skipDelays, withFlexTail } from '../../scripts/simulate/tail-policies';
import { visitorsOf } from '../../scripts/simulate/visitors';
import { candidatesAt, hallWindow, service } from '../helpers/routing-fixtures';

const NOW = Date.parse('2026-11-23T02:00:00Z');
const services = new Map([
  ['wide', service('wide', 15, 10)],
  ['narrow', service('narrow', 30, 10)],
]);
// Five windows take 'wide'; 'narrow' only window 1 and one other.
const windows = [
  hallWindow({ wide: 1, narrow: 2 }, 1),
  hallWindow({ narrow: 1 }, 2),
  ...[3, 4, 5, 6].map((no) => hallWindow({ wide: 1 }, no)),
];
const skip = skipDelays(windows, [
  { id: 'wide', share: 0.5, meanServiceMin: 10 },
  { id: 'narrow', share: 0.5, meanServiceMin: 10 },
]);
const never: Policy = () => null;

describe('frontier rules', () => {
  it('skip delay: the hall’s mean service ÷ the other windows that may take the matter', () => {
    expect(skip.get('wide')).toBeCloseTo(10 / 4);
    expect(skip.get('narrow')).toBeCloseTo(10 / 1);
  });

  it('flex tail: a slightly younger ticket few windows take goes before an older one many windows take', () => {
    const t = candidatesAt(NOW);
    const wide = t('wide', 20);
    const narrow = t('narrow', 15);
    const ctx = { heads: [wide, narrow], window: windows[0]!, services, now: NOW };
    // Projected: wide 20 + 2.5, narrow 15 + 10.
    expect(withFlexTail(never, skip, 0)(ctx)).toBe(narrow);
    // Skill-fifo takes the older one.
    expect(skillFifo(ctx)).toBe(wide);
    // Below the tail the base decides.
    expect(withFlexTail(never, skip, 30)(ctx)).toBeNull();
  });

  it('flex tail: the matter’s priority visitor is called, not its oldest ticket', () => {
    const t = candidatesAt(NOW);
    const old = t('narrow', 25);
    const elderly = t('narrow', 2, { priority: true });
    const ctx = { heads: [old, elderly, t('wide', 24)], window: windows[0]!, services, now: NOW };
    expect(withFlexTail(never, skip, 0)(ctx)).toBe(elderly);
  });

  it('least slack: the ticket nearest its target first; past every target, the largest projected wait', () => {
    const targets = new Map([
      ['wide', 15],
      ['narrow', 30],
    ]);
    const t = candidatesAt(NOW);
    const wide = t('wide', 12); // 3 min of slack
    const narrow = t('narrow', 20); // 10 min
    const rule = leastSlack(targets, skip);
    expect(rule({ heads: [wide, narrow], window: windows[0]!, services, now: NOW })).toBe(wide);
    const lateWide = t('wide', 40); // projected 42.5
    const lateNarrow = t('narrow', 35); // projected 45
    expect(rule({ heads: [lateWide, lateNarrow], window: windows[0]!, services, now: NOW })).toBe(lateNarrow);
    // A window calls only what it may take.
    expect(rule({ heads: [wide], window: windows[1]!, services, now: NOW })).toBeNull();
  });

  it('a day under each rule calls every visitor', () => {
    const s = parseScenario({
      name: 'small',
      day: { open: '09:00', close: '12:00' },
      arrivals: { total: 120, profile: [{ from: '09:00', to: '12:00', weight: 1 }] },
      services: [
        { id: 'wide', share: 0.6, targetWaitMin: 15, priorityShare: 0.1, serviceMin: { dist: 'exp', mean: 6 } },
        { id: 'narrow', share: 0.4, targetWaitMin: 30, serviceMin: { dist: 'exp', mean: 10 } },
      ],
      windows: [
        { count: 1, kind: 'comprehensive', skills: { wide: 1, narrow: 2 } },
        { count: 1, kind: 'domain', skills: { narrow: 1 } },
        { count: 2, kind: 'comprehensive', skills: { wide: 1 } },
      ],
    });
    const targets = new Map(s.services.map((x) => [x.id, x.targetWaitMin]));
    for (const rule of [
      withFlexTail(skillFifo, skip, 0),
      withFlexTail(skillFifo, skip, 20),
      leastSlack(targets, skip),
    ]) {
      const visitors = visitorsOf(s, 1, 0);
      const day = simulateDay(s, visitors, rule);
      expect(day.served.length + day.noShows).toBe(visitors.length);
    }
  });
});
