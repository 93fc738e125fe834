// The issued number, large, with the people ahead, the estimated wait and the QR code to the mobile
// ticket page. If the printer failed, it says so, keeps the number on screen longer and offers a reprint.
import { LitElement, css, html } from 'lit';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import qrcode from 'qrcode-generator';
import type { IssueAnswer } from './kiosk-controller';
import { kioskLang, t, type Key } from './kiosk-i18n';
import { waitLine } from '../../../server/protocol/wait-text';

function qrSvg(data: string): string {
  const q = qrcode(0, 'M');
  q.addData(data, 'Byte');
  q.make();
  return q.createSvgTag({ cellSize: 6, margin: 2, scalable: true });
}

/** A clock time in the hall's zone (hall.timezone), whatever zone the kiosk's own clock is set to. */
const hhmm = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(
    new Date(iso),
  );

export class KioskIssued extends LitElement {
  static override properties = {
    answer: { attribute: false },
    secondsLeft: { type: Number },
    reprinting: { type: Boolean },
    timezone: { attribute: false },
    lang: { attribute: false },
  };
  declare timezone: string;
  /** Only to re-render in the visitor's language. */
  declare lang: string;
  declare answer: IssueAnswer;
  declare secondsLeft: number;
  declare reprinting: boolean;

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      gap: 10px;
    }
    .service {
      font-size: 34px;
      color: var(--kiosk-muted, #4a5b70);
    }
    .label {
      font-size: 28px;
    }
    .number {
      font-size: 150px;
      font-weight: 800;
      line-height: 1.05;
      color: var(--kiosk-accent, #0b5cad);
      letter-spacing: 6px;
    }
    .priority {
      font-size: 30px;
      font-weight: 700;
      color: #8a4b00;
      background: #fff3cd;
      padding: 6px 22px;
      border-radius: 30px;
    }
    .ahead {
      font-size: 40px;
      font-weight: 700;
    }
    .wait {
      font-size: 28px;
    }
    .qr {
      width: 220px;
      height: 220px;
      background: #fff;
      padding: 6px;
      border-radius: 12px;
    }
    .qr svg {
      width: 100%;
      height: 100%;
    }
    .print {
      font-size: 26px;
      padding: 14px 22px;
      border-radius: 14px;
      max-width: 900px;
    }
    .print.ok {
      background: #e3f4e8;
      color: #1b5e20;
    }
    .print.failed {
      background: #fdecea;
      color: #8c1d18;
      font-weight: 700;
    }
    .actions {
      display: flex;
      gap: 16px;
      margin-top: 8px;
    }
    button {
      font: inherit;
      font-size: 30px;
      padding: 16px 34px;
      border-radius: 16px;
      border: 0;
      cursor: pointer;
    }
    /* A tall portrait kiosk: the ticket fills the screen's height, its number and QR code larger. */
    @media (orientation: portrait) and (min-height: 1400px) {
      :host {
        flex: 1;
        justify-content: center;
        gap: 22px;
      }
      .service {
        font-size: 48px;
      }
      .label {
        font-size: 38px;
      }
      .number {
        font-size: 260px;
      }
      .ahead {
        font-size: 60px;
      }
      .wait {
        font-size: 40px;
      }
      .qr {
        width: 360px;
        height: 360px;
      }
      .print {
        font-size: 34px;
      }
      button {
        font-size: 44px;
        padding: 28px 64px;
      }
    }
    .done {
      background: var(--kiosk-accent, #0b5cad);
      color: #fff;
    }
    .reprint {
      background: #ffb300;
    }
    .countdown {
      font-size: 20px;
      color: var(--kiosk-muted, #4a5b70);
    }
  `;

  override render() {
    const { ticket, print } = this.answer;
    const failed = print !== null && !print.printed;
    // 预计等候约12分钟（8–18）, 当前暂无窗口办理, or nothing when the hall is closed.
    const wait = waitLine(ticket.estimatedWait, kioskLang());
    return html`
      <div class="service">${ticket.serviceName}</div>
      ${
        ticket.appointment
          ? html`<div class="wait">
              ${t('appointment', {
                from: hhmm(ticket.appointment.slotStart, this.timezone),
                to: hhmm(ticket.appointment.slotEnd, this.timezone),
              })}
            </div>`
          : null
      }
      <div class="label">${t('yourNumber')}</div>
      <div class="number" data-number>${ticket.number}</div>
      ${
        ticket.priorityKind
          ? html`<div class="priority" data-priority-kind=${ticket.priorityKind}>
              ${t('priorityGiven', { kind: t(`p_${ticket.priorityKind}` as Key) })}
            </div>`
          : null
      }
      <div class="ahead">${t('ahead', { n: ticket.waitingAhead })}</div>
      ${wait ? html`<div class="wait" data-wait>${wait}</div>` : null}
      <div class="qr" data-status-url=${ticket.statusUrl}>${unsafeSVG(qrSvg(ticket.statusUrl))}</div>
      <div class="wait">${t('scan')}</div>
      ${
        print
          ? html`<div class="print ${failed ? 'failed' : 'ok'}" data-print=${print.state}>
              ${failed ? t('notPrinted', { reason: t(`printer_${print.state}` as Key) }) : t('printed')}
            </div>`
          : null
      }
      <div class="actions">
        ${
          failed
            ? html`<button class="reprint" ?disabled=${this.reprinting} @click=${() => this.fire('reprint')}>
                ${t('reprint')}
              </button>`
            : null
        }
        <button class="done" @click=${() => this.fire('done')}>${t('done')}</button>
      </div>
      <div class="countdown">${t('returning', { s: this.secondsLeft })}</div>
    `;
  }

  private fire(type: 'done' | 'reprint'): void {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true }));
  }
}

customElements.define('kiosk-issued', KioskIssued);
declare global {
  interface HTMLElementTagNameMap {
    'kiosk-issued': KioskIssued;
  }
}
