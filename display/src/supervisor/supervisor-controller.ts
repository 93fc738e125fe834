// The dashboard's live state over socket.io /supervisor: a full state on every (re)connect (so a network
// blip heals itself), then deltas for windows, queues, alerts, devices and served counts.
import type { ReactiveControllerHost } from 'lit';
import type { AlertView } from '../../../server/protocol/socket';
import { LiveState } from '../shared/live-state';

export type { Connection } from '../shared/live-state';

export class SupervisorController {
  private readonly live: LiveState<'/supervisor'>;

  constructor(
    host: ReactiveControllerHost,
    token: string,
    /** A new alert (not a resolution or an acknowledgement): the dashboard sounds it. */
    onNewAlert: (a: AlertView) => void,
  ) {
    // Logged out elsewhere, revoked or expired: the server closes the socket; the dashboard asks for a login.
    this.live = new LiveState(host, {
      namespace: '/supervisor',
      auth: { token },
      patch: {
        window: (st, w) => ({ ...st, windows: st.windows.map((x) => (x.no === w.no ? w : x)) }),
        queues: (st, services) => ({ ...st, services }),
        device: (st, d) => ({ ...st, devices: st.devices.map((x) => (x.id === d.id ? d : x)) }),
        served: (st, { windowNo, count }) => ({ ...st, servedToday: { ...st.servedToday, [windowNo]: count } }),
        notice: (st, notice) => ({ ...st, notice }),
        upstream: (st, upstream) => ({ ...st, upstream }),
        alert: (st, a) => {
          const known = st.alerts.some((x) => x.id === a.id);
          return { ...st, alerts: known ? st.alerts.map((x) => (x.id === a.id ? a : x)) : [a, ...st.alerts] };
        },
      },
      listen: { alert: (a, before) => before?.alerts.some((x) => x.id === a.id) || onNewAlert(a) },
    });
  }

  get state() {
    return this.live.state;
  }
  get connection() {
    return this.live.connection;
  }
  get refusal(): string | null {
    return this.live.refusal?.message ?? null;
  }

  /** Alerts nobody has acknowledged yet (the badge and the sound). */
  get unacked(): AlertView[] {
    return this.state?.alerts.filter((a) => a.ackedAt === null) ?? [];
  }
}
