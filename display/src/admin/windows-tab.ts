// 窗口: each window's number, name, kind, zone, the services it takes with their level (1 = first), and
// the ones its clerks are trained for (潮汐: what a suggestion may give it; by default its skills).
// A changed window takes its new skills at its next call; a window in use cannot be removed.
import { LitElement, html } from 'lit';
import type { AdminConfig } from './admin-api';
import { tabStyles } from './admin-styles';
import { fields } from './fields';
import { lang, t } from './admin-i18n';
import { rowTable } from './row-table';

const KINDS: [string, string, string][] = [
  ['comprehensive', '综合窗口', 'Comprehensive'],
  ['domain', '专业窗口', 'Domain'],
  ['dedicated', '专窗', 'Dedicated'],
  ['assisted', '帮办代办', 'Assisted'],
];

export class WindowsTab extends LitElement {
  static override properties = { config: { attribute: false } };
  declare config: AdminConfig;
  static override styles = tabStyles;
  private readonly f = fields(this);

  private add(): void {
    const nos = this.config.windows.map((w: any) => Number(w.no));
    const no = Math.max(0, ...nos) + 1;
    this.config.windows.push({ no, name: `${no}号窗口`, kind: 'domain', zone: 'A', skills: {} });
    this.f.changed();
  }

  private skill(w: any, id: string, v: string): void {
    if (v === '') delete w.skills[id];
    else w.skills[id] = Number(v);
    this.f.changed();
  }

  /** Trained for: the configured list, or by default its skills; a window's skills always count. */
  private trained(w: any): Set<string> {
    return new Set<string>([...(w.canTake ?? []), ...Object.keys(w.skills)]);
  }

  private train(w: any, id: string, on: boolean): void {
    const list = this.trained(w);
    if (on) list.add(id);
    else list.delete(id);
    // Its skills are trained for anyway: only the others make a list, and none means the default.
    if ([...list].some((x) => w.skills[x] === undefined)) w.canTake = [...list];
    else delete w.canTake;
    this.f.changed();
  }

  override render() {
    const f = this.f;
    const services = this.config.services as { id: string; name: string }[];
    return rowTable<any>({
      testid: 'windows',
      addTestid: 'add-window',
      rows: this.config.windows,
      add: () => this.add(),
      remove: (_w, i) => () => {
        this.config.windows.splice(i, 1);
        f.changed();
      },
      columns: [
        { head: t('windowNo'), cell: (w) => f.num(w, 'no', t('windowNo'), { min: 1, max: 9999 }) },
        { head: t('name'), cell: (w) => f.text(w, 'name', t('name'), { size: 10 }) },
        {
          head: t('kind'),
          cell: (w) =>
            f.select(
              w,
              'kind',
              t('kind'),
              KINDS.map(([v, zh, en]) => [v, lang === 'zh' ? zh : en]),
            ),
        },
        { head: t('zone'), cell: (w) => f.text(w, 'zone', t('zone'), { size: 3 }) },
        { head: t('skills'), cell: (w) => services.map((s) => this.skillSelect(w, s)) },
        { head: t('canTake'), cell: (w) => services.map((s) => this.trainCheck(w, s)) },
      ],
    });
  }

  private trainCheck(w: any, s: { id: string; name: string }) {
    return html`<label class="check" style="margin-right:6px"
      ><input
        type="checkbox"
        data-train=${s.id}
        aria-label=${`${w.no} ${t('canTake')} ${s.id}`}
        .checked=${this.trained(w).has(s.id)}
        ?disabled=${w.skills[s.id] !== undefined}
        @change=${(e: Event) => this.train(w, s.id, (e.target as HTMLInputElement).checked)}
      />${s.name || s.id}</label
    >`;
  }

  private skillSelect(w: any, s: { id: string; name: string }) {
    return html`<label class="check" style="margin-right:8px"
      >${s.name || s.id}
      <select
        aria-label=${`${w.no} ${s.id}`}
        data-skill=${s.id}
        @change=${(e: Event) => this.skill(w, s.id, (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${w.skills[s.id] === undefined}>—</option>
        ${[1, 2, 3, 4, 5, 6, 7, 8, 9].map(
          (n) => html`<option value=${n} ?selected=${w.skills[s.id] === n}>${n}</option>`,
        )}
      </select></label
    >`;
  }
}

customElements.define('windows-tab', WindowsTab);

declare global {
  interface HTMLElementTagNameMap {
    'windows-tab': WindowsTab;
  }
}
