import { describe, expect, it } from 'vitest';
import { announcement, spokenTicket } from '../../server/domain/announcement';

describe('announcement', () => {
  it('reads ticket letters and digits one by one', () => {
    expect(spokenTicket('A012')).toBe('A零一二');
    expect(spokenTicket('B100')).toBe('B一零零');
    expect(spokenTicket('AB1000')).toBe('AB一零零零');
  });

  it('fills the hall template for display and for speech', () => {
    expect(announcement('请{ticket}号到{window}号窗口办理', 'A012', 3)).toEqual({
      text: '请A012号到3号窗口办理',
      spoken: '请A零一二号到3号窗口办理',
    });
    expect(announcement('{ticket}号请到{window}号窗口，{ticket}号', 'C007', 12).spoken).toBe(
      'C零零七号请到12号窗口，C零零七号',
    );
  });
});
