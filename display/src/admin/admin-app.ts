// 系统管理 (/admin): an admin edits the hall's configuration in the browser. The whole configuration is
// loaded without its secrets, edited as a draft across the tabs, and saved in one go with the version it
// was loaded at (another admin's save in between is a conflict, never a silent overwrite). A save applies
// at once; what needs a restart is said; new device tokens are shown this once.
import { LitElement, html, nothing } from 'lit';
import { loginFormStyles } from '../shared/login-form-styles';
import { ApiError } from '../shared/device-api';
import { loginStaff } from '../shared/staff-auth';
import { AdminApi, type AdminConfig, type SaveAnswer } from './admin-api';
import { adminAppStyles } from './admin-app-styles';
import { lang, t } from './admin-i18n';
import { hoursKey, withinHours } from './hours-check';
import { problemText } from './problem-place';
import './clerks-tab';
import type { PhotoChanged } from './clerk-photo';
import './devices-tab';
import './hall-tab';
import './history-tab';
import './other-tab';
import './services-tab';
import './token-dialog';
import './windows-tab';

type Tab = 'hall' | 'services' | 'windows' | 'clerks' | 'devices' | 'other' | 'history';
const TABS: Tab[] = ['hall', 'services', 'windows', 'clerks', 'devices', 'other', 'history'];
const TOKEN_KEY = 'hall.admin.token';
const TAB_KEY = {
  hall: 'tabHall',
  services: 'tabServices',
  windows: 'tabWindows',
  clerks: 'tabClerks',
  devices: 'tabDevices',
  other: 'tabOther',
  history: 'tabHistory',
} as const;

/** A changed section as the admin knows it (the tab's name), else its key in the file. */
const SECTION_TAB: Record<string, keyof typeof TAB_KEY> = {
  hall: 'hall',
  services: 'services',
  windows: 'windows',
  clerks: 'clerks',
  devices: 'devices',
};
const sectionName = (k: string) => (SECTION_TAB[k] ? t(TAB_KEY[SECTION_TAB[k]]) : k);

interface Notice {
  kind: 'ok' | 'bad';
  text: string;
  list?: string[];
  reload?: boolean;
}

export class AdminApp extends LitElement {
  static override properties = {
    tab: { state: true },
    error: { state: true },
    draft: { state: true },
    dirty: { state: true },
    notice: { state: true },
    tokens: { state: true },
    busy: { state: true },
  };
  declare tab: Tab;
  declare error: string;
  declare draft: AdminConfig | null;
  declare dirty: boolean;
  /** The hours as loaded: a save that changes them past closing time asks first. */
  private loadedHours = '';
  declare notice: Notice | null;
  declare tokens: { tokens: Record<string, string>; kinds: Record<string, string> } | null;
  declare busy: boolean;
  private api: AdminApi | null = null;
  private version = 0;
  private known = { clerks: new Set<string>(), devices: new Set<string>() };

