// The one live-state controller every browser app uses: socket.io to its namespace with its token, a full
// `state` on every (re)connect, then deltas applied to it; socket.io reconnects by itself after a network blip
// or a server restart. A refused token (the server's `connect_error` with a code) is not retried by
// socket.io: a device screen that must heal by itself retries with a slow back-off; a staff page hears the
// refusal and asks for a login. `session.ended` (staff) ends the connection with the server's message.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientEvents,
  ClientToServer,
  HandshakeAuth,
  Namespace,
  ServerEvents,
  ServerToClient,
  SessionEndedEvent,
} from '../../../server/protocol/socket';

export type Connection = 'connecting' | 'online' | 'offline' | 'refused';

type Events<N extends Namespace> = ServerToClient[N];
export type StateOf<N extends Namespace> = Events<N> extends { state: infer S } ? S : never;
type Delta<N extends Namespace> = Exclude<keyof Events<N>, 'state' | 'session.ended'>;

/** Why the server will not talk to this page: a refused handshake, or the staff session ended. */
export interface Refusal {
  code: string;
  message: string;
  /** Set when the session ended (`session.ended`), e.g. `signed_out`. */
  reason?: SessionEndedEvent['reason'];
}

/** socket.io's client socket typed with its namespace's events (server/protocol/socket.ts). */
export type TypedSocket<N extends Namespace> = Socket<ServerEvents<N>, ClientEvents<N>>;

/**
 * The part of a socket.io client socket the controller uses (a fake one in unit tests). Events are typed
 * where the controller meets them: `patch`/`listen` by ServerToClient[N], `emit` by ClientToServer[N].
 */
export interface LiveSocket {
  readonly connected: boolean;
  on(event: string, listener: (payload: never) => void): unknown;
  emit(event: string, payload: unknown): unknown;
  connect(): unknown;
  disconnect(): unknown;
}

export interface LiveOptions<N extends Namespace> {
  namespace: N;
  auth: HandshakeAuth;
  /** How each delta changes the state. A delta before the first full state is dropped: the state has it. */
  patch?: { [E in Delta<N>]?: (state: StateOf<N>, payload: Events<N>[E]) => StateOf<N> };
  /** Side effects of an event (a sound, a vibration), told the state before the event and after it. */
  listen?: {
    [E in keyof Events<N>]?: (payload: Events<N>[E], before: StateOf<N> | null, after: StateOf<N> | null) => void;
  };
  /**
   * Retry a refused token after `firstMs`, doubling up to `maxMs` (the hall's config may be being fixed; a
   * screen nobody touches must heal by itself without hammering the server). Unset: no retry.
   */
  retryRefused?: { firstMs: number; maxMs: number };
  onRefused?: (r: Refusal) => void;
  /** Every (re)connect, before the state arrives (e.g. tell the server again what it forgot on a restart). */
  onConnect?: (socket: LiveSocket) => void;
  /** Every change of state or connection, after the host was asked to update. */
  onChange?: () => void;
  /** Tests pass a fake socket; the apps use socket.io. */
  socket?: (namespace: N, auth: HandshakeAuth) => LiveSocket;
}

/** A device screen's refused token is tried again after 10 s, then slower: the hall's config may be being fixed. */
export const REFUSED_RETRY = { firstMs: 10_000, maxMs: 120_000 };

function socketIo<N extends Namespace>(namespace: N, auth: HandshakeAuth): LiveSocket {
  const s: TypedSocket<N> = io(namespace, {
    auth: { ...auth },
    transports: ['websocket', 'polling'],
    reconnectionDelayMax: 3000,
  });
  return s as unknown as LiveSocket;
}

export class LiveState<N extends Namespace> implements ReactiveController {
  state: StateOf<N> | null = null;
  connection: Connection = 'connecting';
  refusal: Refusal | null = null;
  private socket: LiveSocket | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private retryMs = 0;
  private ended = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly opts: LiveOptions<N>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const o = this.opts;
    const s = (o.socket ?? socketIo)(o.namespace, o.auth);
    this.socket = s;
    this.ended = false;
    this.retryMs = o.retryRefused?.firstMs ?? 0;
    s.on('connect', () => {
      this.retryMs = o.retryRefused?.firstMs ?? 0;
      this.set('online', null);
      o.onConnect?.(s);
    });
    // The disconnect that follows session.ended must not hide its message.
    s.on('disconnect', (reason: string) => {
      if (this.ended) return;
      this.set('offline', null);
      // The server closed it without ending a session (a live settings change: a revoked device token,
      // another zone): socket.io would not try again, so the screen does, and is refused (shown) or bound anew.
      if (reason === 'io server disconnect' && !this.retry)
        this.retry = setTimeout(() => {
          this.retry = null;
          this.socket?.connect();
        }, 1000);
    });
    s.on('connect_error', (e: Error & { data?: { code?: string } }) => {
      const code = e.data?.code;
      if (!code) return this.set('offline', null);
      this.refuse({ code, message: e.message });
      this.scheduleRetry();
    });
    s.on('session.ended', (e: SessionEndedEvent) => {
      this.ended = true;
      this.refuse({ code: e.code, message: e.message, reason: e.reason });
    });
    s.on('state', (st: StateOf<N>) => this.apply('state', st, () => st));
    for (const [event, fn] of Object.entries(o.patch ?? {}) as [string, (st: unknown, p: unknown) => StateOf<N>][])
      s.on(event, (payload: unknown) => this.apply(event, payload, (st) => (st === null ? null : fn(st, payload))));
    for (const event of Object.keys(o.listen ?? {}))
      if (event !== 'state' && !(event in (o.patch ?? {})))
        s.on(event, (payload: unknown) => this.apply(event, payload, (st) => st));
  }

  hostDisconnected(): void {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Send to the server over the live connection (dropped while offline). */
  emit<E extends keyof ClientToServer[N] & string>(event: E, payload: ClientToServer[N][E]): boolean {
    if (!this.socket?.connected) return false;
    this.socket.emit(event, payload);
    return true;
  }

  private apply(event: string, payload: unknown, next: (st: StateOf<N> | null) => StateOf<N> | null): void {
    const before = this.state;
    this.state = next(before);
    const listen = (this.opts.listen as Record<string, ((p: unknown, b: unknown, a: unknown) => void) | undefined>)?.[
      event
    ];
    if (listen && (event === 'state' || before !== null)) listen(payload, before, this.state);
    this.changed();
  }

  private refuse(r: Refusal): void {
    this.set('refused', r);
    this.opts.onRefused?.(r);
  }

  private scheduleRetry(): void {
    const r = this.opts.retryRefused;
    if (!r || this.retry || this.ended || !this.socket) return;
    const wait = this.retryMs;
    this.retryMs = Math.min(wait * 2, r.maxMs);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.socket?.connect();
    }, wait);
  }

  private set(connection: Connection, refusal: Refusal | null): void {
    this.connection = connection;
    this.refusal = refusal;
    this.changed();
  }

  private changed(): void {
    this.host.requestUpdate();
    this.opts.onChange?.();
  }
}
