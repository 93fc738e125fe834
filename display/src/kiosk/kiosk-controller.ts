// The kiosk's live state (services with waiting counts and whether they issue, its printer) over
// socket.io /kiosk, reconnecting by itself, and its two commands: issue and reprint.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { postJson } from '../shared/device-api';
import { deviceSocket, type LiveSocket } from '../shared/device-socket';
import type { IssueTicketBody } from '../../../server/protocol/http';
import type { KioskState, PrinterView } from '../../../server/protocol/socket';
import type { IssuedTicketView, ServiceView } from '../../../server/protocol/views';

export interface PrintOutcome {
  printerId: string;
  state: PrinterView['state'];
  printed: boolean;
  message: string;
}

export interface IssueAnswer {
  ticket: IssuedTicketView;
  print: PrintOutcome | null;
}

export class KioskController implements ReactiveController {
  state: KioskState | null = null;
  online = false;
  refused: string | null = null;
  private socket: LiveSocket<'/kiosk'> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly token: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const s = deviceSocket('/kiosk', { token: this.token }, (online, refused) => this.set(online, refused));
    this.socket = s;
    s.on('state', (st: KioskState) => {
      this.state = st;
      this.host.requestUpdate();
    });
    s.on('queues', (services: ServiceView[]) => {
      if (this.state) this.state = { ...this.state, services };
      this.host.requestUpdate();
    });
    s.on('printer', (printer: PrinterView) => {
      if (this.state) this.state = { ...this.state, printer };
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.socket?.disconnect();
    this.socket = null;
  }

  issue(body: IssueTicketBody): Promise<IssueAnswer> {
    return this.post('/api/tickets', body);
  }

  reprint(ticketId: string): Promise<{ print: PrintOutcome }> {
    return this.post(`/api/tickets/${encodeURIComponent(ticketId)}/reprint`, {});
  }

  private post<T>(path: string, body: unknown): Promise<T> {
    return postJson<T>(path, this.token, body);
  }

  private set(online: boolean, refused: string | null): void {
    this.online = online;
    this.refused = refused;
    this.host.requestUpdate();
  }
}
