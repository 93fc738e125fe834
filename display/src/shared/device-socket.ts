// A hall screen's live connection: socket.io to its namespace with its device token, reconnecting by itself;
// `status` hears whether it is online, and the server's refusal message when the token is refused.
import { io, type Socket } from 'socket.io-client';
import type { ConnectError } from './device-api';
import type { ClientEvents, Namespace, ServerEvents } from '../../../server/protocol/socket';

/** A socket typed with its namespace's events (server/protocol/socket.ts). */
export type LiveSocket<N extends Namespace> = Socket<ServerEvents<N>, ClientEvents<N>>;

/**
 * `retryRefusedMs`: socket.io does not retry a connection the server refused (a bad token); a screen that
 * must recover by itself (a TV board, a window screen) tries again this often, in case the hall's config is
 * being fixed. The socket's own `disconnect()` also ends these retries.
 */
export function deviceSocket<N extends Namespace>(
  namespace: N,
  auth: Record<string, unknown>,
  status: (online: boolean, refused: string | null) => void,
  retryRefusedMs?: number,
): LiveSocket<N> {
  const s: LiveSocket<N> = io(namespace, { auth, transports: ['websocket', 'polling'], reconnectionDelayMax: 3000 });
  let retry: ReturnType<typeof setTimeout> | null = null;
  s.on('connect', () => status(true, null));
  s.on('disconnect', (reason) => {
    status(false, null);
    // The server closed it (a live settings change: a revoked token, another zone): socket.io would not try
    // again, so the screen does, and is refused (shown) or bound anew.
    if (reason === 'io server disconnect')
      retry ??= setTimeout(() => {
        retry = null;
        s.connect();
      }, 1000);
  });
  s.on('connect_error', (e: ConnectError) => {
    const refused = e.data?.code ? e.message : null;
    status(false, refused);
    if (refused && retryRefusedMs)
      retry ??= setTimeout(() => {
        retry = null;
        s.connect();
      }, retryRefusedMs);
  });
  const disconnect = s.disconnect.bind(s);
  s.disconnect = () => {
    if (retry) clearTimeout(retry);
    retry = null;
    return disconnect();
  };
  return s;
}
