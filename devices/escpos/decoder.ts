// An ESC/POS decoder: bytes → operations. Incremental, so a TCP stream split anywhere decodes the same
// as one buffer. It knows the commands the hall's tickets use and skips the common others by length.
import { type Align, ALIGNS, DLE, ECC_OF_CODE, EOT, ESC, FS, GS, LF, type QrEcc } from './commands';
import { decodeGb18030 } from './text';

export type EscPosOp =
  | { op: 'init' }
  | { op: 'kanji'; on: boolean }
  | { op: 'align'; align: Align }
  | { op: 'size'; width: number; height: number }
  | { op: 'bold'; on: boolean }
  | { op: 'text'; text: string }
  | { op: 'newline' }
  | { op: 'feed'; lines: number }
  | { op: 'qr'; data: string; module: number; ecc: QrEcc }
  | { op: 'cut'; partial: boolean }
  | { op: 'status'; n: number }
  | { op: 'unknown'; bytes: number[] };

/** Lengths of fixed-size ESC commands the decoder skips without meaning (ESC x → total bytes). */
const ESC_SKIP: Record<number, number> = { 0x32: 2, 0x33: 3, 0x4a: 3, 0x4d: 3, 0x74: 3, 0x2d: 3, 0x47: 3, 0x52: 3 };
const NEED_MORE = -1;

