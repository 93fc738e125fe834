// The back office (后台业务) for supervisors and admins: the 好差评 records with their figures and charts, the
// 差评整改 follow-ups, and the day's appointments with the import of the booking system's file.
// The live dashboard stays at /supervisor; this page holds the desk work behind it.
import { LitElement, css, html } from 'lit';
import { SupervisorApi } from '../supervisor/supervisor-api';
import { lang, t } from './backoffice-i18n';
import type { LoggedIn } from './staff-login';
import './appointment-list';
import './evaluation-records';
import './follow-up-list';
import './staff-login';

type Tab = 'records' | 'followUps' | 'appointments';
const TOKEN_KEY = 'hall.backoffice.token';
const TABS: Tab[] = ['records', 'followUps', 'appointments'];

export interface HallInfo {
  name: string;
  day: string;
  timezone: string;
}
export interface HallLists {
  hall: HallInfo;
  services: { id: string; name: string }[];
  windows: { no: number; name: string }[];
}

export class BackofficeApp extends LitElement {
  static override properties = { tab: { state: true }, hall: { state: true }, token: { state: true } };
  declare tab: Tab;
  declare hall: HallLists | null;
  declare token: string | null;
  private api: SupervisorApi | null = null;

  constructor() {
    super();
    const h = location.hash.slice(1) as Tab;
    this.tab = TABS.includes(h) ? h : 'records';
    this.hall = null;
    this.token = sessionStorage.getItem(TOKEN_KEY);
    if (this.token) void this.attach(this.token);
  }

  static override styles = css`
    :host {
      display: block;
      min-height: 100vh;
      font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
      color: #1d2733;
      --bo-primary: #1f5fae;
      --sv-primary: #1f5fae;
      --sv-bad: #c62828;
    }
    header {
      display: flex;
      align-items: center;
      gap: 16px;
      background: var(--bo-primary);
      color: #fff;
      padding: 8px 20px;
    }
    h1 {
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
    .spacer {
      flex: 1;
    }
    header a,
    header button.link {
      color: #fff;
      background: none;
      border: 0;
      font-size: 14px;
      cursor: pointer;
      text-decoration: none;
    }
    main {
      padding: 14px 20px;
    }
  `;

  private async attach(token: string): Promise<void> {
    this.api = new SupervisorApi(token);
    try {
      this.hall = await this.api.get<HallLists>('/api/hall');
      this.token = token;
    } catch {
      // A token from an ended session: back to the login form.
      sessionStorage.removeItem(TOKEN_KEY);
      this.token = null;
      this.api = null;
    }
  }

  private onLogin(e: CustomEvent<LoggedIn>): void {
    sessionStorage.setItem(TOKEN_KEY, e.detail.token);
    void this.attach(e.detail.token);
  }

  private logout(): void {
    void this.api?.post('/api/auth/logout').catch(() => {});
    sessionStorage.removeItem(TOKEN_KEY);
    location.reload();
  }

  private show(tab: Tab): void {
    this.tab = tab;
    history.replaceState(null, '', `#${tab}`);
  }

  override render() {
    if (!this.token || !this.hall || !this.api)
      return html`<staff-login
        .heading=${t('title')}
        .roles=${['supervisor', 'admin']}
        .refusal=${t('notSupervisor')}
        .labels=${{ clerkId: t('clerkId'), password: t('password'), login: t('login') }}
        @logged-in=${this.onLogin}
      ></staff-login>`;
    const label = { records: t('tabRecords'), followUps: t('tabFollowUps'), appointments: t('tabAppointments') };
    return html`<header>
        <h1>${this.hall.hall.name} · ${t('title')}</h1>
        <nav role="tablist">
          ${TABS.map(
            (id) =>
              html`<button role="tab" data-tab=${id} aria-selected=${this.tab === id} @click=${() => this.show(id)}>
                ${label[id]}
              </button>`,
          )}
        </nav>
        <span class="spacer"></span>
        <a href="/supervisor">${t('dashboard')}</a>
        <a href="?lang=${lang === 'zh' ? 'en' : 'zh'}${location.hash}">${lang === 'zh' ? 'English' : '中文'}</a>
        <button class="link" @click=${this.logout}>${t('logout')}</button>
      </header>
      <main>
        ${
          this.tab === 'records'
            ? html`<evaluation-records .api=${this.api} .hall=${this.hall}></evaluation-records>`
            : this.tab === 'followUps'
              ? html`<follow-up-list .api=${this.api}></follow-up-list>`
              : html`<appointment-list .api=${this.api} .hall=${this.hall}></appointment-list>`
        }
      </main>`;
  }
}

customElements.define('backoffice-app', BackofficeApp);

declare global {
  interface HTMLElementTagNameMap {
    'backoffice-app': BackofficeApp;
  }
}
