// A report as CSV: UTF-8 with a byte-order mark (so Excel shows Chinese), CRLF lines, RFC 4180 quoting;
// names neutralised so a spreadsheet shows them and never evaluates them.
import type { Report } from '../core/reports';
import { cellText, COLUMNS, reportLines, type Lang } from './columns';
import { neutraliseFormula } from './spreadsheet-text';

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function reportCsv(r: Report, lang: Lang): string {
  const lines = [
    COLUMNS.map((c) => c[lang]),
    ...reportLines(r, lang).map((row) =>
      COLUMNS.map((c) => (c.kind === 'text' ? neutraliseFormula(cellText(row, c)) : cellText(row, c))),
    ),
  ];
  return '\uFEFF' + lines.map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}
