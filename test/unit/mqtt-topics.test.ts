// The MQTT topics are a contract with the hall's hardware (DESIGN.md §6 MQTT, docs/mqtt.md): every builder's
// output is pinned here to the string devices in the field subscribe and publish to.
import { describe, expect, it } from 'vitest';
import { hallTopics, topicParam, windowNoOf } from '../../server/protocol/mqtt';

describe('MQTT topic builders', () => {
  const t = hallTopics('hall/demo-hall');

  it('build the contract’s topics', () => {
    expect(t.base).toBe('hall/demo-hall');
    expect(t.serverState).toBe('hall/demo-hall/server/state');
    expect(t.ledDisplay(3)).toBe('hall/demo-hall/led/3/display');
    expect(t.bannerDisplay('A')).toBe('hall/demo-hall/banner/A/display');
    expect(t.keypadCommand(12)).toBe('hall/demo-hall/keypad/12/command');
    expect(t.keypadResult(12)).toBe('hall/demo-hall/keypad/12/result');
    expect(t.padPrompt(1)).toBe('hall/demo-hall/pad/1/prompt');
    expect(t.padEvaluation(1)).toBe('hall/demo-hall/pad/1/evaluation');
    expect(t.padResult(1)).toBe('hall/demo-hall/pad/1/result');
    expect(t.deviceAvailability('led-1')).toBe('hall/demo-hall/device/led-1/availability');
    expect(t.any).toEqual({
      keypadCommand: 'hall/demo-hall/keypad/+/command',
      padEvaluation: 'hall/demo-hall/pad/+/evaluation',
      deviceAvailability: 'hall/demo-hall/device/+/availability',
    });
  });

  it('follow the configured base topic', () => {
    const x = hallTopics('site/b');
    expect(x.serverState).toBe('site/b/server/state');
    expect(x.ledDisplay(9999)).toBe('site/b/led/9999/display');
  });

  it('read the wildcard level back from a received topic', () => {
    expect(topicParam(t.any.keypadCommand, 'hall/demo-hall/keypad/7/command')).toBe('7');
    expect(topicParam(t.any.deviceAvailability, 'hall/demo-hall/device/led-1/availability')).toBe('led-1');
    expect(topicParam(t.any.keypadCommand, 'hall/demo-hall/keypad/7/result')).toBeNull();
    expect(topicParam(t.any.keypadCommand, 'hall/other/keypad/7/command')).toBeNull();
    expect(topicParam(t.any.padEvaluation, 'hall/demo-hall/pad/7/evaluation/x')).toBeNull();
    expect(windowNoOf('7')).toBe(7);
    expect(windowNoOf('0012')).toBe(12);
    expect(windowNoOf('12345')).toBeNull();
    expect(windowNoOf('1e3')).toBeNull();
    expect(windowNoOf(null)).toBeNull();
  });
});
