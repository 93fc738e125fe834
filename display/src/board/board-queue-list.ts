import { LitElement, css, html } from 'lit';
import type { ServiceView } from '../../../server/protocol/views';

/** Waiting counts per service; `--queue-columns` lays a long list out side by side. */
export class BoardQueueList extends LitElement {
  static override properties = { services: { attribute: false }, title: {}, unit: {} };
  declare services: ServiceView[];
  declare title: string;
  declare unit: string;

  constructor() {
    super();
    this.services = [];
    this.title = '';
    this.unit = '';
  }

  static override styles = css`
    :host {
      display: block;
      background: var(--board-card-bg);
      border-radius: 1.2vh;
      padding: 1.5vh 1.5vw;
    }
    h2 {
      margin: 0 0 1vh;
      font-size: 3vh;
      font-weight: 600;
    }
    .rows {
      display: grid;
      grid-template-columns: repeat(var(--queue-columns, 1), minmax(0, 1fr));
      column-gap: 1.6vw;
    }
    .row {
      display: flex;
      justify-content: space-between;
      font-size: 3vh;
      padding: 0.7vh 0;
      border-bottom: 1px solid rgba(255, 255, 255, 0.12);
    }
    .prefix {
      display: inline-block;
      width: 3.6vh;
      color: var(--board-accent);
      font-weight: 700;
    }
    .count {
      font-variant-numeric: tabular-nums;
      font-weight: 700;
    }
  `;

  override render() {
    return html`<h2>${this.title}</h2>
      <div class="rows">
        ${this.services.map(
          (s) =>
            html`<div class="row" data-service=${s.id}>
              <span><span class="prefix">${s.prefix}</span>${s.name}</span>
              <span><span class="count">${s.waiting}</span> ${this.unit}</span>
            </div>`,
        )}
      </div>`;
  }
}
customElements.define('board-queue-list', BoardQueueList);

declare global {
  interface HTMLElementTagNameMap {
    'board-queue-list': BoardQueueList;
  }
}
