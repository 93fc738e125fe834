// MQTT over TLS for the embedded broker: the same broker and the same device logins and topic rules as the
// plain listener, behind the hall's certificate (server.tls), so device tokens do not cross the LAN in clear.
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createServer, type TLSSocket } from 'node:tls';

export interface MqttsListener {
  port: number;
  /** Stops listening and drops the devices still connected (the server is going away). */
  close(): Promise<void>;
}

export async function listenMqtts(
  handle: (stream: Duplex) => void,
  cert: { cert: string; key: string },
  port: number,
  host: string,
): Promise<MqttsListener> {
  const open = new Set<TLSSocket>();
  const server = createServer({ cert: cert.cert, key: cert.key, minVersion: 'TLSv1.2' }, (socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
    handle(socket);
  });
  // A client that fails the handshake (an untrusting device, a port scan) is its own problem, not the broker's.
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of open) s.destroy();
      }),
  };
}
