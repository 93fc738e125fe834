import { describe, expect, it } from 'vitest';
import { HallError } from '../../server/domain/errors';
import { assertUnderCap, formatNumber, hallDay, minuteOfDay, nextSeq, parseHhMm } from '../../server/domain/numbering';

const tax = { id: 'tax', name: '税务', prefix: 'B', targetWaitMin: 20, dailyCap: 400, avgServiceMin: 9 };

describe('numbering', () => {
  it('formats prefix plus a three-digit daily sequence', () => {
    expect(formatNumber('A', 1)).toBe('A001');
    expect(formatNumber('B', 12)).toBe('B012');
    expect(formatNumber('C', 999)).toBe('C999');
    expect(formatNumber('C', 1000)).toBe('C1000');
    expect(nextSeq(0)).toBe(1);
  });

  it('the hall day follows the hall clock, not UTC', () => {
    // 15:59 UTC is 23:59 in Shanghai; 16:00 UTC is already the next day there.
    expect(hallDay(Date.parse('2026-11-23T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-11-23');
    expect(hallDay(Date.parse('2026-11-23T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-24');
    expect(hallDay(Date.parse('2026-11-23T16:00:00Z'), 'UTC')).toBe('2026-11-23');
    expect(minuteOfDay(Date.parse('2026-11-23T01:30:00Z'), 'Asia/Shanghai')).toBe(9 * 60 + 30);
    expect(parseHhMm('17:00')).toBe(1020);
  });

  it('the daily cap refuses with a plain message naming the service', () => {
    expect(() => assertUnderCap(tax, 399)).not.toThrow();
    let err: HallError | undefined;
    try {
      assertUnderCap(tax, 400);
    } catch (e) {
      err = e as HallError;
    }
    expect(err?.code).toBe('DAILY_CAP_REACHED');
    expect(err?.message).toContain('今日税务的号已取完');
    expect(err?.status).toBe(409);
  });
});
