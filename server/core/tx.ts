// What one hall-core transaction collects, to publish after it commits.
import type { HallEvent } from './events';

export class Tx {
  readonly events: HallEvent[] = [];
  readonly windows = new Set<number>();
  queues = false;
}
