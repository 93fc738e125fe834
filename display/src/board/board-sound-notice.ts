import { LitElement, css, html } from 'lit';

/**
 * Across the board, large, while the board cannot sound: the hall must see at a glance that its calls
 * are not heard (a corner hint is missed), and what to do. Touching anywhere on the board fixes a block.
 */
export class BoardSoundNotice extends LitElement {
  static override properties = { headline: {}, detail: {} };
  declare headline: string;
  declare detail: string;

  constructor() {
    super();
    this.headline = '';
    this.detail = '';
  }

  static override styles = css`
    :host {
      position: fixed;
      left: 0;
      right: 0;
      bottom: 9vh;
      z-index: 3;
      display: flex;
      align-items: center;
      gap: 2vw;
      padding: 2.2vh 3vw;
      background: #c62828;
      color: #fff;
      box-shadow: 0 0 4vh rgba(0, 0, 0, 0.6);
      animation: pulse 2s ease-in-out infinite;
    }
    .icon {
      width: 10vh;
      height: 10vh;
      flex: none;
    }
    .headline {
      font-size: 5.4vh;
      font-weight: 700;
    }
    .detail {
      font-size: 3vh;
      margin-top: 0.8vh;
      opacity: 0.95;
    }
    @keyframes pulse {
      50% {
        background: #a31515;
      }
    }
  `;

  override render() {
    // A speaker with a cross, drawn (an emoji may be missing from the board PC's fonts).
    return html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
        <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
        <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
      </svg>
      <div role="alert" data-testid="sound-notice">
        <div class="headline">${this.headline}</div>
        <div class="detail">${this.detail}</div>
      </div>`;
  }
}
customElements.define('board-sound-notice', BoardSoundNotice);

declare global {
  interface HTMLElementTagNameMap {
    'board-sound-notice': BoardSoundNotice;
  }
}
