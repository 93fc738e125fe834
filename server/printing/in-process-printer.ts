// A printer run inside the hall's process (the demo's `virtual: true` printers): what printing needs of it,
// so that the start entry supplies one (devices/virtual-printer.ts) and nothing under server/ loads it.
import type { PrintedDoc } from '../../devices/escpos/document';

/**
 * A printer that runs inside the hall's process, for a `virtual: true` printer (demos): it listens on
 * host:port like a network printer and keeps what it printed for the /printers/{id} page. The start entry
 * supplies it (devices/virtual-printer.ts), so the hall's library code never loads the simulator.
 */
export interface InProcessPrinter {
  readonly printed: readonly { doc: PrintedDoc }[];
  /** Listens; resolves with the port it got. */
  start(port: number, host: string): Promise<number>;
  stop(): Promise<void>;
  on(event: 'ticket', fn: () => void): unknown;
}
export type InProcessPrinterFactory = (printerId: string) => InProcessPrinter;
