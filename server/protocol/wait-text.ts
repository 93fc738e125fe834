// The one wording of the predicted wait on every surface (kiosk, printed ticket, mobile page, console,
// dashboard): 约12分钟（8–18）, 当前暂无窗口办理 when no open window takes the matter, nothing at all when
// the hall is closed. Server, printer encoder and browser apps all import it.
import type { EstimatedWait } from './views';

export type WaitLang = 'zh' | 'en';

/**
 * How far the prediction looks ahead (domain/prediction.ts DEFAULT_PREDICT.horizonMin; a unit test keeps them
 * equal): a figure at it means "not within it", never "about 240 minutes".
 */
export const PREDICTION_HORIZON_MIN = 240;

/** The figure as a visitor reads it, or null when there is none to show (the hall is closed). */
export function waitText(w: EstimatedWait | null | undefined, lang: WaitLang = 'zh'): string | null {
  if (!w) return null;
  if (!w.servedNow) return lang === 'zh' ? '当前暂无窗口办理' : 'No window is serving this now';
  if (soon(w)) return lang === 'zh' ? '即将叫号' : 'Called very soon';
  const hours = PREDICTION_HORIZON_MIN / 60;
  const late = w.afterClose ? (lang === 'zh' ? '，可能超过今日办理时间' : ', possibly after closing time') : '';
  if (w.minutes >= PREDICTION_HORIZON_MIN) return (lang === 'zh' ? `超过${hours}小时` : `over ${hours} hours`) + late;
  // The range's top at the horizon: "or longer", not a number the futures never went past.
  const high = w.high >= PREDICTION_HORIZON_MIN ? (lang === 'zh' ? `${hours}小时以上` : `${hours} h+`) : w.high;
  const range = w.high > w.low ? (lang === 'zh' ? `（${w.low}–${high}）` : ` (${w.low}–${high})`) : '';
  return (lang === 'zh' ? `约${w.minutes}分钟${range}` : `about ${w.minutes} min${range}`) + late;
}

/** Called within about a minute whatever happens: no minutes to speak of. */
const soon = (w: EstimatedWait) => w.minutes === 0 && w.high <= 1;

/** The figure with its label, as on a ticket: 预计等候约12分钟（8–18）; null when there is none. */
export function waitLine(w: EstimatedWait | null | undefined, lang: WaitLang = 'zh'): string | null {
  const text = waitText(w, lang);
  if (!text || !w?.servedNow || soon(w)) return text;
  return lang === 'zh' ? `预计等候${text}` : `Estimated wait: ${text}`;
}

/**
 * Whether a new prediction differs enough from the one the visitor last saw to say so: the median moved by
 * more than 5 minutes and by more than a quarter, or the matter stopped (or started) being served.
 */
export function changedALot(before: EstimatedWait | null, after: EstimatedWait | null): boolean {
  if (!before || !after) return false;
  if (before.servedNow !== after.servedNow) return true;
  const d = Math.abs(after.minutes - before.minutes);
  return d > 5 && d > 0.25 * Math.max(before.minutes, 1);
}
