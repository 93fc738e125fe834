// Issue 23, finding 18: ID and mobile numbers in free text are masked (first 3 + last 4), nothing else is.
import { describe, expect, it } from 'vitest';
import { maskOptional, maskPersonalNumbers as mask } from '../../server/domain/personal-numbers';
import { neutraliseFormula } from '../../server/reports/spreadsheet-text';

describe('maskPersonalNumbers', () => {
  it('an 18-character resident ID, with a digit or X (either case) last, alone or inside text', () => {
    expect(mask('110105194912310021')).toBe('110***********0021');
    expect(mask('身份证11010519491231002X请核对')).toBe('身份证110***********002X请核对');
    expect(mask('id 11010519491231002x')).toBe('id 110***********002X');
    expect(mask('110105 19491231 002X')).toBe('110***********002X');
    expect(mask('110105-19491231-002X')).toBe('110***********002X');
  });

  it('an 11-digit mobile 1[3-9]…, also written 3-4-4 or after +86', () => {
    expect(mask('电话13812345678')).toBe('电话138****5678');
    expect(mask('199 1234 5678 或 15012345678')).toBe('199****5678 或 150****5678');
    expect(mask('+86 138-1234-5678')).toBe('+86 138****5678');
    expect(mask('8613812345678')).toBe('86138****5678');
  });

  it('leaves other numbers alone: longer digit runs, landlines, 12… mobiles, ticket numbers, times', () => {
    for (const s of [
      '订单号20241381234567890',
      '12345678901',
      '0531-88886666',
      '110105194912310021123',
      'A012 转 B003，10:30 回来',
      '办件编号 3709002026112300001',
      '',
    ])
      expect(mask(s)).toBe(s);
  });

  it('optional fields pass null and undefined through', () => {
    expect(maskOptional(null)).toBeNull();
    expect(maskOptional(undefined)).toBeUndefined();
    expect(maskOptional('13812345678')).toBe('138****5678');
  });
});

describe('neutraliseFormula (exports)', () => {
  it('text starting with = + - @ tab CR (or their full-width forms) gets a leading apostrophe', () => {
    for (const s of ['=1+1', '+1', '-2', '@SUM(1)', '\tx', '\rx', '＝1', '＋1', '－1', '＠x'])
      expect(neutraliseFormula(s)).toBe(`'${s}`);
  });
  it('other text is unchanged', () => {
    for (const s of ['税务', 'A=1', '1-2', '', "'已转义"]) expect(neutraliseFormula(s)).toBe(s);
  });
});
