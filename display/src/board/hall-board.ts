// The TV call board (综合屏): the call whose announcement is playing large and flashing (each call gets
// its turn, even when several come within seconds), the latest calls, every window of the zone, waiting
// counts, the supervisor's scrolling notice, hall name and clock (hall time); the server's announcement
// audio played in call order, and a large notice while the browser will not let the board sound.
import { LitElement, html } from 'lit';
import type { CallView } from '../../../server/protocol/views';
import { deviceToken } from '../shared/device-token';
import { PUBLIC_WINDOW_LABEL } from '../../../server/domain/labels';
import { currentLang, translator, word } from '../shared/i18n';
import { audioUnlocked, chime, unlockAudioOnFirstGesture } from '../voice/chime';
import { MediaElementPlayer } from '../voice/audio-player';
import { pickSpeaker, TextOnlySpeaker } from '../voice/speakers';
import { VoiceQueue, type Announcement, type VoiceLogEntry, type VoiceStatus } from '../voice/voice-queue';
import { BoardController } from './board-controller';
import './board-current-call';
import './board-header';
import './board-notice';
import './board-queue-list';
import './board-recent-calls';
import './board-sound-notice';
import './board-window-grid';
import { boardStyles } from './board-styles';

const t = translator({
  title: { zh: '综合呼叫屏', en: 'Call board' },
  zone: { zh: '{zone}区', en: 'Zone {zone}' },
  waiting: { zh: '排队等候', en: 'Waiting' },
  people: { zh: '人', en: '' },
  idle: { zh: '欢迎光临', en: 'Welcome' },
  recall: { zh: '重呼', en: 'Recall' },
  callBack: { zh: '回呼', en: 'Called back' },
  windowNo: { zh: '{no}号', en: 'No. {no}' },
  offline: { zh: '网络连接中断，正在自动重连…', en: 'Connection lost, reconnecting…' },
  connecting: { zh: '正在连接服务器…', en: 'Connecting…' },
  noToken: {
    zh: '此屏幕尚未设置：请在地址后加上 ?token=设备令牌',
    en: 'Not set up: add ?token=DEVICE_TOKEN to the address',
  },
  blockedHead: { zh: '叫号语音未开启：请轻触屏幕一次', en: 'Call announcements are muted: touch the screen once' },
  blockedDetail: {
    zh: '浏览器在有人触摸前禁止播放声音。开机自启动请加 --autoplay-policy=no-user-gesture-required',
    en: 'The browser blocks sound until a touch. For autostart add --autoplay-policy=no-user-gesture-required',
  },
  failedHead: { zh: '叫号语音无法播放', en: 'Call announcements cannot play' },
  failedDetail: { zh: '请检查音箱、音量与网络；呼叫信息仍正常显示', en: 'Check speakers, volume and network' },
  latest: { zh: '最新叫号', en: 'Latest calls' },
});

declare global {
  interface Window {
    /** For tests and for the hall's technician: what the board announced, in order. */
    hallBoard?: {
      voiceLog: VoiceLogEntry[];
      pending: () => number;
      connection: () => string;
      voiceStatus?: () => VoiceStatus;
      /** Every call shown large, in order, with when (tests). */
      turns?: { number: string; at: number }[];
    };
  }
}

export class HallBoard extends LitElement {
  static override properties = {
    soundLocked: { state: true },
    turn: { state: true },
    voiceStatus: { state: true },
    bigUntil: { state: true },
  };
  declare soundLocked: boolean;
  /** The call whose announcement is playing now. */
  declare turn: CallView | null;
  declare voiceStatus: VoiceStatus;
  /** Until when (performance.now()) the latest call stays large once no announcement plays. */
  declare bigUntil: number;
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
  private readonly callOf = new WeakMap<Announcement, CallView>();
  private readonly turns: { number: string; at: number }[] = [];
  private bigTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.soundLocked = true;
    this.turn = null;
    this.voiceStatus = 'ready';
    this.bigUntil = performance.now() + 60_000;
    document.documentElement.lang = currentLang() === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    unlockAudioOnFirstGesture(() => {
      this.soundLocked = false;
      this.voice?.unblock();
    });
    // Before any call: a browser that will not start audio without a touch blocks the announcements too.
    if (!audioUnlocked()) this.setVoiceStatus('blocked', 'autoplay needs a touch');
    // ?voiceMsPerChar=N: text only, N ms a character (tests of the queue's timing; no audio, no speech).
    const msPerChar = this.params.get('voiceMsPerChar');
    const rate = Number(this.params.get('voiceRate') ?? 1) || 1;
    const speakerReady = msPerChar !== null ? Promise.resolve(new TextOnlySpeaker(Number(msPerChar))) : pickSpeaker();
    void speakerReady.then((speaker) => {
      this.voice = new VoiceQueue(
        speaker,
        chime,
        () => this.controller?.state?.repeat ?? 2,
        (a) => this.onTurn(a),
        msPerChar !== null ? null : new MediaElementPlayer(rate),
        (s, detail) => this.setVoiceStatus(s, detail),
      );
      window.hallBoard = {
        voiceLog: this.voice.log,
        pending: () => this.voice?.pending ?? 0,
        connection: () => this.controller?.connection ?? 'refused',
        voiceStatus: () => this.voiceStatus,
        turns: this.turns,
      };
      for (const c of this.early.splice(0)) this.announce(c);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.bigTimer);
  }

