// Reports: a day or a range grouped by service, window, clerk, hour or day; the table on screen, and
// CSV, Excel and the printable report (with charts) from the server.
import { LitElement, css, html, nothing } from 'lit';
import type { ReportRow } from '../../../server/domain/report';
import { ApiError } from '../shared/device-api';
import { tableStyles } from './shared-styles';
import type { SupervisorApi } from './supervisor-api';
import { lang, t } from './supervisor-i18n';

type Row = ReportRow & { label: string };
const GROUPS = ['service', 'window', 'clerk', 'hour', 'day'] as const;
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10}%`);
const num = (v: number | null) => (v === null ? '—' : String(v));

export class ReportView extends LitElement {
  static override properties = {
    api: { attribute: false },
    day: {},
    from: { state: true },
    to: { state: true },
    by: { state: true },
    report: { state: true },
    error: { state: true },
  };
  declare api: SupervisorApi;
  declare day: string;
  declare from: string;
  declare to: string;
  declare by: (typeof GROUPS)[number];
  declare report: { rows: Row[]; total: Row } | null;
  declare error: string;

  constructor() {
    super();
    this.by = 'service';
    this.report = null;
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
      this.report = await this.api.get(`/api/reports?${this.query()}`);
      this.error = '';
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : String(e);
    }
  }

  private async file(path: string, open = false): Promise<void> {
    await this.api.download(path, open).catch((e: Error) => (this.error = e.message));
  }

  override render() {
    const r = this.report;
    return html`<div class="controls">
        <label
          >${t('from')}<input
            type="date"
            .value=${this.from}
            @change=${(e: Event) => (this.from = (e.target as HTMLInputElement).value)}
        /></label>
        <label
          >${t('to')}<input
            type="date"
            .value=${this.to}
            @change=${(e: Event) => (this.to = (e.target as HTMLInputElement).value)}
        /></label>
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
                  <th>${t(`by_${this.by}`)}</th>
                  <th>取号 Tickets</th>
                  <th>办结 Served</th>
                  <th>过号 No-shows</th>
                  <th>转移 Transfers</th>
                  <th>平均等候 Mean</th>
                  <th>P90</th>
                  <th>最长 Max</th>
                  <th>平均办理 Service</th>
                  <th>目标内 Within</th>
                  <th>满意率 Satisfaction</th>
                  <th>参评率 Rated</th>
                </tr>
              </thead>
              <tbody>
                ${[...r.rows, { ...r.total, label: t('total') }].map(
                  (x, i, all) =>
                    html`<tr class=${i === all.length - 1 ? 'total' : ''} data-key=${x.key}>
                      <td>${x.label}</td>
                      <td>${x.tickets}</td>
                      <td>${x.served}</td>
                      <td>${x.noShows}</td>
                      <td>${x.transfers}</td>
                      <td>${num(x.meanWaitMin)}</td>
                      <td>${num(x.p90WaitMin)}</td>
                      <td>${num(x.maxWaitMin)}</td>
                      <td>${num(x.meanServiceMin)}</td>
                      <td>${pct(x.withinTarget)}</td>
                      <td>${pct(x.satisfaction)}</td>
                      <td>${pct(x.evaluationRate)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }`;
  }
}

customElements.define('report-view', ReportView);

declare global {
  interface HTMLElementTagNameMap {
    'report-view': ReportView;
  }
}
