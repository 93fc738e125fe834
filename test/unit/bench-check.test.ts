// The measuring scripts' shared check: every count that fell short is named in one error, not just the first.
import { describe, expect, it } from 'vitest';
import { Checks, Shortfall, tally } from '../../scripts/bench-check';

describe('bench checks', () => {
  it('passes when every count is met', () => {
    expect(() => new Checks('x').count('a', 3, 3).atLeast('b', 5, 2).that(true, 'never').assert()).not.toThrow();
  });

  it('names every shortfall with what it got, what it wanted and why', () => {
    const c = new Checks('bench-x')
      .count('tickets issued', 61, 600, 'answers: 201 ×61, 429 ×539')
      .atLeast('clients', 0, 1);
    expect(() => c.assert()).toThrow(Shortfall);
    expect(() => c.assert()).toThrow(
      'bench-x fell short:\n  - tickets issued: 61 of 600 (answers: 201 ×61, 429 ×539)\n  - clients: 0, expected at least 1',
    );
  });

  it('a count over what was expected is a shortfall too (the run did not do what it says)', () => {
    expect(() => new Checks('x').count('calls', 11, 10).assert()).toThrow('calls: 11 of 10');
  });

  it('lists at most 20 shortfalls, then how many more', () => {
    const c = new Checks('x');
    for (let i = 0; i < 25; i++) c.count(`client ${i}`, 0, 1);
    expect(() => c.assert()).toThrow(/client 19: 0 of 1\n {2}- … and 5 more$/);
  });

  it('tallies answers by status', () => {
    expect(tally([201, 201, 429, 'nothing to call'])).toBe('201 ×2, 429 ×1, nothing to call ×1');
  });
});
