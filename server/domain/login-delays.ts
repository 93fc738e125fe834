// Per-account login delays: a few free failures, then each further attempt must wait a delay that doubles
// with every failure, up to a short maximum. A guesser gets a handful of tries a minute per account, and a
// clerk whose account is being guessed is never locked out for longer than the maximum delay.
// An attempt counts as a failure from the moment it starts (before the password hash runs), so parallel
// guesses cannot all slip through before the first one fails; a success clears the account.
// Pure: the caller passes the time.

export interface LoginDelayOptions {
  /** Failures allowed before any delay. */
  freeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest delay: the longest a guesser can keep the real clerk waiting. */
  maxDelayMs: number;
  /** Failures are forgotten after this long without an attempt. */
  forgetAfterMs: number;
}

export class LoginDelays {
  private readonly accounts = new Map<string, { failures: number; at: number }>();

  constructor(private readonly o: LoginDelayOptions) {}

  /** Milliseconds until this account may try again (0: now). */
  waitMs(account: string, now: number): number {
    const a = this.current(account, now);
    if (!a || a.failures < this.o.freeFailures) return 0;
    const delay = Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (a.failures - this.o.freeFailures));
    return Math.max(0, a.at + delay - now);
  }

  /** An attempt starts: counted as a failure until it succeeds. False (nothing counted) while it must wait. */
  begin(account: string, now: number): boolean {
    if (this.waitMs(account, now) > 0) return false;
    const a = this.current(account, now);
    this.accounts.set(account, { failures: (a?.failures ?? 0) + 1, at: now });
    if (this.accounts.size > 10_000) this.prune(now);
    return true;
  }

  /** The password was right: the account starts afresh. */
  succeeded(account: string): void {
    this.accounts.delete(account);
  }

  private current(account: string, now: number) {
    const a = this.accounts.get(account);
    if (a && now - a.at > this.o.forgetAfterMs) {
      this.accounts.delete(account);
      return undefined;
    }
    return a;
  }

  private prune(now: number): void {
    for (const [k, a] of this.accounts) if (now - a.at > this.o.forgetAfterMs) this.accounts.delete(k);
  }
}
