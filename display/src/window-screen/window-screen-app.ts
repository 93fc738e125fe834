// The window screen (窗口屏): the LCD over one window. Its name and number, the clerk on duty (photo,
// name, 工号, today's satisfaction as stars), the ticket called (flashing) or served, or paused / closed
// with the reason; the hall's time. Bound to its window by the device token, like a pad.
import { LitElement, css, html } from 'lit';
import { PUBLIC_WINDOW_LABEL } from '../../../server/domain/labels';
import { deviceToken } from '../shared/device-token';
import { ClockController, hallTime } from '../shared/hall-time';
import { ScreenController } from './screen-controller';

const TEXT = {
  calling: '请',
  callingTail: '号到本窗口办理',
  serving: '正在办理',
  idle: '欢迎光临',
  noClerk: '本窗口暂无工作人员',
  staffNo: '工号',
  satisfaction: '今日满意度',
  noRatings: '今日暂无评价',
  offline: '网络连接中断，正在自动重连…',
  noToken: '此屏幕尚未设置：请在地址后加上 ?token=设备令牌',
  recall: '重呼',
};

export class WindowScreenApp extends LitElement {
  private readonly token = deviceToken('windowScreen');
  private readonly controller = this.token
    ? new ScreenController(this, {
        token: this.token,
        ...(new URLSearchParams(location.search).get('window')
          ? { windowNo: Number(new URLSearchParams(location.search).get('window')) }
          : {}),
      })
    : null;
  private readonly clock = new ClockController(this);

  static override styles = css`
    :host {
      --ws-bg: #0b1f3a;
      --ws-head: #a3141b;
      --ws-card: #14335e;
      --ws-accent: #ffd23f;
      display: grid;
      grid-template-rows: 18vh 1fr;
      height: 100vh;
      background: var(--ws-bg);
      color: #fff;
      font-family: 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif;
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 0 3vw;
      background: var(--ws-head);
    }
    .no {
      font-size: 11vh;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      margin-right: 2vw;
    }
    .name {
      font-size: 7vh;
      font-weight: 600;
    }
    .clock {
      font-size: 5vh;
      font-variant-numeric: tabular-nums;
      opacity: 0.9;
    }
    main {
      display: grid;
      grid-template-columns: 36fr 64fr;
      gap: 3vw;
      padding: 4vh 3vw;
      min-height: 0;
    }
    .clerk {
      background: var(--ws-card);
      border-radius: 2vh;
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 1.5vh;
      padding: 2vh 1vw;
      text-align: center;
    }
    .photo {
      width: 24vh;
      height: 30vh;
      border-radius: 1.5vh;
      object-fit: cover;
      background: #26497d;
      display: flex;
      align-items: center;
      justify-content: center;
      font-size: 14vh;
      font-weight: 700;
    }
    .clerk-name {
      font-size: 7vh;
      font-weight: 700;
    }
    .staff-no {
      font-size: 4vh;
      opacity: 0.9;
    }
    .stars {
      font-size: 4.5vh;
      color: var(--ws-accent);
      letter-spacing: 0.5vh;
    }
    .stars small {
      font-size: 3vh;
      color: #fff;
      opacity: 0.85;
      margin-left: 1vw;
      letter-spacing: 0;
    }
    .status {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      background: var(--ws-card);
      border-radius: 2vh;
      text-align: center;
      padding: 2vh 2vw;
    }
    .label {
      font-size: 7vh;
    }
    .ticket {
      font-size: 30vh;
      line-height: 1.05;
      font-weight: 700;
      color: var(--ws-accent);
      font-variant-numeric: tabular-nums;
    }
    .flash {
      animation: flash 0.6s steps(2, jump-none) 8;
    }
    @keyframes flash {
      50% {
        opacity: 0.15;
      }
    }
    .paused .label,
    .closed .label {
      font-size: 13vh;
      font-weight: 700;
      color: #ffb4a8;
    }
    .reason {
      font-size: 7vh;
      margin-top: 2vh;
    }
    .banner {
      position: fixed;
      top: 20vh;
      left: 50%;
      transform: translateX(-50%);
      background: #c62828;
      padding: 1vh 2vw;
      border-radius: 1vh;
      font-size: 3.5vh;
    }
    .setup {
      margin: auto;
      font-size: 4vh;
      grid-row: 1 / -1;
    }
  `;

