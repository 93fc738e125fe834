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

export class VirtualPrinter extends EventEmitter<{ ticket: [PrintedTicketRecord] }> {
  readonly printed: PrintedTicketRecord[] = [];
  condition: PrinterCondition = { paperOut: false, paperNearEnd: false, coverOpen: false, error: false };
  /** Off: connections are dropped at once, as with a printer that is switched off. */
  online = true;
  /** Status requests received (a test can see that the hall asked before printing). */
  statusRequests = 0;
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
    socket.on('data', (chunk) => {
      for (const op of decoder.push(chunk)) {
        if (op.op === 'status') {
          this.statusRequests++;
          socket.write(Buffer.from([statusByte(op.n, this.condition)]));
        } else if (this.canPrint()) {
          // A printer without paper prints nothing; what it was sent is lost, as on the real device.
          for (const doc of paper.push([op])) this.record(doc);
        }
      }
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
