// ESC/POS command bytes, written from the Epson ESC/POS command reference (TM series). The encoder
// builds tickets from these; the decoder reads the same commands back.

export const ESC = 0x1b;
export const GS = 0x1d;
export const FS = 0x1c;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

export type Align = 'left' | 'center' | 'right';
export const ALIGNS: readonly Align[] = ['left', 'center', 'right'];

/** ESC @: initialise the printer (clears modes and the buffer). */
export const init = (): number[] => [ESC, 0x40];

/** FS &: Kanji (here GB18030) character mode on; FS .: off. */
export const kanjiOn = (): number[] => [FS, 0x26];
export const kanjiOff = (): number[] => [FS, 0x2e];

/** ESC a n: justification, 0 left, 1 centre, 2 right. */
export const align = (a: Align): number[] => [ESC, 0x61, ALIGNS.indexOf(a)];

/** GS ! n: character size, width and height each 1–8 (high nibble width − 1, low nibble height − 1). */
export function size(width: number, height: number): number[] {
  const w = Math.min(8, Math.max(1, Math.round(width)));
  const h = Math.min(8, Math.max(1, Math.round(height)));
  return [GS, 0x21, ((w - 1) << 4) | (h - 1)];
}

/** ESC E n: emphasised (bold) on/off. */
export const bold = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];

/** ESC d n: print and feed n lines. */
export const feed = (lines: number): number[] => [ESC, 0x64, Math.min(255, Math.max(0, lines))];

/** GS V 66 n: feed n dots past the cutter, then partial cut. */
export const cut = (feedDots = 0): number[] => [GS, 0x56, 0x42, Math.min(255, Math.max(0, feedDots))];

export type QrEcc = 'L' | 'M' | 'Q' | 'H';
const ECC_CODE: Record<QrEcc, number> = { L: 48, M: 49, Q: 50, H: 51 };
export const ECC_OF_CODE: Record<number, QrEcc> = { 48: 'L', 49: 'M', 50: 'Q', 51: 'H' };

/** GS ( k <pL> <pH> cn fn …: a function of the 2D-code symbol family (cn 49 = QR Code). */
function gsParenK(fn: number, params: number[]): number[] {
  const len = params.length + 2; // cn + fn + parameters
  return [GS, 0x28, 0x6b, len & 0xff, len >> 8, 49, fn, ...params];
}

/** The five GS ( k functions that select model 2, set module size and error correction, store and print. */
export function qr(data: Uint8Array, moduleSize = 6, ecc: QrEcc = 'M'): number[] {
  if (data.length > 7089) throw new RangeError('QR data too long');
  return [
    ...gsParenK(65, [50, 0]), // fn 165: model 2
    ...gsParenK(67, [Math.min(16, Math.max(1, moduleSize))]), // fn 167: module size in dots
    ...gsParenK(69, [ECC_CODE[ecc]]), // fn 169: error correction level
    ...gsParenK(80, [48, ...data]), // fn 180: store the data in the symbol storage area
    ...gsParenK(81, [48]), // fn 181: print the stored symbol
  ];
}

/** DLE EOT n: real-time status, n = 1 printer, 2 offline cause, 3 error cause, 4 paper roll sensor. */
export const statusRequest = (n: 1 | 2 | 3 | 4): number[] => [DLE, EOT, n];
