// The words for a ticket's status and a window's state, zh-CN first with English, in one place: the LED
// lines, the board, the window screen, the console and the dashboard all read them, so a word means one
// thing everywhere (关闭 only ever means "closed by the supervisor"). Pure; the browser apps import it too.
import type { TicketStatus, WindowState } from './types';

export interface Bilingual {
  zh: string;
  en: string;
}

/**
 * What staff need to tell apart: the wire's `closed` state covers both a window nobody is signed in at and
 * one the supervisor closed (`open: false`); a clerk or a supervisor acts differently on each.
 */
export type WindowLook = 'signedOut' | 'closed' | 'paused' | 'idle' | 'calling' | 'serving';

export function windowLook(w: { state: WindowState; open?: boolean }): WindowLook {
  if (w.state !== 'closed') return w.state;
  return w.open === false ? 'closed' : 'signedOut';
}

/** Staff screens (console, dashboard): three distinct "not serving" states. */
export const WINDOW_LOOK_LABEL: Record<WindowLook, Bilingual> = {
  signedOut: { zh: '未登录', en: 'Not signed in' },
  closed: { zh: '已关闭', en: 'Closed' },
  paused: { zh: '暂停服务', en: 'Paused' },
  idle: { zh: '空闲', en: 'Open' },
  calling: { zh: '呼叫中', en: 'Calling' },
  serving: { zh: '办理中', en: 'Serving' },
};

/** Public screens (board, window screen): a visitor only needs to know the window does not serve now. */
export const PUBLIC_WINDOW_LABEL: Record<WindowState, Bilingual> = {
  idle: WINDOW_LOOK_LABEL.idle,
  calling: WINDOW_LOOK_LABEL.calling,
  serving: WINDOW_LOOK_LABEL.serving,
  paused: WINDOW_LOOK_LABEL.paused,
  closed: { zh: '窗口关闭', en: 'Closed' },
};

/** The LED strip's second line when no number is shown (Chinese only: the strips have no language switch). */
export const LED_IDLE_LINE: Record<'idle' | 'paused' | 'closed', string> = {
  idle: '欢迎办理',
  paused: PUBLIC_WINDOW_LABEL.paused.zh,
  closed: PUBLIC_WINDOW_LABEL.closed.zh,
};

export const TICKET_STATUS_LABEL: Record<TicketStatus, Bilingual> = {
  waiting: { zh: '等候中', en: 'Waiting' },
  called: { zh: '已叫号', en: 'Called' },
  serving: { zh: '办理中', en: 'Serving' },
  held: { zh: '已挂起', en: 'Held' },
  finished: { zh: '已办结', en: 'Finished' },
  no_show: { zh: '已过号', en: 'No-show' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
  expired: { zh: '已作废', en: 'Expired' },
};
