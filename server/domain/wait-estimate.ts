// The minimal wait figure until the full prediction (issue 17): who is really ahead, and whether any open
// window serves the matter now. Pure: no I/O.

/** Windows serving a matter now (open, a clerk logged in, not paused): as their own matter, or at all. */
export interface Serving {
  primary: number;
  any: number;
}

export interface WaitEstimate {
  /** Minutes; only a promise when servedNow. */
  minutes: number;
  /** False when no open window takes the matter now: say 当前暂无窗口办理, never "0 minutes". */
  servedNow: boolean;
}

/**
 * The people ahead shared among the windows whose own matter it is (or, when none, the windows that help
 * with it). Nobody serving: no figure can be promised, and the visitor is told so instead.
 */
export function waitEstimate(ahead: number, avgServiceMin: number, serving: Serving): WaitEstimate {
  const windows = serving.primary || serving.any;
  if (windows === 0) return { minutes: Math.round((ahead + 1) * avgServiceMin), servedNow: false };
  return { minutes: Math.round((ahead * avgServiceMin) / windows), servedNow: true };
}
