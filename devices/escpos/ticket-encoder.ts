// The printed ticket (取号单) as ESC/POS bytes: hall name, service, the number in large type, people
// ahead, estimated wait, time, a QR code to the mobile ticket page, a short notice, cut.
import * as cmd from './commands';
import { encodeGb18030, wrap } from './text';
import type { EstimatedWait } from '../../server/protocol/views';
import { waitLine } from '../../server/protocol/wait-text';

export interface PrintedTicket {
  hallName: string;
  serviceName: string;
  number: string;
  waitingAhead: number;
  estimatedWaitMin: number;
  /** False when no window takes the matter now: the paper says so instead of a wait (absent = served). */
  servedNow?: boolean;
  /** The predicted wait with its 80% range; null when the hall is closed (no minutes printed). */
  estimatedWait?: EstimatedWait | null;
  /** Local time as the visitor reads it, e.g. "2026-11-23 09:05". */
  issuedAt: string;
  /** The mobile ticket page; encoded in the QR code. */
  statusUrl: string;
  notice: string;
  /** e.g. "老年人优先" */
  priority?: string | null;
  /** e.g. "预约 10:00–10:30" */
  appointment?: string | null;
  reprint?: boolean;
}

export interface TicketLayout {
  /** Printable columns in font A: 48 on 80 mm paper, 32 on 58 mm. */
  columns: number;
  qrModule: number;
}

export const LAYOUTS: Record<58 | 80, TicketLayout> = {
  80: { columns: 48, qrModule: 6 },
  58: { columns: 32, qrModule: 5 },
};

class Builder {
  private readonly bytes: number[] = [];
  constructor(private readonly columns: number) {}

  raw(b: number[]): this {
    for (const x of b) this.bytes.push(x);
    return this;
  }

  /** Text wrapped to the paper at this size, each line ended by LF. */
  text(s: string, o: { align?: cmd.Align; w?: number; h?: number; bold?: boolean } = {}): this {
    const w = o.w ?? 1;
    this.raw(cmd.align(o.align ?? 'center')).raw(cmd.size(w, o.h ?? w));
    if (o.bold) this.raw(cmd.bold(true));
    for (const line of wrap(s, Math.floor(this.columns / w))) this.raw([...encodeGb18030(line), cmd.LF]);
    if (o.bold) this.raw(cmd.bold(false));
    return this.raw(cmd.size(1, 1));
  }

  done(): Buffer {
    return Buffer.from(this.bytes);
  }
}

export function encodeTicket(t: PrintedTicket, layout: TicketLayout = LAYOUTS[80]): Buffer {
  const b = new Builder(layout.columns).raw(cmd.init()).raw(cmd.kanjiOn());
  b.text(t.hallName, { w: 2, h: 2, bold: true });
  b.text('-'.repeat(layout.columns));
  b.text(t.serviceName, { w: 2, h: 2 });
  if (t.priority) b.text(t.priority, { bold: true });
  if (t.appointment) b.text(t.appointment);
  b.raw(cmd.feed(1));
  b.text(t.number, { w: 4, h: 4, bold: true });
  b.raw(cmd.feed(1));
  b.text(`前方还有${t.waitingAhead}人`, { w: 2, h: 1 });
  // The predicted wait when the server sent one (none at all when the hall is closed); the older figure else.
  const line =
    t.estimatedWait !== undefined
      ? waitLine(t.estimatedWait)
      : t.servedNow === false
        ? '当前暂无窗口办理'
        : `预计等候约${t.estimatedWaitMin}分钟`;
  if (line) b.text(line);
  b.text(`取号时间 ${t.issuedAt}`);
  b.raw(cmd.align('center')).raw(cmd.qr(Buffer.from(t.statusUrl, 'utf8'), layout.qrModule, 'M'));
  b.text('微信扫码查看排队进度');
  b.text(t.notice, { bold: true });
  if (t.reprint) b.text('（补打）');
  return b.raw(cmd.feed(3)).raw(cmd.cut(0)).done();
}
