// The guide desk (导服台): staff at the hall's entrance find a visitor's ticket by its number and reprint,
// cancel, prioritise or move it; issue a ticket for a visitor who cannot use the kiosk; and see each queue's
// estimated wait. For the `guide` role, supervisors and admins. The queues refresh every 10 seconds.
import { LitElement, css, html, nothing } from 'lit';
import type { ServiceView } from '../../../server/protocol/views';
import type { LoggedIn } from '../backoffice/staff-login';
import { ApiError } from '../shared/device-api';
import { SupervisorApi } from '../supervisor/supervisor-api';
import { lang, t, type Key } from './guide-i18n';
import { guideStyles, waitText, type DeskTicket } from './guide-shared';
import '../backoffice/staff-login';
import './guide-issue';
import './guide-ticket';

const TOKEN_KEY = 'hall.guide.token';
const REFRESH_MS = 10_000;
export interface Desk {
  services: ServiceView[];
  printers: { id: string; kiosk: string; state: string; message: string }[];
}

export class GuideDesk extends LitElement {
  static override properties = {
    token: { state: true },
    desk: { state: true },
    found: { state: true },
    findError: { state: true },
  };
  declare token: string | null;
  declare desk: Desk | null;
  declare found: DeskTicket | null;
  declare findError: string;
  private api: SupervisorApi | null = null;
  private hallName = '';
  private timeZone = 'Asia/Shanghai';
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    this.token = null;
    this.desk = null;
    this.found = null;
    this.findError = '';
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) void this.attach(saved);
  }

  static override styles = [
    guideStyles,
    css`
      :host {
        display: block;
        min-height: 100vh;
        font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
        color: #1d2733;
        --gd-primary: #1f5fae;
        --bo-primary: #1f5fae;
      }
      header {
        display: flex;
        align-items: center;
        gap: 16px;
        background: var(--gd-primary);
        color: #fff;
        padding: 8px 20px;
      }
      header h1 {
        font-size: 20px;
        margin: 0;
        flex: 1;
      }
      header a,
      header button {
        color: #fff;
        background: none;
        border: 0;
        font-size: 14px;
        text-decoration: none;
      }
      main {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: 14px;
        padding: 14px 20px;
      }
      .col {
        display: flex;
        flex-direction: column;
        gap: 14px;
        min-width: 0;
      }
      form.find {
        display: flex;
        gap: 8px;
      }
      form.find input {
        flex: 1;
        font-size: 24px;
        text-transform: uppercase;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 15px;
      }
      th,
      td {
        text-align: left;
        padding: 6px;
        border-bottom: 1px solid #eef0f3;
      }
      .muted {
        color: #889;
      }
    `,
  ];

  override disconnectedCallback(): void {
    if (this.timer) clearInterval(this.timer);
    super.disconnectedCallback();
  }

  private async attach(token: string): Promise<void> {
    this.api = new SupervisorApi(token);
    try {
      const hall = await this.api.get<{ hall: { name: string; timezone?: string } }>('/api/hall');
      this.hallName = hall.hall.name;
      this.timeZone = hall.hall.timezone ?? this.timeZone;
      await this.refresh();
      this.token = token;
      this.timer = setInterval(() => void this.refresh().catch(() => {}), REFRESH_MS);
    } catch {
      sessionStorage.removeItem(TOKEN_KEY);
      this.api = null;
    }
  }

  private async refresh(): Promise<void> {
    this.desk = await this.api!.get<Desk>('/api/guide/desk');
    if (this.found) await this.lookUp(this.found.number);
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

  private async lookUp(number: string): Promise<void> {
    try {
      this.found = (
        await this.api!.get<{ ticket: DeskTicket }>(`/api/guide/tickets?number=${encodeURIComponent(number)}`)
      ).ticket;
      this.findError = '';
    } catch (e) {
      this.found = null;
      this.findError = e instanceof ApiError ? e.message : String(e);
    }
  }

  private find(e: Event): void {
    e.preventDefault();
    const n = String(new FormData(e.target as HTMLFormElement).get('number') ?? '').trim();
    if (n) void this.lookUp(n);
  }

  private queues(d: Desk) {
    return html`<div class="card">
      <h2>${t('queues')}</h2>
      <table data-testid="queues">
        <tr>
          <th>${t('service')}</th>
          <th>${t('waiting')}</th>
          <th>${t('estimate')}</th>
          <th></th>
        </tr>
        ${d.services.map(
          (s) =>
            html`<tr data-service=${s.id}>
              <td>${s.prefix} ${s.name}</td>
              <td>${s.waiting}</td>
              <td>${waitText(s)}</td>
              <td class="muted">${t(`st_${s.state}` as Key)}</td>
            </tr>`,
        )}
      </table>
    </div>`;
  }

  override render() {
    if (!this.token || !this.desk)
      return html`<staff-login
        .heading=${t('title')}
        .roles=${['guide', 'supervisor', 'admin']}
        .refusal=${t('notGuide')}
        .labels=${{ clerkId: t('clerkId'), password: t('password'), login: t('login') }}
        @logged-in=${this.onLogin}
      ></staff-login>`;
    const d = this.desk;
    return html`<header>
        <h1>${this.hallName} · ${t('title')}</h1>
        <a href="?lang=${lang === 'zh' ? 'en' : 'zh'}">${lang === 'zh' ? 'English' : '中文'}</a>
        <button @click=${this.logout}>${t('logout')}</button>
      </header>
      <main>
        <div class="col">
          <div class="card">
            <h2>${t('find')}</h2>
            <form class="find" @submit=${this.find}>
              <input name="number" placeholder=${t('numberPlaceholder')} autocomplete="off" maxlength="8" autofocus />
              <button class="primary" type="submit">${t('search')}</button>
            </form>
            <div class="error" role="alert">${this.findError}</div>
          </div>
          ${
            this.found
              ? html`<guide-ticket
                  .api=${this.api!}
                  .ticket=${this.found}
                  .services=${d.services}
                  .printers=${d.printers}
                  .timeZone=${this.timeZone}
                  @changed=${() => void this.refresh()}
                ></guide-ticket>`
              : nothing
          }
        </div>
        <div class="col">
          <guide-issue .api=${this.api!} .desk=${d} @issued=${() => void this.refresh()}></guide-issue>
          ${this.queues(d)}
        </div>
      </main>`;
  }
}

customElements.define('guide-desk', GuideDesk);

declare global {
  interface HTMLElementTagNameMap {
    'guide-desk': GuideDesk;
  }
}
