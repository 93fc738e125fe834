// The login form of the back office and the guide desk: staff ID and password, no window. Roles other than
// the page's are turned away in plain words; on success it fires `logged-in` with the token.
import { LitElement, css, html } from 'lit';
import { ApiError } from '../shared/device-api';
import { loginStaff, type LoggedIn } from '../shared/staff-auth';

export type { LoggedIn };

export class StaffLogin extends LitElement {
  static override properties = {
    heading: {},
    roles: { attribute: false },
    refusal: {},
    labels: { attribute: false },
    error: { state: true },
  };
  declare heading: string;
  /** The roles this page is for. */
  declare roles: string[];
  /** What to say to anyone else. */
  declare refusal: string;
  declare labels: { clerkId: string; password: string; login: string };
  declare error: string;

  constructor() {
    super();
    this.heading = '';
    this.roles = [];
    this.refusal = '';
    this.labels = { clerkId: '工号', password: '密码', login: '登录' };
    this.error = '';
  }

  static override styles = css`
    form {
      max-width: 340px;
      margin: 12vh auto;
      background: #fff;
      padding: 28px;
      border-radius: 10px;
      box-shadow: 0 2px 10px rgba(0, 0, 0, 0.12);
    }
    label {
      display: block;
      margin: 12px 0 4px;
    }
    input {
      width: 100%;
      box-sizing: border-box;
      font-size: 18px;
      padding: 8px;
    }
    button {
      margin-top: 18px;
      width: 100%;
      font-size: 18px;
      padding: 10px;
      background: var(--bo-primary, #1f5fae);
      color: #fff;
      border: 0;
      border-radius: 6px;
    }
    .error {
      color: #c62828;
      margin-top: 10px;
    }
  `;

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    try {
      const detail = await loginStaff(e.target as HTMLFormElement, this.roles, this.refusal);
      this.dispatchEvent(new CustomEvent<LoggedIn>('logged-in', { detail }));
    } catch (err) {
      this.error = err instanceof ApiError ? err.message : String(err);
    }
  }

  override render() {
    return html`<form @submit=${this.submit}>
      <h2>${this.heading}</h2>
      <label>${this.labels.clerkId}<input name="clerkId" autocomplete="username" required autofocus /></label>
      <label
        >${this.labels.password}<input name="password" type="password" autocomplete="current-password" required
      /></label>
      <button type="submit">${this.labels.login}</button>
      <div class="error" role="alert">${this.error}</div>
    </form>`;
  }
}

customElements.define('staff-login', StaffLogin);

declare global {
  interface HTMLElementTagNameMap {
    'staff-login': StaffLogin;
  }
}
