// Rate limits at the HTTP edge: logins per client address and per account, and tickets per issuer (a stuck
// kiosk button or a script cannot drain the day's numbers). Refusals are 429 TOO_MANY_REQUESTS with
// Retry-After.
//
// A login attempt is counted before its password hash runs and given back only if the password was right:
// parallel guesses are checked against the burst as they arrive, not after the first ones fail, and a
// refused guess costs no scrypt work. Per address, a token bucket (a guesser is slowed to a crawl; clerks
// who type their password right are never counted); per account, short doubling delays (domain/login-delays.ts),
// so guesses spread over many addresses still crawl while the real clerk waits at most loginAccountMaxDelaySec.
import type { HallConfig } from '../config/schema';
import { HallError, isHallError } from '../domain/errors';
import { LoginDelays } from '../domain/login-delays';
import { RateLimiter } from '../domain/rate-limit';

export class HttpLimits {
  private readonly loginFailures: RateLimiter;
  private readonly accounts: LoginDelays;
  private readonly issues: RateLimiter;
  /** Login attempts per address whose password is being checked now. */
  private readonly checking = new Map<string, Set<Promise<void>>>();

  constructor(
    cfg: HallConfig['server']['rateLimits'],
    private readonly clock: () => number,
  ) {
    this.loginFailures = new RateLimiter(cfg.loginFailuresPerMin, cfg.loginFailuresBurst);
    this.accounts = new LoginDelays({
      freeFailures: cfg.loginAccountFreeFailures,
      baseDelayMs: 1000,
      maxDelayMs: cfg.loginAccountMaxDelaySec * 1000,
      forgetAfterMs: 15 * 60_000,
    });
    this.issues = new RateLimiter(cfg.ticketsPerMin, cfg.ticketsBurst);
  }

  /**
   * Runs a login unless this address or this account must wait; only a wrong password stays counted.
   * When the address's bucket is empty only because of attempts still being checked, this one waits for
   * them: right passwords give their token back (many clerks logging in at once behind one address all
   * get in), wrong ones do not (the parallel guesses beyond the burst are refused without a hash).
   */
  async login<T>(client: string, account: string, attempt: () => T | Promise<T>): Promise<T> {
    const who = account.trim().toLowerCase();
    while (!this.loginFailures.take(client, this.clock())) {
      const pending = this.checking.get(client);
      if (!pending?.size)
        throw tooMany('登录失败次数过多，请稍后再试', this.loginFailures.retryAfterSec(client, this.clock()));
      await Promise.race(pending);
    }
    const now = this.clock();
    if (!this.accounts.begin(who, now)) {
      this.loginFailures.giveBack(client, now);
      const sec = Math.max(1, Math.ceil(this.accounts.waitMs(who, now) / 1000));
      throw tooMany(`该工号登录失败次数过多，请 ${sec} 秒后再试`, sec);
    }
    let settle = () => {};
    const settled = new Promise<void>((r) => (settle = r));
    const pending = this.checking.get(client) ?? new Set<Promise<void>>();
    this.checking.set(client, pending.add(settled));
    try {
      const out = await attempt();
      this.passed(client, who);
      return out;
    } catch (e) {
      // A refusal other than a wrong password (window taken, unknown window) came after the password matched.
      if (isHallError(e) && e.code !== 'BAD_CREDENTIALS') this.passed(client, who);
      throw e;
    } finally {
      pending.delete(settled);
      if (!pending.size) this.checking.delete(client);
      settle();
    }
  }

  /** One ticket for this issuer (a device or a clerk), or 429. */
  issue(issuer: string): void {
    const now = this.clock();
    if (!this.issues.take(issuer, now))
      throw tooMany('取号过于频繁，请稍后再试', this.issues.retryAfterSec(issuer, now));
  }

  private passed(client: string, account: string): void {
    this.loginFailures.giveBack(client, this.clock());
    this.accounts.succeeded(account);
  }
}

const tooMany = (message: string, retryAfterSec: number) =>
  new HallError('TOO_MANY_REQUESTS', message, { retryAfterSec });
