// Why a visitor was called, in words (issue 24): the routing terms recorded at the call, 特呼 and 回呼.
import { describe, expect, it } from 'vitest';
import { callReasonLines } from '../../display/src/shared/call-reason-text';
import type { CallReasonView } from '../../server/protocol/views';

const base: CallReasonView = {
  windowNo: 3,
  number: 'B012',
  serviceName: '税务',
  targetWaitMin: 20,
  priority: false,
  calledAt: '2026-12-02T02:00:00.000Z',
  waitedMin: 32,
  how: 'routing',
  terms: {},
};

describe('callReasonLines', () => {
  it('names each term the rule added, in Chinese and in English', () => {
    const r = {
      ...base,
      terms: {
        urgency: 5.1234,
        level: 2,
        targetRatio: 1.6,
        priorityBoost: 0,
        shortMatter: 1.32,
        levelPenalty: 0.2,
        rescue: 0,
        levelWeight: 1,
        loadWeight: 1,
      },
    };
    expect(callReasonLines(r, 'zh')).toEqual([
      'B012（税务）：叫号时已等候 32 分钟，目标 20 分钟',
      '等候/目标 1.6',
      '办理时长系数 ×1.32（短事项先办，窗口能多办几位）',
      '本窗口兼办（2级） −0.2',
      '紧急度 5.12：本窗口可叫的号码中最高',
    ]);
    expect(callReasonLines(r, 'en')[0]).toBe('B012 (税务): waited 32 min when called; target 20 min');
  });

  it('shows priority, rescue and a bottleneck only when they count; 特呼 and 回呼 say who chose', () => {
    const r = {
      ...base,
      terms: { urgency: 30, level: 1, priorityBoost: 20, rescue: 3.5, bottleneck: true, shortMatter: 1 },
    };
    expect(callReasonLines(r, 'zh')).toEqual([
      'B012（税务）：叫号时已等候 32 分钟，目标 20 分钟',
      '优先群众 +20',
      '本窗口主办事项',
      '瓶颈事项：不被兼办窗口推后',
      '超时救急 +3.5',
      '紧急度 30：本窗口可叫的号码中最高',
    ]);
    // A helper serving a helped matter's priority visitor first says it is the helpers' rule.
    expect(callReasonLines({ ...base, terms: { level: 2, priorityBoost: 20 } }, 'zh')).toContain(
      '优先群众 +20（兼办事项的优先群众：兼办窗口先办优先群众）',
    );
    // A hall that weighs matters by their load (loadExp) says so; the default weight 1 is not shown (above).
    expect(callReasonLines({ ...base, terms: { loadWeight: 1.12 } }, 'zh')).toContain(
      '事项负荷系数 ×1.12（高峰时每个可办窗口的负荷，相对全厅）',
    );
    expect(callReasonLines({ ...base, how: 'special' }, 'zh')).toEqual(['B012（税务）：窗口特呼，由工作人员指定号码']);
    expect(callReasonLines({ ...base, how: 'callBack' }, 'en')).toEqual([
      'B012 (税务): called back after being held at this window',
    ]);
  });
});
