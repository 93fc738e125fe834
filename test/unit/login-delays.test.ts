// Per-account login delays (issue 23, finding 5): free failures, then doubling delays capped short; an
// attempt counts from its start; a success clears the account; old failures are forgotten.
import { describe, expect, it } from 'vitest';
import { LoginDelays } from '../../server/domain/login-delays';

const opts = { freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 15 * 60_000 };

describe('login delays per account', () => {
  it('counts attempts as they start, so parallel ones beyond the free failures wait', () => {
    const d = new LoginDelays(opts);
    const started = Array.from({ length: 10 }, () => d.begin('c1', 0));
    expect(started.filter(Boolean)).toHaveLength(3);
    expect(d.waitMs('c1', 0)).toBe(1000);
    expect(d.begin('c2', 0)).toBe(true); // another account is not held back
  });

  it('doubles the delay with each failure up to the maximum; a success clears it', () => {
    const d = new LoginDelays(opts);
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      now += d.waitMs('c1', now);
      expect(d.begin('c1', now)).toBe(true);
      waits.push(d.waitMs('c1', now));
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
    d.succeeded('c1');
    expect(d.waitMs('c1', now)).toBe(0);
  });

  it('forgets failures after a quiet while', () => {
    const d = new LoginDelays(opts);
    for (let i = 0; i < 3; i++) d.begin('c1', 0);
    expect(d.waitMs('c1', 0)).toBeGreaterThan(0);
    expect(d.waitMs('c1', 16 * 60_000)).toBe(0);
    expect(d.begin('c1', 16 * 60_000)).toBe(true);
  });
});
