// 人员: staff accounts (ID, name, role, disabled). The admin never sees a password: a new account or a
// reset carries a new one, written once and stored as a hash; a reset or a disable ends the sessions.
import { LitElement, html, nothing } from 'lit';
import type { AdminApi, AdminConfig } from './admin-api';
import './clerk-photo';
import { tabStyles } from './admin-styles';
import { fields } from './fields';
import { t } from './admin-i18n';

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
    return html`<table data-testid="clerks">
        <thead>
          <tr>
            <th>${t('clerkId')}</th>
            <th>${t('name')}</th>
            <th>${t('role')}</th>
            <th>${t('disabled')}</th>
            <th>${t('password')}</th>
            <th>${t('photo')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this.config.clerks.map((k: any, i: number) => {
            const isNew = !this.known.has(k.id) || k.password !== undefined;
            const showPw = isNew || this.resetting.has(k);
            return html`<tr data-clerk=${k.id}>
              <td>${f.text(k, 'id', t('clerkId'), { size: 8 })}</td>
              <td>${f.text(k, 'name', t('name'), { size: 10 })}</td>
              <td>
                ${f.select(k, 'role', t('role'), [
                  ['clerk', t('role_clerk')],
                  ['supervisor', t('role_supervisor')],
                  ['admin', t('role_admin')],
                ])}
              </td>
              <td>${f.check(k, 'disabled', '')}</td>
              <td>
                ${
                  showPw
                    ? html`<input
                          type="password"
                          autocomplete="new-password"
                          aria-label=${t('newPassword')}
                          placeholder=${t('newPassword')}
                          .value=${k.password ?? ''}
                          @change=${(e: Event) => {
                            k.password = (e.target as HTMLInputElement).value;
                            f.changed();
                          }}
                        />
                        <span class="muted">${t('passwordSet')}</span>`
                    : html`<button
                        @click=${() => {
                          this.resetting.add(k);
                          this.requestUpdate();
                        }}
                      >
                        ${t('resetPassword')}
                      </button>`
                }
              </td>
              <td>
                <clerk-photo
                  .api=${this.api}
                  .clerkId=${k.id}
                  .url=${k.photoUrl}
                  .saved=${this.known.has(k.id)}
                ></clerk-photo>
              </td>
              <td>
                ${
                  k.role === 'admin' && this.config.clerks.filter((x: any) => x.role === 'admin').length === 1
                    ? nothing
                    : html`<button
                        class="danger"
                        @click=${() => {
                          this.config.clerks.splice(i, 1);
                          f.changed();
                        }}
                      >
                        ${t('remove')}
                      </button>`
                }
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      <p><button data-testid="add-clerk" @click=${this.add}>＋ ${t('add')}</button></p>`;
  }
}

customElements.define('clerks-tab', ClerksTab);

declare global {
  interface HTMLElementTagNameMap {
    'clerks-tab': ClerksTab;
  }
}
