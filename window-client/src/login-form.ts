import { LitElement, css, html } from 'lit';
import { lang, t } from './i18n';

export interface LoginDetail {
  clerkId: string;
  password: string;
  windowNo: number;
}

/** 工号 + password + window number; fires `login` with the values. */
export class LoginForm extends LitElement {
  static override properties = { error: {} };
  declare error: string;

  constructor() {
    super();
    this.error = '';
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

  private submit(e: Event): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const detail: LoginDetail = {
      clerkId: String(f.get('clerkId')).trim(),
      password: String(f.get('password')),
      windowNo: Number(f.get('windowNo')),
    };
    this.dispatchEvent(new CustomEvent<LoginDetail>('login', { detail, bubbles: true, composed: true }));
  }
}
customElements.define('login-form', LoginForm);

declare global {
  interface HTMLElementTagNameMap {
    'login-form': LoginForm;
  }
}
