// The kiosk's start screen: services grouped by field, each with its waiting count and estimated wait;
// a service that is full or closed says so and cannot be chosen.
import { LitElement, css, html } from 'lit';
import type { ServiceView } from '../../../server/protocol/views';
import { t } from './kiosk-i18n';

export class KioskServiceGrid extends LitElement {
  static override properties = { services: { attribute: false } };
  declare services: ServiceView[];

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      font-size: 26px;
      color: var(--kiosk-muted, #4a5b70);
      margin: 18px 4px 10px;
      font-weight: 600;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(260px, 1fr));
      gap: 16px;
    }
    button {
      min-height: 128px;
      border: 0;
      border-radius: 18px;
      padding: 16px 20px;
      text-align: left;
      cursor: pointer;
      background: var(--kiosk-card, #fff);
      box-shadow: 0 3px 10px #0b1f3a22;
      font: inherit;
      color: inherit;
      display: flex;
      flex-direction: column;
      gap: 8px;
      touch-action: manipulation;
    }
    button:active {
      transform: scale(0.98);
    }
    button[disabled] {
      background: #e4e8ee;
      color: #7d8896;
      cursor: not-allowed;
      box-shadow: none;
    }
    .name {
      font-size: 34px;
      font-weight: 700;
      color: var(--kiosk-accent, #0b5cad);
    }
    button[disabled] .name {
      color: #7d8896;
    }
    .meta {
      font-size: 22px;
      display: flex;
      gap: 18px;
    }
    .state {
      font-size: 22px;
      color: #b3261e;
      font-weight: 600;
    }
  `;

  override render() {
    const fields = new Map<string, ServiceView[]>();
    for (const s of this.services ?? []) {
      const key = s.field ?? '';
      fields.set(key, [...(fields.get(key) ?? []), s]);
    }
    return [...fields.entries()].map(
      ([field, list]) => html`
        ${field ? html`<h2>${field}</h2>` : null}
        <div class="grid">${list.map((s) => this.card(s))}</div>
      `,
    );
  }

  private card(s: ServiceView) {
    const open = s.state === 'open';
    return html`<button
      data-service=${s.id}
      ?disabled=${!open}
      @click=${() => this.dispatchEvent(new CustomEvent('pick', { detail: s.id, bubbles: true, composed: true }))}
    >
      <span class="name">${s.name}</span>
      ${
        open
          ? html`<span class="meta"
              ><span>${t('waiting', { n: s.waiting })}</span
              ><span>${t('estimate', { min: s.estimatedWaitMin })}</span></span
            >`
          : html`<span class="state">${s.state === 'full' ? t('full') : (s.stateReason ?? t('closed'))}</span>`
      }
    </button>`;
  }
}

customElements.define('kiosk-service-grid', KioskServiceGrid);
declare global {
  interface HTMLElementTagNameMap {
    'kiosk-service-grid': KioskServiceGrid;
  }
}
