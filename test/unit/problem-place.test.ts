// A refused admin save names the place in the admin's words (display/src/admin/problem-place.ts).
import { describe, expect, it, vi } from 'vitest';

// The admin's words pick their language from the page's address (read when the module loads): none is Chinese.
vi.hoisted(() =>
  Object.assign(globalThis, { location: { search: '' }, localStorage: { getItem: () => null, setItem: () => {} } }),
);
import { problemText } from '../../display/src/admin/problem-place';

describe('problemText', () => {
  it('names the tab, the row and the column, and keeps the config path', () => {
    expect(problemText('services[2].prefix: 一到两个大写字母')).toBe(
      '事项 第 3 行 · 字头：一到两个大写字母（services[2].prefix）',
    );
    expect(problemText('services[0].hours.to: 结束时间（to）须晚于开始时间（from）')).toBe(
      '事项 第 1 行 · 取号止：结束时间（to）须晚于开始时间（from）（services[0].hours.to）',
    );
    expect(problemText('windows[1].skills.taxx: 未知的事项 "taxx"')).toBe(
      '窗口 第 2 行 · 可办事项与熟练度（1 最优先）：未知的事项 "taxx"（windows[1].skills.taxx）',
    );
    expect(problemText('hall.close: 闭厅时间须晚于开厅时间')).toBe(
      '大厅与日历 · 关门：闭厅时间须晚于开厅时间（hall.close）',
    );
    expect(problemText('devices[3].token: 设备令牌重复')).toBe('设备 第 4 行 · 令牌：设备令牌重复（devices[3].token）');
  });

  it('puts settings without a tab of their own on the other tab; text without a path is kept', () => {
    expect(problemText('routing.bottlenecks[1]: 未知的事项 "passport"')).toBe(
      '评价·分派·告警·语音·上报：未知的事项 "passport"（routing.bottlenecks[1]）',
    );
    expect(problemText('配置无效')).toBe('配置无效');
  });
});
