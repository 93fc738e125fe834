// One key per operation, for the window console (shown on its buttons) and the caller keypad simulator:
// a clerk who knows one knows the other. Letters, so no browser function key (F5 reload…) is taken.
export type ConsoleAction =
  'next' | 'recall' | 'start' | 'finish' | 'skip' | 'hold' | 'transfer' | 'call' | 'pause' | 'callBack' | 'evaluate';

export const SHORTCUTS: Record<ConsoleAction, string> = {
  next: 'N',
  recall: 'R',
  start: 'S',
  finish: 'F',
  skip: 'K',
  hold: 'H',
  transfer: 'T',
  call: 'C',
  pause: 'P',
  callBack: 'B',
  evaluate: 'E',
};

type KeypadAction = 'next' | 'recall' | 'skip' | 'finish' | 'hold' | 'pause';

/** The keypad's keys (lower case) from the same table; P toggles 暂停/恢复 on both. */
export function keypadKeys(): Record<string, KeypadAction> {
  const actions: KeypadAction[] = ['next', 'recall', 'skip', 'finish', 'hold', 'pause'];
  return Object.fromEntries(actions.map((a) => [SHORTCUTS[a].toLowerCase(), a]));
}
