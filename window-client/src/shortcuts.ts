// The console's keys: the one table shared with the caller keypad simulator.
import { SHORTCUTS, type ConsoleAction } from '../../server/protocol/action-keys';

export { SHORTCUTS, type ConsoleAction };

export function actionForKey(key: string): ConsoleAction | null {
  const k = key.toUpperCase();
  return (Object.keys(SHORTCUTS) as ConsoleAction[]).find((a) => SHORTCUTS[a] === k) ?? null;
}
