// The board's live state (the shared live-state controller on /board): the latest call shown large, the
// recent calls, windows, queues and notice; a refused token is retried slowly, the board heals by itself.
import type { ReactiveControllerHost } from 'lit';
import { LiveState, REFUSED_RETRY } from '../shared/live-state';
import type { VoiceReport } from '../../../server/protocol/socket';
import { serverNow, syncServerClock } from '../shared/hall-time';
import { missedCalls } from './missed-calls';
import type { CallView } from '../../../server/protocol/views';

export type { Connection } from '../shared/live-state';

const RECENT = 12;
export class BoardController {
  /** The latest call, shown large until the next one. */
  current: CallView | null = null;
  private voice: VoiceReport | null = null;
  private readonly live: LiveState<'/board'>;

  constructor(host: ReactiveControllerHost, auth: { token: string; zone?: string }, onCall: (c: CallView) => void) {
    this.live = new LiveState(host, {
      namespace: '/board',
      auth,
      retryRefused: REFUSED_RETRY,
      // The server forgets a board's sound when it restarts: tell it again on every (re)connect.
      onConnect: (s) => this.voice && s.emit('voice', this.voice),
      patch: {
        call: (st, c) => ({ ...st, recentCalls: [c, ...st.recentCalls].slice(0, RECENT) }),
        window: (st, w) => ({ ...st, windows: st.windows.map((x) => (x.no === w.no ? w : x)) }),
        queues: (st, services) => ({ ...st, services }),
        notice: (st, notice) => ({ ...st, notice }),
      },
      listen: {
        state: (st, before) => {
          syncServerClock(st.serverTime);
          if (!before) return void (this.current ??= st.recentCalls[0] ?? null);
          // Back after a break: what was called meanwhile (recent by the server's clock) gets its turn large
          // and is announced.
          for (const c of missedCalls(before, st, serverNow())) {
            this.current = c;
            onCall(c);
          }
        },
        call: (c) => {
          this.current = c;
          onCall(c);
        },
      },
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

  /** The board's sound changed (speaking, blocked…): supervisors see it in device health. */
  reportVoice(report: VoiceReport): void {
    if (this.voice?.state === report.state && this.voice.detail === report.detail) return;
    this.voice = report;
    this.live.emit('voice', report);
  }
}
