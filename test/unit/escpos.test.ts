// The ticket encoder against byte sequences from the Epson ESC/POS reference, and round trips through
// the decoder (its own GB18030 decoder, independent of the encoder's tables).
import { describe, expect, it } from 'vitest';
import * as cmd from '../../devices/escpos/commands';
import { decodeAll, EscPosDecoder } from '../../devices/escpos/decoder';
import { DocAssembler, docQrCodes, docText, renderDocText } from '../../devices/escpos/document';
import { parseStatus, statusByte } from '../../devices/escpos/status';
import { encodeGb18030, textWidth, wrap } from '../../devices/escpos/text';
import { encodeTicket, LAYOUTS, type PrintedTicket } from '../../devices/escpos/ticket-encoder';

const hex = (b: number[] | Uint8Array) => Buffer.from(b).toString('hex');

const TICKET: PrintedTicket = {
  hallName: '示范市政务服务中心',
  serviceName: '不动产登记',
  number: 'E012',
  waitingAhead: 3,
  estimatedWaitMin: 18,
  issuedAt: '2026-11-23 09:05',
  statusUrl: 'http://192.168.1.10:8080/t/AbCdEfGhIjKlMnOp',
  notice: '过号请重新取号',
};

function docsOf(bytes: Uint8Array) {
  return new DocAssembler().push(decodeAll(bytes));
}

describe('ESC/POS commands (Epson reference)', () => {
  it('writes the basic commands', () => {
    expect(hex(cmd.init())).toBe('1b40');
    expect(hex(cmd.kanjiOn())).toBe('1c26');
    expect(hex(cmd.kanjiOff())).toBe('1c2e');
    expect(hex(cmd.align('center'))).toBe('1b6101');
    expect(hex(cmd.align('right'))).toBe('1b6102');
    expect(hex(cmd.size(1, 1))).toBe('1d2100');
    expect(hex(cmd.size(2, 2))).toBe('1d2111');
    expect(hex(cmd.size(4, 4))).toBe('1d2133');
    expect(hex(cmd.size(2, 1))).toBe('1d2110');
    expect(hex(cmd.bold(true))).toBe('1b4501');
    expect(hex(cmd.feed(3))).toBe('1b6403');
    expect(hex(cmd.cut(0))).toBe('1d564200');
    expect(hex(cmd.statusRequest(1))).toBe('100401');
    expect(hex(cmd.statusRequest(4))).toBe('100404');
  });

  it('writes a QR code with GS ( k: model 2, module size, error correction, store, print', () => {
    const url = 'https://a.cn/t/x';
    const bytes = cmd.qr(Buffer.from(url), 6, 'M');
    const k = url.length + 3; // pL pH count cn, fn, m and the data
    expect(hex(bytes)).toBe(
      '1d286b0400314132 00'.replace(' ', '') +
        '1d286b03003143 06'.replace(' ', '') +
        '1d286b03003145 31'.replace(' ', '') +
        `1d286b${k.toString(16).padStart(2, '0')}00315030${Buffer.from(url).toString('hex')}` +
        '1d286b0300315130',
    );
  });

  it('uses a two-byte length for long QR data', () => {
    const data = Buffer.alloc(300, 0x41);
    const store = cmd.qr(data).slice(25, 30); // after the 9/8/8-byte set-up functions
    expect(hex(store)).toBe('1d286b2f01'); // 300 + 3 = 0x012f
  });
});

describe('GB18030 text', () => {
  it('encodes Chinese as GB18030 and the yuan sign as the full-width ￥', () => {
    expect(hex(encodeGb18030('请'))).toBe('c7eb');
    expect(hex(encodeGb18030('号'))).toBe('bac5');
    expect(hex(encodeGb18030('￥'))).toBe('a3a4');
    expect(hex(encodeGb18030('¥20'))).toBe('a3a43230');
    expect(hex(encodeGb18030('A012'))).toBe('41303132');
    // Outside GBK: a four-byte GB18030 sequence, not a question mark.
    expect(hex(encodeGb18030('𠀀'))).toBe('95328236');
  });

  it('drops control characters a printer would read as commands', () => {
    expect(hex(encodeGb18030('A\x1bB\nC'))).toBe('414243');
  });

  it('counts two columns for each Chinese character and wraps without splitting one', () => {
    expect(textWidth('税务B')).toBe(5);
    expect(wrap('一二三四五', 4)).toEqual(['一二', '三四', '五']);
    expect(wrap('ab一', 3)).toEqual(['ab', '一']);
  });
});

