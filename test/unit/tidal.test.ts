// The 潮汐 suggestion rule against hand-made halls.
import { describe, expect, it } from 'vitest';
import { DEFAULT_TIDAL, suggestTidalMove, type TidalQueue, type TidalWindow } from '../../server/domain/tidal';

const q = (serviceId: string, waiting: number, oldestWaitMin: number, targetWaitMin = 20): TidalQueue => ({
  serviceId,
  waiting,
  oldestWaitMin,
  targetWaitMin,
});
const w = (
  no: number,
  skills: Record<string, number>,
  canTake = Object.keys(skills),
  extra: Partial<TidalWindow> = {},
) => ({
  no,
  skills,
  canTake,
  staffed: true,
  moved: false,
  ...extra,
});
const rules = { ...DEFAULT_TIDAL, movesLeft: 3 };

describe('suggestTidalMove', () => {
  it('gives a pressed matter to the trained window whose own queues are calmest, for an hour', () => {
    const move = suggestTidalMove(
      [q('tax', 6, 19), q('general', 2, 3), q('social', 5, 12)],
      [w(1, { tax: 1 }), w(2, { general: 1, tax: 2 }), w(3, { social: 1, tax: 3 })],
      rules,
    );
    expect(move).toEqual({ windowNo: 2, serviceId: 'tax', skills: { general: 1, tax: 1 }, minutes: 60 });
  });

  it('never moves a window to a matter its clerk is not trained for, nor past the day’s moves', () => {
    const queues = [q('tax', 6, 19), q('general', 0, 0)];
    expect(suggestTidalMove(queues, [w(1, { tax: 1 }), w(2, { general: 1 }, ['general'])], rules)).toBeNull();
    expect(suggestTidalMove(queues, [w(2, { general: 1 }, ['general', 'tax'])], rules)?.windowNo).toBe(2);
    expect(suggestTidalMove(queues, [w(2, { general: 1 }, ['general', 'tax'])], { ...rules, movesLeft: 0 })).toBeNull();
  });

  it('leaves matters below the trigger, windows already moved, and helpers as pressed as the matter', () => {
    expect(suggestTidalMove([q('tax', 6, 10)], [w(2, { general: 1, tax: 2 })], rules)).toBeNull();
    expect(
      suggestTidalMove([q('tax', 6, 19)], [w(2, { general: 1, tax: 2 }, undefined, { moved: true })], rules),
    ).toBeNull();
    expect(suggestTidalMove([q('tax', 6, 19), q('general', 4, 10)], [w(2, { general: 1, tax: 2 })], rules)).toBeNull();
  });
});
