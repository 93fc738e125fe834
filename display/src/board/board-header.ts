import { LitElement, css, html } from 'lit';
import { ClockController, hallTime } from '../shared/hall-time';

/** Hall name, zone and a live clock in the hall's time zone. */
export class BoardHeader extends LitElement {
  static override properties = { hallName: {}, zoneLabel: {}, timeZone: {} };
  declare hallName: string;
  declare timeZone: string | undefined;
  declare zoneLabel: string;
  private readonly clock = new ClockController(this);

  constructor() {
    super();
    this.hallName = '';
    this.zoneLabel = '';
  }

  static override styles = css`
    :host {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 0 2.5vw;
      height: 9vh;
      background: var(--board-header-bg);
      color: var(--board-header-fg);
    }
    h1 {
      margin: 0;
      font-size: 4.2vh;
      letter-spacing: 0.2vh;
    }
    .zone {
      font-size: 2.6vh;
      opacity: 0.85;
      margin-left: 1.5vw;
    }
    .clock {
      font-size: 4vh;
      font-variant-numeric: tabular-nums;
    }
    .date {
      font-size: 2.2vh;
      opacity: 0.85;
      margin-right: 1vw;
    }
  `;

  override render() {
    const d = hallTime(this.clock.now, this.timeZone);
    const week = '日一二三四五六'[d.weekday];
    return html`<div>
        <h1>${this.hallName}<span class="zone">${this.zoneLabel}</span></h1>
      </div>
      <div>
        <span class="date">${d.year}年${d.month}月${d.day}日 星期${week}</span>
        <span class="clock" data-testid="clock">${d.hh}:${d.mm}:${d.ss}</span>
      </div>`;
  }
}
customElements.define('board-header', BoardHeader);

declare global {
  interface HTMLElementTagNameMap {
    'board-header': BoardHeader;
  }
}
