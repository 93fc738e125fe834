// Printer status through DLE EOT (real-time status transmission). Each request n is answered with one
// byte whose bits 1 and 4 are always 1 and bits 0 and 7 always 0 (Epson ESC/POS reference).
import { statusRequest } from './commands';
import type { PrinterState } from '../../server/protocol/printer-state';

export { PRINTABLE, type PrinterState } from '../../server/protocol/printer-state';

export interface PrinterCondition {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** An auto-cutter or unrecoverable error. */
  error: boolean;
}

/** The three requests the hall asks before every ticket: printer, offline cause, paper sensor. */
export const STATUS_QUERY = Buffer.from([...statusRequest(1), ...statusRequest(2), ...statusRequest(4)]);

const FIXED = 0x12;
const isStatusByte = (b: number | undefined): b is number => b !== undefined && (b & 0x93) === FIXED;

/** The printer's answer to DLE EOT n for a condition (used by the virtual printer). */
export function statusByte(n: number, c: PrinterCondition): number {
  const offline = c.paperOut || c.coverOpen || c.error;
  switch (n) {
    case 1:
      return FIXED | (offline ? 0x08 : 0);
    case 2:
      return FIXED | (c.coverOpen ? 0x04 : 0) | (c.paperOut ? 0x20 : 0) | (c.error ? 0x40 : 0);
    case 3:
      return FIXED | (c.error ? 0x20 : 0);
    case 4:
      return FIXED | (c.paperNearEnd || c.paperOut ? 0x0c : 0) | (c.paperOut ? 0x60 : 0);
    default:
      return FIXED;
  }
}

/** Reads the answers to STATUS_QUERY (n = 1, 2, 4). Anything else is an error, not a guess. */
export function parseStatus(bytes: Uint8Array): PrinterState {
  const [printer, offline, paper] = bytes;
  if (!isStatusByte(printer) || !isStatusByte(offline) || !isStatusByte(paper)) return 'error';
  if (offline & 0x04) return 'cover_open';
  if ((offline & 0x20) !== 0 || (paper & 0x60) === 0x60) return 'paper_out';
  if (offline & 0x40) return 'error';
  if (printer & 0x08) return 'error';
  if ((paper & 0x0c) === 0x0c) return 'paper_near_end';
  return 'ok';
}
