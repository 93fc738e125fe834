// 历史版本: every saved version (who, when, from where) with a one-click return to any of them.
import { LitElement, html } from 'lit';
import type { AdminApi, VersionInfo } from './admin-api';
import { tabStyles } from './admin-styles';
import { t } from './admin-i18n';

/** How a version came: the file, the page (a photo says whose: admin/photo-routes.ts), or a restore. */
function source(v: VersionInfo): string {
  const photo = v.source === 'admin' && v.note ? /^photo (\S+)( removed)?$/.exec(v.note) : null;
  if (photo) return t(photo[2] ? 'source_photoRemoved' : 'source_photo', { id: photo[1]! });
  return t(`source_${v.source}`, { note: v.note ?? '' });
}

export class HistoryTab extends LitElement {
  static override properties = { api: { attribute: false }, versions: { state: true }, current: { state: true } };
  declare api: AdminApi;
  declare versions: VersionInfo[];
  declare current: number;
  static override styles = tabStyles;

  constructor() {
    super();
    this.versions = [];
    this.current = 0;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    const h = await this.api.history();
    this.versions = h.versions;
    this.current = h.current;
  }

  private restore(v: number): void {
    if (!confirm(t('confirmRestore', { n: v }))) return;
    this.dispatchEvent(new CustomEvent('restore', { detail: v, bubbles: true, composed: true }));
  }

  override render() {
    const fmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });
    return html`<table data-testid="history">
      <thead>
        <tr>
          <th>#</th>
          <th>${t('when')}</th>
          <th>${t('who')}</th>
          <th>${t('source')}</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        ${this.versions.map(
          (v) =>
            html`<tr data-version=${v.version}>
              <td>${v.version}</td>
              <td>${fmt.format(new Date(v.savedAt))}</td>
              <td>${v.savedBy.replace(/^clerk:/, '')}</td>
              <td>${source(v)}</td>
              <td>
                ${
                  v.version === this.current
                    ? html`<span class="muted">${t('current')}</span>`
                    : html`<button data-testid=${`restore-${v.version}`} @click=${() => this.restore(v.version)}>
                        ${t('restore')}
                      </button>`
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

customElements.define('history-tab', HistoryTab);

declare global {
  interface HTMLElementTagNameMap {
    'history-tab': HistoryTab;
  }
}
