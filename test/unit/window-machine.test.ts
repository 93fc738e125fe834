// The window's own rules, without SQLite: one test per rule of server/domain/window-machine.ts.
import { describe, expect, it } from 'vitest';
import { HallError } from '../../server/domain/errors';
import * as w from '../../server/domain/window-machine';

const seat = (over: Partial<w.WindowSeat> = {}): w.WindowSeat => ({
  no: 3,
  open: true,
  clerkId: 'c3',
  pausedReason: null,
  pausedAt: null,
  currentTicket: null,
  lastCallAt: null,
  ...over,
});
const visit = (over: Partial<w.Visit> = {}): w.Visit => ({
  id: 't1',
  number: 'A001',
  status: 'called',
  recallCount: 0,
  ...over,
});

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof HallError) return e.code;
    throw e;
  }
  return undefined;
}

describe('window machine', () => {
  it('a window calls only while open, staffed and not paused', () => {
    expect(codeOf(() => w.assertServing(seat()))).toBeUndefined();
    expect(codeOf(() => w.assertServing(seat({ open: false })))).toBe('WINDOW_CLOSED');
    expect(codeOf(() => w.assertServing(seat({ clerkId: null })))).toBe('WINDOW_CLOSED');
    expect(codeOf(() => w.assertServing(seat({ pausedReason: '午休', pausedAt: 1 })))).toBe('WINDOW_PAUSED');
  });

  it('a special call, a call-back and a pause need the window free', () => {
    expect(codeOf(() => w.assertFree(null))).toBeUndefined();
    expect(() => w.assertFree(visit({ number: 'B007' }))).toThrowError(/当前的 B007 号/);
    expect(codeOf(() => w.assertFree(visit()))).toBe('WINDOW_BUSY');
  });

  it('recall, start, skip, finish, hold and transfer need a visitor at the window', () => {
    const v = visit();
    expect(w.requireCurrent(seat(), v, '重呼')).toBe(v);
    expect(() => w.requireCurrent(seat(), null, '重呼')).toThrowError(/3 号窗口当前没有正在呼叫或办理的号，无法重呼/);
    expect(codeOf(() => w.requireCurrent(seat(), null, '办结'))).toBe('NO_CURRENT_TICKET');
  });

  it('the double-press guard: a second 下一位 within the time of a first call repeats that call', () => {
    const called = seat({ lastCallAt: 10_000, currentTicket: 't1' });
    expect(w.isDoublePress(called, visit(), 10_500, 1500)).toBe(true);
    expect(w.isDoublePress(called, visit(), 11_500, 1500)).toBe(false); // time is up
    expect(w.isDoublePress(called, visit({ recallCount: 1 }), 10_500, 1500)).toBe(false); // recalled since
    expect(w.isDoublePress(called, visit({ status: 'serving' }), 10_500, 1500)).toBe(false); // started since
    expect(w.isDoublePress(called, null, 10_500, 1500)).toBe(false);
    expect(w.isDoublePress(seat(), visit(), 10_500, 1500)).toBe(false); // never called here
    expect(w.callNextStep(called, visit(), 10_500, 1500)).toEqual({ kind: 'repeat' });
  });

  it('call-next finishes the current visitor (办结), called or serving, before calling the next', () => {
    expect(w.callNextEnding(visit({ status: 'serving' }))).toBe('finish');
    expect(w.callNextEnding(visit({ status: 'called' }))).toBe('finish');
    expect(w.callNextStep(seat(), visit({ status: 'serving' }), 99_000, 1500)).toEqual({
      kind: 'call',
      ending: 'finish',
    });
    expect(w.callNextStep(seat(), null, 99_000, 1500)).toEqual({ kind: 'call', ending: null });
  });

  it('call-next is refused at a window that may not call', () => {
    expect(codeOf(() => w.callNextStep(seat({ pausedReason: 'x' }), null, 0, 1500))).toBe('WINDOW_PAUSED');
    expect(codeOf(() => w.callNextStep(seat({ clerkId: null }), null, 0, 1500))).toBe('WINDOW_CLOSED');
  });

  it('a call makes the ticket current and arms the guard; an ended visit leaves the window free', () => {
    const after = w.afterCall(seat(), 't9', 5000);
    expect(after).toMatchObject({ currentTicket: 't9', lastCallAt: 5000 });
    expect(w.afterVisit(after)).toMatchObject({ currentTicket: null, lastCallAt: 5000 });
  });

  it('pause: with a reason (暂停服务 by default), only when not paused and nobody is at the window', () => {
    expect(w.pause(seat(), null, '午休', 7000)).toMatchObject({ pausedReason: '午休', pausedAt: 7000 });
    expect(w.pause(seat(), null, undefined, 7000).pausedReason).toBe('暂停服务');
    expect(codeOf(() => w.pause(seat({ pausedReason: '午休' }), null, 'x', 0))).toBe('WINDOW_PAUSED');
    expect(codeOf(() => w.pause(seat(), visit(), 'x', 0))).toBe('WINDOW_BUSY');
  });

  it('resume: only a paused window, telling how long the pause lasted', () => {
    const r = w.resume(seat({ pausedReason: '午休', pausedAt: 1000 }), 61_000);
    expect(r.window).toMatchObject({ pausedReason: null, pausedAt: null });
    expect(r.pausedForMs).toBe(60_000);
    expect(codeOf(() => w.resume(seat(), 0))).toBe('WINDOW_NOT_PAUSED');
  });

  it('a supervisor closes a window only when nobody is called or served there', () => {
    expect(codeOf(() => w.assertMayClose(seat(), null))).toBeUndefined();
    expect(codeOf(() => w.assertMayClose(seat(), visit()))).toBe('WINDOW_BUSY');
  });

  it('closing a window whose clerk is gone sends its visitor back to the queue', () => {
    expect(w.assertMayClose(seat({ clerkId: null, currentTicket: 't1' }), visit())).toBe(true);
    expect(w.assertMayClose(seat({ clerkId: null }), null)).toBe(false);
  });

  it('a clerk taken off the window leaves it empty, and its visitor goes back to the queue', () => {
    const left = w.leave(seat({ currentTicket: 't1' }), visit());
    expect(left.window).toMatchObject({ clerkId: null, currentTicket: null });
    expect(left.requeue).toBe(true);
    expect(w.leave(seat(), null).requeue).toBe(false);
  });

  it('a clerk who logs out himself leaves the visitor to the window’s next clerk', () => {
    const left = w.leave(seat({ currentTicket: 't1' }), visit(), 'logout');
    expect(left).toMatchObject({ window: { clerkId: null, currentTicket: 't1' }, requeue: false });
  });
});
