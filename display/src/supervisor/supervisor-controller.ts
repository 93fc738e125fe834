// The dashboard's live state over socket.io /supervisor: a full state on every (re)connect (so a network
// blip heals itself), then deltas for windows, queues, alerts, devices and served counts.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AlertView, DeviceHealthView, SessionEndedEvent, SupervisorState } from '../../../server/protocol/socket';
import type { ServiceView, WindowView } from '../../../server/protocol/views';
import { deviceSocket, type LiveSocket } from '../shared/device-socket';

export type Connection = 'connecting' | 'online' | 'offline' | 'refused';

export class SupervisorController implements ReactiveController {
  state: SupervisorState | null = null;
  connection: Connection = 'connecting';
  refusal: string | null = null;
  private socket: LiveSocket<'/supervisor'> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly token: string,
    /** A new alert (not a resolution or an acknowledgement): the dashboard sounds it. */
    private readonly onNewAlert: (a: AlertView) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    let ended = false;
    const s = deviceSocket('/supervisor', { token: this.token }, (online, refused) => {
      if (ended) return; // the disconnect that follows session.ended must not hide its message
      this.connection = refused ? 'refused' : online ? 'online' : 'offline';
      this.refusal = refused;
      this.host.requestUpdate();
    });
    this.socket = s;
    // Logged out elsewhere, revoked or expired: the server closes the socket; the dashboard asks for a login.
    s.on('session.ended', (e: SessionEndedEvent) => {
      ended = true;
      this.connection = 'refused';
      this.refusal = e.message;
      this.host.requestUpdate();
    });
    s.on('state', (st: SupervisorState) => this.set(st));
    s.on('window', (w: WindowView) => this.patch({ windows: this.state!.windows.map((x) => (x.no === w.no ? w : x)) }));
    s.on('queues', (services: ServiceView[]) => this.patch({ services }));
    s.on('device', (d: DeviceHealthView) =>
      this.patch({ devices: this.state!.devices.map((x) => (x.id === d.id ? d : x)) }),
    );
    s.on('served', ({ windowNo, count }: { windowNo: number; count: number }) =>
      this.patch({ servedToday: { ...this.state!.servedToday, [windowNo]: count } }),
    );
    s.on('notice', (notice: string) => this.patch({ notice }));
    s.on('upstream', (upstream: SupervisorState['upstream']) => this.patch({ upstream }));
    s.on('alert', (a: AlertView) => {
      if (!this.state) return;
      const known = this.state.alerts.some((x) => x.id === a.id);
      this.patch({ alerts: known ? this.state.alerts.map((x) => (x.id === a.id ? a : x)) : [a, ...this.state.alerts] });
      if (!known) this.onNewAlert(a);
    });
  }

  hostDisconnected(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  /** Alerts nobody has acknowledged yet (the badge and the sound). */
  get unacked(): AlertView[] {
    return this.state?.alerts.filter((a) => a.ackedAt === null) ?? [];
  }

  private set(st: SupervisorState): void {
    this.state = st;
    this.host.requestUpdate();
  }

  private patch(p: Partial<SupervisorState>): void {
    if (this.state) this.set({ ...this.state, ...p });
  }
}
