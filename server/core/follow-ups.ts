// 差评整改 in the hall core: supervisors move a negative review's follow-up through callback → fix →
// feedback → closed, or through an appeal (申诉复核). Every step is in the event log with its note.
import { HallError } from '../domain/errors';
import * as fu from '../domain/follow-up';
import type { FollowUpView } from '../protocol/views';
import type { FollowUpRow } from '../store/evaluations';
import { followUpView } from './evaluation-views';
import type { Ctx } from './state';
import { maskPersonalNumbers } from '../domain/personal-numbers';

export type FollowUpCommand = { kind: 'advance' } | { kind: 'appeal' } | { kind: 'decide'; upheld: boolean };

/** One step of a follow-up, with the supervisor's note (ID and phone numbers in it masked). */
export function followUpStep(
  ctx: Ctx,
  { id, command: cmd, note }: { id: number; command: FollowUpCommand; note: string },
): FollowUpView {
  const { state: core, tx, now, actor } = ctx;
  const f = core.evaluations.followUp(id);
  if (!f) throw new HallError('NOT_FOUND', `没有编号为 ${id} 的整改单`);
  let next: FollowUpRow;
  if (cmd.kind === 'advance') next = { ...f, state: fu.advance(f.state) };
  else if (cmd.kind === 'appeal') {
    const a = fu.appeal(f.state);
    next = { ...f, state: a.state, resumeState: a.resume };
  } else {
    next = { ...f, state: fu.decide(f.state, cmd.upheld, f.resumeState), resumeState: null };
    if (next.state === 'voided') core.evaluations.markVoided(f.evaluationId);
  }
  core.evaluations.saveFollowUp({ ...next, updatedAt: now });
  const e = core.evaluations.get(f.evaluationId)!;
  core.log.append({
    at: now,
    type: `followup.${cmd.kind === 'decide' ? (cmd.upheld ? 'appeal_upheld' : 'appeal_rejected') : cmd.kind === 'appeal' ? 'appealed' : next.state}`,
    ticketId: e.ticketId,
    actor,
    data: { followUpId: id, from: f.state, to: next.state, note: maskPersonalNumbers(note) },
  });
  const view = followUpView(core, core.evaluations.followUp(id)!);
  tx.events.push({ type: 'followup.changed', payload: { followUp: view } });
  return view;
}
