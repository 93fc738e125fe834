import { LitElement, css, html } from 'lit';
import type { PublicWindowView } from '../../../server/protocol/socket';

/** Every window of the zone with what it is doing: the last call per window. */
export class BoardWindowGrid extends LitElement {
  static override properties = { windows: { attribute: false }, labels: { attribute: false } };
  declare windows: PublicWindowView[];
  declare labels: Record<PublicWindowView['state'], string>;

  constructor() {
    super();
    this.windows = [];
    this.labels = { idle: '', calling: '', serving: '', paused: '', closed: '' };
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
    .name {
      font-size: 2.4vh;
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      min-width: 0;
      margin-right: 0.6vw;
    }
    .num {
      font-size: 4.2vh;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
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
          <span class="name">${w.name}</span>
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
