// The TV call board (综合屏): current call large and flashing, every window of the zone, waiting counts,
// the supervisor's scrolling notice, hall name and clock; announcements spoken in call order.
import { LitElement, css, html } from 'lit';
import type { CallView } from '../../../server/protocol/views';
import { deviceToken } from '../shared/device-token';
import { currentLang, translator } from '../shared/i18n';
import { audioUnlocked, chime, unlockAudioOnFirstGesture } from '../voice/chime';
import { pickSpeaker, TextOnlySpeaker } from '../voice/speakers';

import { VoiceQueue, type VoiceLogEntry } from '../voice/voice-queue';
import { BoardController } from './board-controller';
import './board-current-call';
import './board-header';
import './board-notice';
import './board-queue-list';
import './board-window-grid';

const t = translator({
  title: { zh: '综合呼叫屏', en: 'Call board' },
  zone: { zh: '{zone}区', en: 'Zone {zone}' },
  waiting: { zh: '排队等候', en: 'Waiting' },
  people: { zh: '人', en: '' },
  idle: { zh: '欢迎光临', en: 'Welcome' },
  recall: { zh: '重呼', en: 'Recall' },
  offline: { zh: '网络连接中断，正在自动重连…', en: 'Connection lost, reconnecting…' },
  connecting: { zh: '正在连接服务器…', en: 'Connecting…' },
  noToken: {
    zh: '此屏幕尚未设置：请在地址后加上 ?token=设备令牌',
    en: 'Not set up: add ?token=DEVICE_TOKEN to the address',
  },
  tapForSound: { zh: '轻触屏幕以开启语音播报', en: 'Touch the screen to enable sound' },
  s_idle: { zh: '空闲', en: 'Open' },
  s_calling: { zh: '呼叫中', en: 'Calling' },
  s_serving: { zh: '办理中', en: 'Serving' },
  s_paused: { zh: '暂停服务', en: 'Paused' },
  s_closed: { zh: '未开放', en: 'Closed' },
});

declare global {
  interface Window {
    /** For tests and for the hall's technician: what the board announced, in order. */
    hallBoard?: { voiceLog: VoiceLogEntry[]; pending: () => number; connection: () => string };
  }
}

export class HallBoard extends LitElement {
  static override properties = { soundLocked: { state: true }, speaking: { state: true } };
  declare soundLocked: boolean;
  declare speaking: string | null;
  private readonly token = deviceToken('board');
  private readonly params = new URLSearchParams(location.search);
  private readonly controller = this.token
    ? new BoardController(
        this,
        { token: this.token, ...(this.params.get('zone') ? { zone: this.params.get('zone')! } : {}) },
        (c) => this.announce(c),
      )
    : null;
  private voice: VoiceQueue | null = null;
  private readonly early: CallView[] = [];

  constructor() {
    super();
    this.soundLocked = true;
    this.speaking = null;
    document.documentElement.lang = currentLang() === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    unlockAudioOnFirstGesture(() => (this.soundLocked = false));
    const msPerChar = this.params.get('voiceMsPerChar');
    const speakerReady = msPerChar !== null ? Promise.resolve(new TextOnlySpeaker(Number(msPerChar))) : pickSpeaker();
    void speakerReady.then((speaker) => {
      this.voice = new VoiceQueue(
        speaker,
        chime,
        () => this.controller?.state?.repeat ?? 2,
        (a) => (this.speaking = a?.text ?? null),
      );
      window.hallBoard = {
        voiceLog: this.voice.log,
        pending: () => this.voice?.pending ?? 0,
        connection: () => this.controller?.connection ?? 'refused',
      };
      for (const c of this.early.splice(0)) this.announce(c);
    });
  }

  private announce(c: CallView): void {
    if (!this.voice) {
      this.early.push(c);
      return;
    }
    this.voice.enqueue({ text: c.announcement, spoken: c.spoken, recall: c.recall });
  }

  static override styles = css`
    :host {
      --board-bg: #0b1f3a;
      --board-header-bg: #a3141b;
      --board-header-fg: #fff;
      --board-call-bg: #10294d;
      --board-call-fg: #fff;
      --board-card-bg: #14335e;
      --board-accent: #ffd23f;
      --board-notice-bg: #071529;
      --board-notice-fg: #ffe9a8;
      display: flex;
      flex-direction: column;
      height: 100vh;
      background: var(--board-bg);
      color: #fff;
      font-family: 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif;
    }
    main {
      flex: 1;
      display: grid;
      grid-template-columns: 62fr 38fr;
      gap: 2vh 1.5vw;
      padding: 2vh 2vw;
      min-height: 0;
    }
    .left {
      display: grid;
      grid-template-rows: 46vh 1fr;
      gap: 2vh;
      min-height: 0;
    }
    .banner {
      position: fixed;
      top: 10vh;
      left: 50%;
      transform: translateX(-50%);
      background: #c62828;
      color: #fff;
      padding: 1vh 2vw;
      border-radius: 1vh;
      font-size: 2.6vh;
      z-index: 2;
    }
    .hint {
      position: fixed;
      bottom: 7vh;
      right: 1vw;
      font-size: 1.8vh;
      opacity: 0.6;
    }
    .setup {
      margin: auto;
      font-size: 3vh;
    }
  `;

  override render() {
    if (!this.controller) return html`<div class="setup">${t('noToken')}</div>`;
    const c = this.controller;
    const st = c.state;
    const labels = {
      idle: t('s_idle'),
      calling: t('s_calling'),
      serving: t('s_serving'),
      paused: t('s_paused'),
      closed: t('s_closed'),
    };
    return html`
      <board-header
        .hallName=${st?.hall.name ?? ''}
        .zoneLabel=${st?.zone ? t('zone', { zone: st.zone }) : ''}
      ></board-header>
      ${
        c.connection === 'offline' || c.connection === 'connecting'
          ? html`<div class="banner" data-testid="connection">
              ${c.connection === 'offline' ? t('offline') : t('connecting')}
            </div>`
          : ''
      }
      ${c.connection === 'refused' ? html`<div class="banner" data-testid="connection">${c.error}</div>` : ''}
      <main>
        <div class="left">
          <board-current-call .call=${c.current} .idleText=${t('idle')} .recallText=${t('recall')}></board-current-call>
          <board-window-grid .windows=${st?.windows ?? []} .labels=${labels}></board-window-grid>
        </div>
        <board-queue-list
          .services=${st?.services ?? []}
          .title=${t('waiting')}
          .unit=${t('people')}
        ></board-queue-list>
      </main>
      <board-notice .text=${st?.notice ?? ''}></board-notice>
      ${this.soundLocked && !audioUnlocked() ? html`<div class="hint">${t('tapForSound')}</div>` : ''}
    `;
  }
}
customElements.define('hall-board', HallBoard);

declare global {
  interface HTMLElementTagNameMap {
    'hall-board': HallBoard;
  }
}
