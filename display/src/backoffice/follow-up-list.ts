// 差评整改: the follow-ups of negative reviews, overdue first then by deadline. Each opens to its rating, its
// history (who, when, what note) and the next step: 回访 → 整改 → 反馈 → 办结, or 申诉 and its decision.
// Every step needs a note; the server keeps it in the audit trail.
import { LitElement, css, html, nothing } from 'lit';
import type { FollowUpView } from '../../../server/protocol/views';
import { ApiError } from '../shared/device-api';
import { hallHm } from '../shared/hall-time';
import type { SupervisorApi } from '../supervisor/supervisor-api';
import { tableStyles } from '../supervisor/shared-styles';
import { historyText, t } from './backoffice-i18n';

const OPEN = new Set(['callback', 'fix', 'feedback', 'appeal']);

/** Overdue first, then the nearest deadline; closed ones last, newest first. */
export function followUpOrder(a: FollowUpView, b: FollowUpView): number {
  const rank = (f: FollowUpView) => (f.overdue ? 0 : OPEN.has(f.state) ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (rank(a) === 2) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.deadline === b.deadline ? a.id - b.id : a.deadline < b.deadline ? -1 : 1;
}

export class FollowUpList extends LitElement {
  static override properties = {
    api: { attribute: false },
    list: { state: true },
    openOnly: { state: true },
    selected: { state: true },
    error: { state: true },
  };
  declare api: SupervisorApi;
  declare list: FollowUpView[];
  declare openOnly: boolean;
  declare selected: number | null;
  declare error: string;

  constructor() {
    super();
    this.list = [];
    this.openOnly = true;
    this.selected = null;
    this.error = '';
  }

  static override styles = [
    tableStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(340px, 2fr);
        gap: 14px;
      }
      section {
        background: #fff;
        border-radius: 8px;
        padding: 10px 14px;
      }
      td,
      th {
        text-align: left;
        font-size: 14px;
      }
      tr[data-followup] {
        cursor: pointer;
      }
      tr[aria-selected='true'] {
        background: #e8f0fb;
      }
      .overdue {
        color: #c62828;
        font-weight: bold;
      }
      textarea {
        width: 100%;
        box-sizing: border-box;
        font-size: 15px;
        min-height: 70px;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        margin-top: 8px;
      }
      button {
        font-size: 15px;
        padding: 6px 12px;
      }
      .primary {
        background: var(--bo-primary, #1f5fae);
        color: #fff;
        border: 0;
        border-radius: 4px;
      }
      ol {
        padding-left: 20px;
        font-size: 14px;
      }
      .muted {
        color: #889;
      }
      .error {
        color: #c62828;
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 4px 12px;
        font-size: 14px;
      }
      dt {
        color: #667;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.list = (await this.api.get<{ followUps: FollowUpView[] }>('/api/follow-ups')).followUps;
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : String(e);
    }
  }

  private async act(f: FollowUpView, path: string, body: Record<string, unknown>): Promise<void> {
    const area = this.renderRoot.querySelector('textarea')!;
    const note = area.value.trim();
    if (!note) {
      this.error = t('noteNeeded');
      return;
    }
    try {
      await this.api.post(`/api/follow-ups/${f.id}/${path}`, { ...body, note });
      area.value = '';
      this.error = '';
      await this.load();
    } catch (e) {
      this.error = e instanceof ApiError ? e.message : String(e);
    }
  }

  private detail(f: FollowUpView) {
    const e = f.evaluation;
    const stepKey = `next_${f.state}` as 'next_callback' | 'next_fix' | 'next_feedback';
    return html`<section data-testid="follow-up-detail">
      <h3>${e.ticketNumber} · ${t(`state_${f.state}`)}</h3>
      <dl>
        <dt>${t('level')}</dt>
        <dd>${t(`level_${e.level ?? 'unrated'}`)}</dd>
        <dt>${t('reasons')}</dt>
        <dd>${e.reasons.join('、')}</dd>
        <dt>${t('comment')}</dt>
        <dd>${e.comment ?? ''}</dd>
        <dt>${t('clerk')}</dt>
        <dd>${e.clerkName ?? ''} · ${t('window')} ${e.windowNo} · ${e.serviceName}</dd>
        <dt>${t('deadline')}</dt>
        <dd class=${f.overdue ? 'overdue' : ''}>${f.deadline}${f.overdue ? ` · ${t('overdue')}` : ''}</dd>
      </dl>
      <h4>${t('history')}</h4>
      <ol data-testid="follow-up-history">
        ${f.history.map(
          (h) =>
            html`<li>
              ${h.at.slice(5, 10)} ${hallHm(h.at)} · ${historyText(h.type)} ·
              ${h.actor.replace(/^clerk:/, '')}${h.note ? html` — ${h.note}` : nothing}
            </li>`,
        )}
      </ol>
      ${
        OPEN.has(f.state)
          ? html`<label>${t('note')}<textarea name="note" placeholder=${t('notePlaceholder')}></textarea></label>
              <div class="actions">
                ${
                  f.state === 'appeal'
                    ? html`<button
                          class="primary"
                          data-action="uphold"
                          @click=${() => this.act(f, 'decide', { upheld: true })}
                        >
                          ${t('uphold')}
                        </button>
                        <button data-action="reject" @click=${() => this.act(f, 'decide', { upheld: false })}>
                          ${t('reject')}
                        </button>`
                    : html`<button class="primary" data-action="advance" @click=${() => this.act(f, 'advance', {})}>
                          ${t(stepKey)}
                        </button>
                        <button data-action="appeal" @click=${() => this.act(f, 'appeal', {})}>${t('appeal')}</button>`
                }
              </div>`
          : nothing
      }
      <div class="error" role="alert">${this.error}</div>
    </section>`;
  }

  override render() {
    const shown = this.list.filter((f) => !this.openOnly || OPEN.has(f.state)).sort(followUpOrder);
    const current = this.list.find((f) => f.id === this.selected);
    return html`<div class="layout">
      <section>
        <label
          ><input type="checkbox" .checked=${this.openOnly} @change=${() => (this.openOnly = !this.openOnly)} />
          ${t('openOnly')}</label
        >
        ${
          shown.length
            ? html`<table data-testid="follow-ups">
                <tr>
                  <th>${t('ticket')}</th>
                  <th>${t('clerk')}</th>
                  <th>${t('level')}</th>
                  <th>${t('state')}</th>
                  <th>${t('deadline')}</th>
                </tr>
                ${shown.map(
                  (f) =>
                    html`<tr
                      data-followup=${f.id}
                      aria-selected=${f.id === this.selected}
                      @click=${() => (this.selected = f.id)}
                    >
                      <td>${f.evaluation.ticketNumber}</td>
                      <td>${f.evaluation.clerkName ?? ''}</td>
                      <td>${t(`level_${f.evaluation.level ?? 'unrated'}`)}</td>
                      <td>${t(`state_${f.state}`)}</td>
                      <td class=${f.overdue ? 'overdue' : ''}>${f.deadline}${f.overdue ? ` ${t('overdue')}` : ''}</td>
                    </tr>`,
                )}
              </table>`
            : html`<p class="muted">${t('noFollowUps')}</p>`
        }
      </section>
      ${current ? this.detail(current) : html`<div></div>`}
    </div>`;
  }
}

customElements.define('follow-up-list', FollowUpList);

declare global {
  interface HTMLElementTagNameMap {
    'follow-up-list': FollowUpList;
  }
}
