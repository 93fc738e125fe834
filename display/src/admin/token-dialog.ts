// The new device tokens of a save, shown this once: a pairing link per screen (the screen keeps the token
// and takes it out of its address bar) with its QR code, and the token itself for MQTT devices.
import { LitElement, css, html } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import qrcode from 'qrcode-generator';
import { t } from './admin-i18n';

/** The page a device of each kind opens (devices without a page pair by their MQTT login). */
const PAGE: Record<string, string> = {
  kiosk: '/kiosk',
  board: '/board',
  windowScreen: '/window-screen',
  pad: '/pad',
};

function qrSvg(data: string): string {
  const q = qrcode(0, 'M');
  q.addData(data, 'Byte');
  q.make();
  return q.createSvgTag({ cellSize: 4, margin: 2, scalable: true });
}

export class TokenDialog extends LitElement {
  static override properties = { tokens: { attribute: false }, kinds: { attribute: false } };
  /** Device id → its new token. */
  declare tokens: Record<string, string>;
  /** Device id → its kind. */
  declare kinds: Record<string, string>;

  static override styles = css`
    .back {
      position: fixed;
      inset: 0;
      background: rgba(0, 0, 0, 0.45);
      display: flex;
      align-items: center;
      justify-content: center;
      z-index: 10;
    }
    .box {
      background: #fff;
      border-radius: 10px;
      padding: 18px 22px;
      max-width: 900px;
      max-height: 90vh;
      overflow: auto;
    }
    .item {
      display: flex;
      gap: 16px;
      align-items: center;
      border-top: 1px solid #e3e8ef;
      padding: 10px 0;
    }
    .qr {
      width: 132px;
      height: 132px;
      flex: none;
    }
    code {
      word-break: break-all;
      font-size: 13px;
      background: #f4f6f9;
      padding: 2px 4px;
    }
    button {
      font-size: 16px;
      padding: 8px 18px;
      background: #1f5fae;
      color: #fff;
      border: 0;
      border-radius: 6px;
      cursor: pointer;
    }
  `;

  override render() {
    const entries = Object.entries(this.tokens);
    return html`<div class="back" role="dialog" aria-modal="true" aria-label=${t('tokensTitle')}>
      <div class="box" data-testid="token-dialog">
        <h2>${t('tokensTitle')}</h2>
        <p>${t('tokensHelp')}</p>
        ${entries.map(([id, token]) => {
          const page = PAGE[this.kinds[id] ?? ''];
          const link = page ? `${location.origin}${page}?token=${encodeURIComponent(token)}` : null;
          return html`<div class="item" data-device=${id}>
            ${link ? html`<div class="qr">${unsafeSVG(qrSvg(link))}</div>` : ''}
            <div>
              <strong>${id}</strong>
              ${link ? html`<div><a href=${link} target="_blank" rel="noopener" data-testid="pair-link">${link}</a></div>` : ''}
              <div>${t('token')}: <code data-testid="token">${token}</code></div>
            </div>
          </div>`;
        })}
        <button @click=${() => this.dispatchEvent(new Event('close'))}>${t('closeDialog')}</button>
      </div>
    </div>`;
  }
}

customElements.define('token-dialog', TokenDialog);

declare global {
  interface HTMLElementTagNameMap {
    'token-dialog': TokenDialog;
  }
}
