// The console's live state over socket.io /window: a full state on every (re)connect, then deltas.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { WindowConsoleState } from '../../server/protocol/socket';
import type { ServiceView, TicketView, WindowView } from '../../server/protocol/views';

export type Connection = 'connecting' | 'online' | 'offline' | 'refused';

export class ConsoleController implements ReactiveController {
  state: WindowConsoleState | null = null;
  connection: Connection = 'connecting';
  private socket: Socket | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly token: string,
    private readonly onRefused: (code: string) => void,
    private readonly onChange: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const s = io('/window', {
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
