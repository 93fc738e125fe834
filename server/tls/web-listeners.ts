// The hall's web ports. Without TLS, one plain HTTP server, as always. With TLS, the app and socket.io run
// on HTTPS, and the plain HTTP port hands what it may serve (plain-http.ts) to that same server, so one
// app and one socket.io engine see both doors and `socket.handshake.secure` tells them apart.
import { createServer as createHttpServer, type RequestListener, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { HallTls } from './hall-tls';
import { httpsOrigin, plainHttpAllows, refusePlain } from './plain-http';

/** A year; sent only when no page the hall prints a link to stays on plain HTTP (server.tls.ticketPage). */
const HSTS = 'max-age=31536000';

export interface WebListeners {
  /** Where the app and socket.io run: HTTPS when TLS is on, else plain HTTP. */
  main: HttpServer;
  /** Plain HTTP beside HTTPS: the public ticket page and redirects; null without TLS. */
  plain: HttpServer | null;
  /** Listens on both; resolves the ports actually bound (0 = any free port). */
  listen(host: string, port: number, tlsPort: number): Promise<{ port: number; tlsPort: number | null }>;
  close(): Promise<void>;
}

const listenOn = (s: HttpServer, port: number, host: string) =>
  new Promise<number>((resolve, reject) => {
    s.once('error', reject);
    s.listen(port, host, () => {
      s.off('error', reject);
      resolve((s.address() as AddressInfo).port);
    });
  });

/**
 * Closes a port and every connection on it, websockets too: `close()` waits for every socket the server
 * accepted, and an upgraded one (socket.io) is no longer an HTTP connection `closeAllConnections()` ends. The
 * HTTP adapter stops first, before socket.io's, so its sockets are cut here; screens then see the transport
 * close and reconnect by themselves when the hall is back.
 */
const closeServer = (s: HttpServer) =>
  new Promise<void>((resolve) => {
    s.close(() => resolve());
    s.closeAllConnections();
    for (const socket of openSockets.get(s) ?? []) socket.destroy();
  });

const openSockets = new WeakMap<HttpServer, Set<Socket>>();

/** Keeps the server's accepted sockets, upgraded or not, so that closing it can end them all. */
function tracked<S extends HttpServer>(s: S): S {
  const set = new Set<Socket>();
  openSockets.set(s, set);
  s.on('connection', (socket: Socket) => {
    set.add(socket);
    socket.once('close', () => set.delete(socket));
  });
  return s;
}

export function webListeners(
  app: RequestListener,
  tls: HallTls | null,
  opts: { hsts: boolean; fallbackOrigin: () => string },
): WebListeners {
  if (!tls) {
    const main = tracked(createHttpServer(app));
    return {
      main,
      plain: null,
      listen: async (host, port) => ({ port: await listenOn(main, port, host), tlsPort: null }),
      close: () => closeServer(main),
    };
  }
  const main: HttpServer = tracked(
    createHttpsServer(
      { cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' },
      opts.hsts
        ? (req, res) => {
            res.setHeader('strict-transport-security', HSTS);
            app(req, res);
          }
        : app,
    ),
  );
  let boundTlsPort = 0;
  const plain = tracked(
    createHttpServer((req, res) => {
      if (plainHttpAllows(req)) main.emit('request', req, res);
      else refusePlain(req, res, httpsOrigin(req, boundTlsPort, opts.fallbackOrigin()));
    }),
  );
  // socket.io's websocket upgrade over plain HTTP (the ticket page); its namespaces check the door.
  plain.on('upgrade', (req, socket, head) => main.emit('upgrade', req, socket, head));
  return {
    main,
    plain,
    async listen(host, port, tlsPort) {
      boundTlsPort = await listenOn(main, tlsPort, host);
      return { port: await listenOn(plain, port, host), tlsPort: boundTlsPort };
    },
    close: async () => {
      await Promise.all([closeServer(plain), closeServer(main)]);
    },
  };
}
