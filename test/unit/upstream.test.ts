// The sender's rules in isolation: the signature, which answers are retried, the capped jittered backoff,
// and the outbox handing out the same batch (same id, same events) until it is accepted.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { backoffMs, permanent, sign } from '../../server/upstream/sender';
import { OutboxStore } from '../../server/store/outbox';
import { openDatabase } from '../../server/store/db';
import { tempDir } from '../helpers/hall';

describe('upstream sender rules', () => {
  it('signs the raw body with HMAC-SHA256 as sha256=<hex>', () => {
    const body = '{"hallId":"h","events":[]}';
    expect(sign('secret-0123456789', body)).toBe(
      `sha256=${createHmac('sha256', 'secret-0123456789').update(body).digest('hex')}`,
    );
  });

  it('4xx are final except 408, 425 and 429; 5xx and network errors are retried', () => {
    expect([400, 401, 403, 404, 413, 422].every(permanent)).toBe(true);
    expect([408, 425, 429, 500, 502, 503, 0].some(permanent)).toBe(false);
  });

  it('backoff doubles from minMs, caps at maxMs, and jitters between 50 % and 100 %', () => {
    const retry = { minMs: 100, maxMs: 1000 };
    expect([1, 2, 3, 4, 5, 9].map((n) => backoffMs(n, retry, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffMs(3, retry, () => 0)).toBe(200);
  });

  it('the outbox hands out the same batch until it is accepted, then the next events in order', () => {
    const db = openDatabase(tempDir());
    const box = new OutboxStore(db);
    for (let i = 0; i < 5; i++) box.add('ticket.issued', 1000 + i, { i });
    const first = box.nextBatch((s) => `h-b${s}`, 2, 0)!;
    box.add('ticket.issued', 2000, { i: 5 });
    expect(box.nextBatch((s) => `x${s}`, 2, 0)!.id).toBe(first.id); // a retry, or after a restart
    expect(box.events(first.id).map((e) => e.data.i)).toEqual([0, 1]);
    box.markSent(first.id, 10);
    const second = box.nextBatch((s) => `h-b${s}`, 2, 0)!;
    expect(second.id).toBe('h-b3');
    expect(box.events(second.id).map((e) => e.data.i)).toEqual([2, 3]);
    expect(box.backlog()).toMatchObject({ count: 4, oldestAt: 1002, lastSentAt: 10 });
    box.park(second.id, 20, '401');
    expect(box.nextBatch((s) => `h-b${s}`, 2, 0)!.parkedAt).toBe(20);
    expect(box.unpark()).toBe(1);
    expect(box.nextBatch((s) => `h-b${s}`, 2, 0)!.parkedAt).toBeNull();
    db.close();
  });
});
