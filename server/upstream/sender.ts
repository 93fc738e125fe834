// One delivery attempt of the outbox's current batch (DESIGN.md §6 Upstream): signed with HMAC-SHA256 over
// the raw body, the same batch id and event ids on every retry. The answer decides what comes next:
// accepted → the next batch after the rate limit's pause; a 4xx that will never succeed → parked (the
// sender halts, order kept, and the dashboard is alerted); anything else → retry after a capped,
// jittered exponential backoff.
import { createHmac } from 'node:crypto';
import type { HallConfig } from '../config/schema';
import type { UpstreamOutbox } from '../core/ports';

type UpstreamConfig = NonNullable<HallConfig['upstream']>;

export type Outcome =
  | { kind: 'idle' }
  | { kind: 'parked'; error: string }
  | { kind: 'sent'; events: number }
  | { kind: 'rejected'; status: number; error: string }
  | { kind: 'failed'; attempts: number; error: string };

export function sign(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** 408 (timeout), 425 and 429 (rate limit) are worth retrying; other 4xx are not. */
export const permanent = (status: number) => status >= 400 && status < 500 && ![408, 425, 429].includes(status);

/** Delay before retry n (1, 2, …): doubling from minMs, capped at maxMs, then 50–100 % of that (jitter). */
export function backoffMs(attempts: number, retry: UpstreamConfig['retry'], random = Math.random): number {
  const capped = Math.min(retry.maxMs, retry.minMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(capped * (0.5 + random() * 0.5));
}

export async function sendNext(
  store: UpstreamOutbox,
  cfg: UpstreamConfig,
  hallId: string,
  now: () => number,
  post: typeof fetch = fetch,
  generation = 0,
): Promise<Outcome> {
  // After a restore (generation n), batch ids carry "-r<n>": a batch cut from a restored outbox never takes
  // the id of one the platform already holds. Event ids need no mark: their sequence continues (high-water).
  const tag = generation > 0 ? `-r${generation}` : '';
  const batch = store.nextBatch((first) => `${hallId}${tag}-b${first}`, cfg.batchSize, now());
  if (!batch) return { kind: 'idle' };
  if (batch.parkedAt !== null) return { kind: 'parked', error: batch.lastError ?? '' };
  const events = store.events(batch.id);
  const body = JSON.stringify({
    hallId,
    batchId: batch.id,
    sentAt: new Date(now()).toISOString(),
    events: events.map((e) => ({
      id: `${hallId}-${e.seq}`,
      type: e.type,
      at: new Date(e.at).toISOString(),
      data: e.data,
    })),
  });
  let status = 0;
  let error = '';
  try {
    const res = await post(cfg.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'x-hall-id': hallId,
        'x-batch-id': batch.id,
        'x-signature': sign(cfg.secret, body),
      },
      body,
      signal: AbortSignal.timeout(cfg.timeoutMs),
    });
    status = res.status;
    error = res.ok ? '' : `${res.status} ${(await res.text().catch(() => '')).slice(0, 300)}`.trim();
  } catch (e) {
    error = (e as Error).name === 'TimeoutError' ? '请求超时' : `网络错误：${(e as Error).message}`;
  }
  if (status >= 200 && status < 300) {
    store.markSent(batch.id, now());
    return { kind: 'sent', events: events.length };
  }
  if (permanent(status)) {
    store.park(batch.id, now(), error);
    return { kind: 'rejected', status, error };
  }
  store.fail(batch.id, error);
  return { kind: 'failed', attempts: batch.attempts + 1, error };
}
