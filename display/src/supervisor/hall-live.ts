// The live hall: queues against their targets, every window's state with its clerk and served count,
// device health, today's hourly chart against the usual, and the board notice. Window and queue
// changes open their dialogs (window-editor, ticket-mover).
import { LitElement, css, html, nothing } from 'lit';
import type { EChartsOption } from 'echarts';
import type { HourPoint } from '../../../server/domain/report';
import type { SupervisorState } from '../../../server/protocol/socket';
import type { CallReasonView, WindowView } from '../../../server/protocol/views';
import { PRINTER_STATE_TEXT } from '../../../server/protocol/printer-state';
import { hourChartOption } from '../../../server/reports/hour-chart';
import { WINDOW_LOOK_LABEL, windowLook } from '../../../server/domain/labels';
import { ApiError } from '../shared/device-api';
import { word } from '../shared/i18n';

/** A board in one of these states is not heard (server/protocol/socket.ts MUTE_STATES). */
const MUTE = new Set(['blocked', 'no-audio', 'failed']);
import { hallHm } from '../shared/hall-time';
import { tableStyles } from './shared-styles';
import '../shared/call-reason';
import type { SupervisorApi } from './supervisor-api';
import { lang, t } from './supervisor-i18n';
import { waitText } from '../../../server/protocol/wait-text';
import '../shared/hall-chart';
import './ticket-mover';
import './window-editor';

const minsSince = (iso: string | null) => (iso ? Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 60_000)) : 0);

export class HallLive extends LitElement {
  static override properties = {
    state: { attribute: false },
    api: { attribute: false },
    editing: { state: true },
    moving: { state: true },
    chart: { state: true },
    message: { state: true },
  };
  declare state: SupervisorState;
  declare api: SupervisorApi;
  declare editing: WindowView | null;
  declare moving: string | null;
  /** Rebuilt only when the hourly figures come back: the live state's many updates do not redraw it. */
  declare chart: EChartsOption | null;
  declare message: string;
  private timer: number | undefined;

  constructor() {
    super();
    this.editing = null;
    this.moving = null;
    this.chart = null;
    this.message = '';
  }

