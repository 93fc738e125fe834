// The wording of the predicted wait shared by every surface.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREDICT } from '../../server/domain/prediction';
import { changedALot, PREDICTION_HORIZON_MIN, waitLine, waitText } from '../../server/protocol/wait-text';

const w = (minutes: number, low: number, high: number, servedNow = true) => ({ minutes, low, high, servedNow });

describe('waitText / waitLine', () => {
  it('gives the median with the 80% range, in Chinese first', () => {
    expect(waitText(w(12, 8, 18))).toBe('约12分钟（8–18）');
    expect(waitLine(w(12, 8, 18))).toBe('预计等候约12分钟（8–18）');
    expect(waitText(w(12, 8, 18), 'en')).toBe('about 12 min (8–18)');
    expect(waitText(w(30, 30, 30))).toBe('约30分钟');
  });

  it('says 当前暂无窗口办理 when no window serves, 即将叫号 at once, nothing when the hall is closed', () => {
    expect(waitText(w(40, 30, 50, false))).toBe('当前暂无窗口办理');
    expect(waitLine(w(40, 30, 50, false))).toBe('当前暂无窗口办理');
    expect(waitLine(w(0, 0, 1))).toBe('即将叫号');
    expect(waitLine(w(0, 0, 4))).toBe('预计等候约0分钟（0–4）');
    expect(waitText(null)).toBeNull();
    expect(waitLine(null)).toBeNull();
  });

  it('never says 约240分钟 for a wait past what the prediction looks at (its horizon)', () => {
    expect(PREDICTION_HORIZON_MIN).toBe(DEFAULT_PREDICT.horizonMin);
    expect(waitText(w(240, 240, 240))).toBe('超过4小时');
    expect(waitLine(w(240, 200, 240))).toBe('预计等候超过4小时');
    expect(waitText(w(240, 240, 240), 'en')).toBe('over 4 hours');
    expect(waitText(w(200, 150, 240))).toBe('约200分钟（150–4小时以上）');
    expect(waitText(w(200, 150, 240), 'en')).toBe('about 200 min (150–4 h+)');
  });

  it('says when the call may fall after closing time', () => {
    expect(waitText({ ...w(30, 20, 45), afterClose: true })).toBe('约30分钟（20–45），可能超过今日办理时间');
    expect(waitLine({ ...w(240, 240, 240), afterClose: true })).toBe('预计等候超过4小时，可能超过今日办理时间');
    expect(waitText({ ...w(30, 20, 45), afterClose: true }, 'en')).toBe(
      'about 30 min (20–45), possibly after closing time',
    );
  });

  it('flags a big change only: more than 5 minutes and a quarter, or served no more', () => {
    expect(changedALot(w(12, 8, 18), w(15, 10, 20))).toBe(false);
    expect(changedALot(w(12, 8, 18), w(25, 18, 32))).toBe(true);
    expect(changedALot(w(40, 30, 50), w(34, 25, 44))).toBe(false);
    expect(changedALot(w(12, 8, 18), w(12, 8, 18, false))).toBe(true);
    expect(changedALot(null, w(12, 8, 18))).toBe(false);
  });
});
