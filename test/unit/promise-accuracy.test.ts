// How right the printed waits were (issue 25): the shown figure against the wait that happened.
import { describe, expect, it } from 'vitest';
import { promiseAccuracy } from '../../server/domain/promise-accuracy';

describe('promiseAccuracy', () => {
  it('mean error, bias, the share inside the range as read in whole minutes, and 即将叫号 kept', () => {
    const f = promiseAccuracy([
      { minutes: 12, low: 8, high: 18, waitedMin: 14 }, // inside, 2 late
      { minutes: 12, low: 8, high: 18, waitedMin: 18.4 }, // reads 18: inside, 6.4 late
      { minutes: 10, low: 6, high: 14, waitedMin: 4 }, // outside, 6 early
      { minutes: 0, low: 0, high: 1, waitedMin: 0.5 }, // 即将叫号, kept
      { minutes: 0, low: 0, high: 0, waitedMin: 2 }, // 即将叫号, not kept (and outside)
    ]);
    expect(f).toEqual({
      n: 5,
      mae: 3.38, // (2 + 6.4 + 6 + 0.5 + 2) / 5
      bias: 0.98, // (2 + 6.4 − 6 + 0.5 + 2) / 5
      withinRange: 0.6,
      soon: { n: 2, kept: 0.5 },
    });
  });

  it('no figures without tickets', () => {
    expect(promiseAccuracy([])).toEqual({ n: 0, mae: null, bias: null, withinRange: null, soon: { n: 0, kept: null } });
  });
});
