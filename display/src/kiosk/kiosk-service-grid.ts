// The kiosk's start screen: every service as one large card (its field named on the card) with its waiting
// count and estimated wait, in one grid that fills the screen in portrait and landscape so that no visitor
// has to scroll a touch screen; a service that is full or closed says so and cannot be chosen.
import { LitElement, css, html } from 'lit';
import type { ServiceView } from '../../../server/protocol/views';
import { waitText } from '../../../server/protocol/wait-text';
import { kioskLang, t } from './kiosk-i18n';

/** Columns that make every card fit on one screen: two rows in landscape, two columns in portrait. */
export function columns(n: number, portrait: boolean): number {
  if (n <= 1) return 1;
  if (portrait) return n <= 3 ? 1 : n <= 10 ? 2 : 3;
  return n <= 4 ? n : Math.ceil(n / (n <= 10 ? 2 : 3));
}

export class KioskServiceGrid extends LitElement {
  static override properties = {
    services: { attribute: false },
    portrait: { state: true },
    lang: { attribute: false },
  };
  /** Only to re-render in the visitor's language. */
  declare lang: string;
  declare services: ServiceView[];
  declare portrait: boolean;
  private readonly orientation = matchMedia('(orientation: portrait)');
  private readonly onTurn = () => (this.portrait = this.orientation.matches);

  constructor() {
    super();
    this.portrait = this.orientation.matches;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.orientation.addEventListener('change', this.onTurn);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.orientation.removeEventListener('change', this.onTurn);
  }

  static override styles = css`
    :host {
      display: grid;
      flex: 1;
      min-height: 0;
      grid-template-columns: repeat(var(--cols, 2), 1fr);
      grid-auto-rows: minmax(0, 1fr);
      gap: 16px;
    }
    .field {
      font-size: 20px;
      color: var(--kiosk-muted, #4a5b70);
      font-weight: 600;
    }
    button {
      min-height: 0;
      justify-content: center;
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
      font-size: clamp(30px, 3.2vmax, 56px);
      font-weight: 700;
      color: var(--kiosk-accent, #0b5cad);
    }
    button[disabled] .name {
      color: #7d8896;
    }
    .meta {
      font-size: clamp(20px, 1.5vmax, 28px);
      display: flex;
      flex-wrap: wrap;
      gap: 4px 18px;
    }
    /* "0 waiting" stays on one line; a long wait text goes under it rather than squeezing it. */
    .meta > :first-child {
      white-space: nowrap;
    }
    .state {
      font-size: 22px;
      color: #b3261e;
      font-weight: 600;
    }
  `;

  override render() {
    const list = this.services ?? [];
    this.style.setProperty('--cols', String(columns(list.length, this.portrait)));
    return list.map((s) => this.card(s));
  }

  private card(s: ServiceView) {
    // 约12分钟（8–18）, or 当前暂无窗口办理; nothing without a figure.
    const wait = (x: ServiceView) => {
      const text = x.servedNow ? waitText(x.estimatedWait, kioskLang()) : t('nobody');
      return text ? html`<span data-wait>${text}</span>` : null;
    };
    const open = s.state === 'open';
    return html`<button
      data-service=${s.id}
      ?disabled=${!open}
      @click=${() => this.dispatchEvent(new CustomEvent('pick', { detail: s.id, bubbles: true, composed: true }))}
    >
      ${s.field ? html`<span class="field">${s.field}</span>` : null}
      <span class="name">${s.name}</span>
      ${
        open
          ? html`<span class="meta"><span>${t('waiting', { n: s.waiting })}</span>${wait(s)}</span>`
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
