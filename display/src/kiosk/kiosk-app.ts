// The kiosk (取号机): touch-first, large type, portrait or landscape. Choose a service (or check in with an
// appointment code), optionally a priority and an ID number, and get a number: shown large with the
// people ahead, the wait and a QR code, printed on the kiosk's printer. It returns to the start by itself.
import { LitElement, html } from 'lit';
import type { Priority } from '../../../server/domain/types';
import { PRINTABLE } from '../../../server/protocol/printer-state';
import { deviceToken } from '../shared/device-token';
import type { Lang } from '../shared/i18n';
import { ApiError } from '../shared/device-api';
import { KioskController, type IssueAnswer } from './kiosk-controller';
import { DEFAULT_LANG, isKey, kioskLang, setKioskLang, t, type Key } from './kiosk-i18n';
import type { TakeDetail } from './kiosk-options';
import './kiosk-issued';
import './kiosk-keypad';
import './kiosk-options';
import './kiosk-service-grid';
import { kioskStyles } from './kiosk-styles';

type Screen =
  | { kind: 'home' }
  | { kind: 'options'; serviceId: string }
  | { kind: 'checkin' }
  | { kind: 'issued'; answer: IssueAnswer };

/** Seconds before the kiosk goes back to the start: after a number, longer when the printer failed. */
const RETURN_AFTER = { issued: 20, unprinted: 45, idle: 60 };

