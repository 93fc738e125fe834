// The supervisor dashboard (值班长工作台): log in as a supervisor or admin, then the live hall, the alert
// list (sounded until acknowledged) and reports. Keys: 1 / 2 / 3 switch tabs, A acknowledges all.
import { LitElement, css, html, nothing } from 'lit';
import { loginFormStyles } from '../shared/login-form-styles';
import type { AlertView } from '../../../server/protocol/socket';
import { ApiError } from '../shared/device-api';
import { loginStaff } from '../shared/staff-auth';
import { chime, unlockAudioOnFirstGesture } from '../voice/chime';
import { SupervisorApi } from './supervisor-api';
import { SupervisorController } from './supervisor-controller';
import { lang, t } from './supervisor-i18n';
import './alert-list';
import './hall-live';
import './report-view';

type Tab = 'live' | 'alerts' | 'reports';
const TOKEN_KEY = 'hall.supervisor.token';

export class SupervisorApp extends LitElement {
  static override properties = { tab: { state: true }, error: { state: true }, token: { state: true } };
  declare tab: Tab;
  declare error: string;
  declare token: string | null;
  private live: SupervisorController | null = null;
  private api: SupervisorApi | null = null;

  constructor() {
    super();
    this.tab = 'live';
    this.error = '';
    this.token = sessionStorage.getItem(TOKEN_KEY);
    if (this.token) this.attach(this.token);
  }

  static override styles = [
    loginFormStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
        color: #1d2733;
        --sv-primary: #1f5fae;
        --sv-bad: #c62828;
        --sv-warn: #ef8f00;
        --sv-ok: #2e7d32;
      }
      header {
        display: flex;
        align-items: center;
        gap: 16px;
        background: var(--sv-primary);
        color: #fff;
        padding: 8px 20px;
      }
      header h1 {
        font-size: 20px;
        margin: 0 16px 0 0;
      }
      nav button {
        background: transparent;
        color: #dfe9f7;
        border: 0;
        font-size: 16px;
        padding: 8px 14px;
        border-radius: 6px;
        cursor: pointer;
      }
      nav button[aria-selected='true'] {
        background: rgba(255, 255, 255, 0.2);
        color: #fff;
      }
      .badge {
        background: var(--sv-bad);
        color: #fff;
        border-radius: 10px;
        padding: 0 7px;
        margin-left: 4px;
        font-size: 13px;
      }
      .spacer {
        flex: 1;
      }
      header a,
      header .link {
        color: #fff;
        background: none;
        border: 0;
        font-size: 14px;
        cursor: pointer;
      }
      .banner {
        background: #fff3cd;
        padding: 6px 20px;
      }
      main {
        padding: 16px 20px;
      }
      .strip {
        background: #fdecea;
        color: var(--sv-bad);
        padding: 6px 20px;
        font-size: 15px;
      }
      .error {
        color: var(--sv-bad);
        margin-top: 10px;
      }
      footer {
        color: #778;
        font-size: 13px;
        padding: 0 20px 16px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    unlockAudioOnFirstGesture(() => {});
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  private attach(token: string): void {
    this.api = new SupervisorApi(token);
    this.live = new SupervisorController(this, token, (a: AlertView) => void this.sound(a));
  }

  private async sound(a: AlertView): Promise<void> {
    if (a.resolvedAt || a.ackedAt) return;
    await chime();
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    const el = e.composedPath()[0] as HTMLElement | undefined;
    if (!this.live || e.ctrlKey || e.altKey || e.metaKey || (el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)))
      return;
    if (e.key === '1') this.tab = 'live';
    else if (e.key === '2') this.tab = 'alerts';
    else if (e.key === '3') this.tab = 'reports';
    else if (e.key === 'a' || e.key === 'A') void this.ackAll();
  };

  private async ackAll(): Promise<void> {
    for (const a of this.live?.unacked ?? []) await this.api!.post(`/api/alerts/${a.id}/ack`).catch(() => {});
  }

  private async login(e: Event): Promise<void> {
    e.preventDefault();
    try {
      const { token } = await loginStaff(e.target as HTMLFormElement, ['supervisor', 'admin'], t('notSupervisor'));
      sessionStorage.setItem(TOKEN_KEY, token);
      this.token = token;
      this.attach(this.token);
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  }

  private logout(): void {
    void this.api?.post('/api/auth/logout').catch(() => {});
    sessionStorage.removeItem(TOKEN_KEY);
    location.reload();
  }

  override render() {
    if (!this.live || this.live.connection === 'refused') {
      if (this.live?.connection === 'refused') sessionStorage.removeItem(TOKEN_KEY);
      return html`<form @submit=${this.login}>
        <h2>${t('title')}</h2>
        <label>${t('clerkId')}<input name="clerkId" autocomplete="username" required autofocus /></label>
        <label
          >${t('password')}<input name="password" type="password" autocomplete="current-password" required
        /></label>
        <button type="submit">${t('login')}</button>
        <div class="error" role="alert">${this.live?.refusal ?? this.error}</div>
      </form>`;
    }
    const st = this.live.state;
    const unacked = this.live.unacked.length;
    const strip = this.live.unacked.filter((a) => !a.resolvedAt).slice(0, 3);
    const tab = (id: Tab, label: string, extra: unknown = nothing) =>
      html`<button role="tab" aria-selected=${this.tab === id} @click=${() => (this.tab = id)}>
        ${label}${extra}
      </button>`;
    return html`<header>
        <h1>${st?.hall.name ?? ''} · ${t('title')}</h1>
        <nav role="tablist">
          ${tab('live', t('tabLive'))}
          ${tab('alerts', t('tabAlerts'), unacked ? html`<span class="badge" data-testid="alert-badge">${unacked}</span>` : nothing)}
          ${tab('reports', t('tabReports'))}
        </nav>
        <span class="spacer"></span>
        <a href="?lang=${lang === 'zh' ? 'en' : 'zh'}">${lang === 'zh' ? 'English' : '中文'}</a>
        <button class="link" @click=${this.logout}>${t('logout')}</button>
      </header>
      ${this.live.connection === 'offline' ? html`<div class="banner" role="status">${t('offline')}</div>` : nothing}
      ${
        strip.length
          ? html`<div class="strip" role="alert" data-testid="alert-strip">
              ${strip.map((a) => html`<div>⚠ ${a.message}${a.suggestion ? ` · ${t('suggestion', { s: a.suggestion })}` : ''}</div>`)}
            </div>`
          : nothing
      }
      <main>
        ${
          !st
            ? nothing
            : this.tab === 'live'
              ? html`<hall-live .state=${st} .api=${this.api}></hall-live>`
              : this.tab === 'alerts'
                ? html`<alert-list .alerts=${st.alerts} .api=${this.api} .timeZone=${st.hall.timezone}></alert-list>`
                : html`<report-view .api=${this.api} .day=${st.hall.day}></report-view>`
        }
      </main>
      <footer>${t('shortcuts')}</footer>`;
  }
}

customElements.define('supervisor-app', SupervisorApp);

declare global {
  interface HTMLElementTagNameMap {
    'supervisor-app': SupervisorApp;
  }
}
