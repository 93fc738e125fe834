// The window console (窗口工作台): a clerk's whole working day at one window. Every operation of the hall
// core is a button with a letter shortcut; the screen updates itself from the server; a command sent
// while the network is down is retried with its idempotency key, so it is done once or reported not done.
import { LitElement, css, html } from 'lit';
import type { TodayFigures } from '../../server/protocol/socket';
import type { TicketView, WindowView } from '../../server/protocol/views';
import { Api, CommandError, NotDoneError } from './api';
import { ConsoleController } from './console-controller';
import { errorText, lang, t } from './i18n';
import { actionForKey, type ConsoleAction } from './shortcuts';
import type { Choice, ChoiceResult } from './choice-dialog';
import type { LoginDetail } from './login-form';
import type { Destination } from './transfer-dialog';
import './action-bar';
import './choice-dialog';
import './current-ticket';
import './login-form';
import './side-panels';
import './transfer-dialog';

interface Session {
  token: string;
  windowNo: number;
  clerk: { id: string; name: string };
}

type Dialog = {
  kind: 'transfer' | 'pause' | 'call' | 'next';
  heading: string;
  choices: Choice[];
  textLabel: string;
} | null;

const SESSION_KEY = 'hall.console.session';
/** A pressed 过号 can be undone this long before it is sent. */
const SKIP_UNDO_MS = 5000;

export class ConsoleApp extends LitElement {
  static override properties = {
    session: { state: true },
    loginError: { state: true },
    dialog: { state: true },
    message: { state: true },
    today: { state: true },
    skipPending: { state: true },
  };
  declare session: Session | null;
  declare loginError: string;
  declare dialog: Dialog;
  declare message: { text: string; error: boolean } | null;
  declare today: TodayFigures | null;
  declare skipPending: { number: string; left: number; timer: ReturnType<typeof setTimeout> } | null;
  private controller: ConsoleController | null = null;
  private readonly api = new Api(null, (retrying) => {
    if (retrying && this.pending) this.say(t('retrying', { what: this.pending }), true);
  });
  private pending: string | null = null;

