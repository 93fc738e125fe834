// 好差评 levels: both code directions, answers, and the follow-up's states and working-day deadlines.
import { describe, expect, it } from 'vitest';
import {
  checkAnswer,
  fromGbtCode,
  fromPadScore,
  fromProvincialCode,
  LEVELS,
  toGbtCode,
  toPadScore,
  toProvincialCode,
} from '../../server/domain/evaluation';
import { addWorkingDays, weekdayCalendar } from '../../server/domain/calendar';
import { advance, appeal, decide } from '../../server/domain/follow-up';

const REASONS = ['等候时间长', '服务态度差'];

describe('level codecs', () => {
  it('GB/T 39046 numbers 1 = 非常满意 … 5 = 非常不满意', () => {
    expect(LEVELS.map(toGbtCode)).toEqual([1, 2, 3, 4, 5]);
    expect(toGbtCode('very_satisfied')).toBe(1);
    expect(toGbtCode('very_dissatisfied')).toBe(5);
    expect(fromGbtCode(1)).toBe('very_satisfied');
    expect(fromGbtCode(4)).toBe('dissatisfied');
  });

  it('the provincial form numbers the other way: 1 = 非常不满意 … 5 = 非常满意', () => {
    expect(toProvincialCode('very_dissatisfied')).toBe(1);
    expect(toProvincialCode('very_satisfied')).toBe(5);
    expect(toProvincialCode('basic')).toBe(3);
    expect(fromProvincialCode(1)).toBe('very_dissatisfied');
    expect(fromProvincialCode(2)).toBe('dissatisfied');
  });

  it('every level survives both round trips, and the two codes always sum to 6', () => {
    for (const l of LEVELS) {
      expect(fromGbtCode(toGbtCode(l))).toBe(l);
      expect(fromProvincialCode(toProvincialCode(l))).toBe(l);
      expect(toGbtCode(l) + toProvincialCode(l)).toBe(6);
      expect(fromPadScore(toPadScore(l))).toBe(l);
    }
    expect(fromPadScore(5)).toBe('very_satisfied');
  });

  it('refuses codes outside 1–5', () => {
    for (const bad of [0, 6, 2.5, -1]) {
      expect(() => fromGbtCode(bad)).toThrow(RangeError);
      expect(() => fromProvincialCode(bad)).toThrow(RangeError);
    }
  });
});

describe('answers', () => {
  it('a bad rating needs a reason from the list; a good one drops reasons', () => {
    expect(() => checkAnswer({ level: 'dissatisfied', reasons: [], comment: null }, REASONS)).toThrow(
      '至少选择一项原因',
    );
    expect(() => checkAnswer({ level: 'very_dissatisfied', reasons: ['乱写'], comment: null }, REASONS)).toThrow(
      '不在列表中',
    );
    expect(
      checkAnswer({ level: 'dissatisfied', reasons: ['等候时间长', '等候时间长'], comment: ' 太久 ' }, REASONS),
    ).toEqual({
      level: 'dissatisfied',
      reasons: ['等候时间长'],
      comment: '太久',
    });
    expect(checkAnswer({ level: 'satisfied', reasons: [], comment: '' }, REASONS)).toEqual({
      level: 'satisfied',
      reasons: [],
      comment: null,
    });
  });
});

describe('negative-review follow-up', () => {
  it('callback → fix → feedback → closed; nothing after closed', () => {
    expect(advance('callback')).toBe('fix');
    expect(advance('fix')).toBe('feedback');
    expect(advance('feedback')).toBe('closed');
    expect(() => advance('closed')).toThrow();
  });

  it('an appeal upheld voids the rating; rejected, the work resumes where it was', () => {
    const a = appeal('fix');
    expect(a).toEqual({ state: 'appeal', resume: 'fix' });
    expect(decide('appeal', true, 'fix')).toBe('voided');
    expect(decide('appeal', false, 'fix')).toBe('fix');
    expect(() => decide('fix', true, null)).toThrow();
    expect(() => appeal('closed')).toThrow();
  });

  it('deadlines skip weekends and holidays and count make-up working days', () => {
    const cal = {
      open: '09:00',
      close: '17:00',
      calendar: weekdayCalendar(['2026-10-01', '2026-10-02'], ['2026-10-10']),
    };
    expect(addWorkingDays(cal, '2026-11-20', 5)).toBe('2026-11-27'); // Friday + 5 working days
    expect(addWorkingDays(cal, '2026-11-23', 5)).toBe('2026-11-30');
    expect(addWorkingDays(cal, '2026-09-30', 1)).toBe('2026-10-05'); // 1st, 2nd holidays, 3rd/4th weekend
    expect(addWorkingDays(cal, '2026-10-09', 1)).toBe('2026-10-10'); // a Saturday worked
  });
});
