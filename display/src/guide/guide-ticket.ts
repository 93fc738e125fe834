// One ticket at the guide desk: its state, people ahead and the estimated wait, and what the desk may do
// with it: 补打 on a chosen printer, 取消 (confirmed), 优先 with its reason, 改办 another service (the wait
// so far is kept). Fires `changed` after each action so the desk refreshes.
import { LitElement, css, html, nothing } from 'lit';
import type { ServiceView, TicketView } from '../../../server/protocol/views';
import { ApiError } from '../shared/device-api';
import { hallHm } from '../shared/hall-time';
import type { SupervisorApi } from '../supervisor/supervisor-api';
import { t, type Key } from './guide-i18n';
import { guideStyles, PRIORITY_KINDS, waitText, type DeskTicket } from './guide-shared';

export class GuideTicket extends LitElement {
  static override properties = {
    api: { attribute: false },
    ticket: { attribute: false },
    services: { attribute: false },
    printers: { attribute: false },
    timeZone: {},
    confirming: { state: true },
    done: { state: true },
    error: { state: true },
  };
  declare api: SupervisorApi;
  declare ticket: DeskTicket;
  declare services: ServiceView[];
  declare printers: { id: string; kiosk: string }[];
  declare timeZone: string;
  declare confirming: boolean;
  declare done: string;
  declare error: string;

  constructor() {
    super();
    this.services = [];
    this.printers = [];
    this.timeZone = 'Asia/Shanghai';
    this.confirming = false;
    this.done = '';
    this.error = '';
  }

  static override styles = [
    guideStyles,
    css`
      .number {
        font-size: 44px;
        font-weight: bold;
        color: var(--gd-primary, #1f5fae);
      }
      .head {
        display: flex;
        gap: 18px;
        align-items: baseline;
        flex-wrap: wrap;
      }
      .row {
        display: flex;
        gap: 8px;
        align-items: center;
        flex-wrap: wrap;
        margin: 8px 0;
      }
      .row > span:first-child {
        min-width: 84px;
        color: #556;
      }
      .status {
        font-size: 18px;
      }
      .confirm {
        background: #fdecea;
        padding: 6px 10px;
        border-radius: 6px;
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>): void {
    const before = changed.get('ticket') as TicketView | undefined;
    if (before && before.id !== this.ticket.id) [this.confirming, this.done, this.error] = [false, '', ''];
  }

  private value(name: string): string {
    return (this.renderRoot.querySelector(`[name=${name}]`) as HTMLInputElement | HTMLSelectElement).value.trim();
  }

  private async run(done: Key, path: string, body: Record<string, unknown>): Promise<void> {
    try {
      await this.api.post(`/api/tickets/${this.ticket.id}/${path}`, body);
      this.done = t(done);
      this.error = '';
      this.confirming = false;
      this.dispatchEvent(new CustomEvent('changed', { bubbles: true, composed: true }));
    } catch (e) {
      this.done = '';
      this.error = e instanceof ApiError ? e.message : String(e);
    }
  }

  private prioritise(): void {
    const priority = this.value('priority');
    const reason = this.value('reason');
    if (priority && !reason) {
      this.error = t('reasonNeeded');
      return;
    }
    void this.run('done_priority', 'priority', priority ? { priority, reason } : { priority: null });
  }

  override render() {
    const k = this.ticket;
    const open = k.status === 'waiting' || k.status === 'held';
    return html`<div class="card" data-testid="found-ticket">
      <div class="head">
        <span class="number">${k.number}</span>
        <span class="status" data-testid="ticket-status">${t(`status_${k.status}` as Key)}</span>
        ${k.priorityKind ? html`<span class="tag">${t(`pr_${k.priorityKind}` as Key)}</span>` : nothing}
      </div>
      <div class="row"><span>${t('service')}</span>${k.serviceName}</div>
      <div class="row">
        <span>${t('issuedAt')}</span>${hallHm(k.issuedAt, this.timeZone)} · ${k.channel}
        ${k.windowNo ? html` · ${t('window')} ${k.windowName ?? k.windowNo}` : nothing}
      </div>
      ${
        k.status === 'waiting'
          ? html`<div class="row" data-testid="ticket-wait">
              <span>${t('estimate')}</span>${t('ahead', { n: k.waitingAhead })} · ${waitText(k)}
            </div>`
          : nothing
      }
      ${
        open
          ? html`<hr />
              <div class="row">
                <span>${t('reprint')}</span>
                <select name="printer">
                  ${this.printers.map((p) => html`<option value=${p.id}>${p.id}（${p.kiosk}）</option>`)}
                </select>
                <button
                  data-action="reprint"
                  ?disabled=${!this.printers.length}
                  @click=${() => this.run('done_reprint', 'reprint', { printerId: this.value('printer') })}
                >
                  ${t('reprint')}
                </button>
              </div>
              <div class="row">
                <span>${t('priority')}</span>
                <select name="priority">
                  <option value="">${t('noPriority')}</option>
                  ${PRIORITY_KINDS.map((p) => html`<option value=${p} ?selected=${k.priorityKind === p}>${t(`pr_${p}` as Key)}</option>`)}
                </select>
                <input name="reason" placeholder=${t('reasonPlaceholder')} maxlength="100" size="22" />
                <button data-action="priority" @click=${this.prioritise}>${t('setPriority')}</button>
              </div>
              ${
                k.status === 'waiting'
                  ? html`<div class="row">
                      <span>${t('move')}</span>
                      <select name="service">
                        ${this.services.filter((s) => s.id !== k.serviceId).map((s) => html`<option value=${s.id}>${s.prefix} ${s.name}</option>`)}
                      </select>
                      <button
                        data-action="move"
                        @click=${() => this.run('done_move', 'move', { serviceId: this.value('service') })}
                      >
                        ${t('moveButton')}
                      </button>
                    </div>`
                  : nothing
              }
              <div class="row">
                ${
                  this.confirming
                    ? html`<span class="confirm">${t('cancelConfirm', { n: k.number })}</span>
                        <button
                          class="danger"
                          data-action="cancel-yes"
                          @click=${() => this.run('done_cancel', 'cancel', {})}
                        >
                          ${t('yes')}
                        </button>
                        <button @click=${() => (this.confirming = false)}>${t('no')}</button>`
                    : html`<button class="danger" data-action="cancel" @click=${() => (this.confirming = true)}>
                        ${t('cancel')}
                      </button>`
                }
              </div>`
          : nothing
      }
      <div class="ok" role="status" data-testid="ticket-done">${this.done}</div>
      <div class="error" role="alert">${this.error}</div>
    </div>`;
  }
}

customElements.define('guide-ticket', GuideTicket);

declare global {
  interface HTMLElementTagNameMap {
    'guide-ticket': GuideTicket;
  }
}
