import { describe, expect, it } from 'vitest';
import { VoiceQueue, type Speaker } from '../../display/src/voice/voice-queue';

class FakeSpeaker implements Speaker {
  readonly mode = 'text' as const;
  active = 0;
  maxActive = 0;
  said: string[] = [];
  async speak(text: string) {
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    this.said.push(text);
    await new Promise((r) => setTimeout(r, 5));
    this.active--;
  }
}

describe('voice queue', () => {
  it('speaks every announcement, repeated, in call order, never two at once', async () => {
    const sp = new FakeSpeaker();
    let chimes = 0;
    const q = new VoiceQueue(
      sp,
      async () => void chimes++,
      () => 2,
    );
    for (const n of ['A001', 'B002', 'A003']) q.enqueue({ text: n, spoken: `say ${n}`, recall: false });
    q.enqueue({ text: 'A001', spoken: 'say A001', recall: true });
    while (q.pending) await new Promise((r) => setTimeout(r, 5));
    expect(sp.said).toEqual([
      'say A001',
      'say A001',
      'say B002',
      'say B002',
      'say A003',
      'say A003',
      'say A001',
      'say A001',
    ]);
    expect(sp.maxActive).toBe(1);
    expect(chimes).toBe(4);
    expect(q.log.map((e) => [e.text, e.recall])).toEqual([
      ['A001', false],
      ['B002', false],
      ['A003', false],
      ['A001', true],
    ]);
  });

  it('a failing speaker does not stop the queue', async () => {
    let n = 0;
    const sp: Speaker = {
      mode: 'speech',
      speak: async () => {
        if (n++ === 0) throw new Error('engine busy');
      },
    };
    const q = new VoiceQueue(
      sp,
      async () => {},
      () => 1,
    );
    q.enqueue({ text: 'x', spoken: 'x', recall: false });
    q.enqueue({ text: 'y', spoken: 'y', recall: false });
    while (q.pending) await new Promise((r) => setTimeout(r, 5));
    expect(q.log.map((e) => e.text)).toEqual(['x', 'y']);
  });
});
