// The mobile ticket page (手机查号), opened from the printed QR code: the number, its status, the people
// ahead and the estimated wait, and — once called — which window to go to. Live over socket.io /ticket;
// no personal data. It reconnects by itself when the phone's network drops.
import { LitElement, css, html } from 'lit';
import { LiveState } from '../shared/live-state';
import type { TicketPageState } from '../../../server/protocol/socket';
import { currentLang, translator } from '../shared/i18n';
import type { EstimatedWait } from '../../../server/protocol/views';
import { changedALot, waitLine, waitText } from '../../../server/protocol/wait-text';

const t = translator({
  ahead: { zh: '前方还有', en: 'Ahead of you' },
  people: { zh: '人', en: '' },
  changed: { zh: '预计等候时间有较大变化，此前为{before}', en: 'The estimate changed a lot; it was {before}' },
  aheadHow: {
    zh: '按预计叫号顺序：含可为您办理的窗口先叫的其他事项、后到的优先群众',
    en: 'In predicted call order: other matters called first at the windows that can serve you, and priority visitors, count too',
  },
  s_waiting: { zh: '排队等候中', en: 'Waiting' },
  s_called: { zh: '请到 {window} 办理', en: 'Please go to {window}' },
  s_serving: { zh: '正在办理', en: 'Being served' },
  s_held: { zh: '已挂起，请留意回呼', en: 'On hold: you will be called back' },
  s_finished: { zh: '已办结，感谢您的耐心等候', en: 'Finished. Thank you for waiting' },
  s_no_show: { zh: '已过号，请重新取号', en: 'Missed: please take a new number' },
  s_cancelled: { zh: '已取消', en: 'Cancelled' },
  s_expired: { zh: '已过期（今日已闭厅）', en: 'Expired (the hall has closed)' },
  window: { zh: '{no}号窗口', en: 'window {no}' },
  notFound: { zh: '没有找到这张号票，请核对二维码', en: 'Ticket not found: check the QR code' },
  offline: { zh: '网络中断，正在重连…', en: 'Offline, reconnecting…' },
  keepOpen: { zh: '保持本页打开，叫号时手机会振动提醒', en: 'Keep this page open: your phone vibrates when called' },
  priority: { zh: '优先', en: 'Priority' },
});

/** A big change of the estimate is pointed out for this long (the page asks again every minute). */
const CHANGED_SHOWN_MS = 3 * 60_000;

type Ticket = TicketPageState['ticket'];

export class TicketPage extends LitElement {
  static override properties = { missing: { state: true }, changedFrom: { state: true } };
  /** The estimate the visitor saw before it changed a lot, shown beside the new one; null otherwise. */
  declare changedFrom: EstimatedWait | null;
  private changedAt = 0;
  private poll: ReturnType<typeof setInterval> | undefined;
  declare missing: boolean;
  private readonly language = currentLang();

  constructor() {
    super();
    this.missing = false;
    this.changedFrom = null;
  }

  static override styles = css`
    :host {
      display: block;
      max-width: 520px;
      margin: 0 auto;
      padding: 20px 18px 40px;
      box-sizing: border-box;
      font-family: 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', sans-serif;
      color: #14213d;
    }
    .hall {
      font-size: 18px;
      color: #4a5b70;
      text-align: center;
    }
    .service {
      font-size: 22px;
      text-align: center;
      margin-top: 14px;
    }
    .number {
      font-size: 88px;
      font-weight: 800;
      text-align: center;
      color: #0b5cad;
      letter-spacing: 4px;
    }
    .status {
      font-size: 26px;
      font-weight: 700;
      text-align: center;
      padding: 16px;
      border-radius: 14px;
      background: #e9eef5;
    }
    .status.called {
      background: #ffb300;
      color: #14213d;
      font-size: 32px;
      animation: pulse 1s ease-in-out infinite;
    }
    .status.done {
      background: #e3f4e8;
      color: #1b5e20;
    }
    .status.bad {
      background: #fdecea;
      color: #8c1d18;
    }
    .ahead {
      text-align: center;
      margin-top: 18px;
      font-size: 22px;
    }
    .ahead b {
      font-size: 56px;
      color: #0b5cad;
      margin: 0 6px;
    }
    .how {
      text-align: center;
      font-size: 13px;
      color: #667;
      margin: 2px 16px 0;
    }
    .changed {
      text-align: center;
      margin-top: 10px;
      padding: 8px;
      border-radius: 8px;
      background: #fff4d6;
      color: #7a4f00;
      font-size: 16px;
    }
    .hint,
    .lang {
      text-align: center;
      font-size: 15px;
      color: #4a5b70;
      margin-top: 16px;
      display: block;
    }
    .offline {
      background: #fdecea;
      color: #8c1d18;
      text-align: center;
      padding: 8px;
      border-radius: 8px;
      margin-bottom: 10px;
    }
    @keyframes pulse {
      50% {
        filter: brightness(1.15);
      }
    }
  `;

