import { LitElement, css, html } from 'lit';

/** The supervisor's notice, scrolling along the bottom of the board. */
export class BoardNotice extends LitElement {
  static override properties = { text: {} };
  declare text: string;

  constructor() {
    super();
    this.text = '';
  }

  static override styles = css`
    :host {
      display: block;
      overflow: hidden;
      white-space: nowrap;
      background: var(--board-notice-bg);
      color: var(--board-notice-fg);
      font-size: 3.2vh;
      height: 6vh;
      line-height: 6vh;
    }
    span {
      display: inline-block;
      padding-left: 100%;
      animation: scroll 28s linear infinite;
    }
    @keyframes scroll {
      to {
        transform: translateX(-100%);
      }
    }
  `;

  override render() {
    return html`<span data-testid="notice">${this.text}</span>`;
  }
}
customElements.define('board-notice', BoardNotice);

declare global {
  interface HTMLElementTagNameMap {
    'board-notice': BoardNotice;
  }
}
