import { describe, expect, it } from 'vitest';
import { PlaybackError, type AudioPlayer } from '../../display/src/voice/audio-player';
import { VoiceQueue, type Speaker, type VoiceStatus } from '../../display/src/voice/voice-queue';

const tick = () => new Promise((r) => setTimeout(r, 2));

class FakePlayer implements AudioPlayer {
  active = 0;
  maxActive = 0;
  played: string[] = [];
  fail: PlaybackError | null = null;
  async play(url: string, _ms: number, onStarted?: () => void) {
    if (this.fail) throw this.fail;
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    onStarted?.();
    this.played.push(url);
    await tick();
    this.active--;
  }
}

const speaker = (said: string[]): Speaker => ({ mode: 'speech', speak: async (t) => void said.push(t) });
const idle = async (q: VoiceQueue) => {
  while (q.pending) await tick();
};

describe('voice queue with the server’s audio', () => {
  it('plays each announcement’s audio repeat times, in call order, one at a time; no speech needed', async () => {
    const player = new FakePlayer();
    const said: string[] = [];
    const states: VoiceStatus[] = [];
    let chimes = 0;
    const q = new VoiceQueue(
      speaker(said),
      async () => void chimes++,
      () => 2,
      undefined,
      player,
      (s) => states.push(s),
    );
    for (const n of ['A001', 'B002', 'A003'])
      q.enqueue({ text: n, spoken: n, recall: false, audio: { url: `/api/voice/${n}.wav`, durationMs: 10 } });
    await idle(q);
    expect(player.played).toEqual(['A001', 'A001', 'B002', 'B002', 'A003', 'A003'].map((n) => `/api/voice/${n}.wav`));
    expect(player.maxActive).toBe(1);
    expect(said).toEqual([]);
    expect(chimes).toBe(0); // the chime is in the audio
    expect(q.log.map((e) => e.mode)).toEqual(['audio', 'audio', 'audio']);
    expect(states.at(-1)).toBe('ready');
    expect(states).toContain('speaking');
  });

  it('blocked: the call keeps its turn for the audio’s length, nothing is spoken, the board reports blocked', async () => {
    const player = new FakePlayer();
    player.fail = new PlaybackError('blocked', 'NotAllowedError');
    const said: string[] = [];
    const states: VoiceStatus[] = [];
    const q = new VoiceQueue(
      speaker(said),
      async () => {},
      () => 2,
      undefined,
      player,
      (s) => states.push(s),
    );
    const t0 = performance.now();
    q.enqueue({ text: 'x', spoken: 'x', recall: false, audio: { url: '/a.wav', durationMs: 20 } });
    await idle(q);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(38);
    expect(q.log.map((e) => e.mode)).toEqual(['blocked']);
    expect(said).toEqual([]);
    expect(states.at(-1)).toBe('blocked');
    // a touch: the next announcement plays
    player.fail = null;
    q.unblock();
    q.enqueue({ text: 'y', spoken: 'y', recall: false, audio: { url: '/b.wav', durationMs: 5 } });
    await idle(q);
    expect(q.log.map((e) => e.mode)).toEqual(['blocked', 'audio']);
    expect(states.at(-1)).toBe('ready');
  });

  it('audio that fails falls back to the browser’s speech, and a call without audio is spoken', async () => {
    const player = new FakePlayer();
    player.fail = new PlaybackError('failed', '404');
    const said: string[] = [];
    const q = new VoiceQueue(
      speaker(said),
      async () => {},
      () => 1,
      undefined,
      player,
    );
    q.enqueue({ text: 'x', spoken: 'say x', recall: false, audio: { url: '/a.wav', durationMs: 5 } });
    q.enqueue({ text: 'y', spoken: 'say y', recall: true, audio: null });
    await idle(q);
    expect(said).toEqual(['say x', 'say y']);
    expect(q.log.map((e) => e.mode)).toEqual(['speech', 'speech']);
  });
});