describe('ticket encoder → decoder round trip', () => {
  it('prints the whole ticket: init, Chinese mode, texts, large number, QR, cut', () => {
    const bytes = encodeTicket(TICKET);
    expect(hex(bytes.subarray(0, 4))).toBe('1b401c26');
    expect(hex(bytes.subarray(-7))).toBe('1b64031d564200');
    const numberAt = bytes.indexOf(Buffer.from([0x1d, 0x21, 0x33]));
    expect(hex(bytes.subarray(numberAt + 3, numberAt + 14))).toBe('1b450145303132 0a'.replace(' ', '') + '1b4500');

    const docs = docsOf(bytes);
    expect(docs).toHaveLength(1);
    const text = docText(docs[0]!);
    expect(text).toEqual([
      '示范市政务服务中心',
      '-'.repeat(48),
      '不动产登记',
      'E012',
      '前方还有3人',
      '预计等候约18分钟',
      '取号时间 2026-11-23 09:05',
      '微信扫码查看排队进度',
      '过号请重新取号',
    ]);
    expect(docQrCodes(docs[0]!)).toEqual([TICKET.statusUrl]);
    const number = docs[0]!.lines.find((l) => l.kind === 'text' && l.text === 'E012');
    expect(number).toMatchObject({ width: 4, height: 4, bold: true, align: 'center' });
  });

  it('prints the predicted wait with its range, 当前暂无窗口办理, or no minutes when the hall is closed', () => {
    const lines = (t: PrintedTicket) => docText(docsOf(encodeTicket(t))[0]!);
    const range = { minutes: 12, low: 8, high: 18, servedNow: true };
    expect(lines({ ...TICKET, estimatedWait: range })).toContain('预计等候约12分钟（8–18）');
    expect(lines({ ...TICKET, estimatedWait: { ...range, servedNow: false } })).toContain('当前暂无窗口办理');
    const closed = lines({ ...TICKET, estimatedWait: null });
    expect(closed.some((l) => l.includes('分钟') || l.includes('暂无'))).toBe(false);
    expect(closed).toContain('前方还有3人');
  });

  it('keeps ￥, priority and appointment lines, and wraps a long service name to the paper', () => {
    const long = '企业开办一件事（含公章刻制、税务登记、社保开户、公积金开户）';
    const bytes = encodeTicket(
      { ...TICKET, serviceName: long, priority: '老年人优先', appointment: '预约 10:00–10:30 押金¥20', reprint: true },
      LAYOUTS[58],
    );
    const doc = docsOf(bytes)[0]!;
    const lines = doc.lines.filter((l) => l.kind === 'text');
    const texts = docText(doc);
    const serviceLines = texts.slice(texts.indexOf('-'.repeat(32)) + 1, texts.indexOf('老年人优先'));
    expect(serviceLines.length).toBeGreaterThan(1);
    expect(serviceLines.join('')).toBe(long);
    for (const l of lines) if (l.kind === 'text') expect(textWidth(l.text) * l.width).toBeLessThanOrEqual(32);
    const text = docText(doc);
    expect(text).toContain('老年人优先');
    expect(text).toContain('预约 10:00–10:30 押金￥20');
    expect(text).toContain('（补打）');
  });

  it('decodes the same whether the bytes arrive at once or split at any point', () => {
    const bytes = encodeTicket(TICKET);
    const whole = decodeAll(bytes);
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const d = new EscPosDecoder();
      const ops = [...d.push(bytes.subarray(0, cut)), ...d.push(bytes.subarray(cut)), ...d.end()];
      // Text runs may be split differently; compare the joined text and every non-text operation.
      const norm = (o: typeof whole) =>
        o.reduce<unknown[]>((acc, x) => {
          const last = acc[acc.length - 1] as { op: string; text: string } | undefined;
          if (x.op === 'text' && last?.op === 'text') last.text += x.text;
          else acc.push(x.op === 'text' ? { ...x } : x);
          return acc;
        }, []);
      expect(norm(ops)).toEqual(norm(whole));
    }
  });

  it('reports status requests and unknown commands without losing the text around them', () => {
    const ops = decodeAll(Buffer.from([0x10, 0x04, 0x01, 0x1b, 0x7a, 0x1c, 0x26, 0xc7, 0xeb, 0x0a, 0x07]));
    expect(ops).toEqual([
      { op: 'status', n: 1 },
      { op: 'unknown', bytes: [0x1b, 0x7a] },
      { op: 'kanji', on: true },
      { op: 'text', text: '请' },
      { op: 'newline' },
      { op: 'unknown', bytes: [0x07] },
    ]);
  });

  it('renders a terminal picture with the number spaced out and the QR payload', () => {
    const pic = renderDocText(docsOf(encodeTicket(TICKET))[0]!);
    expect(pic).toContain('E   0   1   2');
    expect(pic).toContain(`[QR ${TICKET.statusUrl}]`);
    expect(pic.split('\n').at(-1)).toMatch(/^✂-+$/);
  });
});

describe('DLE EOT status', () => {
  const ok = { paperOut: false, paperNearEnd: false, coverOpen: false, error: false };
  const answer = (c: typeof ok) => Buffer.from([statusByte(1, c), statusByte(2, c), statusByte(4, c)]);

  it('reads every condition from the three status bytes', () => {
    expect(hex(answer(ok))).toBe('121212');
    expect(parseStatus(answer(ok))).toBe('ok');
    expect(hex(answer({ ...ok, paperOut: true }))).toBe('1a327e');
    expect(parseStatus(answer({ ...ok, paperOut: true }))).toBe('paper_out');
    expect(parseStatus(answer({ ...ok, coverOpen: true }))).toBe('cover_open');
    expect(parseStatus(answer({ ...ok, paperNearEnd: true }))).toBe('paper_near_end');
    expect(parseStatus(answer({ ...ok, error: true }))).toBe('error');
  });

  it('treats bytes that are not status answers as an error, not as ok', () => {
    expect(parseStatus(Buffer.from([0x00, 0x00, 0x00]))).toBe('error');
    expect(parseStatus(Buffer.from([0x12, 0x12]))).toBe('error');
  });
});