  private announce(c: CallView): void {
    if (!this.voice) {
      this.early.push(c);
      return;
    }
    const a: Announcement = { text: c.announcement, spoken: c.spoken, recall: c.recall, audio: c.audio ?? null };
    this.callOf.set(a, c);
    this.voice.enqueue(a);
  }

  /** An announcement's turn began (its call goes large) or the queue ran empty (the latest stays a while). */
  private onTurn(a: Announcement | null): void {
    this.turn = a ? (this.callOf.get(a) ?? null) : null;
    if (this.turn) this.turns.push({ number: this.turn.ticket.number, at: performance.now() });
    if (!a) {
      const ms = (this.controller?.state?.bigCallSec ?? 60) * 1000;
      this.bigUntil = performance.now() + ms;
      clearTimeout(this.bigTimer);
      this.bigTimer = setTimeout(() => this.requestUpdate(), ms + 50);
    }
  }

  private setVoiceStatus(s: VoiceStatus, detail?: string): void {
    // A board that played nothing yet stays "blocked" until it has played or been touched.
    this.voiceStatus = s;
    this.controller?.reportVoice({ state: s, ...(detail ? { detail: detail.slice(0, 200) } : {}) });
  }

  override updated(): void {
    // For the hall's technician and tests, without running script in the page: sound state and count.
    this.dataset.voice = this.voiceStatus;
    this.dataset.announced = String(this.voice?.log.length ?? 0);
    this.dataset.lastMode = this.voice?.log.at(-1)?.mode ?? '';
  }

  /**
   * The call shown large: the one being announced, else the latest for a while after, but only while its
   * window still has that ticket (finished, transferred away or the window paused: the panel clears).
   */
  private bigCall(): CallView | null {
    if (this.turn) return this.turn;
    const latest = this.controller?.current ?? null;
    if (!latest || performance.now() >= this.bigUntil) return null;
    const w = this.controller?.state?.windows.find((x) => x.no === latest.windowNo);
    return !w || w.ticket?.number === latest.ticket.number ? latest : null;
  }

  static override styles = boardStyles;

  override render() {
    if (!this.controller) return html`<div class="setup">${t('noToken')}</div>`;
    const c = this.controller;
    const st = c.state;
    // The number the announcement says (到1号窗口), shown wherever the board names a window.
    const windowNo = (no: number) => t('windowNo', { no });
    const labels = {
      idle: word(PUBLIC_WINDOW_LABEL.idle),
      calling: word(PUBLIC_WINDOW_LABEL.calling),
      serving: word(PUBLIC_WINDOW_LABEL.serving),
      paused: word(PUBLIC_WINDOW_LABEL.paused),
      closed: word(PUBLIC_WINDOW_LABEL.closed),
    };
    return html`
      <board-header
        .hallName=${st?.hall.name ?? ''}
        .timeZone=${st?.hall.timezone}
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
          <board-current-call
            .call=${this.bigCall()}
            .idleText=${t('idle')}
            .recallText=${t('recall')}
            .windowNo=${windowNo}
          ></board-current-call>
          <board-window-grid .windows=${st?.windows ?? []} .labels=${labels} .windowNo=${windowNo}></board-window-grid>
        </div>
        <div class="right">
          <board-recent-calls
            .calls=${st?.recentCalls ?? []}
            .title=${t('latest')}
            .timeZone=${st?.hall.timezone}
            .recallText=${t('recall')}
            .callBackText=${t('callBack')}
            .windowNo=${windowNo}
          ></board-recent-calls>
          <board-queue-list
            class=${(st?.services.length ?? 0) > 5 ? 'many' : ''}
            .services=${st?.services ?? []}
            .title=${t('waiting')}
            .unit=${t('people')}
          ></board-queue-list>
        </div>
      </main>
      <board-notice .text=${st?.notice ?? ''}></board-notice>
      ${
        this.voiceStatus === 'blocked'
          ? html`<board-sound-notice .headline=${t('blockedHead')} .detail=${t('blockedDetail')}></board-sound-notice>`
          : this.voiceStatus === 'failed' || this.voiceStatus === 'no-audio'
            ? html`<board-sound-notice .headline=${t('failedHead')} .detail=${t('failedDetail')}></board-sound-notice>`
            : ''
      }
    `;
  }
}
customElements.define('hall-board', HallBoard);

declare global {
  interface HTMLElementTagNameMap {
    'hall-board': HallBoard;
  }
}
