// A report as an Excel workbook: one sheet per grouping (事项, 窗口, 人员, 时段, 日) plus the definitions.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { LabelledRow, Report } from '../core/reports';
import { COLUMNS, GROUP_TITLE, reportLines, type Column, type Lang } from './columns';
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

/** Rows written between turns of the event loop. */
const ROWS_PER_TURN = 50;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Written with exceljs's streaming writer: rows are committed as they go and the zip is deflated by Node's
 * zlib off the main thread, with a turn of the event loop every ROWS_PER_TURN rows, so a year's workbook
 * does not hold up commands (the in-memory writer held the loop for 100–200 ms).
 */
export async function reportXlsx(reports: Report[], lang: Lang): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = reports[0]?.hall.name ?? '';
  for (const r of reports) {
    const ws = wb.addWorksheet(GROUP_TITLE[r.by]![lang], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map((c) => ({
      header: c[lang],
      key: c.key,
      width: c.kind === 'text' ? 18 : 12,
      style: c.kind === 'share' ? { numFmt: '0.0%' } : c.kind === 'min' ? { numFmt: '0.0' } : {},
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.commit();
    const rows = reportLines(r, lang);
    for (const [i, row] of rows.entries()) {
      const added = ws.addRow(Object.fromEntries(COLUMNS.map((c) => [c.key, cellValue(row, c)])));
      if (i === rows.length - 1) added.font = { bold: true };
      added.commit();
      if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    }
    ws.commit();
    await nextTurn();
  }
  const about = wb.addWorksheet(lang === 'zh' ? '说明' : 'Definitions');
  about.columns = [{ key: 'text', width: 90 }];
  const first = reports[0];
  if (first) about.addRow([neutraliseFormula(`${first.hall.name}  ${first.from} – ${first.to}`)]).commit();
  for (const line of DEFINITIONS[lang]) about.addRow([line]).commit();
  about.commit();
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * Loads and runs the streaming writer once on an empty workbook (at start-up, before the port opens): its
 * first use reads and compiles exceljs's writer modules, a 100 ms stall that would otherwise fall on the
 * first export while the hall is serving.
 */
export async function warmUpXlsx(): Promise<void> {
  await reportXlsx([], 'zh');
}
