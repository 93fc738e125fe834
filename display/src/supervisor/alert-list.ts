// The alert list: newest first, with time, what happened, the suggestion, whether it cleared, and who
// acknowledged it. Unacknowledged alerts stand out and are counted on the tab.
import { LitElement, css, html, nothing } from 'lit';
import type { AlertView } from '../../../server/protocol/socket';
import type { SupervisorApi } from './supervisor-api';
import { t } from './supervisor-i18n';
import { hallTime } from '../shared/hall-time';

/** HH:MM:SS in the hall's zone, whatever the supervisor PC's own clock zone. */
const time = (iso: string, timeZone?: string) => {
  const h = hallTime(new Date(iso), timeZone);
  return `${h.hh}:${h.mm}:${h.ss}`;
};

export class AlertList extends LitElement {
  static override properties = { alerts: { attribute: false }, api: { attribute: false }, timeZone: {} };
  declare alerts: AlertView[];
  declare api: SupervisorApi;
  declare timeZone: string | undefined;

  static override styles = css`
    :host {
      display: block;
      background: #fff;
      border-radius: 8px;
      padding: 12px 16px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
    }
    td,
    th {
      text-align: left;
      padding: 6px;
      border-bottom: 1px solid #eef0f3;
      vertical-align: top;
    }
    tr[data-acked='false'] td {
      font-weight: bold;
    }
    tr[data-acked='false'] td:first-child {
      border-left: 4px solid var(--sv-bad, #c62828);
    }
    .muted {
      color: #6b7785;
      font-weight: normal;
    }
    button {
      font-size: 14px;
      padding: 3px 12px;
    }
  `;

  private ack(a: AlertView): void {
    void this.api.post(`/api/alerts/${a.id}/ack`).catch(() => {});
  }

  override render() {
    const open = this.alerts.filter((a) => !a.ackedAt);
    return html`
      <button ?disabled=${!open.length} @click=${() => open.forEach((a) => this.ack(a))}>${t('ackAll')}</button>
      ${!this.alerts.length ? html`<p>${t('noAlerts')}</p>` : nothing}
      <table>
        <tbody>
          ${this.alerts.map(
            (a) =>
              html`<tr data-alert=${a.id} data-kind=${a.kind} data-acked=${a.ackedAt !== null}>
                <td>${time(a.at, this.timeZone)}</td>
                <td>
                  ${a.message}
                  ${a.suggestion ? html`<div class="muted">${t('suggestion', { s: a.suggestion })}</div>` : nothing}
                </td>
                <td class="muted">${a.resolvedAt ? `${t('resolved')} ${time(a.resolvedAt, this.timeZone)}` : ''}</td>
                <td>
                  ${
                    a.ackedAt
                      ? html`<span class="muted">${t('acked', { who: a.ackedBy?.replace(/^clerk:/, '') ?? '' })}</span>`
                      : html`<button @click=${() => this.ack(a)}>${t('ack')}</button>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    `;
  }
}

customElements.define('alert-list', AlertList);

declare global {
  interface HTMLElementTagNameMap {
    'alert-list': AlertList;
  }
}
