// A printed document as HTML: the paper roll as the visitor holds it, QR code drawn from its payload.
// The virtual printer's preview page and the picture in docs/ use it.
import qrcode from 'qrcode-generator';
import type { PrintedDoc } from './document';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function qrSvg(data: string, cellSize = 4): string {
  const q = qrcode(0, 'M');
  q.addData(data, 'Byte');
  q.make();
  return q.createSvgTag({ cellSize, margin: 2 });
}

/** One ticket as an HTML fragment (80 mm paper, 48 columns of 12-dot font A ≈ 14 px). */
export function docHtml(doc: PrintedDoc): string {
  const rows = doc.lines.map((l) => {
    if (l.kind === 'blank') return '<div class="row">&nbsp;</div>';
    if (l.kind === 'qr')
      return `<div class="row qr" style="text-align:${l.align}">${qrSvg(l.data, l.module - 2)}</div>`;
    const m = Math.max(l.width, l.height);
    const style = `font-size:${14 * m}px;transform:scale(${l.width / m},${l.height / m});font-weight:${l.bold ? 700 : 400}`;
    return `<div class="row" style="text-align:${l.align}"><span style="${style}">${esc(l.text)}</span></div>`;
  });
  return `<div class="paper">${rows.join('')}${doc.cut ? '<div class="cut">✂</div>' : ''}</div>`;
}

export const PREVIEW_CSS = `
  body { background: #e8e8e8; font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif; margin: 16px; }
  .paper { background: #fff; width: 340px; padding: 16px 12px 4px; margin: 0 auto 24px; box-shadow: 0 2px 6px #0003;
           font-family: "WenQuanYi Micro Hei Mono", "WenQuanYi Micro Hei", monospace; color: #111; }
  .row { line-height: 1.25; white-space: pre; overflow: hidden; }
  .row span { display: inline-block; transform-origin: center top; }
  .qr svg { width: 150px; height: 150px; }
  .cut { border-top: 2px dashed #999; margin-top: 12px; color: #999; font-size: 12px; }
`;

export function previewPage(title: string, docs: PrintedDoc[], refreshSec = 0): string {
  const refresh = refreshSec ? `<meta http-equiv="refresh" content="${refreshSec}">` : '';
  const body = docs.length ? docs.map(docHtml).join('') : '<p style="text-align:center">尚未打印任何票据</p>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">${refresh}<title>${esc(title)}</title>
<style>${PREVIEW_CSS}</style></head><body><h1 style="text-align:center;font-size:18px">${esc(title)}</h1>${body}</body></html>`;
}
