// One conversation with a network ticket printer on TCP 9100, through the escpos project's network
// adapter: ask the status (DLE EOT), print only if the printer can, then ask again to confirm.
// Every step is bounded by a timeout: a printer that is off must never hold a kiosk up.
import Network from 'escpos-network';
import { parseStatus, PRINTABLE, STATUS_QUERY, type PrinterState } from './status';

export interface PrinterOutcome {
  state: PrinterState;
  /** Whether the job went to a printer that reported itself able to print it. */
  printed: boolean;
}

export interface PrinterAddress {
  host: string;
  port: number;
}

/** Reads the status, and prints `job` when given and the printer is able. Never rejects. */
export function printerSession(to: PrinterAddress, job: Uint8Array | null, timeoutMs = 3000): Promise<PrinterOutcome> {
  return new Promise((resolve) => {
    const link = new Network(to.host, to.port);
    let settled = false;
    let received = Buffer.alloc(0);
    let phase: 'before' | 'after' = 'before';
    const finish = (o: PrinterOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      link.close();
      resolve(o);
    };
    const timer = setTimeout(() => finish({ state: 'offline', printed: false }), timeoutMs);
    const ask = () => link.write(STATUS_QUERY, (err) => err && finish({ state: 'offline', printed: false }));

    link.open((err) => {
      if (err) return finish({ state: 'offline', printed: false });
      link.device?.once('close', () => finish({ state: 'offline', printed: false }));
      link.read((chunk) => {
        received = Buffer.concat([received, chunk]);
        if (received.length < 3) return; // one byte for each of the three requests
        const state = parseStatus(received.subarray(0, 3));
        received = received.subarray(3);
        if (phase === 'after') return finish({ state, printed: PRINTABLE.has(state) });
        if (!job || !PRINTABLE.has(state)) return finish({ state, printed: false });
        phase = 'after';
        link.write(job, (e) => (e ? finish({ state: 'offline', printed: false }) : ask()));
      });
      ask();
    });
  });
}
