import { describe, expect, it } from 'vitest';
import { mayAccess } from '../../server/mqtt/acl';

const B = 'hall/x';
const keypad = { id: 'kp-3', kind: 'keypad', window: 3, token: 't'.repeat(16) } as const;
const led = { id: 'led-3', kind: 'led', window: 3, token: 't'.repeat(16) } as const;
const pad = { id: 'pad-3', kind: 'pad', window: 3, token: 't'.repeat(16) } as const;

describe('MQTT topic ACL', () => {
  it('a keypad commands its own window only', () => {
    expect(mayAccess(keypad, B, `${B}/keypad/3/command`, 'publish')).toBe(true);
    expect(mayAccess(keypad, B, `${B}/keypad/4/command`, 'publish')).toBe(false);
    expect(mayAccess(keypad, B, `${B}/keypad/3/result`, 'subscribe')).toBe(true);
    expect(mayAccess(keypad, B, `${B}/keypad/3/result`, 'publish')).toBe(false);
  });

  it('an LED reads its own display and the server state, and publishes only its availability', () => {
    expect(mayAccess(led, B, `${B}/led/3/display`, 'subscribe')).toBe(true);
    expect(mayAccess(led, B, `${B}/led/3/display`, 'publish')).toBe(false);
    expect(mayAccess(led, B, `${B}/server/state`, 'subscribe')).toBe(true);
    expect(mayAccess(led, B, `${B}/device/led-3/availability`, 'publish')).toBe(true);
    expect(mayAccess(led, B, `${B}/device/led-4/availability`, 'publish')).toBe(false);
  });

  it('a pad submits evaluations for its window; nobody uses wildcards', () => {
    expect(mayAccess(pad, B, `${B}/pad/3/evaluation`, 'publish')).toBe(true);
    expect(mayAccess(pad, B, `${B}/pad/3/prompt`, 'subscribe')).toBe(true);
    expect(mayAccess(pad, B, `${B}/pad/+/prompt`, 'subscribe')).toBe(false);
    expect(mayAccess(pad, B, `${B}/#`, 'subscribe')).toBe(false);
  });
});