  constructor() {
    super();
    this.tab = 'services';
    this.error = '';
    this.draft = null;
    this.dirty = false;
    this.notice = null;
    this.tokens = null;
    this.busy = false;
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) void this.attach(token);
  }

  static override styles = [loginFormStyles, adminAppStyles];

  private async attach(token: string): Promise<void> {
    this.api = new AdminApi(token);
    try {
      await this.load();
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      this.api = null;
      this.error = e instanceof ApiError ? e.message : String(e);
    }
  }

  private async load(): Promise<void> {
    const { version, config } = await this.api!.config();
    this.version = version;
    this.known = {
      clerks: new Set(config.clerks.map((k: { id: string }) => k.id)),
      devices: new Set(config.devices.map((d: { id: string }) => d.id)),
    };
    this.draft = config;
    this.loadedHours = hoursKey(config.hall);
    this.dirty = false;
  }

  private async login(e: Event): Promise<void> {
    e.preventDefault();
    try {
      const { token } = await loginStaff(e.target as HTMLFormElement, ['admin'], t('notAdmin'));
      sessionStorage.setItem(TOKEN_KEY, token);
      this.error = '';
      await this.attach(token);
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  }

  private logout(): void {
    void this.api?.logout().catch(() => {});
    sessionStorage.removeItem(TOKEN_KEY);
    location.reload();
  }

  private async run(action: () => Promise<SaveAnswer>, kinds: Record<string, string>): Promise<void> {
    this.busy = true;
    this.notice = null;
    try {
      const r = await action();
      const text = [
        t('saved', { n: r.version }),
        r.applied.length ? t('applied', { s: r.applied.map(sectionName).join('、') }) : '',
        r.needsRestart.length ? t('needsRestart', { s: r.needsRestart.join(', ') }) : '',
      ].filter(Boolean);
      this.notice = { kind: r.needsRestart.length ? 'bad' : 'ok', text: text.join(' · ') };
      if (Object.keys(r.newTokens).length) this.tokens = { tokens: r.newTokens, kinds };
      await this.load();
      await this.renderRoot.querySelector('history-tab')?.load();
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('NETWORK', String(e));
      const problems = (err.details.problems as string[] | undefined) ?? [];
      this.notice =
        err.code === 'VERSION_CONFLICT'
          ? { kind: 'bad', text: t('conflict'), reload: true }
          : problems.length
            ? { kind: 'bad', text: t('problems'), list: problems.map(problemText) }
            : { kind: 'bad', text: err.message };
    } finally {
      this.busy = false;
    }
  }

  /** A photo saved on its own route is one version on: the draft takes it and keeps its other edits. */
  private photoChanged(e: PhotoChanged): void {
    const d = e.detail;
    if (d.version !== this.version + 1) {
      this.notice = { kind: 'bad', text: t('conflict'), reload: true };
      return;
    }
    this.version = d.version;
    const clerk = this.draft!.clerks.find((k: { id: string }) => k.id === d.clerkId);
    if (clerk && d.photoUrl) clerk.photoUrl = d.photoUrl;
    else if (clerk) delete clerk.photoUrl;
    this.notice = { kind: 'ok', text: t(d.removed ? 'photoRemoved' : 'photoSaved', { n: d.version }) };
    this.renderRoot.querySelector('clerks-tab')?.requestUpdate(); // the draft was changed in place
    void this.renderRoot.querySelector('history-tab')?.load();
  }

  private save(): void {
    const draft = this.draft!;
    // Turning on 关门时自动结束 (or moving the hours) while the hall time is already past closing ends every
    // waiting ticket of the day within seconds: say so first (the walk found it silent).
    const h = draft.hall as { autoClose?: boolean; open: string; close: string; timezone: string };
    if (
      h.autoClose &&
      hoursKey(h) !== this.loadedHours &&
      !withinHours(h) &&
      !confirm(t('closesNow', { close: h.close }))
    )
      return;
    const kinds = Object.fromEntries(draft.devices.map((d: { id: string; kind: string }) => [d.id, d.kind]));
    void this.run(() => this.api!.save(this.version, draft), kinds);
  }

  private restore(version: number): void {
    void this.run(() => this.api!.restore(version), {});
  }

  override render() {
    if (!this.api || !this.draft) {
      return html`<form @submit=${this.login}>
        <h2>${t('title')}</h2>
        <label>${t('clerkId')}<input name="clerkId" autocomplete="username" required autofocus /></label>
        <label
          >${t('password')}<input name="password" type="password" autocomplete="current-password" required
        /></label>
        <button type="submit">${t('login')}</button>
        <div class="error" role="alert">${this.error}</div>
      </form>`;
    }
    const c = this.draft;
    return html`<header>
        <h1>${c.hall.name} · ${t('title')}</h1>
        <nav role="tablist">
          ${TABS.map(
            (id) =>
              html`<button role="tab" data-tab=${id} aria-selected=${this.tab === id} @click=${() => (this.tab = id)}>
                ${t(TAB_KEY[id])}
              </button>`,
          )}
        </nav>
        <span class="spacer"></span>
        <a href="?lang=${lang === 'zh' ? 'en' : 'zh'}">${lang === 'zh' ? 'English' : '中文'}</a>
        <button class="link" @click=${this.logout}>${t('logout')}</button>
      </header>
      <div class="bar">
        <strong>${t('version', { n: this.version })}</strong>
        ${this.dirty ? html`<span class="dirty" role="status">● ${t('unsaved')}</span>` : nothing}
        <span class="spacer" style="flex:1"></span>
        <button @click=${() => void this.api!.exportYaml()}>${t('exportYaml')}</button>
        <button ?disabled=${!this.dirty || this.busy} @click=${() => void this.load()}>${t('discard')}</button>
        <button class="primary" data-testid="save" ?disabled=${!this.dirty || this.busy} @click=${this.save}>
          ${t('save')}
        </button>
      </div>
      ${
        this.notice
          ? html`<div
              class="notice ${this.notice.kind}"
              role=${this.notice.kind === 'bad' ? 'alert' : 'status'}
              data-testid="notice"
            >
              ${this.notice.text}
              ${
                this.notice.list
                  ? html`<ul>
                      ${this.notice.list.map((p) => html`<li>${p}</li>`)}
                    </ul>`
                  : nothing
              }
              ${
                this.notice.reload
                  ? html`<button
                      @click=${() => {
                        this.notice = null;
                        void this.load();
                      }}
                    >
                      ${t('reload')}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      <main @edit=${() => (this.dirty = true)} @restore=${(e: CustomEvent<number>) => this.restore(e.detail)}>
        ${this.renderTab(c)}
      </main>
      ${
        this.tokens
          ? html`<token-dialog
              .tokens=${this.tokens.tokens}
              .kinds=${this.tokens.kinds}
              @close=${() => (this.tokens = null)}
            ></token-dialog>`
          : nothing
      }`;
  }

  private renderTab(c: AdminConfig) {
    switch (this.tab) {
      case 'hall':
        return html`<hall-tab .config=${c}></hall-tab>`;
      case 'services':
        return html`<services-tab .config=${c}></services-tab>`;
      case 'windows':
        return html`<windows-tab .config=${c}></windows-tab>`;
      case 'clerks':
        return html`<clerks-tab
          .config=${c}
          .known=${this.known.clerks}
          .api=${this.api}
          @photo-changed=${this.photoChanged}
        ></clerks-tab>`;
      case 'devices':
        return html`<devices-tab .config=${c} .known=${this.known.devices}></devices-tab>`;
      case 'other':
        return html`<other-tab .config=${c}></other-tab>`;
      case 'history':
        return html`<history-tab .api=${this.api!}></history-tab>`;
    }
  }
}

customElements.define('admin-app', AdminApp);

declare global {
  interface HTMLElementTagNameMap {
    'admin-app': AdminApp;
  }
}
