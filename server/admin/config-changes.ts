// What a saved change does: which parts the running hall takes at once and which wait for a restart.
import type { HallConfig } from '../config/schema';

/**
 * Parts only a restart takes: the listening ports and addresses, TLS, the broker, the nightly backup's
 * timer. (Voice, the upstream sender and the printers take theirs through their adapter's restart.)
 */
const RESTART_ONLY = ['server', 'mqtt', 'backup', 'hall.timezone'] as const;

const pick = (c: HallConfig, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], c);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface ChangeSummary {
  /** Top-level sections (and a few named parts) that changed and run now. */
  applied: string[];
  /** Parts saved but taken only at the next restart. */
  needsRestart: string[];
}

export function summarise(before: HallConfig, after: HallConfig, liveRestart: ReadonlySet<string>): ChangeSummary {
  const needsRestart: string[] = [];
  for (const p of RESTART_ONLY) {
    if (p === 'server' || p === 'mqtt' || p === 'backup') {
      const a = (pick(before, p) ?? {}) as Record<string, unknown>;
      const b = (pick(after, p) ?? {}) as Record<string, unknown>;
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
        if (!same(a[k], b[k])) needsRestart.push(`${p}.${k}`);
    } else if (!same(pick(before, p), pick(after, p))) needsRestart.push(p);
  }
  // Adapters that read their settings once: live when the adapter can restart, else at the next start.
  for (const p of ['voice', 'upstream', 'printers'] as const) {
    const a = p === 'printers' ? printers(before) : pick(before, p);
    const b = p === 'printers' ? printers(after) : pick(after, p);
    if (!same(a, b) && !liveRestart.has(p)) needsRestart.push(p);
  }
  const applied = (Object.keys(after) as (keyof HallConfig)[]).filter(
    (k) => !['server', 'mqtt', 'backup'].includes(k) && !needsRestart.includes(k) && !same(before[k], after[k]),
  );
  return { applied, needsRestart };
}

const printers = (c: HallConfig) => c.devices.filter((d) => d.kind === 'printer');
