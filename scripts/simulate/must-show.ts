// Issue 24's "must show" for one scenario, from the simulated policies of the same days (pure).
import { PAIRED_FIGURES, leadsOnAll, pairedAgainstOurs, type Paired, type PairedFigure } from './compare';
import type { DayFigures, PolicyResult } from './stats';

export const PEERS = ['dedicated', 'skill-fifo', 'static-weight'] as const;

export interface Gap {
  peer: string;
  figure: PairedFigure;
  /** Upper end of the 95% interval of ours − peer, as a share of the peer's figure (0.02 = 2% behind). */
  share: number;
}

export interface MustShow {
  paired: Record<string, Paired>;
  /** 1: better than dedicated on all four. */
  beatsDedicated: boolean;
  /** 2: the worst upper end over peers and figures (the goal: ≤ 0.02). */
  worstGap: Gap;
  /** 3: better than skill-fifo on mean, p90 and share beyond target, and than static-weight on the longest wait. */
  beatsPeersWhereDue: boolean;
  /** 4: in a hall with a bottleneck matter, better than every peer on all four (null: no bottleneck). */
  beatsAllPeers: boolean | null;
  /** Ours' mean ÷ pooled's, and ÷ the skill-respecting bound. */
  pooledRatio: number;
  boundRatio: number;
  /** Priority visitors' mean wait: ours ≤ static-weight's + 0.1 min. */
  priority: { ours: number; staticWeight: number; skillFifo: number; ok: boolean };
  /** 6 (at 0.8× and 1.2× load): no peer better on all four, ours better than each peer on two or more. */
  holdsAtLoad: boolean;
}

const dayMean = (days: readonly DayFigures[], f: PairedFigure) => days.reduce((a, d) => a + d[f], 0) / days.length;

export function mustShow(
  policies: Readonly<Record<string, PolicyResult>>,
  hasBottleneck: boolean,
  boundMean: number,
): MustShow {
  const paired = pairedAgainstOurs(policies);
  const ours = policies.ours!;
  let worstGap: Gap = { peer: '', figure: 'mean', share: -Infinity };
  for (const peer of PEERS)
    for (const f of PAIRED_FIGURES) {
      const p = paired[peer]![f];
      const base = dayMean(policies[peer]!.daily, f);
      const share = base > 0 ? (p.diff + p.ci95) / base : p.diff + p.ci95 > 0 ? Infinity : 0;
      if (share > worstGap.share) worstGap = { peer, figure: f, share };
    }
  const v = (peer: string, f: PairedFigure) => paired[peer]![f].verdict;
  const sw = policies['static-weight']!.priority.mean;
  return {
    paired,
    beatsDedicated: leadsOnAll(paired.dedicated!),
    worstGap,
    beatsPeersWhereDue:
      v('skill-fifo', 'mean') === 'better' &&
      v('skill-fifo', 'p90') === 'better' &&
      v('skill-fifo', 'beyondTarget') === 'better' &&
      v('static-weight', 'max') === 'better',
    beatsAllPeers: hasBottleneck ? PEERS.every((p) => leadsOnAll(paired[p]!)) : null,
    pooledRatio: ours.mean / policies.pooled!.mean,
    boundRatio: ours.mean / boundMean,
    priority: {
      ours: ours.priority.mean,
      staticWeight: sw,
      skillFifo: policies['skill-fifo']!.priority.mean,
      ok: ours.priority.mean <= sw + 0.1 + 1e-9,
    },
    holdsAtLoad: PEERS.every((peer) => {
      const verdicts = PAIRED_FIGURES.map((f) => v(peer, f));
      return !verdicts.every((x) => x === 'worse') && verdicts.filter((x) => x === 'better').length >= 2;
    }),
  };
}
