// Decoded operations → printed documents (one per cut), rendered as text for terminals and logs.
import type { Align } from './commands';
import type { EscPosOp } from './decoder';
import { textWidth } from './text';

export type DocLine =
  | { kind: 'text'; text: string; align: Align; width: number; height: number; bold: boolean }
  | { kind: 'qr'; data: string; module: number; align: Align }
  | { kind: 'blank' };

export interface PrintedDoc {
  lines: DocLine[];
  /** Whether the paper was cut (a whole ticket). */
  cut: boolean;
}

/** Follows the printer's modes through a stream of operations and collects the lines it prints. */
export class DocAssembler {
  private lines: DocLine[] = [];
  private line: Extract<DocLine, { kind: 'text' }> | null = null;
  private align: Align = 'left';
  private width = 1;
  private height = 1;
  private bold = false;

  /** Feeds operations; returns the documents completed by a cut. */
  push(ops: EscPosOp[]): PrintedDoc[] {
    const done: PrintedDoc[] = [];
    for (const o of ops) {
      switch (o.op) {
        case 'init':
          this.align = 'left';
          this.width = this.height = 1;
          this.bold = false;
          break;
        case 'align':
          this.align = o.align;
          break;
        case 'size':
          this.width = o.width;
          this.height = o.height;
          break;
        case 'bold':
          this.bold = o.on;
          break;
        case 'text':
          this.line ??= {
            kind: 'text',
            text: '',
            align: this.align,
            width: this.width,
            height: this.height,
            bold: this.bold,
          };
          this.line.text += o.text;
          break;
        case 'newline':
          this.endLine(true);
          break;
        case 'feed':
          this.endLine(false);
          for (let k = 0; k < o.lines; k++) this.lines.push({ kind: 'blank' });
          break;
        case 'qr':
          this.endLine(false);
          this.lines.push({ kind: 'qr', data: o.data, module: o.module, align: this.align });
          break;
        case 'cut':
          this.endLine(false);
          done.push({ lines: this.lines, cut: true });
          this.lines = [];
          break;
        default:
          break;
      }
    }
    return done;
  }

  /** What is printed but not yet cut. */
  pending(): PrintedDoc {
    return { lines: this.line ? [...this.lines, this.line] : [...this.lines], cut: false };
  }

  private endLine(blankIfEmpty: boolean): void {
    if (this.line) this.lines.push(this.line);
    else if (blankIfEmpty) this.lines.push({ kind: 'blank' });
    this.line = null;
  }
}

/** The text lines of a document, in order (what a test or a log compares). */
export function docText(doc: PrintedDoc): string[] {
  return doc.lines.flatMap((l) => (l.kind === 'text' ? [l.text] : []));
}

export function docQrCodes(doc: PrintedDoc): string[] {
  return doc.lines.flatMap((l) => (l.kind === 'qr' ? [l.data] : []));
}

/** A terminal picture of the ticket: sizes shown by spacing, the QR code by its payload. */
export function renderDocText(doc: PrintedDoc, columns = 48): string {
  const out: string[] = [];
  const place = (s: string, w: number, align: Align) => {
    const pad = Math.max(0, columns - w);
    const left = align === 'center' ? Math.floor(pad / 2) : align === 'right' ? pad : 0;
    return ' '.repeat(left) + s;
  };
  for (const l of doc.lines) {
    if (l.kind === 'blank') out.push('');
    else if (l.kind === 'qr') out.push(place(`[QR ${l.data}]`, textWidth(l.data) + 5, l.align));
    else {
      const wide = l.width > 1 ? [...l.text].join(' '.repeat(l.width - 1)) : l.text;
      out.push(place(wide, textWidth(l.text) * l.width, l.align));
      for (let k = 1; k < l.height && l.height > 2; k++) out.push('');
    }
  }
  if (doc.cut) out.push('✂' + '-'.repeat(columns - 1));
  return out.join('\n');
}
