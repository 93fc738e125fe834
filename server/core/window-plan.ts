// Live changes to the window plan by a supervisor, each audited in the event log: open or close a
// window, change its skills for good or for a time (潮汐窗口: help a busy queue for the next hour).
import { HallError } from '../domain/errors';
import { assertMayClose } from '../domain/window-machine';
import { requeueVisitor } from './record';
import type { Ctx } from './state';

function requireRow(ctx: Ctx, no: number) {
  const row = ctx.state.windows.get(no);
  if (!row || !ctx.state.model.windows.has(no)) throw new HallError('UNKNOWN_WINDOW', `没有 ${no} 号窗口`);
  return row;
}

/** New skills for a window; with durationMin they end by themselves and the previous skills return. */
export function setSkills(
  ctx: Ctx,
  { window: no, skills, durationMin }: { window: number; skills: Record<string, number>; durationMin?: number },
): void {
  const { state: core, tx, now, actor } = ctx;
  for (const id of Object.keys(skills)) {
    if (!core.model.services.has(id)) throw new HallError('UNKNOWN_SERVICE', `没有编号为“${id}”的事项`);
  }
  const row = requireRow(ctx, no);
  const before = core.model.window(no, row)!.skills;
  // A second time-limited change keeps the skills from before the first, so the window ends as it began.
  const revert = row.skillsUntil !== null ? row.skillsRevert : row.skills;
  const until = durationMin ? now + durationMin * 60_000 : null;
  core.windows.save({ ...row, skills, skillsUntil: until, skillsRevert: until !== null ? revert : null });
  core.log.append({
    at: now,
    type: 'window.skills',
    windowNo: no,
    actor,
    data: { before, after: skills, until: until !== null ? new Date(until).toISOString() : null },
  });
  tx.windows.add(no);
}

/** Time-limited skill changes that have run out go back to the skills from before. */
export function endTimedSkills(ctx: Ctx): void {
  const { state: core, tx, now } = ctx;
  for (const row of core.windows.skillsEnded(now)) {
    const before = core.model.window(row.no, row)!.skills;
    core.windows.save({ ...row, skills: row.skillsRevert, skillsUntil: null, skillsRevert: null });
    const after = core.model.window(row.no, core.windows.get(row.no))!.skills;
    core.log.append({
      at: now,
      type: 'window.skills',
      windowNo: row.no,
      actor: 'system',
      data: { before, after, reason: 'time_limit_ended' },
    });
    tx.windows.add(row.no);
  }
}

/**
 * A supervisor opens or closes a window; a window calling or serving someone must finish first — unless its
 * clerk is gone, and then the visitor goes back to the queue.
 */
export function setWindowOpen(ctx: Ctx, { window: no, open }: { window: number; open: boolean }): void {
  const { state: core, tx, now, actor } = ctx;
  const row = requireRow(ctx, no);
  if (row.open === open) return;
  const current = core.currentTicket(row);
  const requeue = !open && assertMayClose(row, current);
  if (requeue && current) requeueVisitor(ctx, current, no, 'closed');
  core.windows.save({ ...row, open, ...(requeue ? { currentTicket: null } : {}) });
  core.log.append({ at: now, type: open ? 'window.opened' : 'window.closed', windowNo: no, actor, data: {} });
  tx.windows.add(no);
}
