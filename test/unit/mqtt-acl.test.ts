import { describe, expect, it } from 'vitest';
import { clientIdFor, mayAccess } from '../../server/mqtt/acl';

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

  it('a session runs under the device that logged in: its id, or ids in its own space; never another device’s', () => {
    const all = [keypad, led, pad];
    expect(clientIdFor(led, 'led-3', all)).toBe('led-3');
    expect(clientIdFor(led, '', all)).toBe('led-3');
    expect(clientIdFor(led, 'mqttjs_1a2b3c4d', all)).toBe('led-3:mqttjs_1a2b3c4d');
    expect(clientIdFor(led, 'hall-server-x', all)).toBe('led-3:hall-server-x');
    expect(clientIdFor(led, 'pad-3', all)).toBeNull();
    expect(clientIdFor(led, 'kp-3', all)).toBeNull();
    // Nothing led-3 can send lands in kp-3's space: that would need an id starting "kp-3:".
    expect(clientIdFor(led, 'kp-3:x', all)!.startsWith('led-3:')).toBe(true);
  });
});
