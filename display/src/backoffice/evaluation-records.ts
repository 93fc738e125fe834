// 好差评记录: search a day range's evaluations by window, clerk, service, level and comment; the figures per
// clerk, window or service as a table and an ECharts bar chart; export what the search found as CSV.
import { LitElement, css, html, nothing } from 'lit';
import type { EvaluationFigures } from '../../../server/core/evaluation-figures';
import type { EvaluationView } from '../../../server/protocol/views';
import { ApiError } from '../shared/device-api';
import { hallHm } from '../shared/hall-time';
import type { SupervisorApi } from '../supervisor/supervisor-api';
import { tableStyles } from '../supervisor/shared-styles';
import type { HallLists } from './backoffice-app';
import { lang, t } from './backoffice-i18n';
import '../shared/hall-chart';
import { rateChartOption } from './rate-chart';

const LEVELS = ['very_satisfied', 'satisfied', 'basic', 'dissatisfied', 'very_dissatisfied', 'unrated'] as const;
type By = 'clerk' | 'window' | 'service';
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export class EvaluationRecords extends LitElement {
  static override properties = {
    api: { attribute: false },
    hall: { attribute: false },
    records: { state: true },
    figures: { state: true },
    clerks: { state: true },
    by: { state: true },
    error: { state: true },
  };
  declare api: SupervisorApi;
  declare hall: HallLists;
  declare records: EvaluationView[] | null;
  declare figures: EvaluationFigures[];
  declare clerks: { key: string; label: string }[];
  declare by: By;
  declare error: string;
  private query = '';

  constructor() {
    super();
    this.records = null;
    this.figures = [];
    this.clerks = [];
    this.by = 'clerk';
    this.error = '';
  }

  static override styles = [
    tableStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 14px;
        align-items: end;
        background: #fff;
        padding: 10px 14px;
        border-radius: 8px;
      }
      label {
        display: flex;
        flex-direction: column;
        font-size: 13px;
        color: #556;
      }
      input,
      select,
      button {
        font-size: 15px;
        padding: 4px 8px;
      }
      .primary {
        background: var(--bo-primary, #1f5fae);
        color: #fff;
        border: 0;
        border-radius: 4px;
        padding: 6px 16px;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 14px;
        margin-top: 12px;
      }
      section {
        background: #fff;
        border-radius: 8px;
        padding: 10px 14px;
        min-width: 0;
      }
      h2 {
        font-size: 16px;
        margin: 0 0 8px;
        display: flex;
        gap: 10px;
        align-items: center;
      }
      .scroll {
        max-height: 62vh;
        overflow: auto;
      }
      td,
      th {
        text-align: left;
        font-size: 14px;
      }
      .bad {
        color: #c62828;
        font-weight: bold;
      }
      .muted {
        color: #889;
      }
      .error {
        color: #c62828;
      }
      @media (max-width: 1500px) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load(new URLSearchParams({ from: this.hall.hall.day, to: this.hall.hall.day }));
  }

  private async load(q: URLSearchParams): Promise<void> {
    this.query = q.toString();
    const range = `from=${q.get('from')}&to=${q.get('to')}`;
    try {
      const [r, f, c] = await Promise.all([
        this.api.get<{ evaluations: EvaluationView[] }>(`/api/evaluations/records?${this.query}`),
        this.api.get<{ figures: EvaluationFigures[] }>(`/api/evaluations/figures?by=${this.by}&${range}`),
        this.api.get<{ figures: EvaluationFigures[] }>(`/api/evaluations/figures?by=clerk&${range}`),
      ]);
      this.records = r.evaluations;
      this.figures = f.figures;
      this.clerks = c.figures.map((x) => ({ key: x.key, label: x.label }));
      this.error = '';
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : String(e);
    }
  }

  private search(e: Event): void {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(e.target as HTMLFormElement)) if (v !== '') q.set(k, String(v));
    void this.load(q);
  }

  private regroup(by: By): void {
    this.by = by;
    void this.load(new URLSearchParams(this.query));
  }

  private exportCsv(): void {
    void this.api.download(`/api/evaluations/records?${this.query}&format=csv&lang=${lang}`).catch((e: Error) => {
      this.error = e.message;
    });
  }

  private filters() {
    const day = this.hall.hall.day;
    const opt = (v: string | number, label: string) => html`<option value=${v}>${label}</option>`;
    return html`<form @submit=${this.search} data-testid="record-filters">
      <label>${t('from')}<input type="date" name="from" .value=${day} required /></label>
      <label>${t('to')}<input type="date" name="to" .value=${day} required /></label>
      <label
        >${t('window')}<select name="windowNo">
          ${opt('', t('all'))}${this.hall.windows.map((w) => opt(w.no, w.name))}
        </select></label
      >
      <label
        >${t('clerk')}<select name="clerkId">
          ${opt('', t('all'))}${this.clerks.map((c) => opt(c.key, c.label))}
        </select></label
      >
      <label
        >${t('service')}<select name="serviceId">
          ${opt('', t('all'))}${this.hall.services.map((s) => opt(s.id, s.name))}
        </select></label
      >
      <label
        >${t('level')}<select name="level">
          ${opt('', t('all'))}${LEVELS.map((l) => opt(l, t(`level_${l}`)))}
        </select></label
      >
      <label
        >${t('comment')}<select name="comment">
          ${opt('', t('all'))}${opt('with', t('withComment'))}${opt('without', t('withoutComment'))}
        </select></label
      >
      <button class="primary" type="submit">${t('search')}</button>
      <button type="button" data-testid="export" @click=${this.exportCsv}>${t('export')}</button>
      <span class="error" role="alert">${this.error}</span>
    </form>`;
  }

  private recordTable(list: EvaluationView[]) {
    if (!list.length) return html`<p class="muted">${t('none')}</p>`;
    const tz = this.hall.hall.timezone;
    return html`<div class="scroll">
      <table data-testid="records">
        <tr>
          <th>${t('time')}</th>
          <th>${t('ticket')}</th>
          <th>${t('caseNo')}</th>
          <th>${t('window')}</th>
          <th>${t('clerk')}</th>
          <th>${t('service')}</th>
          <th>${t('level')}</th>
          <th>${t('reasons')}</th>
          <th>${t('comment')}</th>
        </tr>
        ${list.map(
          (e) =>
            html`<tr data-record=${e.id}>
              <td>${e.day.slice(5)} ${hallHm(e.answeredAt ?? e.expiresAt, tz)}</td>
              <td>${e.ticketNumber}</td>
              <td>${e.caseNo ?? ''}</td>
              <td>${e.windowNo}</td>
              <td>${e.clerkName ?? e.clerkId ?? ''}</td>
              <td>${e.serviceName}</td>
              <td class=${e.level === 'dissatisfied' || e.level === 'very_dissatisfied' ? 'bad' : ''}>
                ${t(`level_${e.level ?? 'unrated'}`)}${e.voided ? html` <span class="muted">(${t('voided')})</span>` : nothing}
              </td>
              <td>${e.reasons.join('、')}</td>
              <td>${e.comment ?? ''}</td>
            </tr>`,
        )}
      </table>
    </div>`;
  }

  private figureSection() {
    const f = this.figures;
    return html`<section data-testid="figures">
      <h2>
        ${t('figures')}
        <select
          @change=${(e: Event) => this.regroup((e.target as HTMLSelectElement).value as By)}
          data-testid="figures-by"
        >
          ${(['clerk', 'window', 'service'] as const).map(
            (b) => html`<option value=${b} ?selected=${this.by === b}>${t(`by_${b}`)}</option>`,
          )}
        </select>
      </h2>
      <hall-chart .option=${rateChartOption(f, lang)}></hall-chart>
      <table data-testid="figure-table">
        <tr>
          <th></th>
          <th>${t('visits')}</th>
          <th>${t('rated')}</th>
          <th>${t('unrated')}</th>
          <th>${t('negative')}</th>
          <th>${t('satisfaction')}</th>
          <th>${t('evaluationRate')}</th>
        </tr>
        ${f.map(
          (x) =>
            html`<tr>
              <td>${x.label}</td>
              <td>${x.visits}</td>
              <td>${x.rated}</td>
              <td>${x.unrated}</td>
              <td>${x.negative}</td>
              <td>${pct(x.satisfactionRate)}</td>
              <td>${pct(x.evaluationRate)}</td>
            </tr>`,
        )}
      </table>
    </section>`;
  }

  override render() {
    return html`${this.filters()}
      <div class="grid">
        <section>
          <h2>
            ${t('tabRecords')}
            <span class="muted" data-testid="record-count">${t('count', { n: this.records?.length ?? 0 })}</span>
          </h2>
          ${this.records ? this.recordTable(this.records) : nothing}
        </section>
        ${this.figureSection()}
      </div>`;
  }
}

customElements.define('evaluation-records', EvaluationRecords);

declare global {
  interface HTMLElementTagNameMap {
    'evaluation-records': EvaluationRecords;
  }
}
