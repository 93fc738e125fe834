// Pure rules behind the dashboard: which alert conditions hold, which window a busy queue is pointed to,
// and the report formulas' edge cases (voided and pending evaluations, the nearest-rank p90).
import { describe, expect, it } from 'vitest';
import { alertConditions, suggestWindow, type HallFacts } from '../../server/domain/alert-rules';
import { percentile, rowOf, type Visit } from '../../server/domain/report';

const NOW = 10 * 3600_000;
const win = (no: number, over: Partial<HallFacts['windows'][number]> = {}): HallFacts['windows'][number] => ({
  no,
  name: `${no}号窗口`,
  state: 'idle',
  open: true,
  staffed: true,
  pausedAt: null,
  pauseReason: null,
  skills: {},
  ...over,
  // Trained for its skills unless told (config `canTake`).
  canTake: over.canTake ?? Object.keys(over.skills ?? {}),
});
const facts = (over: Partial<HallFacts> = {}): HallFacts => ({
  now: NOW,
  services: [
    { id: 'tax', name: '税务', targetWaitMin: 20, alertWaiting: 5, waiting: 6 },
    { id: 'gen', name: '综合', targetWaitMin: 15, alertWaiting: 5, waiting: 1 },
  ],
  waiting: [],
  windows: [],
  devices: [],
  upstream: null,
  limits: { pauseMaxMin: 30, deviceOfflineSec: 60, upstreamBacklogMin: 30 },
  ...over,
});

describe('which window a busy queue is pointed to', () => {
  // 税务 is pressed: its oldest ticket has waited past 0.8 × its 20-minute target, and two wait.
  const pressedTax = [
    { id: 't1', number: 'B001', serviceId: 'tax', waitFrom: NOW - 25 * 60_000 },
    { id: 't2', number: 'B002', serviceId: 'tax', waitFrom: NOW - 10 * 60_000 },
  ];
  const LIMITS = { pauseMaxMin: 30, deviceOfflineSec: 60, upstreamBacklogMin: 30 };
  const tidal = (over: Partial<HallFacts> = {}) =>
    facts({ waiting: pressedTax, limits: { ...LIMITS, tidalSuggestions: true }, ...over });

  it('resume a paused window that takes it, before opening a closed one, before a 潮汐 helper', () => {
    const windows = [
      win(1, { skills: { gen: 1 }, canTake: ['gen', 'tax'] }),
      win(2, { skills: { tax: 2 }, open: false, state: 'closed' }),
      win(3, { skills: { tax: 1 }, state: 'paused', pausedAt: NOW }),
    ];
    expect(suggestWindow('tax', tidal({ windows }))).toMatchObject({ windowNo: 3, action: 'resume' });
    expect(suggestWindow('tax', tidal({ windows: windows.slice(0, 2) }))).toMatchObject({
      windowNo: 2,
      action: 'open',
    });
    expect(suggestWindow('tax', tidal({ windows: windows.slice(0, 1) }))).toMatchObject({
      windowNo: 1,
      action: 'assign',
      text: '将 1号窗口 设为潮汐窗口，1 小时内优先办理税务',
    });
  });

  it('no 潮汐 move unless the hall turned them on: the simulator showed no gain (issue 25)', () => {
    const windows = [
      win(1, { skills: { gen: 1 }, canTake: ['gen', 'tax'] }),
      win(5, { staffed: false, state: 'closed', skills: { tax: 1 } }),
    ];
    expect(suggestWindow('tax', facts({ waiting: pressedTax, windows }))).toMatchObject({
      windowNo: 5,
      action: 'staff',
    });
    expect(suggestWindow('tax', tidal({ windows }))).toMatchObject({ windowNo: 1, action: 'assign' });
  });

  it('the 潮汐 helper is the staffed window with the least pressed own queues; else someone must log in', () => {
    const trained = ['gen', 'tax', 'other'];
    const windows = [
      win(1, { skills: { gen: 1 }, canTake: trained }),
      win(2, { skills: { tax: 1 } }),
      win(4, { skills: { other: 1 }, canTake: trained }),
    ];
    // 综合's own queue is pressed too (its oldest waited 14 of 15 minutes): window 4's is empty.
    const genLate = { id: 'g1', number: 'A001', serviceId: 'gen', waitFrom: NOW - 14 * 60_000 };
    expect(suggestWindow('tax', tidal({ windows, waiting: [...pressedTax, genLate] }))?.windowNo).toBe(4);
    const unstaffed = [win(5, { staffed: false, state: 'closed', skills: { tax: 1 } })];
    expect(suggestWindow('tax', tidal({ windows: unstaffed }))).toMatchObject({ windowNo: 5, action: 'staff' });
    expect(suggestWindow('tax', tidal({ windows: [] }))).toBeNull();
  });

  it('a 潮汐 helper only among windows whose clerks are trained for the matter (canTake)', () => {
    const windows = [win(1, { skills: { other: 1 } }), win(4, { skills: { gen: 1 }, canTake: ['gen', 'tax'] })];
    // Window 1's own queue is empty too; yet only window 4's clerk is trained for 税务.
    expect(suggestWindow('tax', tidal({ windows }))).toMatchObject({ windowNo: 4, action: 'assign' });
    // Nobody trained for it: no 潮汐 move; the unstaffed window that takes it is suggested instead.
    const untrained = [win(1, { skills: { gen: 1 } }), win(5, { staffed: false, state: 'closed', skills: { tax: 1 } })];
    expect(suggestWindow('tax', tidal({ windows: untrained }))).toMatchObject({ windowNo: 5, action: 'staff' });
  });

  it('the window whose own matter it is before one that only helps with it (walk: 税务 → 综合窗口4)', () => {
    const windows = [
      win(4, { staffed: false, state: 'closed', skills: { gen: 1, tax: 3 } }),
      win(9, { staffed: false, state: 'closed', skills: { tax: 1 } }),
    ];
    expect(suggestWindow('tax', facts({ windows }))).toMatchObject({ windowNo: 9, action: 'staff' });
    const paused = [
      win(2, { skills: { gen: 1, tax: 2 }, state: 'paused', pausedAt: NOW }),
      win(7, { skills: { tax: 1 }, state: 'paused', pausedAt: NOW }),
    ];
    expect(suggestWindow('tax', facts({ windows: paused }))).toMatchObject({ windowNo: 7, action: 'resume' });
  });

  it('never a window already on a 潮汐 move, nor for a queue not yet pressed (the simulator’s rule)', () => {
    const windows = [
      win(1, { skills: { gen: 1, tax: 1 }, canTake: ['gen', 'tax'], moved: true }),
      win(4, { skills: { gen: 1 }, canTake: ['gen', 'tax'], moved: true }),
    ];
    expect(suggestWindow('tax', tidal({ windows }))).toBeNull();
    const fresh = [win(4, { skills: { gen: 1 }, canTake: ['gen', 'tax'] })];
    // Six wait, but the oldest only 5 minutes of a 20-minute target: no move yet.
    const early = [{ id: 't9', number: 'B009', serviceId: 'tax', waitFrom: NOW - 5 * 60_000 }, pressedTax[1]!];
    expect(suggestWindow('tax', tidal({ windows: fresh, waiting: early }))).toBeNull();
  });
});

