// 人员: staff accounts (ID, name, role, disabled). The admin never sees a password: a new account or a
// reset carries a new one, written once and stored as a hash; a reset or a disable ends the sessions.
import { LitElement, html } from 'lit';
import type { AdminApi, AdminConfig } from './admin-api';
import './clerk-photo';
import { tabStyles } from './admin-styles';
import { fields } from './fields';
import { t } from './admin-i18n';
import { rowTable } from './row-table';

export class ClerksTab extends LitElement {
  static override properties = {
    config: { attribute: false },
    known: { attribute: false },
    api: { attribute: false },
  };
  declare config: AdminConfig;
  /** A photo is sent at once, on its own route (clerk-photo.ts). */
  declare api: AdminApi;
  /** Clerk ids already saved (a new row needs a password). */
  declare known: ReadonlySet<string>;
  static override styles = tabStyles;
  private readonly f = fields(this);
  private readonly resetting = new Set<object>();

  private add(): void {
    this.config.clerks.push({ id: '', name: '', role: 'clerk', password: '' });
    this.f.changed();
  }

  override render() {
    const f = this.f;
    const admins = this.config.clerks.filter((x: any) => x.role === 'admin').length;
    return rowTable<any>({
      testid: 'clerks',
      addTestid: 'add-clerk',
      rows: this.config.clerks,
      key: (k) => k.id,
      add: () => this.add(),
      // The last admin stays (the server refuses a hall nobody can change back).
      remove: (k, i) =>
        k.role === 'admin' && admins === 1
          ? null
          : () => {
              this.config.clerks.splice(i, 1);
              f.changed();
            },
      columns: [
        { head: t('clerkId'), cell: (k) => f.text(k, 'id', t('clerkId'), { size: 8 }) },
        { head: t('name'), cell: (k) => f.text(k, 'name', t('name'), { size: 10 }) },
        {
          head: t('role'),
          cell: (k) =>
            f.select(k, 'role', t('role'), [
              ['clerk', t('role_clerk')],
              ['supervisor', t('role_supervisor')],
              ['admin', t('role_admin')],
            ]),
        },
        { head: t('disabled'), cell: (k) => f.check(k, 'disabled', '') },
        { head: t('password'), cell: (k) => this.password(k) },
        {
          head: t('photo'),
          cell: (k) =>
            html`<clerk-photo
              .api=${this.api}
              .clerkId=${k.id}
              .url=${k.photoUrl}
              .saved=${this.known.has(k.id)}
            ></clerk-photo>`,
        },
      ],
    });
  }

  private password(k: any) {
    const isNew = !this.known.has(k.id) || k.password !== undefined;
    if (!isNew && !this.resetting.has(k))
      return html`<button
        @click=${() => {
          this.resetting.add(k);
          this.requestUpdate();
        }}
      >
        ${t('resetPassword')}
      </button>`;
    return html`<input
        type="password"
        autocomplete="new-password"
        aria-label=${t('newPassword')}
        placeholder=${t('newPassword')}
        .value=${k.password ?? ''}
        @change=${(e: Event) => {
          k.password = (e.target as HTMLInputElement).value;
          this.f.changed();
        }}
      />
      <span class="muted">${t('passwordSet')}</span>`;
  }
}

customElements.define('clerks-tab', ClerksTab);

declare global {
  interface HTMLElementTagNameMap {
    'clerks-tab': ClerksTab;
  }
}
