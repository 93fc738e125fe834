// 事项: the services the kiosk offers (name, ticket prefix, target wait, daily cap, issuing hours, matter
// codes, one ticket per person). A service with open tickets today cannot be removed (the save says so).
import { LitElement, html } from 'lit';
import type { AdminConfig } from './admin-api';
import { tabStyles } from './admin-styles';
import { fields } from './fields';
import { t } from './admin-i18n';
import { rowTable } from './row-table';

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
    return rowTable<any>({
      testid: 'services',
      addTestid: 'add-service',
      rows: this.config.services,
      add: () => this.add(),
      remove: (s, i) => () => {
        this.config.services.splice(i, 1);
        // Windows stop offering it too (else the save names every window that still does).
        for (const w of this.config.windows) {
          delete w.skills[s.id];
          if (w.canTake) w.canTake = w.canTake.filter((x: string) => x !== s.id);
        }
        f.changed();
      },
      columns: [
        { head: t('id'), cell: (s) => f.text(s, 'id', t('id'), { size: 9 }) },
        { head: t('name'), cell: (s) => f.text(s, 'name', t('name'), { size: 12 }) },
        { head: t('prefix'), cell: (s) => f.text(s, 'prefix', t('prefix'), { size: 2 }) },
        { head: t('targetWait'), cell: (s) => f.num(s, 'targetWaitMin', t('targetWait'), { min: 1, max: 600 }) },
        { head: t('dailyCap'), cell: (s) => f.num(s, 'dailyCap', t('dailyCap'), { min: 1, max: 9999 }) },
        { head: t('avgService'), cell: (s) => f.num(s, 'avgServiceMin', t('avgService'), { min: 1, max: 600 }) },
        { head: t('hoursFrom'), cell: (s) => this.hoursInput(s, 'from', t('hoursFrom')) },
        { head: t('hoursTo'), cell: (s) => this.hoursInput(s, 'to', t('hoursTo')) },
        {
          head: t('matterCodes'),
          cell: (s) =>
            html`<input
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
            />`,
        },
        { head: t('onePerPerson'), cell: (s) => f.check(s, 'onePerPerson', '') },
      ],
    });
  }

  private hoursInput(s: any, k: 'from' | 'to', label: string) {
    return html`<input
      type="time"
      aria-label=${label}
      .value=${s.hours?.[k] ?? ''}
      @change=${(e: Event) => this.hours(s, k, (e.target as HTMLInputElement).value)}
    />`;
  }
}

customElements.define('services-tab', ServicesTab);

declare global {
  interface HTMLElementTagNameMap {
    'services-tab': ServicesTab;
  }
}
