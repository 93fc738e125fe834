// Is ours really ahead of a peer, or is the gap the luck of the days drawn? Every policy serves the same
// visitors in replication r, so the day-by-day differences (ours − peer) cancel most of that luck: their
// mean with a 95% confidence interval says whether ours is better, worse, or not told apart on those days.
import { ci95, round, type DayFigures, type PolicyResult } from './stats';

export const PAIRED_FIGURES = ['mean', 'p90', 'max', 'beyondTarget'] as const;
export type PairedFigure = (typeof PAIRED_FIGURES)[number];

export interface PairedDifference {
  /** Mean over the days of ours − peer (minutes; a share 0–1 for beyondTarget). Below 0: ours waits less. */
  diff: number;
  ci95: number;
  /** "better" when the whole interval is below 0, "worse" when it is above, else "tie". */
  verdict: 'better' | 'worse' | 'tie';
}

export type Paired = Record<PairedFigure, PairedDifference>;

/** Day-by-day difference of ours against one peer; null when they did not serve the same days. */
export function pairedDifference(ours: readonly DayFigures[], peer: readonly DayFigures[]): Paired | null {
  if (ours.length !== peer.length || ours.length < 2) return null;
  const out = {} as Paired;
  for (const f of PAIRED_FIGURES) {
    const d = ours.map((day, i) => day[f] - peer[i]![f]);
    const diff = d.reduce((a, b) => a + b, 0) / d.length;
    const half = ci95(d);
    const digits = f === 'beyondTarget' ? 4 : 2;
    out[f] = {
      diff: round(diff, digits),
      ci95: round(half, digits),
      verdict: diff + half < 0 ? 'better' : diff - half > 0 ? 'worse' : 'tie',
    };
  }
  return out;
}

/** Ours against every other simulated policy (a recorded day is one day: nothing to pair). */
export function pairedAgainstOurs(policies: Readonly<Record<string, PolicyResult>>): Record<string, Paired> {
  const ours = policies.ours;
  if (!ours) return {};
  const out: Record<string, Paired> = {};
  for (const [name, r] of Object.entries(policies)) {
    if (name === 'ours' || name === 'recorded') continue;
    const p = pairedDifference(ours.daily, r.daily);
    if (p) out[name] = p;
  }
  return out;
}

/** Ours leads a peer on all four figures at once only when every verdict is "better". */
export const leadsOnAll = (p: Paired): boolean => PAIRED_FIGURES.every((f) => p[f].verdict === 'better');
