import { describe, expect, it } from 'vitest';
import { alertConditions, type HallFacts } from '../../server/domain/alert-rules';

const facts = (mute: NonNullable<HallFacts['devices'][number]['mute']> | null, now: number): HallFacts => ({
  now,
  services: [],
  waiting: [],
  windows: [],
  devices: [{ id: 'board-a', kind: 'board', state: 'online', since: 0, fault: null, mute }],
  upstream: null,
  limits: { pauseMaxMin: 30, deviceOfflineSec: 60, upstreamBacklogMin: 30, boardMuteSec: 60 },
});

describe('board mute alert', () => {
  it('raises only after the limit and only when calls went unheard', () => {
    const kinds = (f: HallFacts) => alertConditions(f).map((c) => c.kind);
    expect(kinds(facts({ state: 'blocked', since: 0, missedCalls: 3 }, 59_000))).toEqual([]);
    expect(kinds(facts({ state: 'blocked', since: 0, missedCalls: 0 }, 600_000))).toEqual([]);
    expect(kinds(facts(null, 600_000))).toEqual([]);
    const [c] = alertConditions(facts({ state: 'blocked', since: 0, missedCalls: 2 }, 61_000));
    expect(c).toMatchObject({ kind: 'board_mute', subject: 'board-a' });
    expect(c!.message).toContain('浏览器禁止自动播放');
    expect(c!.suggestion).toContain('--autoplay-policy=no-user-gesture-required');
    expect(alertConditions(facts({ state: 'failed', since: 0, missedCalls: 1 }, 120_000))[0]!.suggestion).toContain(
      '音箱',
    );
  });
});
