// The kiosk's live state (services with waiting counts and whether they issue, its printer) over
// socket.io /kiosk (the shared live-state controller; a refused token retried slowly), and its two
// commands: issue and reprint.
import type { ReactiveControllerHost } from 'lit';
import { postJson } from '../shared/device-api';
import { LiveState, REFUSED_RETRY } from '../shared/live-state';
import type { IssueTicketBody } from '../../../server/protocol/http';
import type { PrinterView } from '../../../server/protocol/socket';
import type { IssuedTicketView } from '../../../server/protocol/views';

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

export class KioskController {
  private readonly live: LiveState<'/kiosk'>;

  constructor(
    host: ReactiveControllerHost,
    private readonly token: string,
  ) {
    this.live = new LiveState(host, {
      namespace: '/kiosk',
      auth: { token },
      retryRefused: REFUSED_RETRY,
      patch: {
        queues: (st, services) => ({ ...st, services }),
        printer: (st, printer) => ({ ...st, printer }),
      },
    });
  }

  get state() {
    return this.live.state;
  }
  get online(): boolean {
    return this.live.connection === 'online';
  }
  get refused(): string | null {
    return this.live.refusal?.message ?? null;
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
}
