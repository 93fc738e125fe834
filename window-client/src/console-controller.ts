// The console's live state (the shared live-state controller on /window): a full state on every
// (re)connect, then deltas. A refused token or an ended session sends the clerk back to the login.
import type { ReactiveControllerHost } from 'lit';
import { LiveState } from '../../display/src/shared/live-state';

export type { Connection } from '../../display/src/shared/live-state';

export class ConsoleController {
  private readonly live: LiveState<'/window'>;

  constructor(
    private readonly host: ReactiveControllerHost,
    token: string,
    /** The server refused the token, or ended the session (with its message, e.g. 值班长已将本窗口签退). */
    onRefused: (code: string, message?: string) => void,
    onChange: () => void = () => {},
  ) {
    this.live = new LiveState(host, {
      namespace: '/window',
      auth: { token },
      onChange,
      onRefused: (r) =>
        r.reason
          ? onRefused('UNAUTHORIZED', r.reason === 'logout' ? undefined : r.message)
          : onRefused(r.code, undefined),
      patch: {
        window: (st, window) => ({ ...st, window }),
        held: (st, held) => ({ ...st, held }),
        queues: (st, services) => ({ ...st, services }),
      },
    });
  }

  get state() {
    return this.live.state;
  }
  get connection() {
    return this.live.connection;
  }

  /** Signed out: stop listening. */
  close(): void {
    this.live.hostDisconnected();
    this.host.removeController(this.live);
  }
}
