import { describe, expect, it } from 'vitest';
import { announcementUnits, numberWords, textUnits } from '../../server/voice/units';

const PACK = new Set([
  '请',
  '号',
  '到',
  '窗口',
  '办理',
  '十',
  '百',
  '零',
  '一',
  '二',
  '三',
  '五',
  '七',
  '九',
  'A',
  'B',
  'C',
]);
const has = (u: string) => PACK.has(u);

describe('voice units', () => {
  it('reads numbers the way a hall says them', () => {
    expect(numberWords(3)).toBe('三');
    expect(numberWords(10)).toBe('十');
    expect(numberWords(12)).toBe('十二');
    expect(numberWords(20)).toBe('二十');
    expect(numberWords(105)).toBe('一百零五');
    expect(numberWords(110)).toBe('一百一十');
    expect(numberWords(1001)).toBe('一千零一');
  });

  it('cuts the default template: ticket sign by sign, window number as a number, words from the pack', () => {
    const units = announcementUnits(
      '请{ticket}号到{window}号窗口办理',
      { ticket: 'A012', windowNo: 12, windowName: '综合窗口12' },
      has,
    );
    expect(units).toEqual([
      { clip: '请' },
      { clip: 'A' },
      { clip: '零' },
      { clip: '一' },
      { clip: '二' },
      { clip: '号' },
      { clip: '到' },
      { clip: '十' },
      { clip: '二' },
      { clip: '号' },
      { clip: '窗口' },
      { clip: '办理' },
    ]);
  });

  it('reads a window name as written: digits via the pack, other words from the pack or the engine', () => {
    const units = announcementUnits(
      '请{ticket}号到{windowName}办理',
      { ticket: 'B7', windowNo: 5, windowName: '税务窗口3' },
      has,
    );
    expect(units).toEqual([
      { clip: '请' },
      { clip: 'B' },
      { clip: '七' },
      { clip: '号' },
      { clip: '到' },
      { text: '税务' },
      { clip: '窗口' },
      { clip: '三' },
      { clip: '办理' },
    ]);
  });

  it('punctuation becomes one pause, never at either end; unknown letters go to the engine', () => {
    expect(textUnits('，请到。。', has)).toEqual([{ pause: true }, { clip: '请' }, { clip: '到' }, { pause: true }]);
    expect(announcementUnits('{ticket}，，{ticket}', { ticket: 'A1', windowNo: 1, windowName: '' }, has)).toEqual([
      { clip: 'A' },
      { clip: '一' },
      { pause: true },
      { clip: 'A' },
      { clip: '一' },
    ]);
    expect(
      announcementUnits('{ticket}号，请到{window}号窗口。', { ticket: 'Z9', windowNo: 1, windowName: 'x' }, has),
    ).toEqual([
      { text: 'Z' },
      { clip: '九' },
      { clip: '号' },
      { pause: true },
      { clip: '请' },
      { clip: '到' },
      { clip: '一' },
      { clip: '号' },
      { clip: '窗口' },
    ]);
  });
});
