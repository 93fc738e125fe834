// What each console action does, as data: a command to send, a dialog to ask first, or the delayed 过号.
// Pure (no DOM, no words: the app translates `word`), so every rule of the buttons is unit-tested.
import type { WindowConsoleState } from '../../server/protocol/socket';
import type { ChoiceResult } from './choice-dialog';
import type { ConsoleAction } from './shortcuts';
import type { Destination } from './transfer-dialog';

/** A window command: its path under /api/windows/:no/, the word for it in messages, its body. */
export interface Command {
  path: string;
  word: CommandWord;
  body?: Record<string, unknown>;
}
/** The console's words for its commands (i18n.ts). */
export type CommandWord =
  | 'a_next'
  | 'a_recall'
  | 'a_start'
  | 'a_finish'
  | 'a_hold'
  | 'a_callBack'
  | 'a_pause'
  | 'a_resume'
  | 'a_call'
  | 'a_transfer'
  | 'evaluateAsked';
export type DialogKind = 'transfer' | 'pause' | 'call' | 'next';
export type Plan = { command: Command } | { dialog: DialogKind } | { skip: true } | null;

/**
 * The plan for one pressed action. `skipped`: a pending 过号 was just sent by this press, so the window's
 * ticket in `st` is already gone (下一位 then calls without asking 已到/未到).
 */
export function planAction(
  a: ConsoleAction,
  st: WindowConsoleState,
  opts: { skipped: boolean; ticketId?: string },
): Plan {
  const w = st.window;
  const send = (path: string, word: Command['word'], body?: Command['body']): Plan => ({
    command: { path, word, ...(body ? { body } : {}) },
  });
  switch (a) {
    case 'next':
      // A visitor only called, never started: did they come? 已到 → 办结, 未到 → 过号 (never a silent 办结).
      return w.ticket?.status === 'called' && !opts.skipped ? { dialog: 'next' } : send('call-next', 'a_next');
    case 'recall':
      return send('recall', 'a_recall');
    case 'start':
      return send('start', 'a_start');
    case 'finish':
      return send('finish', 'a_finish');
    case 'evaluate':
      return send('evaluate', 'evaluateAsked');
    case 'skip':
      return { skip: true };
    case 'hold':
      return send('hold', 'a_hold');
    case 'callBack': {
      const id = opts.ticketId ?? st.held[0]?.id;
      return id ? send('call-back', 'a_callBack', { ticketId: id }) : null;
    }
    case 'pause':
      return w.state === 'paused' ? send('resume', 'a_resume') : { dialog: 'pause' };
    case 'transfer':
      return w.ticket ? { dialog: 'transfer' } : null;
    case 'call':
      return { dialog: 'call' };
  }
}

/** The command a dialog's answer sends (none when it was left without a choice). */
export function dialogCommand(kind: DialogKind, r: ChoiceResult): Command | null {
  if (kind === 'pause' && r.value) return { path: 'pause', word: 'a_pause', body: { reason: r.value } };
  if (kind === 'next' && r.value) return { path: 'call-next', word: 'a_next', body: { previous: r.value } };
  if (kind === 'call' && r.text) return { path: 'call', word: 'a_call', body: { number: r.text } };
  if (kind === 'transfer' && r.value) {
    const [k, v] = [r.value.slice(0, 1), r.value.slice(2)];
    const to = k === 's' ? { serviceId: v } : { windowNo: Number(v) };
    return { path: 'transfer', word: 'a_transfer', body: { ...to, ...(r.text ? { note: r.text } : {}) } };
  }
  return null;
}

/**
 * Whether a dialog's answer waits for the 5-second undo before it is sent: 未到 → 过号 is final for the
 * visitor, as a pressed 过号 is, so it gets the same 撤销 (and the 叫号 that goes with it waits too).
 */
export function answerWaitsForUndo(kind: DialogKind, r: ChoiceResult): boolean {
  return kind === 'next' && r.value === 'no_show';
}

/**
 * Where the current ticket may go: the other services, and the other windows. A service no open window
 * takes now is marked `unserved`, so the clerk sees it before sending a visitor to a queue nobody calls.
 */
export function destinations(st: WindowConsoleState): { services: Destination[]; windows: Destination[] } {
  const unserved = new Set(st.services.filter((s) => s.servedNow === false).map((s) => s.id));
  return {
    services: st.directory.services
      .filter((s) => s.id !== st.window.ticket?.serviceId)
      .map((s) => ({
        value: `s:${s.id}`,
        label: `${s.prefix} ${s.name}`,
        keywords: s.id,
        ...(unserved.has(s.id) ? { unserved: true } : {}),
      })),
    windows: st.directory.windows
      .filter((w) => w.no !== st.window.no)
      .map((w) => ({ value: `w:${w.no}`, label: w.name, keywords: `${w.no}` })),
  };
}
