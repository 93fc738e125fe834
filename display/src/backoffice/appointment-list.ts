// 预约: a day's appointments with their check-in state (未签到, 已签到 with the ticket, 爽约), the day's
// counts, and the import of the booking system's file (CSV or JSON) from this screen.
import { LitElement, css, html } from 'lit';
import type { AppointmentView } from '../../../server/core/appointments';
import { ApiError } from '../shared/device-api';
import { hallHm } from '../shared/hall-time';
import type { SupervisorApi } from '../supervisor/supervisor-api';
import { tableStyles } from '../supervisor/shared-styles';
import { readAppointmentFile } from './appointment-file';
import type { HallLists } from './backoffice-app';
import { t } from './backoffice-i18n';

export class AppointmentList extends LitElement {
  static override properties = {
    api: { attribute: false },
    hall: { attribute: false },
    day: { state: true },
    list: { state: true },
    message: { state: true },
    error: { state: true },
  };
  declare api: SupervisorApi;
  declare hall: HallLists;
  declare day: string;
  declare list: AppointmentView[];
  declare message: string;
  declare error: string;

  constructor() {
    super();
    this.day = '';
    this.list = [];
    this.message = '';
    this.error = '';
  }

  static override styles = [
    tableStyles,
    css`
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 10px 18px;
        align-items: center;
        background: #fff;
        padding: 10px 14px;
        border-radius: 8px;
      }
      section {
        background: #fff;
        border-radius: 8px;
        padding: 10px 14px;
        margin-top: 12px;
      }
      td,
      th {
        text-align: left;
        font-size: 14px;
      }
      input {
        font-size: 15px;
      }
      .hint {
        color: #667;
        font-size: 13px;
      }
      .ok {
        color: #2e7d32;
      }
      .error {
        color: #c62828;
      }
      .s-checked_in {
        color: #2e7d32;
      }
      .s-no_show {
        color: #c62828;
        font-weight: bold;
      }
      .s-booked {
        color: #8a6d00;
      }
      .scroll {
        max-height: 66vh;
        overflow: auto;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.day = this.hall.hall.day;
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.list = (
        await this.api.get<{ appointments: AppointmentView[] }>(`/api/appointments?day=${this.day}`)
      ).appointments;
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : String(e);
    }
  }

  private async importFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.message = '';
    try {
      const appointments = readAppointmentFile(await file.text(), this.hall.services, this.hall.hall.timezone);
      const r = await this.api.post<{ loaded: number }>('/api/appointments', { appointments });
      this.message = t('imported', { n: r.loaded });
      this.error = '';
      await this.load();
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
    } finally {
      input.value = '';
    }
  }

  override render() {
    const tz = this.hall.hall.timezone;
    const count = (s: string) => this.list.filter((a) => a.status === s).length;
    const service = (id: string) => this.hall.services.find((s) => s.id === id)?.name ?? id;
    return html`<div class="bar">
        <label
          >${t('day')}
          <input
            type="date"
            name="day"
            .value=${this.day}
            @change=${(e: Event) => {
              this.day = (e.target as HTMLInputElement).value;
              void this.load();
            }}
        /></label>
        <label
          >${t('import')}
          <input type="file" name="file" accept=".csv,.json,text/csv,application/json" @change=${this.importFile}
        /></label>
        <span class="hint">${t('importHint')}</span>
        <span class="ok" role="status" data-testid="import-result">${this.message}</span>
        <span class="error" role="alert">${this.error}</span>
      </div>
      <section>
        <p data-testid="appointment-summary">
          ${t('summary', { n: this.list.length, in: count('checked_in'), booked: count('booked'), noShow: count('no_show') })}
        </p>
        ${
          this.list.length
            ? html`<div class="scroll">
                <table data-testid="appointments">
                  <tr>
                    <th>${t('slot')}</th>
                    <th>${t('code')}</th>
                    <th>${t('service')}</th>
                    <th>${t('name')}</th>
                    <th>${t('checkIn')}</th>
                    <th>${t('ticket')}</th>
                  </tr>
                  ${[...this.list]
                    .sort((a, b) => (a.slotStart < b.slotStart ? -1 : a.slotStart > b.slotStart ? 1 : 0))
                    .map(
                      (a) =>
                        html`<tr data-code=${a.code}>
                          <td>${hallHm(a.slotStart, tz)}–${hallHm(a.slotEnd, tz)}</td>
                          <td>${a.code}</td>
                          <td>${service(a.serviceId)}</td>
                          <td>${a.nameMasked ?? ''}</td>
                          <td class="s-${a.status}">
                            ${t(`appt_${a.status}`)}${a.checkedInAt ? ` ${hallHm(a.checkedInAt, tz)}` : ''}
                          </td>
                          <td>${a.ticketNumber ?? ''}</td>
                        </tr>`,
                    )}
                </table>
              </div>`
            : html`<p class="hint">${t('noAppointments')}</p>`
        }
      </section>`;
  }
}

customElements.define('appointment-list', AppointmentList);

declare global {
  interface HTMLElementTagNameMap {
    'appointment-list': AppointmentList;
  }
}
