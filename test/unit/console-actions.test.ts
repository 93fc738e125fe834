// The console's buttons as data (window-client/src/console-actions.ts): which press sends which command,
// which asks first, and what each dialog's answer sends.
import { describe, expect, it } from 'vitest';
import { answerWaitsForUndo, destinations, dialogCommand, planAction } from '../../window-client/src/console-actions';
import type { WindowConsoleState } from '../../server/protocol/socket';
import type { TicketView, WindowView } from '../../server/protocol/views';

const ticket = (status: string, extra: Partial<TicketView> = {}) =>
  ({ id: 't1', number: 'A001', serviceId: 'general', status, ...extra }) as unknown as TicketView;

function state(window: Partial<WindowView> = {}, held: TicketView[] = []): WindowConsoleState {
  return {
    hall: { id: 'h', name: 'H', day: '2026-12-02', open: '09:00', close: '17:00' },
    window: { no: 3, name: '3号窗口', state: 'free', ticket: null, ...window } as WindowView,
    services: [],
    held,
    directory: {
      services: [
        { id: 'general', name: '综合', prefix: 'A' },
        { id: 'estate', name: '不动产', prefix: 'B' },
      ],
      windows: [
        { no: 3, name: '3号窗口' },
        { no: 4, name: '4号窗口' },
      ],
    },
    pauseReasons: ['休息'],
  };
}

describe('console actions', () => {
  it('下一位 on a visitor only called asks 已到/未到; the answer goes with call-next', () => {
    const st = state({ state: 'calling', ticket: ticket('called') });
    expect(planAction('next', st, { skipped: false })).toEqual({ dialog: 'next' });
    expect(dialogCommand('next', { value: 'no_show', text: '' })).toEqual({
      path: 'call-next',
      word: 'a_next',
      body: { previous: 'no_show' },
    });
  });

  it('未到 waits for the 5-s undo as a 过号 does; 已到 and the other answers are sent at once', () => {
    expect(answerWaitsForUndo('next', { value: 'no_show', text: '' })).toBe(true);
    expect(answerWaitsForUndo('next', { value: 'finished', text: '' })).toBe(false);
    expect(answerWaitsForUndo('pause', { value: '休息', text: '' })).toBe(false);
  });

  it('下一位 while serving, when free, or right after a pending 过号 was sent calls without asking', () => {
    for (const st of [state({ state: 'serving', ticket: ticket('serving') }), state()])
      expect(planAction('next', st, { skipped: false })).toEqual({ command: { path: 'call-next', word: 'a_next' } });
    const called = state({ state: 'calling', ticket: ticket('called') });
    expect(planAction('next', called, { skipped: true })).toEqual({ command: { path: 'call-next', word: 'a_next' } });
  });

  it('过号 is delayed (undo), never sent at once', () => {
    expect(planAction('skip', state({ ticket: ticket('called') }), { skipped: false })).toEqual({ skip: true });
  });

  it('暂停 asks a reason; pressed while paused it resumes', () => {
    expect(planAction('pause', state(), { skipped: false })).toEqual({ dialog: 'pause' });
    expect(planAction('pause', state({ state: 'paused' }), { skipped: false })).toEqual({
      command: { path: 'resume', word: 'a_resume' },
    });
    expect(dialogCommand('pause', { value: '休息', text: '' })?.body).toEqual({ reason: '休息' });
    expect(dialogCommand('pause', { value: null, text: '' })).toBeNull();
  });

  it('回呼 takes the chosen held ticket, else the first; nothing held: nothing sent', () => {
    const held = [ticket('held', { id: 'h1' }), ticket('held', { id: 'h2' })];
    expect(planAction('callBack', state({}, held), { skipped: false, ticketId: 'h2' })).toEqual({
      command: { path: 'call-back', word: 'a_callBack', body: { ticketId: 'h2' } },
    });
    expect(planAction('callBack', state({}, held), { skipped: false })).toMatchObject({
      command: { body: { ticketId: 'h1' } },
    });
    expect(planAction('callBack', state(), { skipped: false })).toBeNull();
  });

  it('转移 needs a ticket at the window; the destination is another service or another window, with the note', () => {
    expect(planAction('transfer', state(), { skipped: false })).toBeNull();
    const st = state({ state: 'serving', ticket: ticket('serving') });
    expect(planAction('transfer', st, { skipped: false })).toEqual({ dialog: 'transfer' });
    const to = destinations(st);
    expect(to.services.map((s) => s.value)).toEqual(['s:estate']);
    expect(to.windows.map((w) => w.value)).toEqual(['w:4']);
    expect(dialogCommand('transfer', { value: 's:estate', text: '需补材料' })?.body).toEqual({
      serviceId: 'estate',
      note: '需补材料',
    });
    expect(dialogCommand('transfer', { value: 'w:4', text: '' })?.body).toEqual({ windowNo: 4 });
  });

  it('a service no open window takes now is marked in the transfer destinations', () => {
    const st = state({ state: 'serving', ticket: ticket('serving') });
    st.directory.services.push({ id: 'tax', name: '税务', prefix: 'C' });
    st.services = [
      { id: 'estate', servedNow: false },
      { id: 'tax', servedNow: true },
    ] as WindowConsoleState['services'];
    expect(destinations(st).services).toEqual([
      { value: 's:estate', label: 'B 不动产', keywords: 'estate', unserved: true },
      { value: 's:tax', label: 'C 税务', keywords: 'tax' },
    ]);
  });

  it('特呼 asks the number and sends it; an empty answer sends nothing', () => {
    expect(planAction('call', state(), { skipped: false })).toEqual({ dialog: 'call' });
    expect(dialogCommand('call', { value: null, text: 'A012' })?.body).toEqual({ number: 'A012' });
    expect(dialogCommand('call', { value: null, text: '' })).toBeNull();
  });

  it('the one-press commands', () => {
    const st = state({ state: 'serving', ticket: ticket('serving') });
    const paths = (['recall', 'start', 'finish', 'evaluate', 'hold'] as const).map(
      (a) => (planAction(a, st, { skipped: false }) as { command: { path: string } }).command.path,
    );
    expect(paths).toEqual(['recall', 'start', 'finish', 'evaluate', 'hold']);
  });
});
