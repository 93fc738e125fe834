// A window screen's live state: socket.io /screen, a full state on every (re)connect, then the window's
// calls and changes; reconnects by itself after a network blip or a server restart, like the board.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io, type Socket } from 'socket.io-client';
import type { WindowScreenState } from '../../../server/protocol/socket';
import type { CallView } from '../../../server/protocol/views';

export type Connection = 'connecting' | 'online' | 'offline' | 'refused';

export class ScreenController implements ReactiveController {
  state: WindowScreenState | null = null;
  connection: Connection = 'connecting';
  error: string | null = null;
  /** When the current call arrived (performance.now()), for the flashing. */
  calledAt = 0;
  private socket: Socket | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly auth: { token: string; windowNo?: number },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const s = io('/screen', { auth: this.auth, transports: ['websocket', 'polling'], reconnectionDelayMax: 3000 });
    this.socket = s;
    s.on('connect', () => this.set({ connection: 'online', error: null }));
    s.on('disconnect', () => this.set({ connection: 'offline' }));
    s.on('connect_error', (e: Error & { data?: { code?: string } }) => {
      if (e.data?.code) {
        this.set({ connection: 'refused', error: e.message });
        this.retry ??= setTimeout(() => {
          this.retry = null;
          s.connect();
        }, 10_000);
      } else this.set({ connection: 'offline' });
    });
    s.on('state', (st: WindowScreenState) => {
      this.state = st;
      this.host.requestUpdate();
    });
    s.on('call', (c: CallView) => {
      if (this.state) this.state = { ...this.state, lastCall: c };
      this.calledAt = performance.now();
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    if (this.retry) clearTimeout(this.retry);
    this.socket?.disconnect();
    this.socket = null;
  }

  private set(p: Partial<Pick<ScreenController, 'connection' | 'error'>>): void {
    Object.assign(this, p);
    this.host.requestUpdate();
  }
}
