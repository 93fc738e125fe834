import { LitElement, css, html } from 'lit';
import { errorText, lang, t } from './i18n';

export interface LoginDetail {
  clerkId: string;
  password: string;
  windowNo: number;
}

/** The field a refused login points at: a wrong password is typed again, a wrong window number fixed. */
export type LoginField = 'password' | 'windowNo' | '';

/** A refused login in plain words, and the field to put the focus in (the password is cleared). */
export function loginRefusal(code: string, message: string): { text: string; field: LoginField } {
  if (code === 'BAD_CREDENTIALS') return { text: errorText(code, message), field: 'password' };
  if (code === 'UNKNOWN_WINDOW' || code === 'WINDOW_TAKEN')
    return { text: errorText(code, message), field: 'windowNo' };
  // The server's schema words ("windowNo: Too small…") are not for a clerk.
  if (code === 'VALIDATION' && message.includes('windowNo')) return { text: t('badWindowNo'), field: 'windowNo' };
  return { text: errorText(code, message), field: '' };
}

/** 工号 + password + window number; fires `login` with the values. */
export class LoginForm extends LitElement {
  static override properties = { error: {}, errorField: {} };
  declare error: string;
  /** Where the focus goes when `error` is shown. */
  declare errorField: LoginField;

  constructor() {
    super();
    this.error = '';
    this.errorField = '';
  }

  static override styles = css`
    :host {
      display: block;
      max-width: 360px;
      margin: 12vh auto;
      background: #fff;
      padding: 32px;
      border-radius: 10px;
      box-shadow: 0 2px 10px rgba(0, 0, 0, 0.12);
    }
    h1 {
      margin: 0 0 20px;
      font-size: 24px;
      color: var(--console-primary);
    }
    label {
      display: block;
      margin: 12px 0 4px;
      color: #444;
    }
    input {
      width: 100%;
      box-sizing: border-box;
      font-size: 18px;
      padding: 8px;
    }
    button {
      margin-top: 20px;
      width: 100%;
      font-size: 18px;
      padding: 10px;
      background: var(--console-primary);
      color: #fff;
      border: 0;
      border-radius: 6px;
    }
    .error {
      color: #c62828;
      margin-top: 12px;
    }
    .lang {
      float: right;
      color: var(--console-primary);
    }
  `;

  override render() {
    return html`<form @submit=${this.submit}>
      <a class="lang" href="?lang=${lang === 'zh' ? 'en' : 'zh'}">${lang === 'zh' ? 'English' : '中文'}</a>
      <h1>${t('title')}</h1>
      <label for="clerk">${t('clerkId')}</label
      ><input id="clerk" name="clerkId" autocomplete="username" required autofocus />
      <label for="pw">${t('password')}</label
      ><input id="pw" name="password" type="password" autocomplete="current-password" required />
      <label for="win">${t('windowNo')}</label
      ><input id="win" name="windowNo" inputmode="numeric" pattern="[0-9]{1,4}" required />
      <button type="submit">${t('login')}</button>
      ${this.error ? html`<div class="error" role="alert">${this.error}</div>` : ''}
    </form>`;
  }

  override updated(changed: Map<PropertyKey, unknown>): void {
    if (!changed.has('error') || !this.error) return;
    const input = (id: string) => this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
    if (this.errorField === 'password') {
      const pw = input('pw');
      if (!pw) return;
      pw.value = '';
      pw.focus();
    } else if (this.errorField === 'windowNo') {
      input('win')?.select();
      input('win')?.focus();
    }
  }

  private submit(e: Event): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const detail: LoginDetail = {
      clerkId: String(f.get('clerkId')).trim(),
      password: String(f.get('password')),
      windowNo: Number(f.get('windowNo')),
    };
    // Window numbers start at 1: said here in plain words rather than sent to be refused.
    if (!Number.isInteger(detail.windowNo) || detail.windowNo < 1) {
      [this.errorField, this.error] = ['windowNo', t('badWindowNo')];
      return;
    }
    this.dispatchEvent(new CustomEvent<LoginDetail>('login', { detail, bubbles: true, composed: true }));
  }
}
customElements.define('login-form', LoginForm);

declare global {
  interface HTMLElementTagNameMap {
    'login-form': LoginForm;
  }
}
