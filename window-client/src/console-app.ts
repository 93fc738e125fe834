// The window console (窗口工作台): a clerk's whole working day at one window. Every operation of the hall
// core is a button with a letter shortcut; the screen updates itself from the server; a command sent
// while the network is down is retried with its idempotency key, so it is done once or reported not done.
import { LitElement, html } from 'lit';
import type { TodayFigures } from '../../server/protocol/socket';
import type { TicketView, WindowView } from '../../server/protocol/views';
import { Api, CommandError, NotDoneError } from './api';
import { ConsoleController } from './console-controller';
import { errorText, lang, t } from './i18n';
import { actionForKey, type ConsoleAction } from './shortcuts';
import type { ChoiceResult } from './choice-dialog';
import { answerWaitsForUndo, dialogCommand, planAction, type Command } from './console-actions';
import { renderDialog, type Dialog } from './console-dialogs';
import { consoleStyles } from './console-styles';
import { SkipUndo, type PendingSkip } from './skip-undo';
import { loginRefusal, type LoginDetail, type LoginField } from './login-form';
import './action-bar';
import './current-ticket';
import './login-form';
import './side-panels';

interface Session {
  token: string;
  windowNo: number;
  clerk: { id: string; name: string };
}

const SESSION_KEY = 'hall.console.session';

export class ConsoleApp extends LitElement {
  static override properties = {
    session: { state: true },
    loginError: { state: true },
    loginField: { state: true },
    dialog: { state: true },
    message: { state: true },
    today: { state: true },
  };
  declare session: Session | null;
  declare loginError: string;
  declare loginField: LoginField;
  declare dialog: Dialog;
  declare message: { text: string; error: boolean } | null;
  declare today: TodayFigures | null;
  private controller: ConsoleController | null = null;
  private readonly api = new Api(null, (retrying) => {
    if (retrying && this.pending) this.say(t('retrying', { what: this.pending }), true);
  });
  private pending: string | null = null;
  private readonly skip = new SkipUndo(this, (p) => this.sendSkip(p));

  constructor() {
    super();
    const saved = sessionStorage.getItem(SESSION_KEY);
    this.session = saved ? (JSON.parse(saved) as Session) : null;
    this.loginError = '';
    this.loginField = '';
    this.dialog = null;
    this.message = null;
    this.today = null;
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
      const r = err instanceof CommandError ? loginRefusal(err.error.code, err.error.message) : null;
      [this.loginField, this.loginError] = [r?.field ?? '', r?.text ?? String(err)];
    }
  }

  private async logout(): Promise<void> {
    // A visitor still called or served here stays with the window for its next clerk: ask before leaving.
    const here = this.window?.ticket;
    if (here && !confirm(t('logoutWithVisitor', { number: here.number }))) return;
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

  /**
   * Commands run one after another in the order pressed: a quick second key is queued, not lost. `said`
   * words the outcome when the plain "叫号：A006" would not say all that happened.
   */
  private command(
    path: string,
    what: string,
    body: unknown = {},
    said?: (t: TicketView | null) => string,
  ): Promise<TicketView | null> {
    const run = this.queue.then(() => this.send(path, what, body, said));
    this.queue = run;
    return run;
  }

  /** Sends one window command; reports the outcome in plain words. */
  private async send(
    path: string,
    what: string,
    body: unknown,
    said?: (t: TicketView | null) => string,
  ): Promise<TicketView | null> {
    if (!this.session) return null;
    this.pending = what;
    try {
      const r = await this.api.post<{ ticket: TicketView | null }>(
        `/api/windows/${this.session.windowNo}/${path}`,
        body,
      );
      this.say(
        said
          ? said(r.ticket)
          : r.ticket
            ? t('done', { what, number: r.ticket.number })
            : path === 'call-next'
              ? t('nobodyWaiting')
              : what,
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

  private act(a: ConsoleAction, ticketId?: string): void {
    const st = this.controller?.state;
    if (!st) return;
    // 叫号 while a 未到 waits for its undo sends it now: that answer already calls the next visitor.
    if (a === 'next' && this.skip.pending?.command) return void this.skip.flush();
    const skipped = a !== 'skip' && this.skip.flush();
    const plan = planAction(a, st, { skipped, ...(ticketId ? { ticketId } : {}) });
    if (!plan) return;
    if ('command' in plan) return void this.run(plan.command);
    if ('skip' in plan) return void (st.window.ticket && this.skip.start(st.window.ticket.number));
    this.dialog = { kind: plan.dialog, number: st.window.ticket?.number ?? '' };
  }

  private run(c: Command): void {
    void this.command(c.path, t(c.word), c.body ?? {});
  }

  private dialogDone(r: ChoiceResult): void {
    const { kind, number } = this.dialog ?? { kind: null, number: '' };
    this.dialog = null;
    const c = kind ? dialogCommand(kind, r) : null;
    if (!kind || !c) return;
    if (answerWaitsForUndo(kind, r)) this.skip.start(number, c);
    else this.run(c);
  }

  /** Sends a 过号 whose undo time is over: a plain one, or the 未到 answer with its 叫号. */
  private sendSkip(p: PendingSkip): void {
    if (!p.command) return void this.command('skip', t('a_skip'));
    const { path, word, body } = p.command;
    void this.command(path, t(word), body ?? {}, (next) =>
      next ? t('skippedCalled', { skipped: p.number, number: next.number }) : t('skippedNobody', { skipped: p.number }),
    );
  }

  private undoSkip(): void {
    const number = this.skip.undo();
    if (number) this.say(t('skipUndone', { number }));
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (this.skip.pending && e.key === 'Escape') return this.undoSkip();
    if (!this.session || this.dialog || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
    const a = actionForKey(e.key);
    if (!a) return;
    e.preventDefault();
    this.act(a);
  };

  static override styles = consoleStyles;

  override render() {
    if (!this.session)
      return html`<login-form
        .error=${this.loginError}
        .errorField=${this.loginField}
        @login=${this.login}
      ></login-form>`;
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
          <current-ticket .window=${w} .load=${(p: string) => this.api.get(p)}></current-ticket>
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
            this.skip.pending
              ? html`<div class="message error" data-testid="skip-undo">
                  ${t(this.skip.pending.command ? 'skipPendingNext' : 'skipPending', {
                    number: this.skip.pending.number,
                  })}
                  <button class="undo" @click=${() => this.undoSkip()}>
                    ${t('undo', { s: this.skip.pending.left })}
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
      ${renderDialog(
        this.dialog,
        st ?? null,
        (r) => this.dialogDone(r),
        () => (this.dialog = null),
      )}
    `;
  }
}
customElements.define('console-app', ConsoleApp);

declare global {
  interface HTMLElementTagNameMap {
    'console-app': ConsoleApp;
  }
}
