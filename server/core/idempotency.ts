// Idempotency keys (DESIGN.md §5: the same request sent twice has the effect of one). A key is bound to the
// caller and the window it acts on, and remembers a fingerprint of the request: a retry of the same request
// gets the first answer, while the same key on a different request is refused instead of being answered
// with something that did not happen. Keys live IDEMPOTENCY_TTL_MS: long enough for any retry, short enough
// that the table stays small and a keypad whose counter restarts after a reboot is not answered from the past.
import { createHash } from 'node:crypto';
import { HallError } from '../domain/errors';

export const IDEMPOTENCY_TTL_MS = 15 * 60_000;

/** The caller a key belongs to: who acted ("clerk:1001", "device:keypad-1") at which window. */
export const keyOwner = (actor: string, windowNo: number) => `${actor}@window:${windowNo}`;

/** A digest of what was asked: the action and its arguments, whatever their key order. */
export function requestFingerprint(action: string, args: object): string {
  const sorted = Object.fromEntries(
    Object.entries(args)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return createHash('sha256')
    .update(JSON.stringify([action, sorted]))
    .digest('hex')
    .slice(0, 32);
}

export const keyReused = () =>
  new HallError(
    'IDEMPOTENCY_KEY_REUSED',
    '此请求编号（Idempotency-Key / requestId）已用于另一个操作，本次未执行；每个新操作请使用新的编号',
  );
