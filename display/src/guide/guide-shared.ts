// What the guide desk's parts share: the ticket as the desk sees it, the priority kinds, the wait in words
// and the looks.
import { css } from 'lit';
import type { TicketView } from '../../../server/protocol/views';
import { waitText as sharedWaitText } from '../../../server/protocol/wait-text';
import { currentLang } from '../shared/i18n';
import { t } from './guide-i18n';

export const PRIORITY_KINDS = ['elderly', 'disabled', 'military', 'pregnant', 'green'] as const;

/** A ticket with people ahead and the estimated wait (`GET /api/guide/tickets`). */
export type DeskTicket = TicketView & {
  waitingAhead: number;
  estimatedWaitMin: number;
  servedNow: boolean;
  windowName: string | null;
  /** The predicted range, where the server gives one. */
  estimatedWait?: { minutes: number; low: number; high: number; servedNow: boolean } | null;
};

export function waitText(w: {
  estimatedWaitMin: number;
  servedNow: boolean;
  estimatedWait?: { minutes: number; low: number; high: number } | null;
}): string {
  if (!w.servedNow) return t('nobodyServes');
  const r = w.estimatedWait;
  // The predicted wait in the words every other surface uses (约12分钟（8–18）, 即将叫号).
  if (r) return sharedWaitText({ ...r, servedNow: true }, currentLang()) ?? '';
  return t('minutes', { n: w.estimatedWaitMin });
}

export const guideStyles = css`
  .card {
    background: #fff;
    border-radius: 10px;
    padding: 14px 18px;
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.08);
  }
  h2 {
    font-size: 18px;
    margin: 0 0 10px;
  }
  input,
  select,
  button {
    font-size: 16px;
    padding: 6px 10px;
  }
  button {
    border-radius: 5px;
    border: 1px solid #b8c2cf;
    background: #f6f8fb;
    cursor: pointer;
  }
  .primary {
    background: var(--gd-primary, #1f5fae);
    color: #fff;
    border: 0;
  }
  .danger {
    background: #c62828;
    color: #fff;
    border: 0;
  }
  .tag {
    background: #fff3cd;
    color: #8a5a00;
    border-radius: 4px;
    padding: 2px 8px;
  }
  .ok {
    color: #2e7d32;
    min-height: 1.2em;
  }
  .error {
    color: #c62828;
    min-height: 1.2em;
  }
  hr {
    border: 0;
    border-top: 1px solid #e6e9ee;
  }
`;
