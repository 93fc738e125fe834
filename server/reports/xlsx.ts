// A report as an Excel workbook: one sheet per grouping (事项, 窗口, 人员, 时段, 日) plus the definitions.
import ExcelJS from 'exceljs';
import type { LabelledRow, Report } from '../core/reports';
import { COLUMNS, GROUP_TITLE, type Column, type Lang } from './columns';
import { neutraliseFormula } from './spreadsheet-text';

const DEFINITIONS = {
  zh: [
    '等候：首次叫号时间 − 取号时间（预约提前签到从预约时段开始计）',
    'P90等候：第 ⌈0.9·n⌉ 小的等候时间（最近秩法）',
    '目标内占比：等候不超过该事项目标时间的已叫号票数 ÷ 已叫号票数',
    '满意率：非常满意、满意、基本满意 ÷ 已评价；参评率：已评价 ÷（已评价 + 未评价）；申诉成立的评价不计',
  ],
  en: [
    'Wait: first call − ticket taken (an early appointment counts from its slot)',
    'P90 wait: the ⌈0.9·n⌉-th smallest wait (nearest rank)',
    'Within target: called tickets that waited no longer than their service’s target ÷ called tickets',
    'Satisfaction: very satisfied, satisfied, basic ÷ rated; evaluation rate: rated ÷ (rated + unrated); upheld appeals excluded',
  ],
};

/** Numbers as numbers; text (names) neutralised like the CSV's, so editing a cell never turns it into a formula. */
function cellValue(row: LabelledRow, c: Column): string | number | null {
  const v = row[c.key];
  if (v === null || v === undefined) return null;
  return c.kind === 'text' ? neutraliseFormula(String(v)) : (v as number);
}

export async function reportXlsx(reports: Report[], lang: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = reports[0]?.hall.name ?? '';
  for (const r of reports) {
    const ws = wb.addWorksheet(GROUP_TITLE[r.by]![lang]);
    ws.columns = COLUMNS.map((c) => ({
      header: c[lang],
      key: c.key,
      width: c.kind === 'text' ? 18 : 12,
      style: c.kind === 'share' ? { numFmt: '0.0%' } : c.kind === 'min' ? { numFmt: '0.0' } : {},
    }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    for (const row of [...r.rows, { ...r.total, label: lang === 'zh' ? '合计' : 'Total' }]) {
      ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, cellValue(row, c)])));
    }
    ws.lastRow!.font = { bold: true };
  }
  const about = wb.addWorksheet(lang === 'zh' ? '说明' : 'Definitions');
  const first = reports[0];
  if (first) about.addRow([neutraliseFormula(`${first.hall.name}  ${first.from} – ${first.to}`)]);
  for (const line of DEFINITIONS[lang]) about.addRow([line]);
  about.getColumn(1).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
