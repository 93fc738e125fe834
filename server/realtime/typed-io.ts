// socket.io typed with the hall's event map (protocol/socket.ts): the server as a whole, and each namespace
// with its own events, as the realtime adapter uses them.
import type { Namespace as IoNamespace, Server, Socket } from 'socket.io';
import type { Principal } from '../core/staff';
import type { AnyClientEvents, AnyServerEvents, ClientEvents, Namespace, ServerEvents } from '../protocol/socket';

/** Who a socket is and what it watches, from its handshake. */
export interface Bound {
  principal: Principal | null;
  zone: string | null;
  windowNo: number | null;
  ticketId: string | null;
}

/** What the handshake bound a socket to (set by the namespace's middleware before it connects). */
export interface SocketData {
  bound: Bound;
}
/** No events between socket.io servers: one hall, one process. */
export type NoEvents = Record<never, never>;
/** One namespace with its own events (protocol/socket.ts); socket.io types all of a server's namespaces alike. */
export type HallNamespace<N extends Namespace> = IoNamespace<ClientEvents<N>, ServerEvents<N>, NoEvents, SocketData>;
export type HallSocket<N extends Namespace> = Socket<ClientEvents<N>, ServerEvents<N>, NoEvents, SocketData>;
export type HallIo = Server<AnyClientEvents, AnyServerEvents, NoEvents, SocketData>;
