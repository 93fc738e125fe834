import { describe, expect, it } from 'vitest';
import { topicMatches } from '../../server/mqtt/bridge';
import { bannerLines, ledLines } from '../../server/mqtt/led-lines';

const t = { number: 'A012' } as any;

describe('LED strip lines', () => {
  it('shows every window state in two short lines', () => {
    expect(ledLines({ no: 3, state: 'calling', ticket: t })).toEqual(['请A012号', '到3号窗口']);
    expect(ledLines({ no: 3, state: 'serving', ticket: t })).toEqual(['3号窗口', '正在办理A012号']);
    expect(ledLines({ no: 3, state: 'idle', ticket: null })).toEqual(['3号窗口', '欢迎办理']);
    expect(ledLines({ no: 3, state: 'paused', ticket: null })).toEqual(['3号窗口', '暂停服务']);
    expect(ledLines({ no: 3, state: 'closed', ticket: null })).toEqual(['3号窗口', '窗口关闭']);
  });

  it('the banner shows the latest calls, newest first, then the notice', () => {
    expect(bannerLines(['c4', 'c3', 'c2', 'c1'], '公告', 3)).toEqual(['c4', 'c3', 'c2', '公告']);
    expect(bannerLines([], '')).toEqual([]);
  });

  it('matches MQTT topic filters', () => {
    expect(topicMatches('h/device/+/availability', 'h/device/led-1/availability')).toBe(true);
    expect(topicMatches('h/device/+/availability', 'h/device/led-1/x')).toBe(false);
    expect(topicMatches('h/#', 'h/a/b')).toBe(true);
    expect(topicMatches('h/a', 'h/a/b')).toBe(false);
  });
});