export class EscPosDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private kanji = false;
  private qrData: Uint8Array = new Uint8Array();
  private qrModule = 3;
  private qrEcc: QrEcc = 'L';

  /** Decodes what can be decoded; an incomplete command or text run waits for the next chunk. */
  push(chunk: Uint8Array): EscPosOp[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    const ops: EscPosOp[] = [];
    let i = 0;
    while (i < this.pending.length) {
      const used = this.step(this.pending, i, ops, false);
      if (used === NEED_MORE) break;
      i += used;
    }
    this.pending = this.pending.subarray(i);
    return ops;
  }

  /** Ends the stream: a trailing text run without LF is still text. */
  end(): EscPosOp[] {
    const ops: EscPosOp[] = [];
    let i = 0;
    while (i < this.pending.length) {
      const used = this.step(this.pending, i, ops, true);
      if (used === NEED_MORE) {
        ops.push({ op: 'unknown', bytes: [...this.pending.subarray(i)] });
        break;
      }
      i += used;
    }
    this.pending = Buffer.alloc(0);
    return ops;
  }

  private step(b: Buffer, i: number, ops: EscPosOp[], final: boolean): number {
    const c = b[i]!;
    if (c >= 0x20) return this.textRun(b, i, ops, final);
    if (c === LF) return (ops.push({ op: 'newline' }), 1);
    if (c === 0x0d) return 1;
    if (c === ESC) return this.esc(b, i, ops);
    if (c === GS) return this.gs(b, i, ops);
    if (c === FS) return this.fs(b, i, ops);
    if (c === DLE) {
      if (i + 2 >= b.length) return NEED_MORE;
      if (b[i + 1] === EOT) return (ops.push({ op: 'status', n: b[i + 2]! }), 3);
      return (ops.push({ op: 'unknown', bytes: [...b.subarray(i, i + 3)] }), 3);
    }
    return (ops.push({ op: 'unknown', bytes: [c] }), 1);
  }

  private textRun(b: Buffer, i: number, ops: EscPosOp[], final: boolean): number {
    let j = i;
    while (j < b.length && b[j]! >= 0x20) j++;
    if (j === b.length && !final) return NEED_MORE; // a multi-byte character may continue
    const bytes = b.subarray(i, j);
    ops.push({ op: 'text', text: this.kanji ? decodeGb18030(bytes) : bytes.toString('latin1') });
    return j - i;
  }

  private esc(b: Buffer, i: number, ops: EscPosOp[]): number {
    const x = b[i + 1];
    if (x === undefined) return NEED_MORE;
    if (x === 0x40) {
      this.kanji = false;
      return (ops.push({ op: 'init' }), 2);
    }
    const skip = ESC_SKIP[x];
    const len = skip ?? 3;
    if (i + len > b.length) return NEED_MORE;
    const n = b[i + 2]!;
    if (x === 0x61) ops.push({ op: 'align', align: ALIGNS[n % 48] ?? 'left' });
    else if (x === 0x45) ops.push({ op: 'bold', on: (n & 1) === 1 });
    else if (x === 0x64) ops.push({ op: 'feed', lines: n });
    else if (x === 0x21) ops.push({ op: 'size', width: n & 0x20 ? 2 : 1, height: n & 0x10 ? 2 : 1 });
    else if (skip === undefined) return (ops.push({ op: 'unknown', bytes: [ESC, x] }), 2);
    return len;
  }

  private gs(b: Buffer, i: number, ops: EscPosOp[]): number {
    const x = b[i + 1];
    if (x === undefined) return NEED_MORE;
    if (x === 0x21) {
      if (i + 3 > b.length) return NEED_MORE;
      const n = b[i + 2]!;
      return (ops.push({ op: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 }), 3);
    }
    if (x === 0x56) {
      const m = b[i + 2];
      if (m === undefined) return NEED_MORE;
      const withFeed = m === 65 || m === 66;
      if (withFeed && i + 4 > b.length) return NEED_MORE;
      ops.push({ op: 'cut', partial: m === 1 || m === 49 || m === 66 });
      return withFeed ? 4 : 3;
    }
    if (x === 0x28 && b[i + 2] === 0x6b) return this.symbol(b, i, ops);
    if (x === 0x28 && i + 2 >= b.length) return NEED_MORE;
    if (i + 3 > b.length) return NEED_MORE;
    return (ops.push({ op: 'unknown', bytes: [...b.subarray(i, i + 3)] }), 3);
  }

  /** GS ( k pL pH cn fn …: QR Code (cn 49) functions; other symbols are skipped by their length. */
  private symbol(b: Buffer, i: number, ops: EscPosOp[]): number {
    if (i + 5 > b.length) return NEED_MORE;
    const len = b[i + 3]! | (b[i + 4]! << 8);
    const total = 5 + len;
    if (i + total > b.length) return NEED_MORE;
    const cn = b[i + 5];
    const fn = b[i + 6];
    const params = b.subarray(i + 7, i + total);
    if (cn !== 49) return (ops.push({ op: 'unknown', bytes: [...b.subarray(i, i + 7)] }), total);
    if (fn === 67) this.qrModule = params[0] ?? this.qrModule;
    else if (fn === 69) this.qrEcc = ECC_OF_CODE[params[0] ?? 48] ?? 'L';
    else if (fn === 80) this.qrData = new Uint8Array(params.subarray(1));
    else if (fn === 81)
      ops.push({
        op: 'qr',
        data: new TextDecoder().decode(this.qrData),
        module: this.qrModule,
        ecc: this.qrEcc,
      });
    return total;
  }

  private fs(b: Buffer, i: number, ops: EscPosOp[]): number {
    const x = b[i + 1];
    if (x === undefined) return NEED_MORE;
    if (x === 0x26 || x === 0x2e) {
      this.kanji = x === 0x26;
      return (ops.push({ op: 'kanji', on: this.kanji }), 2);
    }
    if (i + 3 > b.length) return NEED_MORE;
    if (x === 0x21) {
      const n = b[i + 2]!;
      return (ops.push({ op: 'size', width: n & 0x04 ? 2 : 1, height: n & 0x08 ? 2 : 1 }), 3);
    }
    return (ops.push({ op: 'unknown', bytes: [...b.subarray(i, i + 3)] }), 3);
  }
}

export function decodeAll(bytes: Uint8Array): EscPosOp[] {
  const d = new EscPosDecoder();
  return [...d.push(bytes), ...d.end()];
}
