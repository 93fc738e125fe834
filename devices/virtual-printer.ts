// A virtual ESC/POS network printer: listens on TCP like a real one on port 9100, answers DLE EOT status
// requests from its condition (paper out, cover open…), and turns what it receives into documents
// through the decoder. Tests, demos and `npm start` print to it.
import { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { EscPosDecoder } from './escpos/decoder';
import { DocAssembler, type PrintedDoc } from './escpos/document';
import { statusByte, type PrinterCondition } from './escpos/status';

export interface PrintedTicketRecord {
  at: number;
  doc: PrintedDoc;
}

const KEEP = 50;

/**
 * Network faults a test can switch on: `mid-job` answers the status, then drops the connection halfway
 * through the ticket (a printer rebooting, a cable pulled); `silent` accepts and never answers (a hung
 * printer); `flaky` drops every other connection mid-job.
 */
export type PrinterFault = 'none' | 'mid-job' | 'silent' | 'flaky';

export class VirtualPrinter extends EventEmitter<{ ticket: [PrintedTicketRecord] }> {
  readonly printed: PrintedTicketRecord[] = [];
  condition: PrinterCondition = { paperOut: false, paperNearEnd: false, coverOpen: false, error: false };
  /** Off: connections are dropped at once, as with a printer that is switched off. */
  online = true;
  /** Status requests received (a test can see that the hall asked before printing). */
  statusRequests = 0;
  fault: PrinterFault = 'none';
  /** Connections accepted, for `flaky`. */
  private connections = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();

  constructor(readonly name = 'virtual-printer') {
    super();
  }

  async start(port = 9100, host = '127.0.0.1'): Promise<number> {
    const server = createServer((s) => this.accept(s));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  set(c: Partial<PrinterCondition>): void {
    this.condition = { ...this.condition, ...c };
  }

  private canPrint(): boolean {
    const c = this.condition;
    return !c.paperOut && !c.coverOpen && !c.error;
  }

  private accept(socket: Socket): void {
    if (!this.online) return void socket.destroy();
    this.sockets.add(socket);
    const decoder = new EscPosDecoder();
    const paper = new DocAssembler();
    const drop = this.fault === 'mid-job' || (this.fault === 'flaky' && this.connections++ % 2 === 1);
    const silent = this.fault === 'silent';
    let chunks = 0;
    socket.on('data', (chunk) => {
      if (silent) return;
      // The hall asks the status and waits for the answer before it sends the ticket: the second chunk
      // is the ticket. Half of it reaches the paper; then the line goes dead.
      const cut = drop && ++chunks === 2;
      if (cut) chunk = chunk.subarray(0, chunk.length >> 1);
      for (const op of decoder.push(chunk)) {
        if (op.op === 'status') {
          this.statusRequests++;
          socket.write(Buffer.from([statusByte(op.n, this.condition)]));
        } else if (this.canPrint()) {
          // A printer without paper prints nothing; what it was sent is lost, as on the real device.
          for (const doc of paper.push([op])) this.record(doc);
        }
      }
      if (cut) socket.destroy();
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.sockets.delete(socket));
  }

  private record(doc: PrintedDoc): void {
    const rec = { at: Date.now(), doc };
    this.printed.push(rec);
    if (this.printed.length > KEEP) this.printed.shift();
    this.emit('ticket', rec);
  }
}
