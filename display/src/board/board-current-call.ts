import { LitElement, css, html } from 'lit';
import type { CallView } from '../../../server/protocol/views';

/** The current call, large, flashing for a few seconds after it arrives. */
export class BoardCurrentCall extends LitElement {
  static override properties = {
    call: { attribute: false },
    idleText: {},
    recallText: {},
    windowNo: { attribute: false },
  };
  declare call: CallView | null;
  declare idleText: string;
  declare recallText: string;
  /** How a window's number is said (1号). */
  declare windowNo: (no: number) => string;

  constructor() {
    super();
    this.call = null;
    this.idleText = '';
    this.recallText = '';
    this.windowNo = String;
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      background: var(--board-call-bg);
      color: var(--board-call-fg);
      border-radius: 1.2vh;
      padding: 2vh 2vw;
      text-align: center;
    }
    .number {
      font-size: 19vh;
      font-weight: 700;
      line-height: 1;
      color: var(--board-accent);
      font-variant-numeric: tabular-nums;
    }
    .to {
      font-size: 7vh;
      margin-top: 2vh;
    }
    .text {
      font-size: 3.4vh;
      margin-top: 2vh;
      opacity: 0.9;
    }
    .flash {
      animation: flash 0.6s steps(2, jump-none) 6;
    }
    @keyframes flash {
      50% {
        opacity: 0.15;
      }
    }
    .idle {
      font-size: 6vh;
      opacity: 0.6;
    }
    .recall {
      font-size: 3vh;
      color: var(--board-accent);
    }
  `;

  override render() {
    const c = this.call;
    if (!c) return html`<div class="idle">${this.idleText}</div>`;
    // A new key per call restarts the flashing animation.
    return html`<div class="flash" data-key=${c.at + c.ticket.number}>
      <div class="number" data-testid="current-number">${c.ticket.number}</div>
      <div class="to"><b>${this.windowNo(c.windowNo)}</b> ${c.windowName}</div>
      <div class="text" data-testid="current-text">${c.announcement}</div>
      ${c.recall ? html`<div class="recall">${this.recallText}</div>` : ''}
    </div>`;
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('call')) {
      const el = this.renderRoot.querySelector('.flash');
      if (el) {
        el.classList.remove('flash');
        void (el as HTMLElement).offsetWidth;
        el.classList.add('flash');
      }
    }
  }
}
customElements.define('board-current-call', BoardCurrentCall);

declare global {
  interface HTMLElementTagNameMap {
    'board-current-call': BoardCurrentCall;
  }
}
