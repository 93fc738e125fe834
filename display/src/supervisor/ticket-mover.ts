// Move a waiting ticket: the service's waiting list, each with where it can go (another service's queue
// or one window). The ticket keeps its number and its wait. Fires `close` when done.
import { LitElement, html, nothing } from 'lit';
import type { SupervisorState } from '../../../server/protocol/socket';
import type { TicketView } from '../../../server/protocol/views';
import { ApiError } from '../shared/device-api';
import { dialogStyles } from './shared-styles';
import type { SupervisorApi } from './supervisor-api';
import { t } from './supervisor-i18n';

/** Minutes since the ticket started waiting (a transfer keeps its original issue time). */
const waitedMin = (x: TicketView) => Math.max(0, Math.floor((Date.now() - Date.parse(x.issuedAt)) / 60_000));

export class TicketMover extends LitElement {
  static override properties = {
    serviceId: {},
    state: { attribute: false },
    api: { attribute: false },
    tickets: { state: true },
    error: { state: true },
  };
  declare serviceId: string;
  declare state: SupervisorState;
  declare api: SupervisorApi;
  declare tickets: TicketView[] | null;
  declare error: string;
  static override styles = dialogStyles;

  constructor() {
    super();
    this.tickets = null;
    this.error = '';
  }

  // Esc closes the dialog wherever the focus is (the page's, not only the dialog's keys).
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') this.close();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey);
  }

  private async load(): Promise<void> {
    const r = await this.api
      .get<{ tickets: TicketView[] }>(`/api/services/${this.serviceId}/waiting`)
      .catch(() => ({ tickets: [] }));
    this.tickets = r.tickets;
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }

  private async move(t0: TicketView, target: string): Promise<void> {
    const [kind, value] = target.split(':');
    try {
      await this.api.post(
        `/api/tickets/${t0.id}/move`,
        kind === 'w' ? { windowNo: Number(value) } : { serviceId: value },
      );
      await this.load();
      this.error = '';
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  }

  override render() {
    const name = this.state.services.find((s) => s.id === this.serviceId)?.name ?? this.serviceId;
    return html`<div class="backdrop">
      <div class="dialog" role="dialog" aria-label=${t('moveTitle', { s: name })}>
        <h2>${t('moveTitle', { s: name })}</h2>
        ${this.tickets && !this.tickets.length ? html`<p>${t('nothingWaiting')}</p>` : nothing}
        ${(this.tickets ?? []).map(
          (x) =>
            html`<label data-ticket=${x.number}
              ><b>${x.number}</b>
              ${x.priorityKind ? html`<span class="priority">${t(`p_${x.priorityKind}` as 'p_elderly')}</span>` : nothing}
              <span class="muted">${t('waitedMin', { n: waitedMin(x) })}</span>
              <select
                aria-label=${t('moveTo')}
                @change=${(e: Event) => void this.move(x, (e.target as HTMLSelectElement).value)}
              >
                <option value="">${t('moveTo')}…</option>
                ${this.state.services.filter((s) => s.id !== this.serviceId).map((s) => html`<option value="s:${s.id}">${t('toService', { s: s.name })}</option>`)}
                ${this.state.windows.map((w) => html`<option value="w:${w.no}">${t('toWindow', { w: w.name })}</option>`)}
              </select>
            </label>`,
        )}
        <div class="error" role="alert">${this.error}</div>
        <div class="actions"><button @click=${this.close}>${t('cancel')}</button></div>
      </div>
    </div>`;
  }
}

customElements.define('ticket-mover', TicketMover);

declare global {
  interface HTMLElementTagNameMap {
    'ticket-mover': TicketMover;
  }
}
