// 评价·分派·语音·上报: evaluation reasons and limits, the routing rule (routing-section.ts), the announcement and
// the voice pack, and the upstream platform's address (its secret is write-only).
import { LitElement, html } from 'lit';
import type { AdminConfig } from './admin-api';
import { tabStyles } from './admin-styles';
import { fields } from './fields';
import { t } from './admin-i18n';
import { routingSection } from './routing-section';

/** Alert thresholds (the supervisor's alerts read them live). */
const ALERTS = [
  ['queueWaiting', 1, 10_000],
  ['pauseMaxMin', 1, 480],
  ['callingMaxMin', 1, 120],
] as const;

/** The announcement's placeholders, shown as written (not filled in by the translator). */
const PLACEHOLDERS = { a: '{ticket}', b: '{window}' };

export class OtherTab extends LitElement {
  static override properties = { config: { attribute: false } };
  declare config: AdminConfig;
  static override styles = tabStyles;
  private readonly f = fields(this);

  override render() {
    const f = this.f;
    const c = this.config;
    const up = c.upstream;
    return html`<h3>好差评</h3>
      <div class="grid" data-testid="evaluation">
        <label>${t('reasons')}${f.lines(c.evaluation, 'reasons', t('reasons'), 7)}</label>
        <label>${t('evalTimeout')}${f.num(c.evaluation, 'timeoutSec', t('evalTimeout'), { min: 5, max: 600 })}</label>
        <label
          >${t('followUpDays')}${f.num(c.evaluation, 'followUpDays', t('followUpDays'), { min: 1, max: 60 })}</label
        >
      </div>
      <h3>${t('routing')}</h3>
      ${routingSection(f, (c.routing ??= {}))}
      <h3>${t('alerts')}</h3>
      <div class="grid" data-testid="alerts">
        ${ALERTS.map(([k, min, max]) => html`<label>${t(k)}${f.num(c.alerts, k, t(k), { min, max })}</label>`)}
        ${f.check(c.alerts, 'tidalSuggestions', t('tidalSuggestions'))}
      </div>
      <h3>${t('voice')}</h3>
      <div class="grid" data-testid="voice">
        <label
          >${t('announcement', PLACEHOLDERS)}${f.text(c.display, 'announcement', t('announcement', PLACEHOLDERS), { size: 30 })}</label
        >
        <label>${t('repeat')}${f.num(c.display, 'repeat', t('repeat'), { min: 1, max: 5 })}</label>
        <label>${t('pack')}${f.text(c.voice, 'pack', t('pack'))}</label>
        <label
          >${t('engine')}${f.select(c.voice, 'engine', t('engine'), [
            ['espeak', 'eSpeak NG'],
            ['none', '—'],
          ])}</label
        >
      </div>
      <h3>${t('upstream')}</h3>
      <div class="grid" data-testid="upstream">
        ${
          up
            ? html`<label>${t('upstreamUrl')}${f.text(up, 'url', t('upstreamUrl'), { size: 30 })}</label>
                <label
                  >${t('upstreamSecret')}
                  <input
                    type="password"
                    autocomplete="off"
                    @change=${(e: Event) => f.set(up, 'secret', (e.target as HTMLInputElement).value || undefined)}
                /></label>
                <label
                  >&nbsp;<button
                    class="danger"
                    @click=${() => {
                      delete c.upstream;
                      f.changed();
                    }}
                  >
                    ${t('remove')}
                  </button></label
                >`
            : html`<span class="muted">${t('upstreamOff')}</span>
                <button
                  @click=${() => {
                    c.upstream = { url: 'https://', secret: '' };
                    f.changed();
                  }}
                >
                  ＋ ${t('add')}
                </button>`
        }
      </div>`;
  }
}

customElements.define('other-tab', OtherTab);

declare global {
  interface HTMLElementTagNameMap {
    'other-tab': OtherTab;
  }
}