  static override styles = [
    tableStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(420px, 1fr) minmax(420px, 1.3fr);
        gap: 16px;
      }
      /* Figures never break inside (约134分钟（88–220） at 1366×768); a long matter name wraps instead. */
      tr[data-service] td:not(:first-child) {
        white-space: nowrap;
      }
      section {
        background: #fff;
        border-radius: 8px;
        padding: 12px 16px;
        box-shadow: 0 1px 4px rgba(0, 0, 0, 0.08);
      }
      h2 {
        font-size: 17px;
        margin: 0 0 8px;
      }
      .over {
        color: var(--sv-bad);
        font-weight: bold;
      }
      .near {
        color: var(--sv-warn);
      }
      .windows {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(190px, 1fr));
        gap: 10px;
      }
      .win {
        border: 1px solid #dde3ea;
        border-left: 6px solid #9aa5b1;
        border-radius: 6px;
        padding: 8px 10px;
      }
      .win[data-state='idle'] {
        border-left-color: var(--sv-ok);
      }
      .win[data-state='calling'],
      .win[data-state='serving'] {
        border-left-color: var(--sv-primary);
      }
      .win[data-state='paused'] {
        border-left-color: var(--sv-warn);
      }
      .win b {
        font-size: 16px;
      }
      .muted {
        color: #6b7785;
        font-size: 13px;
      }
      button {
        font-size: 13px;
        padding: 3px 10px;
        margin: 4px 4px 0 0;
        border: 1px solid #b8c4d2;
        background: #f6f8fb;
        border-radius: 4px;
        cursor: pointer;
      }
      .dev {
        display: inline-block;
        margin: 3px 8px 3px 0;
        padding: 2px 8px;
        border-radius: 10px;
        font-size: 13px;
        background: #eef0f3;
      }
      .dev[data-state='online'] {
        background: #e3f3e5;
      }
      .dev[data-state='offline'],
      .dev[data-fault] {
        background: #fdecea;
        color: var(--sv-bad);
      }
      .wide {
        grid-column: 1 / -1;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        font-size: 15px;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    // Minutes tick by without events: redraw "for N min", and each minute the chart (calls move its waits).
    let n = 0;
    this.timer = window.setInterval(() => {
      this.requestUpdate();
      if (++n % 4 === 0) void this.loadChart();
    }, 15_000);
  }

  override disconnectedCallback(): void {
    window.clearInterval(this.timer);
    super.disconnectedCallback();
  }

  private chartKey = '';

  override willUpdate(changed: Map<string, unknown>): void {
    // The chart changes only when someone takes a number or a visit ends (the queues refresh every 5 s).
    if (!changed.has('state')) return;
    const issued = this.state.services.reduce((n, s) => n + s.issuedToday, 0);
    const served = Object.values(this.state.servedToday).reduce((n, c) => n + c, 0);
    const key = `${this.state.hall.day}/${issued}/${served}`;
    if (key !== this.chartKey) {
      this.chartKey = key;
      void this.loadChart();
    }
  }

  private async loadChart(): Promise<void> {
    const curve = await this.api
      .get<{ today: HourPoint[]; usual: HourPoint[] }>(`/api/reports/hourly?from=${this.state.hall.day}`)
      .catch(() => null);
    if (!curve) return; // keep the last chart while the server is out of reach
    const hall = this.state.hall;
    const hours = {
      from: Number(hall.open.slice(0, 2)),
      to: Math.ceil(Number(hall.close.slice(0, 2)) + Number(hall.close.slice(3)) / 60),
    };
    this.chart = hourChartOption(curve.today, curve.usual, hours, lang);
  }

  private async act(fn: () => Promise<unknown>): Promise<void> {
    try {
      await fn();
      this.message = '';
    } catch (e) {
      this.message = e instanceof ApiError ? e.message : String(e);
    }
  }

  private services() {
    return html`<section>
      <h2>${t('services')}</h2>
      <table>
        <thead>
          <tr>
            <th>${t('service')}</th>
            <th>${t('waiting')}</th>
            <th>${t('longest')}</th>
            <th>${t('target')}</th>
            <th>${t('estimate')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this.state.services.map((s) => {
            const cls =
              s.longestWaitMin >= s.targetWaitMin ? 'over' : s.longestWaitMin >= s.targetWaitMin * 0.8 ? 'near' : '';
            return html`<tr data-service=${s.id}>
              <td>${s.prefix} ${s.name}</td>
              <td>${s.waiting}</td>
              <td class=${cls}>${t('minutes', { n: s.longestWaitMin })}</td>
              <td>${t('minutes', { n: s.targetWaitMin })}</td>
              <td data-wait class=${s.servedNow ? '' : 'near'}>
                ${s.servedNow ? (waitText(s.estimatedWait, lang) ?? '—') : t('nobodyServes')}
              </td>
              <td><button ?disabled=${!s.waiting} @click=${() => (this.moving = s.id)}>${t('move')}</button></td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>`;
  }

  private windowCard(w: WindowView) {
    const since = w.state === 'paused' ? w.pausedAt : w.state === 'serving' ? w.ticket?.servingAt : w.ticket?.calledAt;
    const look = windowLook(w);
    return html`<div class="win" data-state=${w.state} data-look=${look} data-window=${w.no}>
      <b>${w.name}</b> <span class="muted" data-testid="window-look">${word(WINDOW_LOOK_LABEL[look], lang)}</span>
      <div>${w.clerk ? w.clerk.name : html`<span class="muted">${t('noClerk')}</span>`}</div>
      <div>
        ${w.ticket ? html`${w.ticket.number} · ${w.ticket.serviceName}` : nothing}
        ${
          w.ticket && (w.state === 'calling' || w.state === 'serving')
            ? html`<call-reason
                .windowNo=${w.no}
                .number=${w.ticket.number}
                .lang=${lang}
                .load=${(p: string) => this.api.get<{ reason: CallReasonView | null }>(p)}
              ></call-reason>`
            : nothing
        }
        ${w.state === 'paused' ? html`${w.pauseReason ?? ''}` : nothing}
        ${since && w.state !== 'idle' ? html`<span class="muted">${t('for', { n: minsSince(since) })}</span>` : nothing}
      </div>
      <div class="muted">
        ${t('servedToday', { n: this.state.servedToday[String(w.no)] ?? 0 })}
        ${w.skillsUntil ? html` · ${t('tidalUntil', { t: hallHm(w.skillsUntil, this.state.hall.timezone) })}` : nothing}
      </div>
      <button @click=${() => this.act(() => this.api.post(`/api/windows/${w.no}/open`, { open: !w.open }))}>
        ${w.open ? t('close') : t('open')}
      </button>
      <button @click=${() => (this.editing = w)}>${t('skills')}</button>
      ${
        w.clerk
          ? html`<button
              class="sign-out"
              title=${t('signOutHint')}
              @click=${() =>
                confirm(
                  [
                    t('signOutConfirm', { name: w.clerk!.name, w: w.name }),
                    w.ticket ? t('signOutVisitor', { number: w.ticket.number }) : '',
                  ].join('\n'),
                ) && this.act(() => this.api.post(`/api/windows/${w.no}/sign-out`))}
            >
              ${t('signOut')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private devices() {
    return html`<section>
      <h2>${t('devices')}</h2>
      ${this.state.devices.map(
        (d) =>
          html`<span
            class="dev"
            data-device=${d.id}
            data-state=${d.state}
            ?data-fault=${
              (d.printer !== null && d.printer !== 'ok' && d.printer !== 'paper_near_end') ||
              (d.state === 'online' && d.voice && MUTE.has(d.voice.state))
            }
            data-voice=${d.voice?.state ?? ''}
            title=${d.since ? t('lastSeen', { t: hallHm(d.since, this.state.hall.timezone) }) : ''}
            >${d.id} ·
            ${d.printer ? PRINTER_STATE_TEXT[d.printer][lang] : (d.detail ?? t(d.state === 'offline' ? 'offlineState' : d.state))}${
              d.voice && d.state === 'online' ? ` · ${t(`voice_${d.voice.state}` as 'voice_ready')}` : ''
            }</span
          >`,
      )}
    </section>`;
  }

  private upstream() {
    const u = this.state.upstream;
    const body = !u.configured
      ? t('upstreamOff')
      : u.pending
        ? t('upstreamBacklog', { n: u.pending, m: minsSince(u.oldestAt) })
        : t('upstreamOk', { t: u.lastSentAt ? hallHm(u.lastSentAt, this.state.hall.timezone) : '—' });
    return html`<section data-testid="upstream">
      <h2>${t('upstream')}</h2>
      <div class=${u.parked ? 'over' : ''}>${body}</div>
      ${
        u.parked
          ? html`<div class="over">${t('upstreamParked', { e: u.parked.error })}</div>
              <button @click=${() => this.act(() => this.api.post('/api/upstream/retry'))}>${t('retry')}</button>`
          : nothing
      }
    </section>`;
  }

  private notice() {
    return html`<section>
      <h2>${t('notice')}</h2>
      <textarea rows="2" maxlength="200" .value=${this.state.notice} data-testid="notice"></textarea>
      <button
        @click=${() => {
          const text = this.renderRoot.querySelector('textarea')!.value;
          void this.act(() => this.api.post('/api/board/notice', { text }));
        }}
      >
        ${t('save')}
      </button>
    </section>`;
  }

  override render() {
    return html`
      ${this.message ? html`<div class="wide over" role="alert">${this.message}</div>` : nothing}
      <div>${this.services()} ${this.devices()} ${this.notice()}</div>
      <div>
        <section>
          <h2>${t('windows')}</h2>
          <div class="windows">${this.state.windows.map((w) => this.windowCard(w))}</div>
        </section>
        <section>
          <h2>${t('chart')}</h2>
          <hall-chart data-testid="hour-chart" .option=${this.chart}></hall-chart>
        </section>
      </div>
      ${
        this.editing
          ? html`<window-editor
              .window=${this.editing}
              .services=${this.state.services}
              .api=${this.api}
              @close=${() => (this.editing = null)}
            ></window-editor>`
          : nothing
      }
      ${
        this.moving
          ? html`<ticket-mover
              .serviceId=${this.moving}
              .state=${this.state}
              .api=${this.api}
              @close=${() => (this.moving = null)}
            ></ticket-mover>`
          : nothing
      }
    `;
  }
}

customElements.define('hall-live', HallLive);

declare global {
  interface HTMLElementTagNameMap {
    'hall-live': HallLive;
  }
}
