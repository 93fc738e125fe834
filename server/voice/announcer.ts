// Every call's audio, made by the server: the call's units (units.ts) read from the voice pack, text the
// pack cannot say from the speech engine, joined behind the chime into one WAV (wav.ts) and cached
// (cache.ts). `audioFor` answers at once, inside the call's transaction: with every clip in memory the
// join takes well under a millisecond (npm run bench:voice). Only text the engine has not said yet (a
// window renamed a moment ago) is made afterwards; its URL is handed out at once and a GET waits for it.
import { createHash } from 'node:crypto';
import type { AudioCache } from './cache';
import type { SpeechEngine } from './engine';
import type { VoicePack } from './pack';
import { announcementUnits, engineTexts, type CallWords, type VoiceUnit } from './units';
import { encodeWav, joinPcm, normalize, trimSilence } from './wav';
import { TARGET_RMS } from './pack';

export interface AudioRef {
  /** A path on the hall server answering audio/wav (signed, short-lived). */
  url: string;
  durationMs: number;
}

/** A guess for text still with the engine (about what eSpeak takes per Chinese syllable). */
const ENGINE_MS_PER_CHAR = 280;

export class VoiceAnnouncer {
  private readonly said = new Map<string, Int16Array>();
  private readonly saying = new Map<string, Promise<Int16Array | null>>();
  private readonly making = new Map<string, Promise<Buffer | null>>();

  constructor(
    private readonly pack: VoicePack,
    private readonly cache: AudioCache,
    private readonly engine: SpeechEngine | null,
    private readonly template: () => string,
    private readonly url: (key: string) => string,
    private readonly log: (msg: string, e?: unknown) => void = () => {},
  ) {}

  units(call: CallWords): VoiceUnit[] {
    return announcementUnits(this.template(), call, (u) => this.pack.clips.has(u), this.pack.longestUnit);
  }

  /** The call's audio address and length, at once (never waits for the engine). */
  audioFor(call: CallWords): AudioRef {
    const units = this.units(call);
    const key = this.key(units);
    const cached = this.cache.get(key);
    if (cached) return { url: this.url(key), durationMs: wavMs(cached, this.pack.sampleRate) };
    const missing = engineTexts(units).filter((t) => !this.said.has(t));
    if (!missing.length) {
      const wav = this.join(units);
      this.cache.put(key, wav);
      return { url: this.url(key), durationMs: wavMs(wav, this.pack.sampleRate) };
    }
    if (!this.making.has(key)) {
      const job = Promise.all(missing.map((t) => this.say(t)))
        .then(() => {
          const wav = this.join(units);
          this.cache.put(key, wav);
          return wav;
        })
        .catch((e) => {
          this.log('voice: announcement audio failed', e);
          return null;
        })
        .finally(() => this.making.delete(key));
      this.making.set(key, job);
    }
    return { url: this.url(key), durationMs: this.estimateMs(units) };
  }

  /** The WAV for a key, waiting for one still being made; null when there is none. */
  async wav(key: string): Promise<Buffer | null> {
    return this.cache.get(key) ?? (await this.making.get(key)) ?? null;
  }

  /** Has the engine say these texts now (window names at start), so no call waits for them later. */
  async warm(texts: string[]): Promise<void> {
    await Promise.all(texts.map((t) => this.say(t)));
  }

  /** Engine texts the announcement of a window would need (for warming). */
  textsFor(call: CallWords): string[] {
    return engineTexts(this.units(call));
  }

  private say(text: string): Promise<Int16Array | null> {
    const done = this.said.get(text);
    if (done) return Promise.resolve(done);
    let p = this.saying.get(text);
    if (!p) {
      const engine = this.engine;
      p = (engine ? engine.speak(text, this.pack.sampleRate) : Promise.reject(new Error('no speech engine')))
        .then((pcm) => {
          const clip = normalize(trimSilence(pcm.samples, 300, 10, this.pack.sampleRate), TARGET_RMS);
          this.said.set(text, clip);
          return clip;
        })
        .catch((e) => {
          // Said as nothing rather than never: the rest of the announcement still plays.
          this.log(`voice: the speech engine could not say "${text}"`, e);
          this.said.set(text, new Int16Array(0));
          return null;
        })
        .finally(() => this.saying.delete(text));
      this.saying.set(text, p);
    }
    return p;
  }

  private join(units: VoiceUnit[]): Buffer {
    const rate = this.pack.sampleRate;
    const pause = new Int16Array(Math.round((rate * this.pack.gapMs) / 1000));
    const parts: Int16Array[] = this.pack.chime ? [this.pack.chime] : [];
    for (const u of units) {
      const part = 'clip' in u ? this.pack.clips.get(u.clip)! : 'text' in u ? this.said.get(u.text)! : pause;
      if (part.length) parts.push(part);
    }
    return encodeWav(joinPcm(parts, rate, this.pack.gapMs));
  }

  private estimateMs(units: VoiceUnit[]): number {
    const rate = this.pack.sampleRate;
    let samples = this.pack.chime?.length ?? 0;
    let n = this.pack.chime ? 1 : 0;
    for (const u of units) {
      n++;
      if ('clip' in u) samples += this.pack.clips.get(u.clip)!.length;
      else if ('text' in u)
        samples += this.said.get(u.text)?.length ?? (rate * ENGINE_MS_PER_CHAR * [...u.text].length) / 1000;
      else samples += (rate * this.pack.gapMs) / 1000;
    }
    return Math.round(((samples + ((n - 1) * rate * this.pack.gapMs) / 1000) * 1000) / rate);
  }

  private key(units: VoiceUnit[]): string {
    return createHash('sha256')
      .update(`${this.pack.fingerprint}|${this.pack.gapMs}|${JSON.stringify(units)}`)
      .digest('hex')
      .slice(0, 32);
  }
}

const wavMs = (wav: Buffer, rate: number) => Math.round(((wav.length - 44) / 2 / rate) * 1000);
