// How right the hall's printed waits were (issue 25, in the hall itself, not only in the simulator): each
// ticket's figure as the kiosk showed and printed it (约12分钟（8–18）, 即将叫号) against the wait that happened.
// Pure: the rows in, the figures out.

export interface PromiseRow {
  /** The shown figure, whole minutes: median and 80% range. */
  minutes: number;
  low: number;
  high: number;
  /** Minutes from the issue to the call. */
  waitedMin: number;
}

export interface PromiseAccuracy {
  /** Tickets called that had a figure (not those told 当前暂无窗口办理, transferred, or never called). */
  n: number;
  /** Mean absolute error of the median, minutes. */
  mae: number | null;
  /** Mean of (actual − promised): above 0, the hall promised too little. */
  bias: number | null;
  /** Share of waits inside the shown range, as a visitor reads whole minutes (±0.5). */
  withinRange: number | null;
  /** Tickets told 即将叫号, and the share of them called within 1.5 minutes. */
  soon: { n: number; kept: number | null };
}

/** The surfaces' 即将叫号 (server/protocol/wait-text.ts): called within about a minute whatever happens. */
const isSoon = (r: PromiseRow) => r.minutes === 0 && r.high <= 1;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

export function promiseAccuracy(rows: readonly PromiseRow[]): PromiseAccuracy {
  if (!rows.length) return { n: 0, mae: null, bias: null, withinRange: null, soon: { n: 0, kept: null } };
  let abs = 0;
  let signed = 0;
  let inside = 0;
  let soon = 0;
  let kept = 0;
  for (const r of rows) {
    abs += Math.abs(r.waitedMin - r.minutes);
    signed += r.waitedMin - r.minutes;
    if (r.waitedMin >= r.low - 0.5 && r.waitedMin <= r.high + 0.5) inside++;
    if (isSoon(r)) {
      soon++;
      if (r.waitedMin < 1.5) kept++;
    }
  }
  return {
    n: rows.length,
    mae: round(abs / rows.length),
    bias: round(signed / rows.length),
    withinRange: round(inside / rows.length, 4),
    soon: { n: soon, kept: soon ? round(kept / soon, 4) : null },
  };
}
