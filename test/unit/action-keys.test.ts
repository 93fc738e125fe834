// One key mapping for the window console and the caller keypad simulator.
import { describe, expect, it } from 'vitest';
import { SHORTCUTS, keypadKeys } from '../../server/protocol/action-keys';

describe('action keys', () => {
  it('the keypad simulator uses the console letters (K = 过号, S is the console’s 开始办理)', () => {
    const keys = keypadKeys();
    expect(keys).toEqual({ n: 'next', r: 'recall', k: 'skip', f: 'finish', h: 'hold', p: 'pause' });
    for (const [key, action] of Object.entries(keys)) expect(SHORTCUTS[action]).toBe(key.toUpperCase());
    expect(keys.s).toBeUndefined();
  });
});
