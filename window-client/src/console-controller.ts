// The console's live state over socket.io /window: a full state on every (re)connect, then deltas.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { ClientEvents, ServerEvents, SessionEndedEvent, WindowConsoleState } from '../../server/protocol/socket';
import type { ServiceView, TicketView, WindowView } from '../../server/protocol/views';

export type Connection = 'connecting' | 'online' | 'offline' | 'refused';

export class ConsoleController implements ReactiveController {
  state: WindowConsoleState | null = null;
  connection: Connection = 'connecting';
  private socket: Socket<ServerEvents<'/window'>, ClientEvents<'/window'>> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly token: string,
    /** The server refused the token, or ended the session (with its message, e.g. 值班长已将本窗口签退). */
    private readonly onRefused: (code: string, message?: string) => void,
    private readonly onChange: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const s: Socket<ServerEvents<'/window'>, ClientEvents<'/window'>> = io('/window', {
      auth: { token: this.token },
      transports: ['websocket', 'polling'],
      reconnectionDelayMax: 2000,
    });
    this.socket = s;
    s.on('connect', () => this.update({ connection: 'online' }));
    s.on('disconnect', () => this.update({ connection: 'offline' }));
    s.on('connect_error', (e: Error & { data?: { code?: string } }) => {
      if (e.data?.code) {
        this.update({ connection: 'refused' });
        this.onRefused(e.data.code);
      } else this.update({ connection: 'offline' });
    });
    // The session ended (logout elsewhere, sign-out, revocation, expiry): the server closes the socket after this.
    s.on('session.ended', (e: SessionEndedEvent) => {
      this.update({ connection: 'refused' });
      this.onRefused('UNAUTHORIZED', e.reason === 'logout' ? undefined : e.message);
    });
    s.on('state', (st: WindowConsoleState) => this.update({ state: st }));
    s.on('window', (w: WindowView) => this.state && this.update({ state: { ...this.state, window: w } }));
    s.on('held', (held: TicketView[]) => this.state && this.update({ state: { ...this.state, held } }));
    s.on('queues', (services: ServiceView[]) => this.state && this.update({ state: { ...this.state, services } }));
  }

  hostDisconnected(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  private update(p: Partial<Pick<ConsoleController, 'state' | 'connection'>>): void {
    Object.assign(this, p);
    this.onChange();
    this.host.requestUpdate();
  }
}
