// A window screen's live state: socket.io /screen, a full state on every (re)connect, then the window's
// calls and changes; reconnects by itself after a network blip or a server restart, like the board.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deviceSocket, type LiveSocket } from '../shared/device-socket';
import type { WindowScreenState } from '../../../server/protocol/socket';
import type { CallView } from '../../../server/protocol/views';

export type Connection = 'connecting' | 'online' | 'offline' | 'refused';

/** A refused token is tried again this often: the hall's config may be being fixed. */
const REFUSED_RETRY_MS = 10_000;

export class ScreenController implements ReactiveController {
  state: WindowScreenState | null = null;
  connection: Connection = 'connecting';
  error: string | null = null;
  /** When the current call arrived (performance.now()), for the flashing. */
  calledAt = 0;
  private socket: LiveSocket<'/screen'> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly auth: { token: string; windowNo?: number },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const s = deviceSocket(
      '/screen',
      this.auth,
      (online, refused) =>
        this.set(
          online
            ? { connection: 'online', error: null }
            : refused
              ? { connection: 'refused', error: refused }
              : { connection: 'offline' },
        ),
      REFUSED_RETRY_MS,
    );
    this.socket = s;
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
    this.socket?.disconnect();
    this.socket = null;
  }

  private set(p: Partial<Pick<ScreenController, 'connection' | 'error'>>): void {
    Object.assign(this, p);
    this.host.requestUpdate();
  }
}
