import { LitElement, css, html } from 'lit';
import { t } from './i18n';

export interface Choice {
  value: string;
  label: string;
}

export interface ChoiceResult {
  value: string | null;
  text: string;
}

/**
 * A keyboard-first dialog: pick from a numbered list (digit keys or arrows + Enter) and/or type a text;
 * Enter confirms, Esc cancels. Fires `done` with the result, or `cancel`. With `preselect` off nothing is
 * chosen at first and Enter does nothing until a choice is made: for a question where a habitual Enter
 * must not answer for the clerk (叫号's 已到/未到).
 */
export class ChoiceDialog extends LitElement {
  static override properties = {
    heading: {},
    choices: { attribute: false },
    textLabel: {},
    preselect: { type: Boolean },
    selected: { state: true },
  };
  declare heading: string;
  declare choices: Choice[];
  declare textLabel: string;
  declare preselect: boolean;
  /** The chosen line, or -1 for none yet. */
  declare selected: number;

  constructor() {
    super();
    this.heading = '';
    this.choices = [];
    this.textLabel = '';
    this.preselect = true;
    this.selected = 0;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('preselect')) this.selected = this.preselect ? Math.max(0, this.selected) : -1;
  }

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      background: rgba(0, 0, 0, 0.35);
      display: flex;
      align-items: center;
      justify-content: center;
      z-index: 10;
    }
    .box {
      background: #fff;
      border-radius: 10px;
      padding: 20px 24px;
      min-width: 420px;
      max-height: 80vh;
      overflow: auto;
    }
    h2 {
      margin: 0 0 12px;
      font-size: 20px;
    }
    ol {
      list-style: none;
      padding: 0;
      margin: 0 0 12px;
      columns: 2;
    }
    li {
      padding: 6px 8px;
      border-radius: 6px;
      cursor: pointer;
      font-size: 17px;
    }
    li.sel {
      background: var(--console-primary);
      color: #fff;
    }
    input {
      width: 100%;
      box-sizing: border-box;
      font-size: 18px;
      padding: 8px;
    }
    .buttons {
      margin-top: 14px;
      text-align: right;
    }
    button {
      font-size: 16px;
      padding: 6px 16px;
      margin-left: 8px;
      font-family: inherit;
    }
  `;

  override firstUpdated(): void {
    (this.renderRoot.querySelector('input') ?? (this.renderRoot.querySelector('.box') as HTMLElement))?.focus();
  }

  override render() {
    return html`<div class="box" tabindex="-1" role="dialog" aria-label=${this.heading} @keydown=${this.key}>
      <h2>${this.heading}</h2>
      ${
        this.choices.length
          ? html`<ol>
              ${this.choices.map(
                (c, i) =>
                  html`<li
                    class=${i === this.selected ? 'sel' : ''}
                    data-choice=${c.value}
                    @click=${() => this.finish(i)}
                  >
                    ${i < 9 ? `${i + 1}. ` : ''}${c.label}
                  </li>`,
              )}
            </ol>`
          : ''
      }
      ${this.textLabel ? html`<input placeholder=${this.textLabel} aria-label=${this.textLabel} />` : ''}
      <div class="buttons">
        <button @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>${t('cancel')} (Esc)</button>
        <button ?disabled=${this.nothingChosen} @click=${() => this.finish(this.selected)}>
          ${t('confirm')} (Enter)
        </button>
      </div>
    </div>`;
  }

  private key(e: KeyboardEvent): void {
    e.stopPropagation();
    const typing = (e.target as HTMLElement).tagName === 'INPUT';
    if (e.key === 'Escape') return void this.dispatchEvent(new CustomEvent('cancel'));
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!this.nothingChosen) this.finish(this.selected);
      return;
    }
    if (e.key === 'ArrowDown') this.selected = Math.min(this.choices.length - 1, this.selected + 1);
    if (e.key === 'ArrowUp') this.selected = Math.max(0, this.selected - 1);
    if (!typing && /^[1-9]$/.test(e.key) && Number(e.key) <= this.choices.length) this.finish(Number(e.key) - 1);
  }

  /** A list to choose from and nothing chosen in it yet. */
  private get nothingChosen(): boolean {
    return this.choices.length > 0 && this.selected < 0;
  }

  private finish(i: number): void {
    const text = (this.renderRoot.querySelector('input') as HTMLInputElement | null)?.value.trim() ?? '';
    const value = this.choices[i]?.value ?? null;
    this.dispatchEvent(new CustomEvent<ChoiceResult>('done', { detail: { value, text } }));
  }
}
customElements.define('choice-dialog', ChoiceDialog);

declare global {
  interface HTMLElementTagNameMap {
    'choice-dialog': ChoiceDialog;
  }
}
