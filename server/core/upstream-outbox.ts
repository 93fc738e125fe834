// The core's side of the upstream outbox (DESIGN.md §6 Upstream). The upstream adapter (server/upstream/)
// decides what the platform hears; rows reach the outbox only inside a command's transaction: through the
// log tap (HallCore.tapLog, for every reported log entry) or the hourly statistics command below, written
// with the marker of the last hour reported so no hour is reported twice or skipped.
import type { Ctx } from './state';

const STATS_MARK = 'upstream:stats-hour';

export interface OutboxEntry {
  type: string;
  at: number;
  data: Record<string, unknown>;
}

/** The start of the last hour whose statistics are in the outbox (null: none yet). */
export function hourlyStatsMark(ctx: Pick<Ctx, 'state'>): number | null {
  const v = ctx.state.misc.setting(STATS_MARK);
  return v === null ? null : Number(v);
}

/**
 * The statistics of finished hours, and the new mark, in one transaction. Refused (0) when the mark moved
 * since the caller read it, so two runs never report an hour twice.
 */
export function queueHourlyStats(
  ctx: Ctx,
  { after, through, entries }: { after: number | null; through: number; entries: OutboxEntry[] },
): number {
  if (hourlyStatsMark(ctx) !== after) return 0;
  for (const e of entries) ctx.state.outbox.add(e.type, e.at, e.data);
  ctx.state.misc.putSetting(STATS_MARK, String(through));
  return entries.length;
}

/** A supervisor put parked upstream batches back in the queue (the count comes from the adapter). */
export function noteUpstreamRetry(ctx: Ctx, { batches }: { batches: number }): void {
  ctx.state.log.append({ at: ctx.now, type: 'upstream.retry', actor: ctx.actor, data: { batches } });
}
