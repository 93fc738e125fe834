// A hall screen's live connection: socket.io to its namespace with its device token, reconnecting by itself;
// `status` hears whether it is online, and the server's refusal message when the token is refused.
import { io, type Socket } from 'socket.io-client';
import type { ConnectError } from './device-api';

export function deviceSocket(
  namespace: string,
  auth: Record<string, unknown>,
  status: (online: boolean, refused: string | null) => void,
): Socket {
  const s = io(namespace, { auth, transports: ['websocket', 'polling'], reconnectionDelayMax: 3000 });
  s.on('connect', () => status(true, null));
  s.on('disconnect', () => status(false, null));
  s.on('connect_error', (e: ConnectError) => status(false, e.data?.code ? e.message : null));
  return s;
}
