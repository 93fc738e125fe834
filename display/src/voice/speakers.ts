// Speakers for the voice queue: the browser's zh-CN speech synthesis, or, where the page has no
// Chinese voice, a text-only speaker that shows and logs the announcement for about as long as speaking it.
import type { Speaker } from './voice-queue';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class TextOnlySpeaker implements Speaker {
  readonly mode = 'text' as const;
  constructor(private readonly msPerChar = 180) {}
  async speak(text: string): Promise<void> {
    await sleep(text.length * this.msPerChar);
  }
}

export class SynthesisSpeaker implements Speaker {
  readonly mode = 'speech' as const;
  constructor(private readonly voice: SpeechSynthesisVoice) {}

  speak(text: string): Promise<void> {
    return new Promise((resolve) => {
      const u = new SpeechSynthesisUtterance(text);
      u.voice = this.voice;
      u.lang = 'zh-CN';
      u.rate = 0.9;
      // Some engines never fire "end": never let one utterance block the queue.
      const guard = setTimeout(resolve, 2000 + text.length * 500);
      u.onend = u.onerror = () => {
        clearTimeout(guard);
        resolve();
      };
      speechSynthesis.speak(u);
    });
  }
}

async function voices(): Promise<SpeechSynthesisVoice[]> {
  if (!('speechSynthesis' in window)) return [];
  const now = speechSynthesis.getVoices();
  if (now.length) return now;
  await Promise.race([
    new Promise((r) => speechSynthesis.addEventListener('voiceschanged', r, { once: true })),
    sleep(1500),
  ]);
  return speechSynthesis.getVoices();
}

/** The best speaker this page has: a zh-CN voice if installed, else text only. */
export async function pickSpeaker(textMsPerChar?: number): Promise<Speaker> {
  const zh = (await voices()).find((v) => /^zh(-|_)?(CN|Hans)?/i.test(v.lang));
  if (zh) return new SynthesisSpeaker(zh);
  console.info('no Chinese voice installed: announcements are shown and logged, not spoken');
  return new TextOnlySpeaker(textMsPerChar);
}
