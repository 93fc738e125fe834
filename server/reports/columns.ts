// The report's columns, in the order every export shows them, with Chinese and English headings.
import { OUTSIDE_LABEL, type LabelledRow, type Report } from '../core/reports';
export { OUTSIDE_LABEL } from '../core/reports';

export type Lang = 'zh' | 'en';

export interface Column {
  key: keyof LabelledRow;
  zh: string;
  en: string;
  /** share = a 0–1 ratio shown as a percentage; min = minutes. */
  kind: 'text' | 'count' | 'min' | 'share';
}

export const COLUMNS: readonly Column[] = [
  { key: 'label', zh: '名称', en: 'Name', kind: 'text' },
  { key: 'tickets', zh: '取号数', en: 'Tickets', kind: 'count' },
  { key: 'served', zh: '办结数', en: 'Served', kind: 'count' },
  { key: 'noShows', zh: '过号数', en: 'No-shows', kind: 'count' },
  { key: 'transfers', zh: '转移数', en: 'Transfers', kind: 'count' },
  { key: 'meanWaitMin', zh: '平均等候(分)', en: 'Mean wait (min)', kind: 'min' },
  { key: 'p90WaitMin', zh: 'P90等候(分)', en: 'P90 wait (min)', kind: 'min' },
  { key: 'maxWaitMin', zh: '最长等候(分)', en: 'Max wait (min)', kind: 'min' },
  { key: 'meanServiceMin', zh: '平均办理(分)', en: 'Mean service (min)', kind: 'min' },
  { key: 'withinTarget', zh: '目标内占比', en: 'Within target', kind: 'share' },
  { key: 'satisfaction', zh: '满意率', en: 'Satisfaction', kind: 'share' },
  { key: 'evaluationRate', zh: '参评率', en: 'Evaluation rate', kind: 'share' },
];

export const GROUP_TITLE: Record<string, { zh: string; en: string }> = {
  service: { zh: '按事项', en: 'By service' },
  window: { zh: '按窗口', en: 'By window' },
  clerk: { zh: '按人员', en: 'By clerk' },
  hour: { zh: '按时段', en: 'By hour' },
  day: { zh: '按日', en: 'By day' },
};

/** A cell as text: shares as percentages with one decimal, empty when there is nothing to measure. */
export function cellText(row: LabelledRow, c: Column): string {
  const v = row[c.key];
  if (v === null || v === undefined) return '';
  if (c.kind === 'share') return `${Math.round((v as number) * 1000) / 10}%`;
  return String(v);
}

/** The rows as every export shows them: the groups, the visits outside them, the total (labelled). */
export function reportLines(r: Report, lang: Lang): LabelledRow[] {
  const outside = r.outside ? [{ ...r.outside, label: OUTSIDE_LABEL[r.by]?.[lang] ?? r.outside.label }] : [];
  return [...r.rows, ...outside, { ...r.total, label: lang === 'zh' ? '合计' : 'Total' }];
}
