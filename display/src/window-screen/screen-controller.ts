// A window screen's live state (the shared live-state controller on /screen): the window and its latest
// call; like the board, a refused token is retried slowly so the screen heals by itself.
import type { ReactiveControllerHost } from 'lit';
import { LiveState, REFUSED_RETRY } from '../shared/live-state';

export type { Connection } from '../shared/live-state';

export class ScreenController {
  /** When the current call arrived (performance.now()), for the flashing. */
  calledAt = 0;
  private readonly live: LiveState<'/screen'>;

  constructor(host: ReactiveControllerHost, auth: { token: string; windowNo?: number }) {
    this.live = new LiveState(host, {
      namespace: '/screen',
      auth,
      retryRefused: REFUSED_RETRY,
      patch: { call: (st, lastCall) => ({ ...st, lastCall }) },
      listen: { call: () => (this.calledAt = performance.now()) },
    });
  }

  get state() {
    return this.live.state;
  }
  get connection() {
    return this.live.connection;
  }
  get error(): string | null {
    return this.live.refusal?.message ?? null;
  }
}
