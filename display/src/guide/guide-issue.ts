// 代取号 at the guide desk: a ticket for a visitor who cannot use the kiosk — the service, a priority with its
// reason, the ID number where the service needs one — printed on the desk's chosen printer, then the number,
// people ahead and the estimated wait shown large. Fires `issued` so the desk refreshes its queues.
import { LitElement, css, html, nothing } from 'lit';
import { ApiError } from '../shared/device-api';
import type { SupervisorApi } from '../supervisor/supervisor-api';
import type { Desk } from './guide-desk';
import { lang, t, type Key } from './guide-i18n';
import { guideStyles, PRIORITY_KINDS, waitText, type DeskTicket } from './guide-shared';

export class GuideIssue extends LitElement {
  static override properties = {
    api: { attribute: false },
    desk: { attribute: false },
    issued: { state: true },
    error: { state: true },
  };
  declare api: SupervisorApi;
  declare desk: Desk;
  declare issued: { ticket: DeskTicket; print: { printed: boolean; message: string } | null } | null;
  declare error: string;
  /** The desk's printer: the first one until the desk picks another (or none). */
  private chosen: string | null = null;

  constructor() {
    super();
    this.issued = null;
    this.error = '';
  }

  static override styles = [
    guideStyles,
    css`
      label {
        display: flex;
        flex-direction: column;
        gap: 3px;
        margin: 6px 0;
        font-size: 14px;
        color: #556;
      }
      .pair {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 10px;
      }
      .result {
        display: flex;
        gap: 16px;
        align-items: baseline;
        background: #eef6ee;
        border-radius: 8px;
        padding: 8px 12px;
        margin-top: 8px;
      }
      .result strong {
        font-size: 34px;
        color: #2e7d32;
      }
      .muted {
        color: #889;
      }
    `,
  ];

  override willUpdate(): void {
    this.chosen ??= this.desk.printers[0]?.id ?? '';
  }

  private async issue(e: Event): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement; // read now: after an await the event no longer has its target
    const f = new FormData(form);
    const get = (k: string) => String(f.get(k) ?? '').trim();
    if (get('priority') && !get('reason')) {
      this.error = t('reasonNeeded');
      return;
    }
    const body = {
      serviceId: get('serviceId'),
      ...(get('priority') ? { priority: get('priority'), reason: get('reason') } : {}),
      ...(get('idNumber') ? { idNumber: get('idNumber') } : {}),
      ...(get('printerId') ? { printerId: get('printerId') } : {}),
      lang,
    };
    try {
      this.issued = await this.api.post('/api/guide/tickets', body);
      this.error = '';
      this.dispatchEvent(new CustomEvent('issued', { bubbles: true, composed: true }));
      // Clear what was typed for this visitor; the service and printer stay for the next one.
      for (const n of ['priority', 'reason', 'idNumber']) (form.elements.namedItem(n) as HTMLInputElement).value = '';
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  }

  override render() {
    const d = this.desk;
    const r = this.issued;
    return html`<form class="card issue" @submit=${this.issue} data-testid="issue-form">
      <h2>${t('issue')} <span class="muted">${t('issueHint')}</span></h2>
      <div class="pair">
        <label
          >${t('service')}
          <select name="serviceId">
            ${d.services.map((s) => html`<option value=${s.id}>${s.prefix} ${s.name}</option>`)}
          </select>
        </label>
        <label
          >${t('printer')}
          <select name="printerId" @change=${(e: Event) => (this.chosen = (e.target as HTMLSelectElement).value)}>
            ${d.printers.map(
              (p) =>
                html`<option value=${p.id} ?selected=${p.id === this.chosen}>
                  ${p.id}（${p.kiosk}）${p.state === 'ok' ? '' : ` ${p.message}`}
                </option>`,
            )}
            <option value="" ?selected=${this.chosen === ''}>${t('noPrint')}</option>
          </select>
        </label>
        <label
          >${t('priority')}
          <select name="priority">
            <option value="">${t('noPriority')}</option>
            ${PRIORITY_KINDS.map((p) => html`<option value=${p}>${t(`pr_${p}` as Key)}</option>`)}
          </select>
        </label>
        <label>${t('reason')}<input name="reason" maxlength="100" placeholder=${t('reasonPlaceholder')} /></label>
      </div>
      <label>${t('idNumber')}<input name="idNumber" maxlength="32" autocomplete="off" /></label>
      <button class="primary" type="submit">${t('issueButton')}</button>
      ${
        r
          ? html`<div class="result" data-testid="issued">
              <span>${t('issued')}</span><strong>${r.ticket.number}</strong>
              <span>${r.ticket.serviceName} · ${t('ahead', { n: r.ticket.waitingAhead })} · ${waitText(r.ticket)}</span>
              ${r.print ? html`<span>${r.print.printed ? t('printed') : r.print.message}</span>` : nothing}
            </div>`
          : nothing
      }
      <div class="error" role="alert">${this.error}</div>
    </form>`;
  }
}

customElements.define('guide-issue', GuideIssue);

declare global {
  interface HTMLElementTagNameMap {
    'guide-issue': GuideIssue;
  }
}
