// Reports: a day or a range grouped by service, window, clerk, hour or day; the table on screen, and
// CSV, Excel and the printable report (with charts) from the server.
import { LitElement, css, html, nothing } from 'lit';
import type { Report } from '../../../server/core/reports';
import type { PromiseAccuracy } from '../../../server/domain/promise-accuracy';
import { cellText, COLUMNS, reportLines } from '../../../server/reports/columns';
import { ApiError } from '../shared/device-api';
import { tableStyles } from './shared-styles';
import type { SupervisorApi } from './supervisor-api';
import { lang, t } from './supervisor-i18n';

const GROUPS = ['service', 'window', 'clerk', 'hour', 'day'] as const;
/** A hall day typed as YYYY-MM-DD, whatever the browser's own date format (a US browser shows mm/dd/yyyy). */
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ReportView extends LitElement {
  static override properties = {
    api: { attribute: false },
    day: {},
    from: { state: true },
    to: { state: true },
    by: { state: true },
    report: { state: true },
    accuracy: { state: true },
    error: { state: true },
  };
  declare api: SupervisorApi;
  declare day: string;
  declare from: string;
  declare to: string;
  declare by: (typeof GROUPS)[number];
  declare report: Report | null;
  /** How right the printed waits of the range were (issue 25). */
  declare accuracy: PromiseAccuracy | null;
  declare error: string;

  constructor() {
    super();
    this.by = 'service';
    this.report = null;
    this.accuracy = null;
    this.error = '';
  }

  static override styles = [
    tableStyles,
    css`
      :host {
        display: block;
        background: #fff;
        border-radius: 8px;
        padding: 12px 16px;
      }
      .controls {
        display: flex;
        gap: 12px;
        flex-wrap: wrap;
        align-items: end;
        margin-bottom: 12px;
      }
      label {
        display: flex;
        flex-direction: column;
        font-size: 13px;
      }
      input,
      select,
      button {
        font-size: 15px;
        padding: 4px 8px;
      }
      table {
        font-size: 14px;
      }
      tr.total {
        font-weight: bold;
      }
      .error {
        color: var(--sv-bad, #c62828);
      }
      .accuracy {
        margin-top: 12px;
        font-size: 14px;
        color: #334;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.from ??= this.day;
    this.to ??= this.day;
    void this.load();
  }

  private query(extra = ''): string {
    return `from=${this.from}&to=${this.to}&by=${this.by}&lang=${lang}${extra}`;
  }

  private async load(): Promise<void> {
    try {
      [this.report, this.accuracy] = await Promise.all([
        this.api.get<Report>(`/api/reports?${this.query()}`),
        this.api.get<PromiseAccuracy>(`/api/reports/wait-accuracy?from=${this.from}&to=${this.to}`),
      ]);
      this.error = '';
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : String(e);
    }
  }

  private async file(path: string, open = false): Promise<void> {
    await this.api.download(path, open).catch((e: Error) => (this.error = e.message));
  }

  private dayInput(which: 'from' | 'to') {
    return html`<input
      name=${which}
      inputmode="numeric"
      placeholder="YYYY-MM-DD"
      pattern="\\d{4}-\\d{2}-\\d{2}"
      size="10"
      .value=${this[which]}
      @change=${(e: Event) => {
        const v = (e.target as HTMLInputElement).value.trim();
        if (DAY.test(v)) this[which] = v;
        else this.error = t('badDay');
      }}
    />`;
  }

  override render() {
    const r = this.report;
    return html`<div class="controls">
        <label>${t('from')}${this.dayInput('from')}</label>
        <label>${t('to')}${this.dayInput('to')}</label>
        <label
          >${t('by')}
          <select @change=${(e: Event) => (this.by = (e.target as HTMLSelectElement).value as ReportView['by'])}>
            ${GROUPS.map((g) => html`<option value=${g} ?selected=${g === this.by}>${t(`by_${g}`)}</option>`)}
          </select>
        </label>
        <button @click=${this.load}>${t('show')}</button>
        <button data-export="csv" @click=${() => this.file(`/api/reports/export?${this.query('&format=csv')}`)}>
          ${t('csv')}
        </button>
        <button data-export="xlsx" @click=${() => this.file(`/api/reports/export?${this.query('&format=xlsx')}`)}>
          ${t('xlsx')}
        </button>
        <button data-export="print" @click=${() => this.file(`/api/reports/print?${this.query()}`, true)}>
          ${t('print')}
        </button>
      </div>
      <div class="error" role="alert">${this.error}</div>
      ${
        r
          ? html`<table>
              <thead>
                <tr>
                  ${COLUMNS.map((c, i) => html`<th>${i === 0 ? t(`by_${this.by}`) : c[lang]}</th>`)}
                </tr>
              </thead>
              <tbody>
                ${reportLines(r, lang).map(
                  (x, i, all) =>
                    html`<tr class=${i === all.length - 1 ? 'total' : ''} data-key=${x.key}>
                      ${COLUMNS.map((c) => html`<td>${cellText(x, c) || '—'}</td>`)}
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }
      ${this.accuracyLine()}`;
  }

  /** 预计等候兑现: how right the figures printed on the range's tickets were, against their calls. */
  private accuracyLine() {
    const a = this.accuracy;
    if (!a) return nothing;
    const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
    return html`<div class="accuracy" data-testid="wait-accuracy">
      <b>${t('accuracyTitle')}</b>
      ${
        a.n === 0
          ? t('accuracyNone')
          : t('accuracyLine', {
              n: a.n,
              mae: a.mae ?? '—',
              bias: a.bias === null ? '—' : `${a.bias > 0 ? '+' : ''}${a.bias}`,
              within: pct(a.withinRange),
              soon: a.soon.n,
              kept: pct(a.soon.kept),
            })
      }
    </div>`;
  }
}

customElements.define('report-view', ReportView);

declare global {
  interface HTMLElementTagNameMap {
    'report-view': ReportView;
  }
}