  constructor() {
    super();
    const saved = sessionStorage.getItem(SESSION_KEY);
    this.session = saved ? (JSON.parse(saved) as Session) : null;
    this.loginError = '';
    this.dialog = null;
    this.message = null;
    this.today = null;
    this.skipPending = null;
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
    if (this.session) this.attach(this.session);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKey);
  }

  private attach(s: Session): void {
    this.api.token = s.token;
    this.controller?.close();
    this.controller = new ConsoleController(
      this,
      s.token,
      (code, message) => {
        if (code !== 'UNAUTHORIZED' && code !== 'FORBIDDEN') return;
        this.signOut();
        if (message) this.loginError = message;
      },
      () => {
        if (this.controller?.connection === 'online' && !this.today) void this.refreshToday();
      },
    );
    void this.refreshToday();
  }

  private signOut(): void {
    this.controller?.close();
    this.controller = null;
    sessionStorage.removeItem(SESSION_KEY);
    this.session = null;
    this.today = null;
  }

  private async login(e: CustomEvent<LoginDetail>): Promise<void> {
    this.loginError = '';
    try {
      const r = await this.api.post<{ token: string; clerk: { id: string; name: string } }>(
        '/api/auth/login',
        e.detail,
        false,
      );
      const s: Session = { token: r.token, windowNo: e.detail.windowNo, clerk: r.clerk };
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(s));
      this.session = s;
      this.attach(s);
    } catch (err) {
      this.loginError = err instanceof CommandError ? errorText(err.error.code, err.error.message) : String(err);
    }
  }

  private async logout(): Promise<void> {
    try {
      await this.api.post('/api/auth/logout', {}, false);
    } catch {
      /* leaving anyway */
    }
    this.signOut();
  }

  private async refreshToday(): Promise<void> {
    if (!this.session) return;
    try {
      this.today = await this.api.get<TodayFigures>(`/api/windows/${this.session.windowNo}/today`);
    } catch {
      /* shown as dashes until the next command */
    }
  }

  private say(text: string, error = false): void {
    this.message = { text, error };
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** Commands run one after another in the order pressed: a quick second key is queued, not lost. */
  private command(path: string, what: string, body: unknown = {}): Promise<TicketView | null> {
    const run = this.queue.then(() => this.send(path, what, body));
    this.queue = run;
    return run;
  }

  /** Sends one window command; reports the outcome in plain words. */
  private async send(path: string, what: string, body: unknown): Promise<TicketView | null> {
    if (!this.session) return null;
    this.pending = what;
    try {
      const r = await this.api.post<{ ticket: TicketView | null }>(
        `/api/windows/${this.session.windowNo}/${path}`,
        body,
      );
      this.say(
        r.ticket ? t('done', { what, number: r.ticket.number }) : path === 'call-next' ? t('nobodyWaiting') : what,
      );
      void this.refreshToday();
      return r.ticket;
    } catch (e) {
      if (e instanceof NotDoneError) this.say(t('notDone', { what }), true);
      else if (e instanceof CommandError) {
        this.say(errorText(e.error.code, e.error.message), true);
        if (e.error.code === 'UNAUTHORIZED') this.signOut();
      } else this.say(String(e), true);
      return null;
    } finally {
      this.pending = null;
    }
  }

  private get window(): WindowView | null {
    return this.controller?.state?.window ?? null;
  }

  /**
   * 过号 waits a few seconds with an undo, since a no-show is final for the visitor: a mistaken K would send
   * someone standing at the counter back to the kiosk. Any other action sends the pending skip first.
   */
  private skipLater(): void {
    const number = this.window?.ticket?.number;
    if (!number || this.skipPending) return;
    const until = Date.now() + SKIP_UNDO_MS;
    const tick = () => {
      const left = Math.ceil((until - Date.now()) / 1000);
      if (left <= 0) return this.flushSkip();
      this.skipPending = { number, left, timer: setTimeout(tick, 250) };
    };
    tick();
  }

  private flushSkip(): void {
    const p = this.skipPending;
    if (!p) return;
    clearTimeout(p.timer);
    this.skipPending = null;
    void this.command('skip', t('a_skip'));
  }

  private undoSkip(): void {
    const p = this.skipPending;
    if (!p) return;
    clearTimeout(p.timer);
    this.skipPending = null;
    this.say(t('skipUndone', { number: p.number }));
  }

  private act(a: ConsoleAction, ticketId?: string): void {
    const st = this.controller?.state;
    if (!st) return;
    const skipped = a !== 'skip' && this.skipPending !== null;
    if (a !== 'skip') this.flushSkip();
    switch (a) {
      case 'next': {
        // A visitor only called, never started: did they come? 已到 → 办结, 未到 → 过号 (never a silent 办结).
        const cur = this.window?.ticket;
        if (cur?.status !== 'called' || skipped) return void this.command('call-next', t('a_next'));
        this.dialog = {
          kind: 'next',
          heading: t('nextAsk', { number: cur.number }),
          choices: [
            { value: 'finished', label: t('nextArrived') },
            { value: 'no_show', label: t('nextMissed') },
          ],
          textLabel: '',
        };
        return;
      }
      case 'recall':
        return void this.command('recall', t('a_recall'));
      case 'start':
        return void this.command('start', t('a_start'));
      case 'finish':
        return void this.command('finish', t('a_finish'));
      case 'evaluate':
        return void this.command('evaluate', t('evaluateAsked'));
      case 'skip':
        return this.skipLater();
      case 'hold':
        return void this.command('hold', t('a_hold'));
      case 'callBack': {
        const id = ticketId ?? st.held[0]?.id;
        if (id) void this.command('call-back', t('a_callBack'), { ticketId: id });
        return;
      }
      case 'pause':
        if (this.window?.state === 'paused') return void this.command('resume', t('a_resume'));
        this.dialog = {
          kind: 'pause',
          heading: t('pauseReason'),
          choices: st.pauseReasons.map((r) => ({ value: r, label: r })),
          textLabel: '',
        };
        return;
      case 'transfer':
        if (this.window?.ticket)
          this.dialog = { kind: 'transfer', heading: t('transferTo'), choices: [], textLabel: '' };
        return;
      case 'call':
        this.dialog = { kind: 'call', heading: t('a_call'), choices: [], textLabel: t('callNumber') };
        return;
    }
  }

  private dialogDone(r: ChoiceResult): void {
    const d = this.dialog;
    this.dialog = null;
    if (!d) return;
    if (d.kind === 'pause' && r.value) void this.command('pause', t('a_pause'), { reason: r.value });
    if (d.kind === 'next' && r.value) void this.command('call-next', t('a_next'), { previous: r.value });
    if (d.kind === 'call' && r.text) void this.command('call', t('a_call'), { number: r.text });
    if (d.kind === 'transfer' && r.value) {
      const [k, v] = [r.value.slice(0, 1), r.value.slice(2)];
      const body = k === 's' ? { serviceId: v } : { windowNo: Number(v) };
      void this.command('transfer', t('a_transfer'), { ...body, ...(r.text ? { note: r.text } : {}) });
    }
  }

  /** Where the current ticket may go: the other services, and the other windows. */
  private destinations(): { services: Destination[]; windows: Destination[] } {
    const st = this.controller?.state;
    if (!st) return { services: [], windows: [] };
    return {
      services: st.directory.services
        .filter((s) => s.id !== st.window.ticket?.serviceId)
        .map((s) => ({ value: `s:${s.id}`, label: `${s.prefix} ${s.name}`, keywords: s.id })),
      windows: st.directory.windows
        .filter((w) => w.no !== st.window.no)
        .map((w) => ({ value: `w:${w.no}`, label: w.name, keywords: `${w.no}` })),
    };
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (this.skipPending && e.key === 'Escape') return this.undoSkip();
    if (!this.session || this.dialog || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
    const a = actionForKey(e.key);
    if (!a) return;
    e.preventDefault();
    this.act(a);
  };

  static override styles = css`
    :host {
      --console-primary: #1f5fa8;
      display: block;
      min-height: 100vh;
      font-family: 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif;
      color: #222;
    }
    header {
      background: var(--console-primary);
      color: #fff;
      display: flex;
      align-items: center;
      justify-content: space-between;
      padding: 10px 20px;
      font-size: 18px;
    }
    header b {
      font-size: 22px;
      margin-right: 14px;
    }
    header button {
      font-family: inherit;
      font-size: 15px;
      margin-left: 12px;
    }
    .lang {
      color: #fff;
      margin-left: 12px;
      font-size: 15px;
    }
    .conn {
      padding: 2px 10px;
      border-radius: 12px;
      background: #2e7d32;
      font-size: 14px;
    }
    .conn.offline {
      background: #c62828;
    }
    main {
      display: grid;
      grid-template-columns: 1fr 380px;
      gap: 16px;
      padding: 16px 20px;
    }
    .left {
      display: grid;
      gap: 16px;
      align-content: start;
    }
    .right {
      display: grid;
      gap: 12px;
      align-content: start;
    }
    .message {
      padding: 10px 14px;
      border-radius: 8px;
      background: #e8f5e9;
      font-size: 17px;
    }
    .message.error {
      background: #ffebee;
      color: #b71c1c;
    }
    .hint {
      color: #777;
      font-size: 14px;
    }
  `;

  override render() {
    if (!this.session) return html`<login-form .error=${this.loginError} @login=${this.login}></login-form>`;
    const st = this.controller?.state;
    const online = this.controller?.connection === 'online';
    const w = st?.window ?? null;
    return html`
      <header>
        <span
          ><b>${w?.name ?? `${this.session.windowNo}号窗口`}</b
          >${this.session.clerk.name}（${this.session.clerk.id}）</span
        >
        <span>
          <span class="conn ${online ? '' : 'offline'}" data-testid="connection"
            >${online ? t('online') : t('reconnecting')}</span
          >
          <a class="lang" href="?lang=${lang === 'zh' ? 'en' : 'zh'}">${lang === 'zh' ? 'English' : '中文'}</a>
          <button @click=${this.logout}>${t('logout')}</button>
        </span>
      </header>
      <main>
        <div class="left">
          <current-ticket .window=${w}></current-ticket>
          <action-bar
            .window=${w}
            .heldCount=${st?.held.length ?? 0}
            @action=${(e: CustomEvent<ConsoleAction>) => this.act(e.detail)}
          ></action-bar>
          ${
            this.message
              ? html`<div
                  class="message ${this.message.error ? 'error' : ''}"
                  role=${this.message.error ? 'alert' : 'status'}
                  data-testid="message"
                >
                  ${this.message.text}
                </div>`
              : ''
          }
          ${
            this.skipPending
              ? html`<div class="message error" data-testid="skip-undo">
                  ${t('skipPending', { number: this.skipPending.number })}
                  <button class="undo" @click=${() => this.undoSkip()}>
                    ${t('undo', { s: this.skipPending.left })}
                  </button>
                </div>`
              : ''
          }
          <div class="hint">${t('shortcuts')}</div>
        </div>
        <div class="right">
          <queue-panel .services=${st?.services ?? []} .skills=${w?.skills ?? {}}></queue-panel>
          <held-list
            .held=${st?.held ?? []}
            .canCall=${!!w && w.state !== 'calling' && w.state !== 'serving' && w.state !== 'paused'}
            @call-back=${(e: CustomEvent<string>) => this.act('callBack', e.detail)}
          ></held-list>
          <today-panel .figures=${this.today}></today-panel>
        </div>
      </main>
      ${
        this.dialog?.kind === 'transfer'
          ? html`<transfer-dialog
              .services=${this.destinations().services}
              .windows=${this.destinations().windows}
              @done=${(e: CustomEvent<ChoiceResult>) => this.dialogDone(e.detail)}
              @cancel=${() => (this.dialog = null)}
            ></transfer-dialog>`
          : this.dialog
            ? html`<choice-dialog
                .heading=${this.dialog.heading}
                .choices=${this.dialog.choices}
                .textLabel=${this.dialog.textLabel}
                @done=${(e: CustomEvent<ChoiceResult>) => this.dialogDone(e.detail)}
                @cancel=${() => (this.dialog = null)}
              ></choice-dialog>`
            : ''
      }
    `;
  }
}
customElements.define('console-app', ConsoleApp);

declare global {
  interface HTMLElementTagNameMap {
    'console-app': ConsoleApp;
  }
}
