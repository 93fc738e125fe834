import { LitElement, css, html } from 'lit';
import type { PublicWindowView } from '../../../server/protocol/socket';

/**
 * Every window of the zone with what it is doing: the last call per window. Each tile leads with the
 * number the announcement says (到1号窗口); a long name wraps rather than being cut, and the state or
 * ticket beside it never wraps.
 */
export class BoardWindowGrid extends LitElement {
  static override properties = {
    windows: { attribute: false },
    labels: { attribute: false },
    windowNo: { attribute: false },
  };
  declare windows: PublicWindowView[];
  declare labels: Record<PublicWindowView['state'], string>;
  /** How a window's number is said (1号). */
  declare windowNo: (no: number) => string;

  constructor() {
    super();
    this.windows = [];
    this.labels = { idle: '', calling: '', serving: '', paused: '', closed: '' };
    this.windowNo = String;
  }

  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(15vw, 1fr));
      gap: 1.2vh 1vw;
      align-content: start;
    }
    .w {
      background: var(--board-card-bg);
      border-radius: 0.8vh;
      padding: 1vh 1vw;
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      border-left: 0.6vh solid transparent;
    }
    .w.calling {
      border-left-color: var(--board-accent);
    }
    .w.paused,
    .w.closed {
      opacity: 0.55;
    }
    /* The number and the name side by side, the name on a line of its own when both do not fit. */
    .name {
      font-size: 2.4vh;
      line-height: 1.25;
      min-width: 0;
      margin-right: 0.6vw;
      display: flex;
      flex-wrap: wrap;
      column-gap: 0.4em;
    }
    .name.long {
      font-size: 2vh;
    }
    .no {
      font-weight: 700;
      white-space: nowrap;
    }
    .num {
      font-size: 4.2vh;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .num,
    .state {
      white-space: nowrap;
      flex-shrink: 0;
    }
    .calling .num {
      color: var(--board-accent);
    }
    .state {
      font-size: 2.2vh;
      opacity: 0.8;
    }
  `;

  override render() {
    return this.windows.map(
      (w) =>
        html`<div class="w ${w.state}" data-window=${w.no}>
          <span class="name ${w.name.length > 6 ? 'long' : ''}"
            ><span class="no" data-testid="window-no">${this.windowNo(w.no)}</span><span>${w.name}</span></span
          >
          ${
            w.ticket && (w.state === 'calling' || w.state === 'serving')
              ? html`<span class="num">${w.ticket.number}</span>`
              : html`<span class="state"
                  >${this.labels[w.state]}${w.state === 'paused' && w.pauseReason ? `·${w.pauseReason}` : ''}</span
                >`
          }
        </div>`,
    );
  }
}
customElements.define('board-window-grid', BoardWindowGrid);

declare global {
  interface HTMLElementTagNameMap {
    'board-window-grid': BoardWindowGrid;
  }
}
