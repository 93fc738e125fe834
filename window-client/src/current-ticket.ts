import { LitElement, css, html } from 'lit';
import { TICKET_STATUS_LABEL, WINDOW_LOOK_LABEL, windowLook } from '../../server/domain/labels';
import { word } from '../../display/src/shared/i18n';
import '../../display/src/shared/call-reason';
import type { CallReasonView, WindowView } from '../../server/protocol/views';
import { lang, t } from './i18n';

/** The visitor at the window: number, service, waited time, priority, transfer note, masked ID. */
export class CurrentTicket extends LitElement {
  static override properties = { window: { attribute: false }, load: { attribute: false }, now: { state: true } };
  declare window: WindowView | null;
  /** The console's authenticated GET, for 为何叫此号. */
  declare load: ((path: string) => Promise<{ reason: CallReasonView | null }>) | null;
  declare now: number;
  private timer?: ReturnType<typeof setInterval>;

  constructor() {
    super();
    this.window = null;
    this.load = null;
    this.now = Date.now();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => (this.now = Date.now()), 15_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  static override styles = css`
    :host {
      display: block;
      background: #fff;
      border-radius: 10px;
      padding: 20px 24px;
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.1);
      min-height: 150px;
    }
    .number {
      font-size: 64px;
      font-weight: 700;
      color: var(--console-primary);
      line-height: 1.1;
    }
    .meta {
      font-size: 18px;
      color: #333;
      display: flex;
      flex-wrap: wrap;
      gap: 6px 18px;
      margin-top: 8px;
    }
    .tag {
      background: #fff3e0;
      color: #e65100;
      border-radius: 4px;
      padding: 0 8px;
    }
    .state {
      float: right;
      font-size: 18px;
      padding: 4px 12px;
      border-radius: 14px;
      background: #e3f2fd;
    }
    .notice {
      margin-top: 10px;
      padding: 8px 12px;
      border-radius: 6px;
      background: #fff3e0;
      color: #8a3b00;
      font-size: 17px;
    }
    .notice.closed {
      background: #ffebee;
      color: #b71c1c;
    }
    .empty {
      font-size: 22px;
      color: #888;
      padding-top: 40px;
    }
  `;

  override render() {
    const w = this.window;
    if (!w) return html``;
    const st = html`<span class="state" data-testid="window-state"
      >${word(WINDOW_LOOK_LABEL[windowLook(w)], lang)}${w.state === 'paused' && w.pauseReason ? ` · ${w.pauseReason}` : ''}</span
    >`;
    // Closed by the supervisor or paused: said in words from the moment of login, not only when N fails.
    const look = windowLook(w);
    const notice =
      look === 'closed' || look === 'paused'
        ? html`<div class="notice ${look}" role="status" data-testid="window-notice">
            ${look === 'closed' ? t('closedNotice') : t('pausedNotice', { reason: w.pauseReason ?? '' })}
          </div>`
        : '';
    const tk = w.ticket;
    if (!tk)
      return html`${st}${notice}
        <div class="empty">${t('noTicket')}</div>`;
    const waited = Math.max(
      0,
      Math.round(((tk.calledAt ? Date.parse(tk.calledAt) : this.now) - Date.parse(tk.issuedAt)) / 60_000),
    );
    return html`${st}${notice}
      <div class="number" data-testid="current-number">${tk.number}</div>
      <div class="meta">
        <span>${tk.serviceName}</span>
        <span>${word(TICKET_STATUS_LABEL[tk.status], lang)}</span>
        <span>${t('waited', { min: waited })}</span>
        ${
          tk.priority
            ? html`<span class="tag" data-testid="priority"
                >${tk.priorityKind ? t(`p_${tk.priorityKind}` as 'p_elderly') : t('priority')}</span
              >`
            : ''
        }
        ${
          tk.transferCount > 0
            ? html`<span class="tag" data-testid="transferred"
                >${tk.transferredFrom ? t('transferredFrom', { no: tk.transferredFrom }) : t('transferred')}</span
              >`
            : ''
        }
        ${tk.recallCount > 0 ? html`<span>${t('recalls', { n: tk.recallCount })}</span>` : ''}
        ${tk.idMasked ? html`<span>${t('idMasked')} ${tk.idMasked}</span>` : ''}
        ${tk.note ? html`<span>${t('note')}：${tk.note}</span>` : ''}
      </div>
      ${
        this.load && this.window && (tk.status === 'called' || tk.status === 'serving')
          ? html`<call-reason
              .windowNo=${this.window.no}
              .number=${tk.number}
              .lang=${lang}
              .load=${this.load}
            ></call-reason>`
          : ''
      }`;
  }
}
customElements.define('current-ticket', CurrentTicket);

declare global {
  interface HTMLElementTagNameMap {
    'current-ticket': CurrentTicket;
  }
}