export class KioskApp extends LitElement {
  static override properties = {
    screen: { state: true },
    error: { state: true },
    busy: { state: true },
    code: { state: true },
    secondsLeft: { state: true },
    lang: { state: true },
  };
  declare screen: Screen;
  declare error: string | null;
  declare busy: boolean;
  declare code: string;
  declare secondsLeft: number;
  /** The visitor's language: children read it through t(), and get it as a property to re-render. */
  declare lang: Lang;
  private readonly token = deviceToken('kiosk');
  private readonly kiosk = this.token ? new KioskController(this, this.token) : null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    super();
    this.screen = { kind: 'home' };
    this.error = null;
    this.busy = false;
    this.code = '';
    this.secondsLeft = 0;
    this.lang = kioskLang();
  }

  static override styles = kioskStyles;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopTimer();
  }

  override render() {
    if (!this.kiosk) return html`<main><p class="pick">${t('noToken')}</p></main>`;
    const st = this.kiosk.state;
    const printer = st?.printer;
    return html`
      <header>
        <h1>${st?.hall.name ?? ''} · ${t('title')}</h1>
        <button class="checkin" @click=${() => this.go({ kind: 'checkin' })}>${t('checkIn')}</button>
        <button class="lang" @click=${() => this.setLang(this.lang === 'zh' ? 'en' : 'zh')}>
          ${this.lang === 'zh' ? 'English' : '中文'}
        </button>
      </header>
      ${!this.kiosk.online ? html`<div class="banner bad">${this.kiosk.refused ?? t('offline')}</div>` : null}
      ${
        printer && !PRINTABLE.has(printer.state)
          ? html`<div class="banner warn" data-printer=${printer.state}>
              ${t('printerWarn', { reason: t(`printer_${printer.state}` as Key) })}
            </div>`
          : null
      }
      <main @pointerdown=${() => this.touched()}>${this.body()}</main>
      ${
        this.error
          ? html`<div class="modal" role="alertdialog">
              <div>
                <p data-error>${this.error}</p>
                <button @click=${() => (this.error = null)}>${t('ok')}</button>
              </div>
            </div>`
          : null
      }
    `;
  }

  private body() {
    const st = this.kiosk?.state;
    if (!st) return null;
    const s = this.screen;
    switch (s.kind) {
      case 'home':
        return html`<div class="pick">${t('pick')}</div>
          <kiosk-service-grid
            .lang=${this.lang}
            .services=${st.services}
            @pick=${(e: CustomEvent<string>) => this.go({ kind: 'options', serviceId: e.detail })}
          ></kiosk-service-grid>`;
      case 'options': {
        const service = st.services.find((x) => x.id === s.serviceId);
        if (!service) return null;
        return html`<kiosk-options
          .lang=${this.lang}
          .service=${service}
          .priorities=${st.priorities}
          .busy=${this.busy}
          @back=${() => this.home()}
          @take=${(e: CustomEvent<TakeDetail>) => this.take(s.serviceId, e.detail)}
        ></kiosk-options>`;
      }
      case 'checkin':
        return html`<div class="checkin-form">
          <h2>${t('checkIn')}</h2>
          <kiosk-keypad
            letters
            .maxLength=${20}
            .value=${this.code}
            label=${t('checkInHint')}
            @entry-change=${(e: CustomEvent<string>) => (this.code = e.detail)}
            @entry-submit=${() => this.checkIn()}
          ></kiosk-keypad>
          <div class="checkin-actions">
            <button class="back" @click=${() => this.home()}>${t('back')}</button>
            <button class="go" ?disabled=${this.busy || !this.code} @click=${() => this.checkIn()}>
              ${t('checkInGo')}
            </button>
          </div>
        </div>`;
      case 'issued':
        return html`<kiosk-issued
          .lang=${this.lang}
          .timezone=${st.timezone}
          .answer=${s.answer}
          .secondsLeft=${this.secondsLeft}
          @done=${() => this.home()}
          @reprint=${() => this.reprint(s.answer)}
        ></kiosk-issued>`;
    }
  }

  private async take(serviceId: string, d: TakeDetail): Promise<void> {
    await this.issue({
      serviceId,
      ...(d.priority ? { priority: d.priority as Priority } : {}),
      ...(d.idNumber ? { idNumber: d.idNumber } : {}),
    });
  }

  private async checkIn(): Promise<void> {
    if (this.code) await this.issue({ appointmentCode: this.code });
  }

  private async issue(body: Parameters<KioskController['issue']>[0]): Promise<void> {
    if (this.busy || !this.kiosk) return;
    this.busy = true;
    try {
      const answer = await this.kiosk.issue({ ...body, ...(this.lang === DEFAULT_LANG ? {} : { lang: this.lang }) });
      this.code = '';
      this.go({ kind: 'issued', answer });
    } catch (e) {
      this.showError(e);
    } finally {
      this.busy = false;
    }
  }

  private async reprint(answer: IssueAnswer): Promise<void> {
    if (!this.kiosk) return;
    try {
      const { print } = await this.kiosk.reprint(answer.ticket.id);
      this.go({ kind: 'issued', answer: { ...answer, print } });
    } catch (e) {
      this.showError(e);
    }
  }

  /** The server's message is Chinese; English screens translate by code. */
  private showError(e: unknown): void {
    const err = e instanceof ApiError ? e : new ApiError('NETWORK', '');
    const key = `e_${err.code}`;
    if (this.lang === 'zh' && err.message) this.error = err.message;
    else this.error = isKey(key) ? t(key) : err.message;
  }

  private go(screen: Screen): void {
    this.screen = screen;
    this.error = null;
    const unprinted = screen.kind === 'issued' && screen.answer.print !== null && !screen.answer.print.printed;
    const after =
      screen.kind === 'home'
        ? 0
        : screen.kind === 'issued'
          ? unprinted
            ? RETURN_AFTER.unprinted
            : RETURN_AFTER.issued
          : RETURN_AFTER.idle;
    this.startTimer(after);
  }

  /** Back to the start for the next visitor: in the hall's default language, whatever the last one chose. */
  private home(): void {
    this.code = '';
    this.setLang(DEFAULT_LANG);
    this.go({ kind: 'home' });
  }

  private setLang(l: Lang): void {
    setKioskLang(l);
    this.lang = l;
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  }

  /** Any touch restarts the count on a form screen, so a slow visitor is not sent back mid-entry. */
  private touched(): void {
    if (this.screen.kind === 'options' || this.screen.kind === 'checkin') this.startTimer(RETURN_AFTER.idle);
  }

  private startTimer(seconds: number): void {
    this.stopTimer();
    this.secondsLeft = seconds;
    if (!seconds) return;
    this.timer = setInterval(() => {
      this.secondsLeft -= 1;
      if (this.secondsLeft <= 0) this.home();
    }, 1000);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

customElements.define('kiosk-app', KioskApp);
declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
