// 好差评: the five levels of a visitor's evaluation, by name inside the hall. Codecs map them to the two
// numberings outside it, which run in opposite directions: GB/T 39046 (1 = 非常满意) and the provincial
// interfaces (1 = 非常不满意). Pure: no I/O.
import { HallError } from './errors';
import { maskOptional } from './personal-numbers';

export const LEVELS = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_TEXT: Record<Level, { zh: string; en: string }> = {
  very_satisfied: { zh: '非常满意', en: 'Very satisfied' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Fairly satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  very_dissatisfied: { zh: '非常不满意', en: 'Very dissatisfied' },
};

/** 差评: needs a reason, and opens a follow-up. */
export const isNegative = (l: Level): boolean => l === 'dissatisfied' || l === 'very_dissatisfied';
/** 好评 for the satisfaction rate: the three upper levels. */
export const isSatisfied = (l: Level): boolean => !isNegative(l);

/** GB/T 39046: 1 = 非常满意 … 5 = 非常不满意. */
export const toGbtCode = (l: Level): number => LEVELS.indexOf(l) + 1;
export function fromGbtCode(code: number): Level {
  const l = LEVELS[code - 1];
  if (!Number.isInteger(code) || !l) throw new RangeError(`not a GB/T 39046 level code: ${code}`);
  return l;
}

/** Provincial interfaces: 1 = 非常不满意 … 5 = 非常满意. */
export const toProvincialCode = (l: Level): number => LEVELS.length - LEVELS.indexOf(l);
export function fromProvincialCode(code: number): Level {
  const l = LEVELS[LEVELS.length - code];
  if (!Number.isInteger(code) || code < 1 || !l) throw new RangeError(`not a provincial level code: ${code}`);
  return l;
}

/** The hardware pad's score (DESIGN.md §6: 1–5, 5 = 非常满意) is the provincial direction. */
export const fromPadScore = fromProvincialCode;
export const toPadScore = toProvincialCode;

export interface Answer {
  level: Level;
  reasons: string[];
  comment: string | null;
}

/** A bad rating needs at least one reason from the hall's list; reasons are only for bad ratings. */
export function checkAnswer(a: Answer, allowedReasons: readonly string[]): Answer {
  const reasons = [...new Set(a.reasons)];
  const unknown = reasons.filter((r) => !allowedReasons.includes(r));
  if (unknown.length) throw new HallError('VALIDATION', `不在列表中的原因：${unknown.join('、')}`);
  if (isNegative(a.level) && reasons.length === 0) {
    throw new HallError('REASON_REQUIRED', `选择“${LEVEL_TEXT[a.level].zh}”时请至少选择一项原因`);
  }
  // A comment may be shown to supervisors and sent upstream: a full ID or mobile number in it is masked.
  const comment = a.comment?.trim() || null;
  return { level: a.level, reasons: isNegative(a.level) ? reasons : [], comment: maskOptional(comment) };
}
