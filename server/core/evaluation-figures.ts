// Satisfaction and evaluation rates (好评率, 参评率) per clerk, window, service or day, for reports and the
// clerk's own figures. Voided ratings (an appeal upheld) and prompts still pending do not count.
import { isSatisfied } from '../domain/evaluation';
import type { EvaluationRow } from '../store/evaluations';
import type { CoreState } from './state';

export const FIGURE_GROUPS = ['clerk', 'window', 'service', 'day'] as const;
export type FigureGroup = (typeof FIGURE_GROUPS)[number];

export interface EvaluationFigures {
  key: string;
  label: string;
  /** Visits whose evaluation ended: rated + unrated. */
  visits: number;
  rated: number;
  unrated: number;
  satisfied: number;
  negative: number;
  /** satisfied ÷ rated (null when nothing was rated). */
  satisfactionRate: number | null;
  /** rated ÷ visits (null when no visits). */
  evaluationRate: number | null;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10_000) / 10_000);

/** Pure: the figures of a list of evaluation rows grouped by a key. */
export function figuresOf(
  rows: EvaluationRow[],
  keyOf: (e: EvaluationRow) => string,
): Map<string, Omit<EvaluationFigures, 'label'>> {
  const out = new Map<string, Omit<EvaluationFigures, 'label'>>();
  for (const e of rows) {
    if (e.status === 'pending' || e.voided) continue;
    const key = keyOf(e);
    const f = out.get(key) ?? {
      key,
      visits: 0,
      rated: 0,
      unrated: 0,
      satisfied: 0,
      negative: 0,
      satisfactionRate: null,
      evaluationRate: null,
    };
    f.visits++;
    if (e.status === 'unrated') f.unrated++;
    else {
      f.rated++;
      if (e.level && isSatisfied(e.level)) f.satisfied++;
      else f.negative++;
    }
    f.satisfactionRate = ratio(f.satisfied, f.rated);
    f.evaluationRate = ratio(f.rated, f.visits);
    out.set(key, f);
  }
  return out;
}

export function evaluationFigures(core: CoreState, from: string, to: string, by: FigureGroup): EvaluationFigures[] {
  const keyOf: Record<FigureGroup, (e: EvaluationRow) => string> = {
    clerk: (e) => e.clerkId ?? '',
    window: (e) => String(e.windowNo),
    service: (e) => e.serviceId,
    day: (e) => e.day,
  };
  const label: Record<FigureGroup, (k: string) => string> = {
    clerk: (k) => core.model.clerks.get(k)?.name ?? k,
    window: (k) => core.model.windows.get(Number(k))?.name ?? `${k}号窗口`,
    service: (k) => core.model.serviceName(k),
    day: (k) => k,
  };
  return [...figuresOf(core.evaluations.between(from, to), keyOf[by]).values()]
    .map((f) => ({ ...f, label: label[by](f.key) }))
    .sort((a, b) => a.key.localeCompare(b.key, 'zh-CN', { numeric: true }));
}
