// The calls a board missed while offline (display/src/board/missed-calls.ts): which get their turn on reconnect.
import { describe, expect, it } from 'vitest';
import { MISSED_CALLS_MAX, missedCalls } from '../../display/src/board/missed-calls';
import type { BoardState, PublicWindowView } from '../../server/protocol/socket';
import type { CallView } from '../../server/protocol/views';

const T0 = Date.parse('2026-12-02T02:00:00Z');
const at = (sec: number) => new Date(T0 + sec * 1000).toISOString();

function call(number: string, windowNo: number, sec: number, recall = false): CallView {
  const ticket = { number, serviceId: 'general', serviceName: '综合受理', status: 'called' } as CallView['ticket'];
  const announcement = `请${number}号到${windowNo}号窗口办理`;
  return {
    ticket,
    windowNo,
    windowName: `窗口${windowNo}`,
    recall,
    at: at(sec),
    announcement,
    spoken: announcement,
    audio: null,
  };
}

function win(no: number, number: string | null, status = 'called'): PublicWindowView {
  const ticket = number ? ({ number, status } as PublicWindowView['ticket']) : null;
  return {
    no,
    name: `窗口${no}`,
    zone: 'A',
    state: number ? 'calling' : 'idle',
    pauseReason: null,
    clerk: null,
    ticket,
  };
}

function board(recentCalls: CallView[], windows: PublicWindowView[]): BoardState {
  return {
    hall: { id: 'h', name: '大厅', day: '2026-12-02', open: '09:00', close: '17:00' },
    zone: 'A',
    windows,
    services: [],
    recentCalls,
    notice: '',
    repeat: 2,
  };
}

describe('calls missed while the board was offline', () => {
  const old = call('A001', 1, 0);
  const before = board([old], [win(1, 'A001'), win(2, null)]);

  it('new calls still called at their window get their turn, oldest first', () => {
    const a2 = call('A002', 1, 30);
    const b1 = call('B001', 2, 40);
    const after = board([b1, a2, old], [win(1, 'A002'), win(2, 'B001')]);
    expect(missedCalls(before, after, T0 + 60_000).map((c) => c.ticket.number)).toEqual(['A002', 'B001']);
  });

  it('not one the board had, one older than two minutes, nor one since finished, served or moved on', () => {
    const a2 = call('A002', 1, 10); // window 1 moved on to A003
    const a3 = call('A003', 1, 20); // now being served
    const b1 = call('B001', 2, 30); // window 2 finished it
    const after = board([b1, a3, a2, old], [win(1, 'A003', 'serving'), win(2, null)]);
    expect(missedCalls(before, after, T0 + 60_000)).toEqual([]);
    const late = board([call('B002', 2, 0)], [win(1, 'A001'), win(2, 'B002')]);
    expect(missedCalls(before, late, T0 + 121_000)).toEqual([]);
    expect(missedCalls(before, late, T0 + 119_000)).toHaveLength(1);
  });

  it('a recall of the same ticket made while offline is announced again; a long list is cut to the newest few', () => {
    const again = call('A001', 1, 50, true);
    expect(missedCalls(before, board([again, old], before.windows), T0 + 60_000)).toEqual([again]);
    // Five windows called while offline: the newest three, oldest first.
    const many = [1, 2, 3, 4, 5].map((no) => call(`C00${no}`, no, 10 + no)).reverse();
    const after = board(
      many,
      [1, 2, 3, 4, 5].map((no) => win(no, `C00${no}`)),
    );
    expect(MISSED_CALLS_MAX).toBe(3);
    expect(missedCalls(board([], []), after, T0 + 60_000).map((c) => c.ticket.number)).toEqual([
      'C003',
      'C004',
      'C005',
    ]);
  });
});
