// Types for escpos-network (the escpos project's TCP adapter), which ships none.
declare module 'escpos-network' {
  import type { EventEmitter } from 'node:events';
  import type { Socket } from 'node:net';
  class Network extends EventEmitter {
    constructor(address: string, port?: number);
    device: Socket | null;
    open(callback?: (err: Error | undefined, device: Socket) => void): this;
    write(data: Uint8Array, callback?: (err?: Error | null) => void): this;
    read(callback: (buf: Buffer) => void): this;
    close(callback?: (err: null, device: Socket | null) => void): this;
  }
  export = Network;
}
