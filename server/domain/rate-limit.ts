// Token buckets per key (a client address, a device): `perMin` tokens a minute, up to `burst` saved up.
// Pure: the caller passes the time. Full buckets are forgotten, so memory stays bounded by active keys.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perMin: number,
    readonly burst: number = perMin,
  ) {}

  private level(key: string, now: number): number {
    const b = this.buckets.get(key);
    if (!b) return this.burst;
    return Math.min(this.burst, b.tokens + ((now - b.at) / 60_000) * this.perMin);
  }

  /** Whether one more would be allowed now, without using it. */
  allows(key: string, now: number): boolean {
    return this.level(key, now) >= 1;
  }

  /** Uses one token; false (and nothing used) when the bucket is empty. */
  take(key: string, now: number): boolean {
    const tokens = this.level(key, now);
    if (tokens < 1) return false;
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > 10_000) this.prune(now);
    return true;
  }

  /** Gives back one token taken for something that turned out not to count (a right password). */
  giveBack(key: string, now: number): void {
    const b = this.buckets.get(key);
    if (b) this.buckets.set(key, { tokens: Math.min(this.burst, this.level(key, now) + 1), at: now });
  }

  /** Seconds until one token is back (for Retry-After). */
  retryAfterSec(key: string, now: number): number {
    return Math.max(1, Math.ceil(((1 - this.level(key, now)) / this.perMin) * 60));
  }

  private prune(now: number): void {
    for (const k of this.buckets.keys()) if (this.level(k, now) >= this.burst) this.buckets.delete(k);
  }
}
