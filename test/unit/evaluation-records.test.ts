// The 好差评 records filter: each criterion alone and together, 未评价 as a level, comments that are only
// spaces count as none, pending prompts are never records, the latest visit first.
import { describe, expect, it } from 'vitest';
import { filterRecords } from '../../server/core/evaluation-records';
import type { EvaluationView } from '../../server/protocol/views';

let n = 0;
function ev(over: Partial<EvaluationView>): EvaluationView {
  n += 1;
  return {
    id: `e${n}`,
    ticketId: `t${n}`,
    ticketNumber: `A00${n}`,
    day: '2026-11-23',
    windowNo: 1,
    clerkId: 'c1',
    clerkName: '办事员1',
    serviceId: 'general',
    serviceName: '综合受理',
    caseNo: null,
    status: 'rated',
    level: 'very_satisfied',
    levelText: '非常满意',
    gbtCode: 1,
    provincialCode: 5,
    reasons: [],
    comment: null,
    channel: 'pad',
    promptedAt: `2026-11-23T01:0${n}:00.000Z`,
    expiresAt: `2026-11-23T01:0${n}:59.000Z`,
    answeredAt: `2026-11-23T01:0${n}:30.000Z`,
    voided: false,
    ...over,
  };
}

const list = [
  ev({}),
  ev({ windowNo: 2, clerkId: 'c2', serviceId: 'tax', level: 'dissatisfied', comment: '太慢' }),
  ev({ status: 'unrated', level: null, answeredAt: null, comment: null }),
  ev({ status: 'pending', level: null, answeredAt: null }),
  ev({ level: 'satisfied', comment: '   ' }),
];
const ids = (f: Parameters<typeof filterRecords>[1]) => filterRecords(list, f).map((e) => e.id);

describe('filterRecords', () => {
  it('lists every answered or unrated visit, latest first, never a pending prompt', () => {
    expect(ids({})).toEqual(['e5', 'e3', 'e2', 'e1']);
  });
  it('narrows by window, clerk and service', () => {
    expect(ids({ windowNo: 2 })).toEqual(['e2']);
    expect(ids({ clerkId: 'c1' })).toEqual(['e5', 'e3', 'e1']);
    expect(ids({ serviceId: 'tax' })).toEqual(['e2']);
    expect(ids({ serviceId: 'tax', clerkId: 'c1' })).toEqual([]);
  });
  it('a level, or 未评价', () => {
    expect(ids({ level: 'dissatisfied' })).toEqual(['e2']);
    expect(ids({ level: 'unrated' })).toEqual(['e3']);
    expect(ids({ level: 'very_dissatisfied' })).toEqual([]);
  });
  it('with or without a comment (spaces only is none)', () => {
    expect(ids({ comment: 'with' })).toEqual(['e2']);
    expect(ids({ comment: 'without' })).toEqual(['e5', 'e3', 'e1']);
  });
});
