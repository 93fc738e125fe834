import { LitElement, css, html } from 'lit';
import type { TodayFigures } from '../../server/protocol/socket';
import type { ServiceView, TicketView } from '../../server/protocol/views';
import { waitText } from '../../server/protocol/wait-text';
import { lang, t } from './i18n';

const panel = css`
  :host {
    display: block;
    background: #fff;
    border-radius: 10px;
    padding: 12px 16px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.1);
  }
  h2 {
    font-size: 17px;
    margin: 0 0 8px;
    color: #555;
  }
  .row {
    display: flex;
    justify-content: space-between;
    padding: 5px 0;
    border-bottom: 1px solid #eee;
    font-size: 16px;
  }
  .row {
    flex-wrap: wrap;
  }
  .eta {
    flex-basis: 100%;
    text-align: right;
    font-size: 14px;
    color: #555;
  }
  .late {
    color: #c62828;
    font-weight: 700;
  }
  button {
    font-family: inherit;
    font-size: 14px;
  }
`;

/** Waiting counts and longest waits of the services this window takes. */
export class QueuePanel extends LitElement {
  static override properties = { services: { attribute: false }, skills: { attribute: false } };
  declare services: ServiceView[];
  declare skills: Record<string, number>;
  static override styles = panel;
  constructor() {
    super();
    this.services = [];
    this.skills = {};
  }
  override render() {
    const sorted = this.services
      .filter((s) => s.id in this.skills)
      .sort((a, b) => (this.skills[a.id] ?? 9) - (this.skills[b.id] ?? 9));
    return html`<h2>${t('queues')}</h2>
      ${sorted.map(
        (s) =>
          html`<div class="row" data-service=${s.id}>
            <span
              >${s.prefix}
              ${s.name}${(this.skills[s.id] ?? 1) > 1 ? html` <small>L${this.skills[s.id]}</small>` : ''}</span
            >
            <span>
              <b data-testid="waiting-${s.id}">${t('waitingN', { n: s.waiting })}</b>
              <span class=${s.longestWaitMin > s.targetWaitMin ? 'late' : ''}
                >· ${t('longest', { min: s.longestWaitMin, target: s.targetWaitMin })}</span
              >
            </span>
            ${
              s.estimatedWait && s.servedNow
                ? html`<span class="eta" data-wait=${s.id}
                    >${t('newcomer', { wait: waitText(s.estimatedWait, lang)! })}</span
                  >`
                : null
            }
          </div>`,
      )}`;
  }
}
customElements.define('queue-panel', QueuePanel);

/** Held tickets with a call-back button each. */
export class HeldList extends LitElement {
  static override properties = { held: { attribute: false }, canCall: { type: Boolean } };
  declare held: TicketView[];
  declare canCall: boolean;
  static override styles = panel;
  constructor() {
    super();
    this.held = [];
    this.canCall = false;
  }
  override render() {
    return html`<h2>${t('held')}</h2>
      ${this.held.length === 0 ? html`<div class="row">${t('noHeld')}</div>` : ''}
      ${this.held.map(
        (h) =>
          html`<div class="row" data-held=${h.number}>
            <span>${h.number} · ${h.serviceName}</span>
            <button
              ?disabled=${!this.canCall}
              @click=${() => this.dispatchEvent(new CustomEvent('call-back', { detail: h.id, bubbles: true, composed: true }))}
            >
              ${t('callBack')}
            </button>
          </div>`,
      )}`;
  }
}
customElements.define('held-list', HeldList);

/** The clerk's own figures today. */
export class TodayPanel extends LitElement {
  static override properties = { figures: { attribute: false } };
  declare figures: TodayFigures | null;
  static override styles = panel;
  constructor() {
    super();
    this.figures = null;
  }
  override render() {
    const f = this.figures;
    const v = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(x));
    return html`<h2>${t('today')}</h2>
      <div class="row"><span>${t('served')}</span><b data-testid="today-served">${v(f?.served)}</b></div>
      <div class="row"><span>${t('noShows')}</span><b>${v(f?.noShows)}</b></div>
      <div class="row"><span>${t('transfers')}</span><b>${v(f?.transfers)}</b></div>
      <div class="row"><span>${t('avgService')}</span><b>${v(f?.avgServiceMin)}</b></div>
      <div class="row">
        <span>${t('satisfaction')}</span
        ><b>${f?.satisfaction === null || !f ? '—' : `${Math.round(f.satisfaction * 100)}%`}</b>
      </div>`;
  }
}
customElements.define('today-panel', TodayPanel);

declare global {
  interface HTMLElementTagNameMap {
    'queue-panel': QueuePanel;
    'held-list': HeldList;
    'today-panel': TodayPanel;
  }
}
