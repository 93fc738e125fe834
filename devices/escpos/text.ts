// Printer text: GB18030 bytes for Chinese mode, and line widths counted the way a printer counts them
// (a Chinese character takes two columns).
import iconv from 'iconv-lite';

/**
 * Characters a GB-mode printer would print wrongly: ¥ (U+00A5) has only a four-byte GB18030 code that
 * printers' GBK fonts lack, so it becomes the full-width ￥ (A3A4); likewise the other half-width signs.
 */
const NORMALISE: Record<string, string> = { '¥': '￥', '\u00a0': ' ', '\t': ' ' };

export function normaliseForPrinter(s: string): string {
  // Control characters would be read as commands by the printer.
  // eslint-disable-next-line no-control-regex
  return s.replace(/[¥\u00a0\t]/g, (c) => NORMALISE[c] ?? c).replace(/[\u0000-\u001f\u007f]/g, '');
}

export function encodeGb18030(s: string): Buffer {
  return iconv.encode(normaliseForPrinter(s), 'gb18030');
}

const gb = new TextDecoder('gb18030');
/** Decodes with the WHATWG decoder, independent of the encoder's iconv-lite tables. */
export function decodeGb18030(bytes: Uint8Array): string {
  return gb.decode(bytes);
}

/** Columns a character takes on the printer: two for CJK and full-width forms, one otherwise. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  return cp >= 0x1100 &&
    (cp <= 0x115f ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      cp >= 0x20000)
    ? 2
    : 1;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/** Breaks text into lines of at most `columns` printer columns (never splitting a character). */
export function wrap(s: string, columns: number): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of s) {
    const cw = charWidth(ch);
    if (w + cw > columns && line) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}
