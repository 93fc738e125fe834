// 差评整改: the follow-up of a bad rating. callback (回访) → fix (整改) → feedback (反馈) → closed, with an
// appeal (申诉复核) for a mistaken or malicious review: upheld voids the rating, rejected resumes the work.
// Deadlines count working days on the hall's calendar. Pure: no I/O.
import { HallError } from './errors';

export const FOLLOW_UP_STATES = ['callback', 'fix', 'feedback', 'closed', 'appeal', 'voided'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

export const FOLLOW_UP_TEXT: Record<FollowUpState, string> = {
  callback: '待回访',
  fix: '整改中',
  feedback: '待反馈',
  closed: '已办结',
  appeal: '申诉复核中',
  voided: '申诉成立（评价作废）',
};

const NEXT: Partial<Record<FollowUpState, FollowUpState>> = { callback: 'fix', fix: 'feedback', feedback: 'closed' };

export const isOpen = (s: FollowUpState): boolean => s !== 'closed' && s !== 'voided';

export function advance(s: FollowUpState): FollowUpState {
  const next = NEXT[s];
  if (!next) throw new HallError('ILLEGAL_TRANSITION', `“${FOLLOW_UP_TEXT[s]}”不能进入下一步`);
  return next;
}

export function appeal(s: FollowUpState): { state: FollowUpState; resume: FollowUpState } {
  if (!NEXT[s]) throw new HallError('ILLEGAL_TRANSITION', `“${FOLLOW_UP_TEXT[s]}”不能申诉`);
  return { state: 'appeal', resume: s };
}

export function decide(s: FollowUpState, upheld: boolean, resume: FollowUpState | null): FollowUpState {
  if (s !== 'appeal') throw new HallError('ILLEGAL_TRANSITION', '没有待复核的申诉');
  return upheld ? 'voided' : (resume ?? 'callback');
}
