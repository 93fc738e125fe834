// Rules a supervisor meets in the first hour (issue 22): a window calling one number too long raises an
// alert; by window and by clerk, the rows and the visits outside them add up to the total, and a transfer
// counts under the window it left.
import { describe, expect, it } from 'vitest';
import { alertConditions, type HallFacts } from '../../server/domain/alert-rules';
import { report, type Visit } from '../../server/domain/report';
import { windowLook, WINDOW_LOOK_LABEL } from '../../server/domain/labels';
import { callNextEnding } from '../../server/domain/window-machine';

const NOW = 10 * 3600_000;
const calling = (min: number, limit?: number): HallFacts => ({
  now: NOW,
  services: [],
  waiting: [],
  devices: [],
  upstream: null,
  windows: [
    {
      no: 3,
      name: '3号窗口',
      state: 'calling',
      open: true,
      staffed: true,
      pausedAt: null,
      pauseReason: null,
      skills: {},
      canTake: [],
      calling: { number: 'A007', since: NOW - min * 60_000 },
    },
  ],
  limits: { pauseMaxMin: 30, deviceOfflineSec: 60, upstreamBacklogMin: 30, callingMaxMin: limit },
});

describe('叫号中 too long', () => {
  it('raises an alert once the number has been called longer than alerts.callingMaxMin, without start', () => {
    expect(alertConditions(calling(9, 10))).toEqual([]);
    expect(alertConditions(calling(11, 10))).toEqual([
      expect.objectContaining({
        kind: 'window_calling',
        subject: '3',
        state: 'A007',
        message: '3号窗口 叫号 A007 已 11 分钟，仍未开始办理',
      }),
    ]);
    expect(alertConditions(calling(4, 3))).toHaveLength(1); // configurable
  });
});

const visit = (over: Partial<Visit>): Visit => ({
  day: '2026-11-23',
  hour: 9,
  calledHour: 9,
  finishedHour: 9,
  serviceId: 'general',
  windowNo: 1,
  clerkId: 'c1',
  status: 'finished',
  waitMin: 5,
  serviceMin: 8,
  targetWaitMin: 15,
  transfers: 0,
  transferredFrom: [],
  evaluation: null,
  ...over,
});

describe('by window and by clerk, totals equal their rows', () => {
  const visits = [
    visit({}),
    visit({ windowNo: 2, clerkId: 'c2', status: 'no_show' }),
    // Transferred by window 1 back to the tax queue: waiting, at no window now.
    visit({
      serviceId: 'tax',
      windowNo: null,
      clerkId: null,
      status: 'waiting',
      finishedHour: null,
      serviceMin: null,
      transfers: 1,
      transferredFrom: [{ windowNo: 1, clerkId: 'c1' }],
    }),
    // Never called.
    visit({ windowNo: null, clerkId: null, status: 'waiting', waitMin: null, calledHour: null, finishedHour: null }),
  ];
  const sum = (rows: { tickets: number; served: number; noShows: number; transfers: number }[]) =>
    rows.reduce(
      (a, r) => ({
        tickets: a.tickets + r.tickets,
        served: a.served + r.served,
        noShows: a.noShows + r.noShows,
        transfers: a.transfers + r.transfers,
      }),
      { tickets: 0, served: 0, noShows: 0, transfers: 0 },
    );

  for (const by of ['window', 'clerk'] as const)
    it(`by ${by}`, () => {
      const r = report(visits, by);
      expect(r.outside).toMatchObject({ tickets: 2, transfers: 0 });
      expect(sum([...r.rows, r.outside!])).toEqual({ tickets: 4, served: 1, noShows: 1, transfers: 1 });
      expect(r.total).toMatchObject({ tickets: 4, served: 1, noShows: 1, transfers: 1 });
      expect(r.rows[0]).toMatchObject({ key: by === 'window' ? '1' : 'c1', tickets: 1, transfers: 1 });
    });

  it('by service there is nothing outside', () => {
    expect(report(visits, 'service').outside).toBeNull();
  });
});

describe('window words', () => {
  it('three distinct states for a window that does not serve', () => {
    const looks = [
      windowLook({ state: 'closed', open: true }),
      windowLook({ state: 'closed', open: false }),
      windowLook({ state: 'paused', open: true }),
    ];
    expect(looks.map((l) => WINDOW_LOOK_LABEL[l].zh)).toEqual(['未登录', '已关闭', '暂停服务']);
  });
});

describe('叫号 over a visitor only called (window-machine)', () => {
  const visit = (status: 'called' | 'serving') => ({ id: 't', number: 'A001', status, recallCount: 0 });
  it('ends as the clerk said: 已到 → 办结, 未到 → 过号; unsaid (a keypad) → 办结', () => {
    expect(callNextEnding(visit('called'), 'no_show')).toBe('skip');
    expect(callNextEnding(visit('called'), 'finished')).toBe('finish');
    expect(callNextEnding(visit('called'))).toBe('finish');
    expect(callNextEnding(visit('serving'), 'no_show')).toBe('finish'); // started: it was served
  });
});
