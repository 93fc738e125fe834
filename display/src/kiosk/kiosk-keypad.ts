// A large on-screen keypad with its entry field. An ID-card reader or a keyboard types into the field
// and ends with Enter; both paths give the same `value`. A masked entry (ID numbers) shows only the first 3
// and last 4 characters, as everywhere else in the product: people stand behind the visitor at a kiosk.
import { LitElement, css, html } from 'lit';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** First 3 and last 4 in clear (the masked form staff see), so the visitor can still check the ends. */
export const maskTyped = (v: string): string =>
  v.length <= 7 ? v : `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;

export class KioskKeypad extends LitElement {
  static override properties = {
    value: { type: String },
    label: { type: String },
    letters: { type: Boolean },
    maxLength: { type: Number },
    masked: { type: Boolean },
  };
  /** Shown masked on screen; the field still holds the real value for the reader and the form. */
  declare masked: boolean;
  declare value: string;
  declare label: string;
  /** Letters too (appointment codes); else digits and X (ID numbers). */
  declare letters: boolean;
  declare maxLength: number;

  constructor() {
    super();
    this.value = '';
    this.label = '';
    this.letters = false;
    this.maxLength = 18;
    this.masked = false;
  }

  static override styles = css`
    :host {
      display: block;
    }
    label {
      display: block;
      font-size: var(--kiosk-label-font, 24px);
      margin-bottom: 8px;
      color: var(--kiosk-muted, #4a5b70);
    }
    .field {
      position: relative;
    }
    .masked input {
      color: transparent;
      caret-color: transparent;
    }
    .shown {
      position: absolute;
      inset: 0;
      display: flex;
      align-items: center;
      padding: 0 18px;
      font-size: var(--kiosk-entry-font, 38px);
      letter-spacing: 3px;
      pointer-events: none;
    }
    input {
      width: 100%;
      box-sizing: border-box;
      font-size: var(--kiosk-entry-font, 38px);
      letter-spacing: 3px;
      padding: 12px 16px;
      border: 2px solid #b9c4d2;
      border-radius: 12px;
      font-family: inherit;
    }
    .keys {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: var(--kiosk-key-gap, 10px);
      margin-top: 12px;
    }
    .keys.letters {
      grid-template-columns: repeat(7, 1fr);
    }
    button {
      font: inherit;
      /* Larger on a tall portrait kiosk (the page sets these): a key is pressed with a finger. */
      font-size: var(--kiosk-key-font, 30px);
      min-height: var(--kiosk-key-height, 64px);
      border-radius: 12px;
      border: 0;
      background: #e9eef5;
      cursor: pointer;
      touch-action: manipulation;
    }
    button:active {
      background: #cfd9e6;
    }
  `;

  override render() {
    const keys = this.letters ? [...DIGITS, '0', ...'ABCDEFGHJKLMNPQRSTUVWXYZ'] : [...DIGITS, 'X', '0'];
    return html`
      <label for="entry">${this.label}</label>
      <div class="field ${this.masked ? 'masked' : ''}">
        <input
          id="entry"
          .value=${this.value}
          inputmode="none"
          autocomplete="off"
          spellcheck="false"
          maxlength=${this.maxLength}
          @input=${(e: InputEvent) => this.set((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.fire('entry-submit', this.value)}
        />
        ${this.masked ? html`<span class="shown" data-shown aria-hidden="true">${maskTyped(this.value)}</span>` : null}
      </div>
      <div class="keys ${this.letters ? 'letters' : ''}">
        ${keys.map((k) => html`<button data-key=${k} @click=${() => this.set(this.value + k)}>${k}</button>`)}
        <button data-key="back" aria-label="删除" @click=${() => this.set(this.value.slice(0, -1))}>⌫</button>
      </div>
    `;
  }

  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  private set(v: string): void {
    this.value = v.toUpperCase().replace(/\s+/g, '').slice(0, this.maxLength);
    this.fire('entry-change', this.value);
  }

  private fire(type: 'entry-change' | 'entry-submit', value: string): void {
    this.dispatchEvent(new CustomEvent(type, { detail: value, bubbles: true, composed: true }));
  }
}

customElements.define('kiosk-keypad', KioskKeypad);
declare global {
  interface HTMLElementTagNameMap {
    'kiosk-keypad': KioskKeypad;
  }
}
