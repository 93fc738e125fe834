// One key per operation, shown on its button. Letters, so no browser function key (F5 reload…) is taken.
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

export function actionForKey(key: string): ConsoleAction | null {
  const k = key.toUpperCase();
  return (Object.keys(SHORTCUTS) as ConsoleAction[]).find((a) => SHORTCUTS[a] === k) ?? null;
}
