// 为何叫此号: a small button that shows why the visitor at a window was called (issue 24), for the
// supervisor's window cards and the clerk's console. It asks the server only when pressed.
import { LitElement, css, html, nothing } from 'lit';
import type { CallReasonView } from '../../../server/protocol/views';
import { callReasonLines } from './call-reason-text';

export class CallReason extends LitElement {
  static override properties = {
    windowNo: { type: Number },
    number: { type: String },
    lang: { type: String },
    load: { attribute: false },
    lines: { state: true },
  };
  declare windowNo: number;
  /** The number at the window: a new one hides the old reason. */
  declare number: string;
  declare lang: 'zh' | 'en';
  declare load: (path: string) => Promise<{ reason: CallReasonView | null }>;
  declare lines: string[] | null;
  private shownFor = '';

  static override styles = css`
    button {
      font: inherit;
      font-size: 13px;
      padding: 1px 6px;
      border: none;
      background: none;
      color: #1f5fae;
      text-decoration: underline;
      cursor: pointer;
    }
    ul {
      margin: 4px 0 0;
      padding: 6px 10px 6px 22px;
      background: #f3f6fa;
      border-radius: 6px;
      font-size: 13px;
      color: #334;
      text-align: left;
    }
  `;

  constructor() {
    super();
    this.lang = 'zh';
    this.lines = null;
  }

  override willUpdate(): void {
    if (this.lines && this.shownFor !== this.number) this.lines = null;
  }

  private async toggle(): Promise<void> {
    if (this.lines) {
      this.lines = null;
      return;
    }
    const zh = this.lang === 'zh';
    try {
      const { reason } = await this.load(`/api/windows/${this.windowNo}/why`);
      this.shownFor = this.number;
      this.lines = reason
        ? callReasonLines(reason, this.lang)
        : [zh ? '此窗口当前没有叫号' : 'Nobody is called here now'];
    } catch {
      this.lines = [zh ? '暂时无法获取，请稍后再试' : 'Not available now; try again'];
    }
  }

  override render() {
    const zh = this.lang === 'zh';
    return html`<button data-testid="why" aria-expanded=${this.lines !== null} @click=${() => void this.toggle()}>
        ${zh ? '为何叫此号' : 'Why this number'}
      </button>
      ${
        this.lines
          ? html`<ul data-testid="why-lines">
              ${this.lines.map((l) => html`<li>${l}</li>`)}
            </ul>`
          : nothing
      }`;
  }
}

customElements.define('call-reason', CallReason);
declare global {
  interface HTMLElementTagNameMap {
    'call-reason': CallReason;
  }
}
