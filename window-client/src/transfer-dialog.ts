// The transfer dialog: choose the destination (services and windows in two groups, filtered by typing),
// then type a note, then confirm. Choosing never transfers by itself: a clerk who clicked the wrong line
// can still change it, and the note is written before the visitor leaves. No number keys: a hall has more
// windows than digits, and "keys for some entries only" was a trap; typing narrows the list instead.
import { LitElement, css, html } from 'lit';
import type { ChoiceResult } from './choice-dialog';
import { t } from './i18n';

export interface Destination {
  /** `s:<serviceId>` or `w:<windowNo>`. */
  value: string;
  label: string;
  /** Extra words the search matches (a prefix, a window number). */
  keywords: string;
  /** A service no open window takes now (暂无窗口办理): still allowed, but the clerk sees it. */
  unserved?: boolean;
}

export class TransferDialog extends LitElement {
  static override properties = {
    services: { attribute: false },
    windows: { attribute: false },
    query: { state: true },
    cursor: { state: true },
    chosen: { state: true },
  };
  declare services: Destination[];
  declare windows: Destination[];
  declare query: string;
  /** Index in the filtered list the arrows move over. */
  declare cursor: number;
  declare chosen: Destination | null;

  constructor() {
    super();
    this.services = [];
    this.windows = [];
    this.query = '';
    this.cursor = 0;
    this.chosen = null;
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
      padding: 18px 22px;
      width: min(720px, 92vw);
      max-height: 88vh;
      display: flex;
      flex-direction: column;
      gap: 10px;
      box-sizing: border-box;
    }
    h2 {
      margin: 0;
      font-size: 20px;
    }
    .lists {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 14px;
      overflow: auto;
      min-height: 120px;
    }
    h3 {
      margin: 0 0 4px;
      font-size: 15px;
      color: #555;
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    li {
      padding: 5px 8px;
      border-radius: 6px;
      cursor: pointer;
      font-size: 16px;
    }
    li.cur {
      outline: 2px solid var(--console-primary, #1f5fa8);
    }
    li.sel {
      background: var(--console-primary, #1f5fa8);
      color: #fff;
    }
    .none {
      color: #888;
      font-size: 15px;
    }
    .unserved {
      margin-left: 8px;
      font-size: 13px;
      color: #b3261e;
    }
    li.sel .unserved {
      color: #ffd7d2;
    }
    input {
      width: 100%;
      box-sizing: border-box;
      font-size: 17px;
      padding: 7px;
      font-family: inherit;
    }
    .to {
      font-size: 17px;
    }
    .buttons {
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
    this.input('search')?.focus();
  }

  private input(name: 'search' | 'note'): HTMLInputElement | null {
    return this.renderRoot.querySelector(`input[name=${name}]`);
  }

  private fits(d: Destination): boolean {
    const q = this.query.trim().toLowerCase();
    return !q || `${d.label} ${d.keywords}`.toLowerCase().includes(q);
  }

  private get shown(): { services: Destination[]; windows: Destination[]; all: Destination[] } {
    const services = this.services.filter((d) => this.fits(d));
    const windows = this.windows.filter((d) => this.fits(d));
    return { services, windows, all: [...services, ...windows] };
  }

  override render() {
    const { services, windows, all } = this.shown;
    const cur = all[Math.min(this.cursor, all.length - 1)];
    const item = (d: Destination) =>
      html`<li
        class="${d === cur ? 'cur' : ''} ${d.value === this.chosen?.value ? 'sel' : ''}"
        data-choice=${d.value}
        @click=${() => this.choose(d)}
      >
        ${d.label}${d.unserved ? html`<span class="unserved" data-testid="unserved">${t('transferUnserved')}</span>` : ''}
      </li>`;
    const group = (title: string, list: Destination[], id: string) =>
      html`<section data-group=${id}>
        <h3>${title}</h3>
        ${
          list.length
            ? html`<ul>
                ${list.map(item)}
              </ul>`
            : html`<div class="none">${t('transferNone')}</div>`
        }
      </section>`;
    return html`<div class="box" role="dialog" aria-label=${t('transferTo')} @keydown=${this.key}>
      <h2>${t('transferTo')}</h2>
      <input
        name="search"
        placeholder=${t('transferSearch')}
        aria-label=${t('transferSearch')}
        .value=${this.query}
        @input=${(e: Event) => {
          this.query = (e.target as HTMLInputElement).value;
          this.cursor = 0;
        }}
      />
      <div class="lists">
        ${group(t('transferServices'), services, 'services')} ${group(t('transferWindows'), windows, 'windows')}
      </div>
      <div class="to" data-testid="transfer-to">
        ${this.chosen ? t('transferChosen', { to: this.chosen.label }) : t('transferChoose')}
        ${this.chosen?.unserved ? html`<span class="unserved">${t('transferUnservedWarn')}</span>` : ''}
      </div>
      <input name="note" placeholder=${t('note')} aria-label=${t('note')} />
      <div class="buttons">
        <button @click=${this.cancel}>${t('cancel')} (Esc)</button>
        <button data-testid="transfer-confirm" ?disabled=${!this.chosen} @click=${this.confirm}>
          ${t('a_transfer')} (Enter)
        </button>
      </div>
    </div>`;
  }

  private choose(d: Destination): void {
    this.chosen = d;
    this.input('note')?.focus();
  }

  private readonly cancel = (): void => void this.dispatchEvent(new CustomEvent('cancel'));

  private readonly confirm = (): void => {
    if (!this.chosen) return;
    const text = this.input('note')?.value.trim() ?? '';
    this.dispatchEvent(new CustomEvent<ChoiceResult>('done', { detail: { value: this.chosen.value, text } }));
  };

  private key(e: KeyboardEvent): void {
    e.stopPropagation();
    const inNote = (e.composedPath()[0] as HTMLElement | undefined)?.getAttribute?.('name') === 'note';
    const { all } = this.shown;
    if (e.key === 'Escape') return this.cancel();
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.cursor = Math.max(0, Math.min(all.length - 1, this.cursor + step));
      this.input('search')?.focus();
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    // In the search: Enter takes the line under the cursor and moves on to the note. In the note: confirm.
    if (inNote) return this.confirm();
    const d = all[Math.min(this.cursor, all.length - 1)];
    if (d) this.choose(d);
  }
}
customElements.define('transfer-dialog', TransferDialog);

declare global {
  interface HTMLElementTagNameMap {
    'transfer-dialog': TransferDialog;
  }
}
