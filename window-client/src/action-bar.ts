import { LitElement, css, html } from 'lit';
import type { WindowView } from '../../server/protocol/views';
import { t } from './i18n';
import { SHORTCUTS, type ConsoleAction } from './shortcuts';

/** A button for every operation, with its shortcut; fires `action` with the action's name. */
export class ActionBar extends LitElement {
  static override properties = { window: { attribute: false }, heldCount: { type: Number } };
  declare window: WindowView | null;
  declare heldCount: number;

  constructor() {
    super();
    this.window = null;
    this.heldCount = 0;
  }

  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: repeat(6, 1fr);
      gap: 10px;
    }
    button {
      font-size: 20px;
      padding: 14px 6px;
      border: 0;
      border-radius: 8px;
      background: #fff;
      box-shadow: 0 1px 3px rgba(0, 0, 0, 0.15);
      cursor: pointer;
      font-family: inherit;
    }
    button.primary {
      background: var(--console-primary);
      color: #fff;
    }
    button:disabled {
      opacity: 0.4;
      cursor: default;
    }
    kbd {
      display: block;
      font-size: 13px;
      opacity: 0.7;
      font-family: inherit;
    }
  `;

  override render() {
    const w = this.window;
    const state = w?.state ?? 'closed';
    const has = state === 'calling' || state === 'serving';
    const enabled: Record<ConsoleAction, boolean> = {
      next: state !== 'paused' && state !== 'closed',
      recall: state === 'calling',
      start: state === 'calling',
      finish: has,
      skip: state === 'calling',
      hold: has,
      transfer: has,
      call: !has && state !== 'paused' && state !== 'closed',
      pause: state === 'idle' || state === 'paused',
      callBack: !has && this.heldCount > 0 && state !== 'paused',
      evaluate: state === 'serving',
    };
    const label = (a: ConsoleAction) => (a === 'pause' && state === 'paused' ? t('a_resume') : t(`a_${a}` as 'a_next'));
    return (Object.keys(SHORTCUTS) as ConsoleAction[]).map(
      (a) =>
        html`<button
          class=${a === 'next' ? 'primary' : ''}
          data-action=${a}
          ?disabled=${!enabled[a]}
          @click=${() => this.dispatchEvent(new CustomEvent<ConsoleAction>('action', { detail: a, bubbles: true, composed: true }))}
        >
          ${label(a)}<kbd>${SHORTCUTS[a]}</kbd>
        </button>`,
    );
  }
}
customElements.define('action-bar', ActionBar);

declare global {
  interface HTMLElementTagNameMap {
    'action-bar': ActionBar;
  }
}