  private stars(rate: number): string {
    const n = Math.round(rate * 5);
    return '★'.repeat(n) + '☆'.repeat(5 - n);
  }

  override render() {
    if (!this.controller) return html`<div class="setup">${TEXT.noToken}</div>`;
    const c = this.controller;
    const st = c.state;
    const t = hallTime(this.clock.now, st?.hall.timezone);
    const w = st?.window;
    const k = st?.clerk;
    return html`
      <header>
        <div>
          <span class="no" data-testid="window-no">${w?.no ?? ''}</span><span class="name">${w?.name ?? ''}</span>
        </div>
        <span class="clock" data-testid="clock">${t.hh}:${t.mm}</span>
      </header>
      ${
        c.connection === 'offline' || c.connection === 'refused'
          ? html`<div class="banner" data-testid="connection">
              ${c.connection === 'refused' ? c.error : TEXT.offline}
            </div>`
          : ''
      }
      <main>
        <section class="clerk" data-testid="clerk">
          ${
            k
              ? html`${
                    k.photoUrl
                      ? html`<img class="photo" src=${k.photoUrl} alt="" />`
                      : html`<div class="photo" aria-hidden="true">${k.name.slice(0, 1)}</div>`
                  }
                  <div class="clerk-name">${k.name}</div>
                  <div class="staff-no">${TEXT.staffNo} ${k.id}</div>
                  <div class="stars" data-testid="stars">
                    ${
                      k.satisfaction === null
                        ? html`<small>${TEXT.noRatings}</small>`
                        : html`${this.stars(k.satisfaction)}<small
                              >${TEXT.satisfaction} ${Math.round(k.satisfaction * 100)}%</small
                            >`
                    }
                  </div>`
              : html`<div class="staff-no">${TEXT.noClerk}</div>`
          }
        </section>
        ${this.status()}
      </main>
    `;
  }

  private status() {
    const st = this.controller?.state;
    const w = st?.window;
    if (!w) return html`<section class="status"></section>`;
    if (w.state === 'paused' || w.state === 'closed')
      return html`<section class="status ${w.state}" data-testid="status" data-state=${w.state}>
        <div class="label">${PUBLIC_WINDOW_LABEL[w.state].zh}</div>
        ${w.pauseReason ? html`<div class="reason">${w.pauseReason}</div>` : ''}
      </section>`;
    if (w.ticket && (w.state === 'calling' || w.state === 'serving')) {
      const calling = w.state === 'calling';
      // 重呼 belongs to the call, and only while that ticket is still called (not once it is being served).
      const last = st?.lastCall;
      const recall =
        calling && last?.recall && last.ticket.number === w.ticket.number
          ? html`<div class="reason" data-testid="recall">${TEXT.recall}</div>`
          : '';
      return html`<section class="status" data-testid="status" data-state=${w.state}>
        <div class="label">${calling ? TEXT.calling : TEXT.serving}</div>
        <div class="ticket ${calling ? 'flash' : ''}" data-testid="ticket" data-key=${this.controller!.calledAt}>
          ${w.ticket.number}
        </div>
        ${calling ? html`<div class="label">${TEXT.callingTail}</div>` : ''} ${recall}
      </section>`;
    }
    return html`<section class="status" data-testid="status" data-state=${w.state}>
      <div class="label">${TEXT.idle}</div>
    </section>`;
  }
}
customElements.define('window-screen-app', WindowScreenApp);

declare global {
  interface HTMLElementTagNameMap {
    'window-screen-app': WindowScreenApp;
  }
}
