// Screens show the hall's clock (hall.timezone), whatever zone the device's own clock is set to.
import { describe, expect, it } from 'vitest';
import { hallHm, hallTime } from '../../display/src/shared/hall-time';

describe('hall time', () => {
  it('reads an instant in the hall zone, not the device zone', () => {
    const at = '2026-12-01T01:05:09Z';
    expect(hallHm(at, 'Asia/Shanghai')).toBe('09:05');
    expect(hallHm(at, 'Asia/Urumqi')).toBe('07:05');
    expect(hallTime(new Date(at), 'Asia/Shanghai')).toMatchObject({ year: 2026, month: 12, day: 1, ss: '09' });
  });

  it('crosses midnight by the hall calendar and falls back to Asia/Shanghai for an unknown zone', () => {
    const late = new Date('2026-12-01T16:30:00Z');
    expect(hallTime(late, 'Asia/Shanghai')).toMatchObject({ day: 2, hh: '00', mm: '30', weekday: 3 });
    expect(hallTime(late, 'Not/AZone')).toMatchObject({ day: 2, hh: '00', mm: '30' });
  });
});
