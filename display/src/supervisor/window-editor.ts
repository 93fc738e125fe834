// 潮汐窗口: a window's skills and levels, for good or for an hour or two (the server puts the old skills
// back when the time is up). Fires `close` when done.
import { LitElement, html } from 'lit';
import type { ServiceView, WindowView } from '../../../server/protocol/views';
import { ApiError } from '../shared/device-api';
import { dialogStyles } from './shared-styles';
import type { SupervisorApi } from './supervisor-api';
import { t } from './supervisor-i18n';

export class WindowEditor extends LitElement {
  static override properties = {
    window: { attribute: false },
    services: { attribute: false },
    api: { attribute: false },
    error: { state: true },
  };
  declare window: WindowView;
  declare services: ServiceView[];
  declare api: SupervisorApi;
  declare error: string;
  static override styles = dialogStyles;

  constructor() {
    super();
    this.error = '';
  }

  private close(): void {
    this.dispatchEvent(new CustomEvent('close'));
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const skills: Record<string, number> = {};
    for (const s of this.services) {
      const level = Number(f.get(`level-${s.id}`));
      if (level > 0) skills[s.id] = level;
    }
    const duration = Number(f.get('duration'));
    try {
      await this.api.post(`/api/windows/${this.window.no}/skills`, {
        skills,
        ...(duration ? { durationMin: duration } : {}),
      });
      this.close();
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  }

  override render() {
    return html`<div class="backdrop" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.close()}>
      <form class="dialog" role="dialog" aria-label=${t('skillsOf', { w: this.window.name })} @submit=${this.save}>
        <h2>${t('skillsOf', { w: this.window.name })}</h2>
        ${this.services.map(
          (s) =>
            html`<label
              >${s.prefix} ${s.name}
              <select name="level-${s.id}" data-service=${s.id}>
                ${[0, 1, 2, 3].map((l) => html`<option value=${l} ?selected=${(this.window.skills[s.id] ?? 0) === l}>${l === 0 ? t('none') : `${t('level')} ${l}`}</option>`)}
              </select>
            </label>`,
        )}
        <label
          >${t('duration')}
          <select name="duration">
            <option value="0">${t('forever')}</option>
            <option value="60">${t('oneHour')}</option>
            <option value="120">${t('twoHours')}</option>
          </select>
        </label>
        <div class="error" role="alert">${this.error}</div>
        <div class="actions">
          <button type="button" @click=${this.close}>${t('cancel')}</button>
          <button type="submit" class="primary">${t('save')}</button>
        </div>
      </form>
    </div>`;
  }
}

customElements.define('window-editor', WindowEditor);

declare global {
  interface HTMLElementTagNameMap {
    'window-editor': WindowEditor;
  }
}
