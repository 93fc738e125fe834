// Short-lived signed addresses for announcement audio: an <audio> element cannot send the board's
// Authorization header, so the `call` event carries a URL that proves itself for a few minutes.
import { createHmac, timingSafeEqual } from 'node:crypto';

export class AudioUrls {
  private readonly key: Buffer;

  constructor(
    secret: Buffer,
    private readonly ttlSec: number,
    private readonly clock: () => number,
  ) {
    // A key of its own, so an audio signature can never stand for anything else signed with the secret.
    this.key = createHmac('sha256', secret).update('voice-audio-url').digest();
  }

  url(audioKey: string): string {
    const exp = Math.floor(this.clock() / 1000) + this.ttlSec;
    return `/api/voice/${audioKey}.wav?exp=${exp}&sig=${this.sign(audioKey, exp)}`;
  }

  valid(audioKey: string, exp: unknown, sig: unknown): boolean {
    if (typeof exp !== 'string' || typeof sig !== 'string' || !/^\d{1,12}$/.test(exp)) return false;
    if (Number(exp) < Math.floor(this.clock() / 1000)) return false;
    const want = Buffer.from(this.sign(audioKey, Number(exp)));
    const got = Buffer.from(sig);
    return got.length === want.length && timingSafeEqual(got, want);
  }

  private sign(audioKey: string, exp: number): string {
    return createHmac('sha256', this.key).update(`${audioKey}.${exp}`).digest('base64url').slice(0, 32);
  }
}
