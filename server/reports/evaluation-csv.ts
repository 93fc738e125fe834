// 好差评 records as CSV, like the reports' CSV: UTF-8 with a byte-order mark (Excel shows Chinese), CRLF,
// RFC 4180 quoting, and free text (a visitor's comment, a clerk's name) neutralised so a spreadsheet shows
// it and never evaluates it. Times are the hall's local time.
import { LEVEL_TEXT } from '../domain/evaluation';
import { hallDay, localClock } from '../domain/numbering';
import type { EvaluationView } from '../protocol/views';
import type { Lang } from './columns';
import { neutraliseFormula } from './spreadsheet-text';

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

const HEAD: Record<Lang, string[]> = {
  zh: [
    '日期',
    '评价时间',
    '票号',
    '办件编号',
    '窗口',
    '工作人员',
    '事项',
    '评价',
    '国标代码',
    '原因',
    '意见',
    '渠道',
    '已作废',
  ],
  en: [
    'Day',
    'Rated at',
    'Ticket',
    'Case no.',
    'Window',
    'Clerk',
    'Service',
    'Level',
    'GB/T code',
    'Reasons',
    'Comment',
    'Channel',
    'Voided',
  ],
};

export function evaluationsCsv(list: EvaluationView[], lang: Lang, timeZone: string): string {
  const text = (s: string | null) => neutraliseFormula(s ?? '');
  const level = (e: EvaluationView) => (e.level ? LEVEL_TEXT[e.level][lang] : lang === 'zh' ? '未评价' : 'Not rated');
  const at = (ms: number) => `${hallDay(ms, timeZone)} ${localClock(ms, timeZone)}`;
  const yes = lang === 'zh' ? '是' : 'yes';
  const rows = list.map((e) => [
    e.day,
    e.answeredAt ? at(Date.parse(e.answeredAt)) : '',
    e.ticketNumber,
    text(e.caseNo),
    String(e.windowNo),
    text(e.clerkName ?? e.clerkId),
    text(e.serviceName),
    level(e),
    e.gbtCode === null ? '' : String(e.gbtCode),
    text(e.reasons.join('；')),
    text(e.comment),
    e.channel ?? '',
    e.voided ? yes : '',
  ]);
  return '\uFEFF' + [HEAD[lang], ...rows].map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}
