// Rate limits at the HTTP edge: failed logins per client address (a password guesser is slowed to a crawl;
// clerks who type their password right are never counted) and tickets per issuer (a stuck kiosk button or
// a script cannot drain the day's numbers). Refusals are 429 TOO_MANY_REQUESTS with Retry-After.
import type { HallConfig } from '../config/schema';
import { HallError, isHallError } from '../domain/errors';
import { RateLimiter } from '../domain/rate-limit';

export class HttpLimits {
  private readonly loginFailures: RateLimiter;
  private readonly issues: RateLimiter;

  constructor(
    cfg: HallConfig['server']['rateLimits'],
    private readonly clock: () => number,
  ) {
    this.loginFailures = new RateLimiter(cfg.loginFailuresPerMin, cfg.loginFailuresBurst);
    this.issues = new RateLimiter(cfg.ticketsPerMin, cfg.ticketsBurst);
  }

  /** Runs a login unless this address failed too often; a wrong password counts against it. */
  async login<T>(client: string, attempt: () => T | Promise<T>): Promise<T> {
    const now = this.clock();
    if (!this.loginFailures.allows(client, now))
      throw tooMany('登录失败次数过多，请稍后再试', this.loginFailures.retryAfterSec(client, now));
    try {
      return await attempt();
    } catch (e) {
      if (isHallError(e) && e.code === 'BAD_CREDENTIALS') this.loginFailures.take(client, now);
      throw e;
    }
  }

  /** One ticket for this issuer (a device or a clerk), or 429. */
  issue(issuer: string): void {
    const now = this.clock();
    if (!this.issues.take(issuer, now))
      throw tooMany('取号过于频繁，请稍后再试', this.issues.retryAfterSec(issuer, now));
  }
}

const tooMany = (message: string, retryAfterSec: number) =>
  new HallError('TOO_MANY_REQUESTS', message, { retryAfterSec });
