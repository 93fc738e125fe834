// The board's live state: a socket.io connection to /board that gets a full state on every (re)connect,
// then deltas. It reconnects by itself after a network blip or a server restart.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deviceSocket, type LiveSocket } from '../shared/device-socket';
import type { BoardState, PublicWindowView, VoiceReport } from '../../../server/protocol/socket';
import type { CallView, ServiceView } from '../../../server/protocol/views';

export type Connection = 'connecting' | 'online' | 'offline' | 'refused';

/** A refused token is tried again this often: the hall's config may be being fixed. */
const REFUSED_RETRY_MS = 10_000;

const RECENT = 12;

export class BoardController implements ReactiveController {
  state: BoardState | null = null;
  connection: Connection = 'connecting';
  error: string | null = null;
  /** The latest call, shown large until the next one. */
  current: CallView | null = null;
  private socket: LiveSocket<'/board'> | null = null;
  private voice: VoiceReport | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly auth: { token: string; zone?: string },
    private readonly onCall: (c: CallView) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const s = deviceSocket(
      '/board',
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
    // The server forgets a board's sound when it restarts: tell it again on every (re)connect.
    s.on('connect', () => {
      if (this.voice) s.emit('voice', this.voice);
    });
    s.on('state', (st: BoardState) => {
      this.state = st;
      this.current ??= st.recentCalls[0] ?? null;
      this.host.requestUpdate();
    });
    s.on('call', (c: CallView) => {
      if (!this.state) return;
      this.state = { ...this.state, recentCalls: [c, ...this.state.recentCalls].slice(0, RECENT) };
      this.current = c;
      this.onCall(c);
      this.host.requestUpdate();
    });
    s.on('window', (w: PublicWindowView) => {
      if (!this.state) return;
      this.state = { ...this.state, windows: this.state.windows.map((x) => (x.no === w.no ? w : x)) };
      this.host.requestUpdate();
    });
    s.on('queues', (services: ServiceView[]) => {
      if (!this.state) return;
      this.state = { ...this.state, services };
      this.host.requestUpdate();
    });
    s.on('notice', (notice: string) => {
      if (!this.state) return;
      this.state = { ...this.state, notice };
      this.host.requestUpdate();
    });
  }

  /** The board's sound changed (speaking, blocked…): supervisors see it in device health. */
  reportVoice(report: VoiceReport): void {
    if (this.voice?.state === report.state && this.voice.detail === report.detail) return;
    this.voice = report;
    if (this.socket?.connected) this.socket.emit('voice', report);
  }

  hostDisconnected(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  private set(p: Partial<Pick<BoardController, 'connection' | 'error'>>): void {
    Object.assign(this, p);
    this.host.requestUpdate();
  }
}
