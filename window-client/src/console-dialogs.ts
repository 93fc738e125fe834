// The console's questions before a command: 已到/未到 on 下一位, the pause reason, the number for 特呼
// (one choice dialog), and the transfer's destination (its own dialog).
import { html, type TemplateResult } from 'lit';
import type { WindowConsoleState } from '../../server/protocol/socket';
import type { ChoiceResult } from './choice-dialog';
import { destinations, type DialogKind } from './console-actions';
import { t } from './i18n';
import './choice-dialog';
import './transfer-dialog';

/** The open dialog, and the ticket at the window when it was opened (the question names it). */
export type Dialog = { kind: DialogKind; number: string } | null;

/** What a choice dialog asks. */
function question(kind: Exclude<DialogKind, 'transfer'>, number: string, st: WindowConsoleState) {
  if (kind === 'next')
    return {
      heading: t('nextAsk', { number }),
      choices: [
        { value: 'finished', label: t('nextArrived') },
        { value: 'no_show', label: t('nextMissed') },
      ],
      textLabel: '',
    };
  if (kind === 'pause')
    return { heading: t('pauseReason'), choices: st.pauseReasons.map((r) => ({ value: r, label: r })), textLabel: '' };
  return { heading: t('a_call'), choices: [], textLabel: t('callNumber') };
}

export function renderDialog(
  dialog: Dialog,
  st: WindowConsoleState | null,
  done: (r: ChoiceResult) => void,
  cancel: () => void,
): TemplateResult | string {
  if (!dialog || !st) return '';
  const onDone = (e: CustomEvent<ChoiceResult>) => done(e.detail);
  if (dialog.kind === 'transfer') {
    const to = destinations(st);
    return html`<transfer-dialog
      .services=${to.services}
      .windows=${to.windows}
      @done=${onDone}
      @cancel=${cancel}
    ></transfer-dialog>`;
  }
  const q = question(dialog.kind, dialog.number, st);
  return html`<choice-dialog
    .heading=${q.heading}
    .choices=${q.choices}
    .textLabel=${q.textLabel}
    .preselect=${dialog.kind !== 'next'}
    @done=${onDone}
    @cancel=${cancel}
  ></choice-dialog>`;
}
