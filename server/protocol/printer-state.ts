// A ticket printer's state as kiosks and supervisors see it (shared with the browser apps, so no Node APIs).

export const PRINTER_STATES = ['ok', 'paper_near_end', 'paper_out', 'cover_open', 'error', 'offline'] as const;
/** `offline` = no answer (power, cable, network). */
export type PrinterState = (typeof PRINTER_STATES)[number];

/** States in which a ticket still prints. */
export const PRINTABLE: ReadonlySet<PrinterState> = new Set(['ok', 'paper_near_end']);

export const PRINTER_STATE_TEXT: Record<PrinterState, { zh: string; en: string }> = {
  ok: { zh: '正常', en: 'OK' },
  paper_near_end: { zh: '纸将用尽', en: 'Paper low' },
  paper_out: { zh: '打印机缺纸', en: 'Out of paper' },
  cover_open: { zh: '打印机盖未关', en: 'Cover open' },
  error: { zh: '打印机故障', en: 'Printer error' },
  offline: { zh: '打印机离线', en: 'Printer offline' },
};
