// The scrolling notice of the boards: one per zone, or one for the whole hall, else the configured default.
import { HallError } from '../domain/errors';
import type { CoreState, Ctx } from './state';

/** The zones of the hall's windows, sorted. */
export function zones(core: CoreState): string[] {
  return [...new Set([...core.model.windows.values()].map((w) => w.zone))].sort();
}

/** The notice for a zone's boards: the zone's own, else the hall's, else the configured default. */
export function noticeFor(core: CoreState, zone: string | null): string {
  return (
    (zone !== null ? core.misc.setting(`notice:${zone}`) : null) ??
    core.misc.setting('notice:*') ??
    core.config.display.notice
  );
}

/** A supervisor sets the notice of one zone, or of the whole hall (zone null). */
export function setNotice(ctx: Ctx, { zone, text }: { zone: string | null; text: string }): void {
  const { state: core, tx, now, actor } = ctx;
  if (zone !== null && ![...core.model.windows.values()].some((w) => w.zone === zone)) {
    throw new HallError('VALIDATION', `没有“${zone}”区`);
  }
  core.misc.putSetting(`notice:${zone ?? '*'}`, text);
  core.log.append({ at: now, type: 'board.notice', actor, data: { zone, text } });
  tx.events.push({ type: 'notice.changed', payload: { zone, text } });
}
