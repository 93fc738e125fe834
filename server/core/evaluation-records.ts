// 好差评 records for the back office: a day range's evaluations narrowed by window, clerk, service, level and
// whether the visitor wrote a comment, newest first. The filter itself is pure (unit-tested); reading goes
// through the core's evaluation views, so the list shows what reports and the upstream see.
import { LEVELS, type Level } from '../domain/evaluation';
import type { EvaluationView } from '../protocol/views';
import type { HallCore } from './hall-core';

/** `unrated`: 未评价 (no answer in time); the five levels are the visitor's answers. */
export const RECORD_LEVELS = [...LEVELS, 'unrated'] as const;
export type RecordLevel = (typeof RECORD_LEVELS)[number];

export interface RecordFilter {
  windowNo?: number;
  clerkId?: string;
  serviceId?: string;
  level?: RecordLevel;
  /** `with`: only records with a written comment; `without`: only those without. */
  comment?: 'with' | 'without';
}

const hasComment = (e: EvaluationView) => (e.comment ?? '').trim() !== '';

export function matchesRecord(e: EvaluationView, f: RecordFilter): boolean {
  if (f.windowNo !== undefined && e.windowNo !== f.windowNo) return false;
  if (f.clerkId !== undefined && e.clerkId !== f.clerkId) return false;
  if (f.serviceId !== undefined && e.serviceId !== f.serviceId) return false;
  if (f.level === 'unrated' && e.status !== 'unrated') return false;
  if (f.level !== undefined && f.level !== 'unrated' && e.level !== (f.level as Level)) return false;
  if (f.comment === 'with' && !hasComment(e)) return false;
  if (f.comment === 'without' && hasComment(e)) return false;
  return true;
}

/** Pure: the matching records, the latest visit first; a prompt still pending is not a record yet. */
export function filterRecords(list: EvaluationView[], f: RecordFilter): EvaluationView[] {
  const at = (e: EvaluationView) => e.promptedAt;
  return list
    .filter((e) => e.status !== 'pending' && matchesRecord(e, f))
    .sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0));
}

export function evaluationRecords(core: HallCore, from: string, to: string, f: RecordFilter): EvaluationView[] {
  return filterRecords(core.query.evaluationsBetween(from, to), f);
}
