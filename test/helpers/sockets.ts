// socket.io clients in integration tests.
import { io as connect, type Socket } from 'socket.io-client';

/**
 * Connects to a namespace and records every payload of the named events (`got.call` …), for assertions;
 * the socket goes into `sockets` so the test's cleanup disconnects it.
 */
export function recordEvents(
  url: string,
  ns: string,
  auth: Record<string, unknown>,
  events: string[],
  sockets: Socket[],
): Record<string, any[]> {
  const got: Record<string, any[]> = Object.fromEntries(events.map((e) => [e, []]));
  const sock = connect(`${url}${ns}`, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
  for (const e of events) sock.on(e, (x: unknown) => got[e]!.push(x));
  sockets.push(sock);
  return got;
}
