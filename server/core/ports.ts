// What the hall core lends its adapters beyond commands and queries, as types only: the send side of the
// upstream outbox (the one table an adapter works through, lent by the core: it is written inside commands
// and only sent, marked and parked by the adapter) and the log entries the upstream maps. Adapters import
// these from here, never from server/store/ (test/unit/core-boundary.test.ts).
import type { OutboxStore } from '../store/outbox';

export type { LogEntry as LoggedEntry } from '../store/event-log';
export type { BatchRow, OutboxEvent } from '../store/outbox';
export type { OutboxEntry } from './upstream-outbox';

/** The upstream adapter's view of its outbox: cut, send, mark, park and count batches; never add rows. */
export type UpstreamOutbox = Pick<
  OutboxStore,
  'nextBatch' | 'events' | 'markSent' | 'fail' | 'park' | 'unpark' | 'backlog'
>;
