// After choosing a service: an optional priority (staff verify it at the window) and an optional ID
// number (typed, or from an ID-card reader), then 取号.
import { LitElement, css, html } from 'lit';
import type { Priority } from '../../../server/domain/types';
import type { ServiceView } from '../../../server/protocol/views';
import { t, type Key } from './kiosk-i18n';
import './kiosk-keypad';

export interface TakeDetail {
  priority: Priority | null;
  idNumber: string;
}

export class KioskOptions extends LitElement {
  static override properties = {
    service: { attribute: false },
    priorities: { attribute: false },
    busy: { type: Boolean },
    lang: { attribute: false },
    priority: { state: true },
    idNumber: { state: true },
  };
  declare service: ServiceView;
  declare priorities: readonly Priority[];
  declare busy: boolean;
  /** Only to re-render in the visitor's language. */
  declare lang: string;
  declare priority: Priority | null;
  declare idNumber: string;

  constructor() {
    super();
    this.priority = null;
    this.idNumber = '';
    this.busy = false;
  }

  static override styles = css`
    :host {
      display: block;
    }
    h2 {
      font-size: 40px;
      margin: 8px 0 18px;
      color: var(--kiosk-accent, #0b5cad);
    }
    .label {
      font-size: 24px;
      color: var(--kiosk-muted, #4a5b70);
      margin: 8px 0;
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-bottom: 22px;
    }
    .chip {
      font: inherit;
      font-size: 28px;
      padding: 14px 26px;
      border-radius: 40px;
      border: 2px solid #b9c4d2;
      background: #fff;
      cursor: pointer;
    }
    .chip[aria-pressed='true'] {
      background: var(--kiosk-accent, #0b5cad);
      color: #fff;
      border-color: transparent;
    }
    .actions {
      display: flex;
      gap: 16px;
      margin-top: 24px;
    }
    .actions button {
      font: inherit;
      font-size: 34px;
      padding: 18px 30px;
      border-radius: 16px;
      border: 0;
      cursor: pointer;
    }
    .take {
      flex: 1;
      background: var(--kiosk-accent, #0b5cad);
      color: #fff;
      font-weight: 700;
    }
    .take[disabled] {
      opacity: 0.6;
    }
    .back {
      background: #e4e8ee;
    }
    /* A tall portrait kiosk: the screen's height for larger chips, keys and buttons, centred. */
    @media (orientation: portrait) and (min-height: 1400px) {
      :host {
        flex: 1;
        display: flex;
        flex-direction: column;
        justify-content: center;
        --kiosk-key-height: 120px;
        --kiosk-key-font: 46px;
        --kiosk-key-gap: 16px;
        --kiosk-entry-font: 48px;
        --kiosk-label-font: 32px;
      }
      h2 {
        font-size: 60px;
      }
      .label {
        font-size: 32px;
        margin: 16px 0 12px;
      }
      .chip {
        font-size: 36px;
        padding: 22px 36px;
      }
      .actions {
        margin-top: 48px;
      }
      .actions button {
        font-size: 46px;
        padding: 34px 44px;
      }
    }
  `;

  override render() {
    return html`
      <h2>${this.service.name}</h2>
      <div class="label">${t('priority')}</div>
      <div class="chips">
        ${[null, ...this.priorities].map(
          (p) =>
            html`<button
              class="chip"
              data-priority=${p ?? 'none'}
              aria-pressed=${this.priority === p}
              @click=${() => (this.priority = p)}
            >
              ${p ? t(`p_${p}` as Key) : t('none')}
            </button>`,
        )}
      </div>
      <kiosk-keypad
        masked
        .value=${this.idNumber}
        label=${t('idLabel')}
        @entry-change=${(e: CustomEvent<string>) => (this.idNumber = e.detail)}
        @entry-submit=${() => this.take()}
      ></kiosk-keypad>
      <div class="actions">
        <button
          class="back"
          @click=${() => this.dispatchEvent(new CustomEvent('back', { bubbles: true, composed: true }))}
        >
          ${t('back')}
        </button>
        <button class="take" ?disabled=${this.busy} @click=${() => this.take()}>
          ${this.busy ? t('busy') : t('take')}
        </button>
      </div>
    `;
  }

  private take(): void {
    if (this.busy) return;
    const detail: TakeDetail = { priority: this.priority, idNumber: this.idNumber };
    this.dispatchEvent(new CustomEvent('take', { detail, bubbles: true, composed: true }));
  }
}

customElements.define('kiosk-options', KioskOptions);
declare global {
  interface HTMLElementTagNameMap {
    'kiosk-options': KioskOptions;
  }
}
