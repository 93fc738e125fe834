// 设备: kiosks, boards, window screens, LEDs, pads, keypads, printers and the booking system. A new device
// gets its token when saved (shown once, with a pairing link and QR code); 撤销 removes the device and its
// token stops working at once; 换新令牌 gives it a new one (the old one stops working).
import { LitElement, html } from 'lit';
import type { AdminConfig } from './admin-api';
import { tabStyles } from './admin-styles';
import { fields } from './fields';
import { lang, t } from './admin-i18n';

export const DEVICE_KINDS: [string, string, string][] = [
  ['kiosk', '取号机', 'Kiosk'],
  ['board', '综合屏', 'Call board'],
  ['windowScreen', '窗口屏', 'Window screen'],
  ['led', 'LED 条屏', 'LED'],
  ['pad', '评价器', 'Rating pad'],
  ['keypad', '呼叫器', 'Keypad'],
  ['printer', '打印机', 'Printer'],
  ['booking', '预约平台', 'Booking system'],
];

const kindName = (k: string) => {
  const x = DEVICE_KINDS.find(([v]) => v === k);
  return x ? (lang === 'zh' ? x[1] : x[2]) : k;
};

/** The fields of a kind besides id and kind (the file's schema). */
function shape(kind: string, c: AdminConfig): Record<string, unknown> {
  const firstWindow = c.windows[0]?.no ?? 1;
  switch (kind) {
    case 'board':
      return { zone: c.windows[0]?.zone ?? 'A' };
    case 'windowScreen':
    case 'led':
    case 'pad':
    case 'keypad':
      return { window: firstWindow };
    case 'printer':
      return { kiosk: c.devices.find((d: any) => d.kind === 'kiosk')?.id ?? '', host: '', port: 9100 };
    default:
      return {};
  }
}

export class DevicesTab extends LitElement {
  static override properties = { config: { attribute: false }, known: { attribute: false } };
  declare config: AdminConfig;
  declare known: ReadonlySet<string>;
  static override styles = tabStyles;
  private readonly f = fields(this);
  private kindToAdd = 'board';

  private add(): void {
    const ids = new Set(this.config.devices.map((d: any) => d.id));
    let n = 1;
    while (ids.has(`${this.kindToAdd}-${n}`)) n++;
    this.config.devices.push({
      id: `${this.kindToAdd}-${n}`,
      kind: this.kindToAdd,
      ...shape(this.kindToAdd, this.config),
    });
    this.f.changed();
  }

  private target(d: any) {
    const f = this.f;
    if (d.kind === 'board') return f.text(d, 'zone', t('zone'), { size: 4 });
    if ('window' in d)
      return html`<select
        aria-label=${t('windowNo')}
        @change=${(e: Event) => f.set(d, 'window', Number((e.target as HTMLSelectElement).value))}
      >
        ${this.config.windows.map(
          (w: any) => html`<option value=${w.no} ?selected=${w.no === d.window}>${w.no} ${w.name}</option>`,
        )}
      </select>`;
    if (d.kind === 'printer')
      return html`${f.text(d, 'kiosk', 'kiosk', { size: 8 })} ${f.text(d, 'host', 'host', { size: 12 })}
      ${f.num(d, 'port', 'port', { min: 1, max: 65535 })}`;
    return '';
  }

  override render() {
    const f = this.f;
    return html`<table data-testid="devices">
        <thead>
          <tr>
            <th>${t('id')}</th>
            <th>${t('kind')}</th>
            <th>${t('target')}</th>
            <th>${t('token')}</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          ${this.config.devices.map(
            (d: any, i: number) =>
              html`<tr data-device=${d.id}>
                <td>${this.known.has(d.id) ? d.id : f.text(d, 'id', t('id'), { size: 12 })}</td>
                <td>${kindName(d.kind)}</td>
                <td>${this.target(d)}</td>
                <td class="muted">
                  ${d.kind === 'printer' ? '—' : !this.known.has(d.id) || d.rotateToken ? t('tokenOnSave') : '••••••'}
                </td>
                <td class="row-actions">
                  ${
                    d.kind !== 'printer' && this.known.has(d.id)
                      ? html`<button
                          @click=${() => {
                            d.rotateToken = true;
                            f.changed();
                          }}
                        >
                          ${t('rotate')}
                        </button>`
                      : ''
                  }
                  <button
                    class="danger"
                    data-testid=${`revoke-${d.id}`}
                    @click=${() => {
                      if (!confirm(t('confirmRevoke', { id: d.id }))) return;
                      this.config.devices.splice(i, 1);
                      f.changed();
                    }}
                  >
                    ${t('revoke')}
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <p>
        <select
          aria-label=${t('kind')}
          data-testid="device-kind"
          @change=${(e: Event) => (this.kindToAdd = (e.target as HTMLSelectElement).value)}
        >
          ${DEVICE_KINDS.map(([v]) => html`<option value=${v} ?selected=${v === this.kindToAdd}>${kindName(v)}</option>`)}
        </select>
        <button data-testid="add-device" @click=${this.add}>＋ ${t('add')}</button>
      </p>`;
  }
}

customElements.define('devices-tab', DevicesTab);

declare global {
  interface HTMLElementTagNameMap {
    'devices-tab': DevicesTab;
  }
}
