// The evaluation pad (评价器) on a tablet at one window: idle shows the clerk on duty (photo, name, 工号);
// serving shows the ticket and service; when the visit ends it asks for one of five levels. A tapped level
// is sent to the server at once and stands: a good rating is submitted by itself after a few seconds (time
// to change it), a bad one asks for reasons, and a visitor who walks away is recorded with the level they
// chose (reasons empty). Only a prompt with no level tapped becomes 未评价 — the pad never picks a level.
import { LitElement, html } from 'lit';
import { LEVELS, isNegative, type Level } from '../../../server/domain/evaluation';
import type { PadPrompt } from '../../../server/protocol/views';
import { deviceToken } from '../shared/device-token';
import { currentLang, translator } from '../shared/i18n';
import { ApiError } from '../shared/device-api';
import { PadController } from './pad-controller';
import { face } from './pad-faces';
import { padStyles } from './pad-styles';

/** A good rating's time to change it before it sends itself. */
const AUTO_SUBMIT_MS = 3000;

const t = translator({
  welcome: { zh: '欢迎您', en: 'Welcome' },
  onDuty: { zh: '工号 {id}', en: 'Staff no. {id}' },
  noClerk: { zh: '本窗口暂未开放', en: 'This window is not open' },
  serving: { zh: '正在为您办理', en: 'Now serving' },
  ask: { zh: '请对本次服务作出评价', en: 'Please rate this service' },
  l_very_satisfied: { zh: '非常满意', en: 'Very satisfied' },
  l_satisfied: { zh: '满意', en: 'Satisfied' },
  l_basic: { zh: '基本满意', en: 'Fairly satisfied' },
  l_dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  l_very_dissatisfied: { zh: '非常不满意', en: 'Very dissatisfied' },
  reasons: { zh: '请选择不满意的原因（至少一项）', en: 'What went wrong? (choose at least one)' },
  comment: { zh: '补充说明（选填）', en: 'Anything to add (optional)' },
  submit: { zh: '提交评价', en: 'Submit' },
  back: { zh: '返回', en: 'Back' },
  thanks: { zh: '感谢您的评价！', en: 'Thank you!' },
  left: { zh: '{s} 秒', en: '{s} s' },
  autoSubmit: {
    zh: '已选择“{level}”，{s} 秒后提交；点其他选项可更改',
    en: '“{level}” chosen: sent in {s} s; tap another to change it',
  },
  keptWithout: {
    zh: '已记录“{level}”；选择原因可帮助我们改进',
    en: '“{level}” is kept; choosing a reason helps us improve',
  },
  previousUnrated: {
    zh: '上一位（{ticket}）未评价，已结束',
    en: 'The previous visit ({ticket}) ended without a rating',
  },
  previousKept: {
    zh: '上一位（{ticket}）已按所选“{level}”记录',
    en: 'The previous visit ({ticket}) was recorded as “{level}”',
  },
  offline: { zh: '网络连接中断，正在自动重连…', en: 'Connection lost, reconnecting…' },
  noToken: { zh: '此评价器尚未设置：请在地址后加上 ?token=设备令牌', en: 'Not set up: add ?token=DEVICE_TOKEN' },
  window: { zh: '{name}', en: '{name}' },
});

export class PadApp extends LitElement {
  static override properties = {
    level: { state: true },
    reasons: { state: true },
    comment: { state: true },
    error: { state: true },
    thanks: { state: true },
    now: { state: true },
    autoAt: { state: true },
    notice: { state: true },
  };
  declare level: Level | null;
  declare reasons: string[];
  declare comment: string;
  declare error: string | null;
  declare thanks: boolean;
  declare now: number;
  /** When a good rating sends itself (the visitor's few seconds to change it). */
  declare autoAt: number | null;
  /** A sign that the previous visit's prompt was closed when this one came. */
  declare notice: string | null;
  private readonly token = deviceToken('pad');
  private readonly pad = this.token ? new PadController(this, this.token) : null;
  private readonly language = currentLang();
  private evaluationId: string | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private thanksTimer: ReturnType<typeof setTimeout> | null = null;
  private autoTimer: ReturnType<typeof setTimeout> | null = null;
  private noticeTimer: ReturnType<typeof setTimeout> | null = null;
  /** The evaluation prompt on screen and whether its answer went through. */
  private asked: { prompt: PadPrompt; answered: boolean } | null = null;