  private readonly ticketId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() ?? '');

  private readonly live = new LiveState(this, {
    namespace: '/ticket',
    auth: { ticketId: this.ticketId },
    patch: { ticket: (st, ticket) => ({ ...st, ticket }) },
    listen: {
      state: () => (this.missing = false),
      ticket: (tk, before) => this.noteChange(tk, before?.ticket ?? null),
    },
    onRefused: (r) => (this.missing ||= r.code === 'TICKET_NOT_FOUND'),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // Time passing changes the prediction without any queue change: ask again every minute.
    this.poll = setInterval(() => void this.fetchStatus(), 60_000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.poll);
  }

  private async fetchStatus(): Promise<void> {
    const res = await fetch(`/api/tickets/${encodeURIComponent(this.ticketId)}`).catch(() => null);
    if (!res?.ok || !this.live.state) return;
    const ticket = ((await res.json()) as { ticket: Ticket }).ticket;
    const before = this.live.state.ticket;
    this.live.state = { ...this.live.state, ticket };
    this.noteChange(ticket, before);
    this.requestUpdate();
  }

  /** A call vibrates the phone; an estimate that moved a lot is pointed out for a while. */
  private noteChange(ticket: Ticket, before: Ticket | null): void {
    if (!before) return;
    if (ticket.status === 'called' && before.status !== 'called') navigator.vibrate?.([400, 200, 400]);
    if (ticket.status !== 'waiting') this.changedFrom = null;
    else if (changedALot(before.estimatedWait, ticket.estimatedWait)) {
      this.changedFrom = before.estimatedWait;
      this.changedAt = Date.now();
    } else if (Date.now() - this.changedAt > CHANGED_SHOWN_MS) this.changedFrom = null;
  }

  override render() {
    if (this.missing) return html`<p class="status bad" data-status="missing">${t('notFound')}</p>`;
    const st = this.live.state;
    if (!st) return null;
    const tk = st.ticket;
    const wait = waitLine(tk.estimatedWait, this.language);
    const where = tk.windowName ?? (tk.windowNo !== null ? t('window', { no: tk.windowNo }) : '');
    const cls =
      tk.status === 'called'
        ? 'called'
        : tk.status === 'finished'
          ? 'done'
          : ['no_show', 'expired', 'cancelled'].includes(tk.status)
            ? 'bad'
            : '';
    return html`
      ${this.live.connection === 'online' ? null : html`<div class="offline">${t('offline')}</div>`}
      <div class="hall">${st.hall.name}</div>
      <div class="service">${tk.serviceName}${tk.priority ? html` · ${t('priority')}` : null}</div>
      <div class="number" data-number>${tk.number}</div>
      <div class="status ${cls}" data-status=${tk.status}>${t(`s_${tk.status}`, { window: where })}</div>
      ${
        tk.status === 'waiting'
          ? html`<div class="ahead" data-ahead=${tk.waitingAhead}>
                ${t('ahead')}<b>${tk.waitingAhead}</b>${t('people')}
              </div>
              <div class="how">${t('aheadHow')}</div>
              ${wait ? html`<div class="ahead" data-wait>${wait}</div>` : null}
              ${
                this.changedFrom && wait
                  ? html`<div class="changed" data-changed>
                      ${t('changed', { before: waitText(this.changedFrom, this.language) ?? '' })}
                    </div>`
                  : null
              }
              <span class="hint">${t('keepOpen')}</span>`
          : null
      }
      <a class="lang" href="?lang=${this.language === 'zh' ? 'en' : 'zh'}"
        >${this.language === 'zh' ? 'English' : '中文'}</a
      >
    `;
  }
}

customElements.define('ticket-page', TicketPage);
declare global {
  interface HTMLElementTagNameMap {
    'ticket-page': TicketPage;
  }
}
