// The admin page asks before a save that closes the hall at once (auto-close on, the hall's clock past its
// hours): whether the hall's clock is within its hours, in the hall's time zone, not the browser's.
import { describe, expect, it } from 'vitest';
import { hoursKey, withinHours } from '../../display/src/admin/hours-check';

const hall = { open: '09:00', close: '17:00', timezone: 'Asia/Shanghai' };

describe('withinHours', () => {
  it('reads the hall’s clock in its own time zone', () => {
    expect(withinHours(hall, new Date('2026-12-02T07:15:00Z'))).toBe(true); // 15:15 in Shanghai
    expect(withinHours(hall, new Date('2026-12-02T09:00:00Z'))).toBe(false); // 17:00: closed
    expect(withinHours(hall, new Date('2026-12-02T00:30:00Z'))).toBe(false); // 08:30
    expect(withinHours({ ...hall, timezone: 'UTC' }, new Date('2026-12-02T09:00:00Z'))).toBe(true);
    expect(withinHours({ open: '00:00', close: '00:30', timezone: 'UTC' }, new Date('2026-12-02T00:10:00Z'))).toBe(
      true,
    );
  });

  it('a change of auto-close or hours is what a save is checked for', () => {
    expect(hoursKey({ ...hall, autoClose: true })).not.toBe(hoursKey({ ...hall, autoClose: false }));
    expect(hoursKey({ ...hall, autoClose: true })).not.toBe(hoursKey({ ...hall, close: '12:00', autoClose: true }));
  });
});