describe('alert conditions', () => {
  it('a long queue raised above its limit holds until a fifth below it (no flapping at the limit)', () => {
    const at = (waiting: number, open: boolean) =>
      alertConditions(
        facts({
          services: [{ id: 'tax', name: '税务', targetWaitMin: 20, alertWaiting: 10, waiting }],
          openQueueAlerts: new Set(open ? ['tax'] : []),
        }),
      ).filter((c) => c.kind === 'queue_long');
    expect(at(10, false)).toHaveLength(0);
    expect(at(11, false)[0]!.message).toBe('税务 等候 11 人，超过 10 人');
    expect(at(10, true)[0]!.message).toBe('税务 等候 10 人，接近告警线 10 人');
    expect(at(9, true)).toHaveLength(1);
    expect(at(8, true)).toHaveLength(0);
    // A limit of 3: it clears at 2.
    const small = (waiting: number) =>
      alertConditions(
        facts({
          services: [{ id: 'tax', name: '税务', targetWaitMin: 20, alertWaiting: 3, waiting }],
          openQueueAlerts: new Set(['tax']),
        }),
      ).filter((c) => c.kind === 'queue_long');
    expect(small(3)).toHaveLength(1);
    expect(small(2)).toHaveLength(0);
  });

  it('each holds only past its threshold', () => {
    const f = facts({
      waiting: [
        { id: 't1', number: 'B001', serviceId: 'tax', waitFrom: NOW - 20 * 60_000 },
        { id: 't2', number: 'B002', serviceId: 'tax', waitFrom: NOW - 19 * 60_000 },
      ],
      windows: [
        win(1, { state: 'paused', pausedAt: NOW - 30 * 60_000, pauseReason: '会议' }),
        win(2, { state: 'paused', pausedAt: NOW - 29 * 60_000 }),
      ],
      devices: [
        { id: 'led-1', kind: 'led', state: 'offline', since: NOW - 60_000, fault: null },
        { id: 'led-2', kind: 'led', state: 'offline', since: NOW - 59_000, fault: null },
        {
          id: 'printer-1',
          kind: 'printer',
          state: 'online',
          since: NOW,
          fault: { state: 'paper_out', message: '打印机缺纸' },
        },
      ],
      upstream: { oldestAt: NOW - 30 * 60_000, count: 12, rejected: '401 bad signature' },
    });
    const got = alertConditions(f).map((c) => `${c.kind}:${c.subject}`);
    expect(got).toEqual([
      'wait_over_target:t1',
      'queue_long:tax',
      'window_paused:1',
      'device_offline:led-1',
      'printer:printer-1',
      'upstream_backlog:upstream',
      'upstream_rejected:upstream',
    ]);
  });
});

describe('report formulas', () => {
  it('nearest-rank percentile', () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([10, 1, 5], 0.5)).toBe(5);
  });

  it('voided and pending evaluations do not count; uncalled tickets have no wait', () => {
    const v = (over: Partial<Visit>): Visit => ({
      day: 'd',
      hour: 9,
      calledHour: 9,
      finishedHour: 9,
      serviceId: 's',
      windowNo: 1,
      clerkId: 'c',
      status: 'finished',
      waitMin: 10,
      serviceMin: 5,
      targetWaitMin: 15,
      transfers: 0,
      evaluation: null,
      ...over,
    });
    const row = rowOf('k', [
      v({ evaluation: { status: 'rated', level: 'very_dissatisfied', voided: true } }),
      v({ evaluation: { status: 'pending', level: null, voided: false } }),
      v({ evaluation: { status: 'rated', level: 'basic', voided: false }, waitMin: 20 }),
      v({ status: 'expired', waitMin: null, serviceMin: null }),
    ]);
    expect(row).toMatchObject({
      tickets: 4,
      served: 3,
      meanWaitMin: 13.3,
      withinTarget: 0.6667,
      satisfaction: 1,
      evaluationRate: 1,
    });
  });
});