  constructor() {
    super();
    this.level = null;
    this.reasons = [];
    this.comment = '';
    this.error = null;
    this.thanks = false;
    this.now = Date.now();
    this.autoAt = null;
    this.notice = null;
  }

  static override styles = padStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    this.ticker = setInterval(() => (this.now = Date.now()), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.ticker) clearInterval(this.ticker);
    if (this.thanksTimer) clearTimeout(this.thanksTimer);
    this.cancelAuto();
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
  }

  /** A new prompt resets the form; the same one (a reconnect) keeps what the visitor has chosen. */
  promptChanged(p: PadPrompt): void {
    if (p.evaluationId === this.evaluationId) return;
    // The next visit (its service starting, or its own prompt) closed one still open on screen: say so, so
    // nobody thinks it was lost. A prompt whose time ran out goes back to idle without a notice.
    const next = p.state === 'evaluate' || p.state === 'serving';
    if (next && this.asked && !this.asked.answered) this.showNotice(this.asked.prompt);
    this.asked = p.state === 'evaluate' ? { prompt: p, answered: false } : null;
    this.evaluationId = p.evaluationId;
    this.level = null;
    this.reasons = [];
    this.comment = '';
    this.error = null;
    this.cancelAuto();
  }

  private showNotice(prev: PadPrompt): void {
    const ticket = prev.ticket ?? '';
    this.notice =
      this.level === null
        ? t('previousUnrated', { ticket })
        : t('previousKept', { ticket, level: t(`l_${this.level}`) });
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => (this.notice = null), 10_000);
  }

  override render() {
    if (!this.pad) return html`<div class="center">${t('noToken')}</div>`;
    const st = this.pad.state;
    return html`
      ${this.pad.online ? null : html`<div class="banner">${this.pad.refused ?? t('offline')}</div>`}
      ${st ? html`<div class="window"><span>${st.hall.name}</span><span>${st.window.name}</span></div>` : null}
      <div class="center" data-pad=${this.thanks ? 'thanks' : (st?.prompt.state ?? 'none')}>
        ${st ? this.body(st.prompt, st.reasons) : null}
      </div>
    `;
  }

  private body(p: PadPrompt, reasons: string[]) {
    if (this.thanks) return html`<div class="name">${t('thanks')}</div>`;
    if (p.state === 'evaluate') return this.evaluate(p, reasons);
    if (p.state === 'serving')
      return html`<div class="id">${t('serving')}</div>
        <div class="number">${p.ticket}</div>
        <div class="name">${p.service}</div>
        ${this.clerkLine(p)}`;
    if (!p.clerk) return html`<div class="name">${t('noClerk')}</div>`;
    return html`${this.photo(p)}
      <div class="id">${t('welcome')}</div>
      <div class="name" data-clerk>${p.clerk.name}</div>
      <div class="id">${t('onDuty', { id: p.clerk.id })}</div>`;
  }

  private photo(p: PadPrompt) {
    const c = p.clerk!;
    return c.photoUrl
      ? html`<img class="photo" src=${c.photoUrl} alt=${c.name} />`
      : html`<div class="photo">${[...c.name][0]}</div>`;
  }

  private clerkLine(p: PadPrompt) {
    return p.clerk ? html`<div class="id">${p.clerk.name} · ${t('onDuty', { id: p.clerk.id })}</div>` : null;
  }

  private evaluate(p: PadPrompt, reasons: string[]) {
    const left = p.expiresAt
      ? Math.max(0, Math.ceil((Date.parse(p.expiresAt) - Math.max(this.now, Date.now())) / 1000))
      : null;
    const needReason = this.level !== null && isNegative(this.level);
    const canSubmit = this.level !== null && (!needReason || this.reasons.length > 0);
    return html`
      ${this.notice ? html`<div class="banner" data-notice>${this.notice}</div>` : null}
      <h2>${t('ask')}</h2>
      <div class="id rated">
        ${p.clerk?.photoUrl ? html`<img class="photo small" src=${p.clerk.photoUrl} alt="" />` : null} ${p.ticket} ·
        ${p.service} · ${p.clerk?.name ?? ''}
      </div>
      <div class="levels">
        ${LEVELS.map(
          (l) =>
            html`<button
              data-level=${l}
              class=${isNegative(l) ? 'neg' : ''}
              aria-pressed=${this.level === l}
              @click=${() => this.choose(l, p)}
            >
              ${face(l)}${t(`l_${l}`)}
            </button>`,
        )}
      </div>
      ${
        needReason
          ? html`<div class="id">${t('reasons')}</div>
              <div class="reasons">
                ${reasons.map(
                  (r) =>
                    html`<button
                      data-reason=${r}
                      aria-pressed=${this.reasons.includes(r)}
                      @click=${() => (this.reasons = this.reasons.includes(r) ? this.reasons.filter((x) => x !== r) : [...this.reasons, r])}
                    >
                      ${r}
                    </button>`,
                )}
              </div>
              <textarea
                maxlength="200"
                rows="2"
                placeholder=${t('comment')}
                .value=${this.comment}
                @input=${(e: InputEvent) => (this.comment = (e.target as HTMLTextAreaElement).value)}
              ></textarea>`
          : null
      }
      ${this.hint()} ${this.error ? html`<div class="error" data-error>${this.error}</div>` : null}
      ${
        this.level !== null
          ? html`<div class="actions">
              <button class="submit" ?disabled=${!canSubmit} @click=${() => this.submit(p)}>${t('submit')}</button>
            </div>`
          : null
      }
      ${left !== null ? html`<div class="left">${t('left', { s: left })}</div>` : null}
    `;
  }

  /** Under the levels: the good rating's countdown, or that a bad one is kept even without a reason. */
  private hint() {
    if (this.level === null) return null;
    const level = t(`l_${this.level}`);
    if (this.autoAt !== null) {
      const s = Math.max(0, Math.ceil((this.autoAt - Math.max(this.now, Date.now())) / 1000));
      return html`<div class="left" data-auto>${t('autoSubmit', { level, s })}</div>`;
    }
    return isNegative(this.level) && this.reasons.length === 0
      ? html`<div class="left" data-kept>${t('keptWithout', { level })}</div>`
      : null;
  }

  private choose(l: Level, p: PadPrompt): void {
    this.level = l;
    this.error = null;
    this.cancelAuto();
    if (!isNegative(l)) this.reasons = [];
    const id = p.evaluationId;
    if (!this.pad || !id) return;
    // Kept on the server at once: if the visitor walks away now, this level is their rating.
    this.pad.choose(id, l).catch((e: unknown) => (this.error = this.message(e)));
    if (isNegative(l)) return;
    this.autoAt = Date.now() + AUTO_SUBMIT_MS;
    this.autoTimer = setTimeout(() => {
      if (this.evaluationId === id) void this.submit(p);
    }, AUTO_SUBMIT_MS);
  }

  private cancelAuto(): void {
    if (this.autoTimer) clearTimeout(this.autoTimer);
    this.autoTimer = null;
    this.autoAt = null;
  }

  private message(e: unknown): string {
    return e instanceof ApiError && (this.language === 'zh' || !e.message) ? e.message || e.code : String(e);
  }

  private async submit(p: PadPrompt): Promise<void> {
    this.cancelAuto();
    if (!this.pad || !p.evaluationId || this.level === null) return;
    try {
      await this.pad.submit(p.evaluationId, this.level, this.reasons, this.comment);
      if (this.asked?.prompt.evaluationId === p.evaluationId) this.asked.answered = true;
      this.thanks = true;
      this.thanksTimer = setTimeout(() => (this.thanks = false), 4000);
    } catch (e) {
      this.error = this.message(e);
    }
  }
}

customElements.define('pad-app', PadApp);
declare global {
  interface HTMLElementTagNameMap {
    'pad-app': PadApp;
  }
}
