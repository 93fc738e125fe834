import { LitElement, css, html } from 'lit';
import type { CallView } from '../../../server/protocol/views';
import { hallHm } from '../shared/hall-time';

/**
 * The latest calls, newest first (number → window), large enough to read across the hall: a visitor
 * who looked away while two calls came in a few seconds apart still finds theirs.
 */
export class BoardRecentCalls extends LitElement {
  static override properties = {
    calls: { attribute: false },
    title: {},
    timeZone: {},
    max: { type: Number },
    recallText: {},
    callBackText: {},
    windowNo: { attribute: false },
  };
  declare calls: CallView[];
  declare title: string;
  declare timeZone: string | undefined;
  declare max: number;
  declare recallText: string;
  declare callBackText: string;
  /** How a window's number is said (1号). */
  declare windowNo: (no: number) => string;

  constructor() {
    super();
    this.calls = [];
    this.title = '';
    this.max = 6;
    this.recallText = '';
    this.callBackText = '';
    this.windowNo = String;
  }

  /**
   * 重呼 for a recall; 回呼 for a ticket called again at the same window that is not a recall (called back
   * after a hold): without a word it would read as the same line twice. The call carries no kind, so this
   * is read from the list (a transfer calls at another window and is not labelled).
   */
  private label(c: CallView, i: number): string {
    if (c.recall) return this.recallText;
    const same = (o: CallView) => o.ticket.number === c.ticket.number && o.windowNo === c.windowNo;
    const before = this.calls.slice(i + 1).some(same);
    return before ? this.callBackText : '';
  }

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      background: var(--board-card-bg);
      border-radius: 1.2vh;
      padding: 1.2vh 1.5vw;
      min-height: 0;
      overflow: hidden;
    }
    h2 {
      margin: 0 0 0.6vh;
      font-size: 3vh;
      font-weight: 600;
    }
    .row {
      display: grid;
      grid-template-columns: auto 1fr auto;
      align-items: baseline;
      gap: 1vw;
      padding: 0.5vh 0;
      border-bottom: 1px solid rgba(255, 255, 255, 0.12);
    }
    .row:first-of-type .num {
      color: var(--board-accent);
    }
    .num {
      /* In the number's own font: five signs (A0012) wide, so the windows line up. */
      min-width: 5.2ch;
      font-size: 4.6vh;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .win {
      font-size: 3.6vh;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      min-width: 0;
    }
    .at {
      font-size: 2.4vh;
      opacity: 0.75;
      font-variant-numeric: tabular-nums;
    }
    .recall {
      font-size: 2.2vh;
      color: var(--board-accent);
      margin-left: 0.5vw;
    }
  `;

  override render() {
    return html`<h2>${this.title}</h2>
      ${this.calls.slice(0, this.max).map((c, i) => {
        const label = this.label(c, i);
        return html`<div class="row" data-testid="recent-call">
          <span class="num">${c.ticket.number}</span>
          <span class="win"
            >→ <b>${this.windowNo(c.windowNo)}</b> ${c.windowName}${
              label ? html`<span class="recall" data-testid="call-label">${label}</span>` : ''
            }</span
          >
          <span class="at">${hallHm(c.at, this.timeZone)}</span>
        </div>`;
      })}`;
  }
}
customElements.define('board-recent-calls', BoardRecentCalls);

declare global {
  interface HTMLElementTagNameMap {
    'board-recent-calls': BoardRecentCalls;
  }
}
