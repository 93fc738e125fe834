// What one connection to the embedded broker can make the server hold, bounded before aedes sees a byte.
// mqtt-packet keeps a packet in memory until all of its declared length has arrived, and aedes queues
// every packet sent before its CONNACK: a CONNECT declaring 256 MB followed by a stream of junk was
// buffered whole, without credentials. This stream sits between the socket and aedes, reads the fixed
// header of each packet as the bytes pass (type and remaining length, never the body), and destroys the
// socket as soon as a declared length is over the limit, the first packet is not a CONNECT, too many
// bytes come before the client is admitted, or admission does not come in time. It passes bytes on as
// they arrive and pauses the socket while aedes is not reading, so nothing piles up here either.
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';

export interface ConnectionLimits {
  /** Largest packet (remaining length) before the client is admitted: its CONNECT, and anything pipelined. */
  preAdmitPacketBytes: number;
  /** All bytes a client may send before it is admitted. */
  preAdmitTotalBytes: number;
  /** Largest packet once admitted: the HTTP body limit, far above any hall payload. */
  packetBytes: number;
  /** From TCP accept to a CONNECT accepted (CONNACK sent). */
  admitWithinMs: number;
}

export const CONNECTION_LIMITS: ConnectionLimits = {
  // A hall device's CONNECT is its id (≤ 64), token (≤ 256), client id and a small last will.
  preAdmitPacketBytes: 4 * 1024,
  preAdmitTotalBytes: 16 * 1024,
  packetBytes: 256 * 1024,
  admitWithinMs: 5_000,
};

const CONNECT = 1;

export class GuardedConnection extends Duplex {
  private admittedYet = false;
  private beforeAdmit = 0;
  private packets = 0;
  // Where the scan stands in the packet stream: in a fixed header (its length bytes) or in a body.
  private inHeader = false;
  private length = 0;
  private lengthShift = 1;
  private lengthBytes = 0;
  private bodyLeft = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    readonly socket: Socket,
    private readonly limits: ConnectionLimits,
    private readonly onCut: (reason: string) => void,
  ) {
    super({ allowHalfOpen: false });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.push(null));
    socket.on('error', (e) => this.destroy(e));
    socket.on('close', () => this.destroy());
    this.timer = setTimeout(
      () => this.cut(`no CONNECT accepted within ${limits.admitWithinMs} ms`),
      limits.admitWithinMs,
    );
    this.timer.unref();
  }

  get remoteAddress(): string | undefined {
    return this.socket.remoteAddress;
  }

  /** The broker accepted this client's CONNECT: the larger packet limit applies from now on. */
  admit(): void {
    if (this.admittedYet) return;
    this.admittedYet = true;
    clearTimeout(this.timer);
    this.emit('admitted');
  }

  private onData(chunk: Buffer): void {
    if (this.destroyed) return;
    if (!this.admittedYet) {
      this.beforeAdmit += chunk.length;
      if (this.beforeAdmit > this.limits.preAdmitTotalBytes)
        return this.cut(`over ${this.limits.preAdmitTotalBytes} bytes before CONNACK`);
    }
    const problem = this.scan(chunk);
    if (problem) return this.cut(problem);
    if (!this.push(chunk)) this.socket.pause();
  }

  /** Follows packet boundaries through the chunk; returns why the connection must go, if it must. */
  private scan(chunk: Buffer): string | null {
    let i = 0;
    while (i < chunk.length) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, chunk.length - i);
        this.bodyLeft -= n;
        i += n;
        continue;
      }
      const b = chunk[i++]!;
      if (!this.inHeader) {
        if (this.packets === 0 && b >> 4 !== CONNECT) return 'the first packet is not a CONNECT';
        this.inHeader = true;
        this.length = 0;
        this.lengthShift = 1;
        this.lengthBytes = 0;
        continue;
      }
      this.length += (b & 0x7f) * this.lengthShift;
      this.lengthShift *= 128;
      this.lengthBytes++;
      // The length only grows with further bytes, so a partial one already over the limit is final.
      const limit = this.admittedYet ? this.limits.packetBytes : this.limits.preAdmitPacketBytes;
      if (this.length > limit) return `a packet declaring ${this.length}+ bytes (limit ${limit})`;
      if (b & 0x80) {
        if (this.lengthBytes === 4) return 'a malformed remaining length';
        continue;
      }
      this.inHeader = false;
      this.bodyLeft = this.length;
      this.packets++;
    }
    return null;
  }

  private cut(reason: string): void {
    if (this.destroyed) return;
    this.onCut(reason);
    this.socket.destroy();
    this.destroy();
  }

  override _read(): void {
    this.socket.resume();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (e?: Error | null) => void): void {
    this.socket.write(chunk, cb);
  }

  override _final(cb: (e?: Error | null) => void): void {
    this.socket.end(() => cb());
  }

  override _destroy(e: Error | null, cb: (e?: Error | null) => void): void {
    clearTimeout(this.timer);
    this.socket.destroy();
    cb(e);
  }
}
