// 大厅与日历: the hall's name and hours, and its working calendar (weekdays, holidays, 调休 make-up days).
import { LitElement, html } from 'lit';
import type { AdminConfig } from './admin-api';
import { tabStyles } from './admin-styles';
import { fields } from './fields';
import { t } from './admin-i18n';

export class HallTab extends LitElement {
  static override properties = { config: { attribute: false } };
  declare config: AdminConfig;
  static override styles = tabStyles;
  private readonly f = fields(this);

  private toggleCalendar(on: boolean): void {
    const h = this.config.hall;
    if (on) h.calendar = { weekdays: [1, 2, 3, 4, 5], hours: {}, holidays: [], workdays: {}, issueBeforeOpenMin: 0 };
    else delete h.calendar;
    this.f.changed();
  }

  override render() {
    const f = this.f;
    const h = this.config.hall;
    const cal = h.calendar;
    return html`<div class="grid" data-testid="hall">
        <label>${t('hallName')}${f.text(h, 'name', t('hallName'), { size: 24 })}</label>
        <label>${t('open')}${f.time(h, 'open', t('open'))}</label>
        <label>${t('close')}${f.time(h, 'close', t('close'))}</label>
        <div style="align-self:end">${f.check(h, 'autoClose', t('autoClose'))}</div>
      </div>
      <h3>
        <label class="check"
          ><input
            type="checkbox"
            .checked=${!!cal}
            @change=${(e: Event) => this.toggleCalendar((e.target as HTMLInputElement).checked)}
          />
          ${t('useCalendar')}</label
        >
      </h3>
      ${
        cal
          ? html`<div class="grid">
              <label
                >${t('weekdays')}
                <input
                  .value=${cal.weekdays.join(',')}
                  @change=${(e: Event) =>
                    f.set(
                      cal,
                      'weekdays',
                      (e.target as HTMLInputElement).value
                        .split(/[,，\s]+/)
                        .filter(Boolean)
                        .map(Number),
                    )}
              /></label>
              <label
                >${t('holidays')}
                <span class="muted">${t('oneDatePerLine')}</span>${f.lines(cal, 'holidays', t('holidays'), 6)}</label
              >
              <label
                >${t('workdays')} <span class="muted">${t('oneDatePerLine')}</span>
                <textarea
                  rows="6"
                  aria-label=${t('workdays')}
                  .value=${Object.keys(cal.workdays ?? {}).join('\n')}
                  @change=${(e: Event) => {
                    const days = (e.target as HTMLTextAreaElement).value
                      .split('\n')
                      .map((x) => x.trim())
                      .filter(Boolean);
                    f.set(cal, 'workdays', Object.fromEntries(days.map((d) => [d, cal.workdays?.[d] ?? {}])));
                  }}
                ></textarea>
              </label>
            </div>`
          : html`<p class="muted">${t('noCalendar')}</p>`
      }`;
  }
}

customElements.define('hall-tab', HallTab);

declare global {
  interface HTMLElementTagNameMap {
    'hall-tab': HallTab;
  }
}
