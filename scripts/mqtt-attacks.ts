// What an insider on the hall LAN can throw at the MQTT broker without credentials (issue 23), for the
// fuzz test, the limits test and `npm run load -- --attack`: raw TCP connections that send a CONNECT
// declaring 256 MB and then stream junk as fast as the broker takes it.
import { connect } from 'node:net';

export interface FloodResult {
  /** Bytes each connection got written before the broker closed it (or the bound was reached). */
  written: number[];
  /** How long each connection stayed open, ms. */
  openMs: number[];
  /** How many the broker closed (the rest hit the byte or time bound while still open). */
  closedByBroker: number;
}

/** The fixed header of a CONNECT declaring the largest remaining length MQTT can express (256 MB). */
export const HUGE_CONNECT_HEADER = Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f]);

/**
 * Opens `connections` at once; each sends the huge CONNECT header, then junk in 64 KB writes (waiting
 * for the socket to drain) until the broker closes it, `maxBytes` are written, or `maxMs` pass.
 */
export async function connectFlood(
  port: number,
  o: { connections: number; maxBytes: number; maxMs: number; host?: string },
): Promise<FloodResult> {
  const junk = Buffer.alloc(64 * 1024, 0x5a);
  const one = () =>
    new Promise<{ written: number; ms: number; closed: boolean }>((resolve) => {
      const t0 = performance.now();
      let written = 0;
      let closed = false;
      const sock = connect(port, o.host ?? '127.0.0.1');
      const finish = () => {
        clearTimeout(timer);
        sock.destroy();
        resolve({ written, ms: performance.now() - t0, closed });
      };
      const timer = setTimeout(finish, o.maxMs);
      sock.on('error', () => {});
      sock.on('close', () => {
        closed = true;
        finish();
      });
      const pump = () => {
        while (!sock.destroyed && written < o.maxBytes) {
          written += junk.length;
          if (!sock.write(junk)) return void sock.once('drain', pump);
        }
        if (written >= o.maxBytes) finish();
      };
      sock.on('connect', () => {
        sock.write(HUGE_CONNECT_HEADER);
        written += HUGE_CONNECT_HEADER.length;
        pump();
      });
    });
  const all = await Promise.all(Array.from({ length: o.connections }, one));
  return {
    written: all.map((r) => r.written),
    openMs: all.map((r) => r.ms),
    closedByBroker: all.filter((r) => r.closed).length,
  };
}

/** The server's resident memory from its own /metrics, in bytes (null when it does not answer). */
export async function serverRss(baseUrl: string): Promise<number | null> {
  const text = await fetch(`${baseUrl}/metrics`).then(
    (r) => r.text(),
    () => '',
  );
  const v = Number(/^process_resident_memory_bytes (\S+)$/m.exec(text)?.[1]);
  return Number.isFinite(v) && v > 0 ? v : null;
}
