// One line per figure of a driven day, for the terminal and the load report.
import type { DemoStats } from './driver';

export function percentileOf(xs: readonly number[], p: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

export function summary(r: DemoStats): string {
  const errors = Object.entries(r.errors)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ');
  return [
    `issued ${r.issued}, called ${r.called}, finished ${r.finished}, no-shows ${r.noShows}, rated ${r.rated}`,
    `HTTP: ${r.latencies.length} requests, p50 ${percentileOf(r.latencies, 0.5).toFixed(1)} ms, p99 ${percentileOf(r.latencies, 0.99).toFixed(1)} ms`,
    `errors: ${errors || 'none'}`,
  ].join('\n');
}
