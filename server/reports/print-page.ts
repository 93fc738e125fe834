// The printable report: a page with the day's (or range's) totals, the hourly chart and the tables by
// service, window and clerk, laid out for A4 by a print stylesheet. The supervisor prints it or saves
// it as PDF from the browser's print dialog.
import type { Report } from '../core/reports';
import { cellText, COLUMNS, GROUP_TITLE, reportLines, type Lang } from './columns';

/** The print button's handler: the only inline script the content security policy allows (by its hash). */
export const PRINT_HANDLER = 'window.print()';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function table(r: Report, lang: Lang): string {
  const head = COLUMNS.map((c) => `<th>${esc(c[lang])}</th>`).join('');
  const body = reportLines(r, lang)
    .map(
      (row, i, all) =>
        `<tr${i === all.length - 1 ? ' class="total"' : ''}>${COLUMNS.map((c) => `<td>${esc(cellText(row, c))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<h2>${esc(GROUP_TITLE[r.by]![lang])}</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** `chartSvg`: the hourly chart drawn by chart-svg.ts (hour-chart.ts), or null for none. */
export function printPage(reports: Report[], chartSvg: string | null, lang: Lang, printedAt: string): string {
  const first = reports[0]!;
  const t = first.total;
  const kpi = (label: string, value: string) => `<div class="kpi"><b>${esc(value)}</b><span>${esc(label)}</span></div>`;
  const zh = lang === 'zh';
  const title = zh ? `${first.hall.name} 业务报表` : `${first.hall.name} report`;
  const range = first.from === first.to ? first.from : `${first.from} – ${first.to}`;
  return `<!doctype html><html lang="${zh ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(title)} ${esc(range)}</title>
<style>
body{font-family:"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:24px;color:#111}
h1{font-size:22px;margin:0 0 4px} h2{font-size:16px;margin:18px 0 6px} .sub{color:#555;margin-bottom:12px}
.kpis{display:flex;gap:12px;flex-wrap:wrap} .kpi{border:1px solid #ccc;border-radius:6px;padding:8px 14px;min-width:96px}
.kpi b{display:block;font-size:20px} .kpi span{color:#555;font-size:12px}
table{border-collapse:collapse;width:100%;font-size:12px} th,td{border:1px solid #bbb;padding:3px 6px;text-align:right}
th:first-child,td:first-child{text-align:left} thead{background:#f0f3f8} tr.total{font-weight:bold;background:#fafafa}
.chart{max-width:760px} .chart svg{width:100%;height:auto;break-inside:avoid} .noprint button{font-size:16px;padding:6px 18px;margin:8px 0}
@page{size:A4;margin:14mm} @media print{.noprint{display:none} body{margin:0} h2{break-after:avoid} table{break-inside:auto} tr{break-inside:avoid}}
</style></head><body>
<div class="noprint"><button onclick="${PRINT_HANDLER}">${zh ? '打印 / 存为 PDF' : 'Print / save as PDF'}</button></div>
<h1>${esc(title)}</h1><div class="sub">${esc(range)} · ${zh ? '打印时间' : 'Printed'} ${esc(printedAt)}</div>
<div class="kpis">
${kpi(zh ? '取号' : 'Tickets', String(t.tickets))}${kpi(zh ? '办结' : 'Served', String(t.served))}${kpi(zh ? '过号' : 'No-shows', String(t.noShows))}
${kpi(zh ? '平均等候(分)' : 'Mean wait (min)', t.meanWaitMin === null ? '—' : String(t.meanWaitMin))}
${kpi(zh ? '目标内占比' : 'Within target', t.withinTarget === null ? '—' : `${Math.round(t.withinTarget * 1000) / 10}%`)}
${kpi(zh ? '满意率' : 'Satisfaction', t.satisfaction === null ? '—' : `${Math.round(t.satisfaction * 1000) / 10}%`)}
</div>
${chartSvg ? `<h2>${zh ? '分时段取号、办结与等候' : 'Arrivals, served and waits by hour'}</h2><div class="chart" data-testid="hour-chart">${chartSvg}</div>` : ''}
${reports.map((r) => table(r, lang)).join('\n')}
</body></html>`;
}
