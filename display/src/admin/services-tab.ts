// 事项: the services the kiosk offers (name, ticket prefix, target wait, daily cap, issuing hours, matter
// codes, one ticket per person). A service with open tickets today cannot be removed (the save says so).
import { LitElement, html } from 'lit';
import type { AdminConfig } from './admin-api';
import { tabStyles } from './admin-styles';
import { fields } from './fields';
import { t } from './admin-i18n';

export class ServicesTab extends LitElement {
  static override properties = { config: { attribute: false } };
  declare config: AdminConfig;
  static override styles = tabStyles;
  private readonly f = fields(this);

  private add(): void {
    const ids = new Set(this.config.services.map((s: any) => s.id));
    let n = this.config.services.length + 1;
    while (ids.has(`service${n}`)) n++;
    this.config.services.push({
      id: `service${n}`,
      name: '',
      prefix: '',
      targetWaitMin: 15,
      dailyCap: 200,
      avgServiceMin: 10,
      matterCodes: [],
      onePerPerson: true,
    });
    this.f.changed();
  }

  private hours(s: any, k: 'from' | 'to', v: string): void {
    const h = { ...(s.hours ?? {}), [k]: v || undefined };
    if (!h.from && !h.to) delete s.hours;
    else s.hours = h;
    this.f.changed();
  }

  override render() {
    const f = this.f;
    return html`<table data-testid="services">
        <thead>
          <tr>
            <th>${t('id')}</th>
            <th>${t('name')}</th>
            <th>${t('prefix')}</th>
            <th>${t('targetWait')}</th>
            <th>${t('dailyCap')}</th>
            <th>${t('avgService')}</th>
            <th>${t('hoursFrom')}</th>
            <th>${t('hoursTo')}</th>
            <th>${t('matterCodes')}</th>
            <th>${t('onePerPerson')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this.config.services.map(
            (s: any, i: number) =>
              html`<tr>
                <td>${f.text(s, 'id', t('id'), { size: 9 })}</td>
                <td>${f.text(s, 'name', t('name'), { size: 12 })}</td>
                <td>${f.text(s, 'prefix', t('prefix'), { size: 2 })}</td>
                <td>${f.num(s, 'targetWaitMin', t('targetWait'), { min: 1, max: 600 })}</td>
                <td>${f.num(s, 'dailyCap', t('dailyCap'), { min: 1, max: 9999 })}</td>
                <td>${f.num(s, 'avgServiceMin', t('avgService'), { min: 1, max: 600 })}</td>
                <td>
                  <input
                    type="time"
                    aria-label=${t('hoursFrom')}
                    .value=${s.hours?.from ?? ''}
                    @change=${(e: Event) => this.hours(s, 'from', (e.target as HTMLInputElement).value)}
                  />
                </td>
                <td>
                  <input
                    type="time"
                    aria-label=${t('hoursTo')}
                    .value=${s.hours?.to ?? ''}
                    @change=${(e: Event) => this.hours(s, 'to', (e.target as HTMLInputElement).value)}
                  />
                </td>
                <td>
                  <input
                    size="10"
                    aria-label=${t('matterCodes')}
                    .value=${(s.matterCodes ?? []).join(',')}
                    @change=${(e: Event) =>
                      f.set(
                        s,
                        'matterCodes',
                        (e.target as HTMLInputElement).value
                          .split(/[,，\s]+/)
                          .map((x) => x.trim())
                          .filter(Boolean),
                      )}
                  />
                </td>
                <td>${f.check(s, 'onePerPerson', '')}</td>
                <td>
                  <button
                    class="danger"
                    @click=${() => {
                      this.config.services.splice(i, 1);
                      // Windows stop offering it too (else the save names every window that still does).
                      for (const w of this.config.windows) {
                        delete w.skills[s.id];
                        if (w.canTake) w.canTake = w.canTake.filter((x: string) => x !== s.id);
                      }
                      f.changed();
                    }}
                  >
                    ${t('remove')}
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p><button data-testid="add-service" @click=${this.add}>＋ ${t('add')}</button></p>`;
  }
}

customElements.define('services-tab', ServicesTab);

declare global {
  interface HTMLElementTagNameMap {
    'services-tab': ServicesTab;
  }
}
