import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  hallStatus,
  hoursOn,
  isoWeekday,
  nextWorkingDay,
  type CalendarHall,
} from '../../server/domain/calendar';
import { hallConfigSchema } from '../../server/config/schema';
import { testConfigInput } from '../helpers/hall';

// 2026: National Day holiday 10-01…10-07 (Thu–Wed), worked Sunday 09-27 and Saturday 10-10 instead.
const hall: CalendarHall = {
  open: '09:00',
  close: '17:00',
  calendar: {
    weekdays: [1, 2, 3, 4, 5, 6],
    hours: { '3': { open: '09:00', close: '19:00' }, '6': { open: '09:00', close: '12:00' } },
    holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-03', '2026-10-04'],
    workdays: { '2026-09-27': {}, '2026-10-11': { close: '16:00' } },
    issueBeforeOpenMin: 30,
  },
};

describe('hall calendar', () => {
  it('knows the weekday of a date', () => {
    expect(isoWeekday('2026-11-23')).toBe(1); // Monday
    expect(isoWeekday('2026-11-29')).toBe(7); // Sunday
  });

  it('gives each day its hours: weekdays, extended hours, Saturday mornings, holidays and worked weekends', () => {
    expect(hoursOn(hall, '2026-11-23')).toEqual({ open: '09:00', close: '17:00' }); // Monday
    expect(hoursOn(hall, '2026-11-25')).toEqual({ open: '09:00', close: '19:00' }); // Wednesday, 延时服务
    expect(hoursOn(hall, '2026-11-28')).toEqual({ open: '09:00', close: '12:00' }); // Saturday morning
    expect(hoursOn(hall, '2026-11-29')).toBeNull(); // Sunday
    expect(hoursOn(hall, '2026-10-01')).toBeNull(); // National Day
    expect(hoursOn(hall, '2026-09-27')).toEqual({ open: '09:00', close: '17:00' }); // Sunday worked (调休)
    expect(hoursOn(hall, '2026-10-11')).toEqual({ open: '09:00', close: '16:00' });
  });

  it('without a calendar every day works with the hall hours', () => {
    const plain = { open: '08:30', close: '17:30' };
    expect(hoursOn(plain, '2026-11-29')).toEqual({ open: '08:30', close: '17:30' });
    // It issues until the day cycle closes the day (at closing time).
    expect(hallStatus(plain, '2026-11-29', 7 * 60).state).toBe('open');
  });

  it('counts working days on the same calendar (follow-up deadlines)', () => {
    expect(addWorkingDays(hall, '2026-09-30', 1)).toBe('2026-10-08'); // the holiday week is skipped
    expect(addWorkingDays(hall, '2026-11-27', 1)).toBe('2026-11-28'); // this hall works Saturdays
    expect(addWorkingDays(hall, '2026-11-28', 1)).toBe('2026-11-30'); // but not Sundays
  });

  it('finds the next working day across a holiday', () => {
    expect(nextWorkingDay(hall, '2026-09-30')).toEqual({ day: '2026-10-08', hours: { open: '09:00', close: '17:00' } });
    expect(nextWorkingDay(hall, '2026-10-09')).toEqual({ day: '2026-10-10', hours: { open: '09:00', close: '12:00' } });
  });

  it('says whether the kiosk issues now, and why not', () => {
    expect(hallStatus(hall, '2026-11-23', 8 * 60)).toMatchObject({
      state: 'before-open',
      reason: '今日 08:30 开始取号',
    });
    expect(hallStatus(hall, '2026-11-23', 8 * 60 + 30).state).toBe('open'); // 30 minutes early
    expect(hallStatus(hall, '2026-11-23', 17 * 60)).toMatchObject({ state: 'after-close' });
    expect(hallStatus(hall, '2026-11-25', 18 * 60).state).toBe('open'); // Wednesday until 19:00
    expect(hallStatus(hall, '2026-10-02', 10 * 60)).toEqual({
      state: 'day-off',
      hours: null,
      reason: '今日休息，下个办公日 10月8日 09:00',
    });
    expect(hallStatus(hall, '2026-11-23', 17 * 60).reason).toBe(
      '今日已停止取号（17:00 闭厅），下个办公日 11月24日 09:00',
    );
  });

  it('the config refuses a bad calendar with the path and the reason', () => {
    const bad = (calendar: unknown, autoClose = true) => {
      const input = testConfigInput(2);
      const r = hallConfigSchema.safeParse({ ...input, hall: { ...input.hall, autoClose, calendar } });
      return r.success ? null : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(bad({ holidays: ['2026-10-01'] })).toBeNull();
    expect(bad({ weekdays: [0] })?.[0]).toMatch(/^hall\.calendar\.weekdays\.0/);
    expect(bad({ holidays: ['2026-13-01'] })?.[0]).toMatch(/hall\.calendar\.holidays\.0: 应为日期/);
    expect(bad({ hours: { '3': { open: '19:00', close: '09:00' } } })?.[0]).toMatch(/闭厅时间须晚于开厅时间/);
    expect(bad({ hours: { '8': { open: '09:00', close: '10:00' } } })).not.toBeNull();
    expect(bad({ holidays: ['2026-10-01'], workdays: { '2026-10-01': {} } })?.[0]).toMatch(/同时列为了节假日/);
    expect(bad({ workdays: { '2026-10-11': { open: '18:00' } } })?.[0]).toMatch(/闭厅时间须晚于开厅时间/);
    expect(bad({}, false)?.[0]).toMatch(/autoClose: true/);
    const twice = hallConfigSchema.safeParse({
      ...testConfigInput(2),
      hall: { ...testConfigInput(2).hall, calendar: {} },
      evaluation: { holidays: ['2026-10-01'] },
    });
    expect(twice.error?.issues[0]?.message).toMatch(/节假日和调休工作日只在 hall.calendar 中列一次/);
  });
});
