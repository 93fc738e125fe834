// The announcement's audio end to end without a server: the real default pack, template → units →
// clips → one WAV, decoded and measured; the cache gives the same text the same file.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VoiceAnnouncer } from '../../server/voice/announcer';
import { AudioCache } from '../../server/voice/cache';
import type { SpeechEngine } from '../../server/voice/engine';
import { loadPack, packDir } from '../../server/voice/pack';
import { decodeWav, encodeWav, joinPcm, rms } from '../../server/voice/wav';
import { tempDir } from '../helpers/hall';

const RATE = 16000;
const tone = (ms: number, freq: number, amp = 8000) =>
  Int16Array.from({ length: (RATE * ms) / 1000 }, (_, i) =>
    Math.round(amp * Math.sin((2 * Math.PI * freq * i) / RATE)),
  );

describe('WAV joiner', () => {
  it('joins parts with even gaps into a valid 16-bit PCM WAV whose length is the parts plus the gaps', () => {
    const parts = [tone(300, 440), tone(120, 660), tone(250, 880)];
    const wav = encodeWav(joinPcm(parts, RATE, 80));
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(4)).toBe(wav.length - 8);
    expect(wav.toString('ascii', 8, 16)).toBe('WAVEfmt ');
    expect(wav.readUInt16LE(20)).toBe(1); // PCM
    expect(wav.readUInt16LE(22)).toBe(1); // mono
    expect(wav.readUInt32LE(24)).toBe(RATE);
    expect(wav.readUInt16LE(34)).toBe(16);
    const pcm = decodeWav(wav);
    const gap = (RATE * 80) / 1000;
    expect(pcm.samples.length).toBe(parts.reduce((n, p) => n + p.length, 0) + 2 * gap);
    // the gaps are silence, the parts are where they belong, and the whole is not silence
    const first = parts[0]!.length;
    expect(rms(pcm.samples.subarray(first, first + gap))).toBe(0);
    expect(Array.from(pcm.samples.subarray(first + gap, first + gap + 50))).toEqual(
      Array.from(parts[1]!.subarray(0, 50)),
    );
    expect(rms(pcm.samples)).toBeGreaterThan(1000);
  });
});

describe('announcement audio from the default pack', () => {
  const pack = loadPack(packDir('default'));

  it('has every unit the default template needs, at 16 kHz, at one loudness', () => {
    for (const u of ['请', '号', '到', '窗口', '办理', '零', '一', '九', '十', 'A', 'Z'])
      expect(pack.clips.has(u)).toBe(true);
    expect(pack.sampleRate).toBe(RATE);
    expect(pack.chime).not.toBeNull();
    const levels = [pack.chime!, ...pack.clips.values()].map((c) => rms(c));
    for (const l of levels) expect(Math.abs(l - levels[0]!) / levels[0]!).toBeLessThan(0.15);
  });

  function announcer(engine: SpeechEngine | null = null, dir = tempDir()) {
    const cache = new AudioCache(dir, 10 * 2 ** 20);
    return {
      cache,
      dir,
      a: new VoiceAnnouncer(
        pack,
        cache,
        engine,
        () => '请{ticket}号到{window}号窗口办理',
        (k) => `/api/voice/${k}.wav`,
      ),
    };
  }
  const keyOf = (url: string) => /([0-9a-f]{32})\.wav$/.exec(url)![1]!;

  it('template → units → clips → one WAV: chime in front, clips in order, even gaps, not silence', async () => {
    const { a } = announcer();
    const call = { ticket: 'A012', windowNo: 3, windowName: '综合窗口3' };
    const units = a.units(call);
    expect(units.map((u) => ('clip' in u ? u.clip : '?'))).toEqual([
      '请',
      'A',
      '零',
      '一',
      '二',
      '号',
      '到',
      '三',
      '号',
      '窗口',
      '办理',
    ]);
    const ref = a.audioFor(call);
    const wav = (await a.wav(keyOf(ref.url)))!;
    const pcm = decodeWav(wav);
    expect(pcm.sampleRate).toBe(RATE);
    const gap = (RATE * pack.gapMs) / 1000;
    const parts = [pack.chime!, ...units.map((u) => pack.clips.get((u as { clip: string }).clip)!)];
    expect(pcm.samples.length).toBe(parts.reduce((n, p) => n + p.length, 0) + (parts.length - 1) * gap);
    expect(ref.durationMs).toBe(Math.round((pcm.samples.length * 1000) / RATE));
    expect(Array.from(pcm.samples.subarray(0, 100))).toEqual(Array.from(pack.chime!.subarray(0, 100)));
    expect(rms(pcm.samples)).toBeGreaterThan(1500);
  });

  it('the same text gives the same file; another text another one', () => {
    const { a, dir } = announcer();
    const one = a.audioFor({ ticket: 'B007', windowNo: 2, windowName: 'x' });
    const again = a.audioFor({ ticket: 'B007', windowNo: 2, windowName: 'y' });
    const other = a.audioFor({ ticket: 'B008', windowNo: 2, windowName: 'x' });
    expect(keyOf(again.url)).toBe(keyOf(one.url));
    expect(keyOf(other.url)).not.toBe(keyOf(one.url));
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(readdirSync(dir).sort()).toEqual([`${keyOf(one.url)}.wav`, `${keyOf(other.url)}.wav`].sort());
        resolve();
      }, 50),
    );
  });

  it('text the pack cannot say goes to the engine once; the URL is given at once and answers when ready', async () => {
    let asked: string[] = [];
    const engine: SpeechEngine = {
      speak: async (text) => {
        asked.push(text);
        await new Promise((r) => setTimeout(r, 20));
        return { sampleRate: RATE, samples: tone(400, 500) };
      },
      stop: () => {},
    };
    const b = new VoiceAnnouncer(
      pack,
      new AudioCache(tempDir(), 2 ** 20),
      engine,
      () => '请{ticket}号到{windowName}办理',
      (k) => `/api/voice/${k}.wav`,
    );
    const ref = b.audioFor({ ticket: 'A1', windowNo: 9, windowName: '税务专窗' });
    expect(asked).toEqual(['税务专窗']);
    const wav = decodeWav((await b.wav(keyOf(ref.url)))!);
    expect(rms(wav.samples)).toBeGreaterThan(1000);
    asked = [];
    b.audioFor({ ticket: 'A2', windowNo: 9, windowName: '税务专窗' });
    expect(asked).toEqual([]);
  });

  it('a bounded cache drops the least recently used files', () => {
    const dir = tempDir();
    const cache = new AudioCache(dir, 3000);
    for (let i = 0; i < 5; i++) cache.put(`k${i}`.padEnd(32, '0'), Buffer.alloc(1000, i));
    expect(cache.bytes).toBeLessThanOrEqual(3000);
    expect(cache.has('k4'.padEnd(32, '0'))).toBe(true);
    expect(cache.has('k0'.padEnd(32, '0'))).toBe(false);
  });
});
