// The hall-day scenario format of ../shared/scenarios (README there), validated with zod.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { WINDOW_KINDS } from '../../server/domain/types';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected "HH:MM"');

const serviceMin = z.strictObject({
  dist: z.enum(['exp', 'lognormal', 'const']),
  mean: z.number().positive(),
  cv: z.number().min(0).max(5).optional(),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(''),
  day: z.strictObject({ open: hhmm, close: hhmm }),
  arrivals: z.strictObject({
    total: z.number().positive(),
    profile: z.array(z.strictObject({ from: hhmm, to: hhmm, weight: z.number().min(0) })).min(1),
  }),
  noShowRate: z.number().min(0).max(1).default(0),
  noShowCostMin: z.number().min(0).default(0),
  services: z
    .array(
      z.strictObject({
        id: z.string().min(1),
        name: z.string().default(''),
        prefix: z.string().default(''),
        share: z.number().min(0),
        targetWaitMin: z.number().positive(),
        priorityShare: z.number().min(0).max(1).default(0),
        serviceMin,
      }),
    )
    .min(1),
  windows: z
    .array(
      z.strictObject({
        count: z.number().int().min(0),
        kind: z.enum(WINDOW_KINDS),
        skills: z.record(z.string(), z.number().int().min(1).max(9)),
        /** Matters its clerks are trained for (潮汐 moves, `--tidal`); default: the matters in `skills`. */
        canTake: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type WindowGroup = Scenario['windows'][number];

export function parseScenario(json: unknown, where = 'scenario'): Scenario {
  const r = scenarioSchema.safeParse(json);
  if (!r.success) {
    const msg = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`${where}: ${msg}`);
  }
  const s = r.data;
  const ids = new Set(s.services.map((x) => x.id));
  s.windows.forEach((w, i) => {
    for (const id of Object.keys(w.skills))
      if (!ids.has(id)) throw new Error(`${where}: windows.${i}.skills: unknown service "${id}"`);
  });
  return s;
}

/** Another window plan for a scenario (`--plan`): groups checked like the scenario's own `windows`. */
export function parsePlan(s: Scenario, json: unknown, where: string): WindowGroup[] {
  return parseScenario({ ...s, windows: json }, where).windows;
}

/** The family and its tuning set (scenarios/README.md), in its order: parameters are chosen on `tune`. */
export function scenarioFamily(): { name: string; role: 'tune' | 'check' }[] {
  const readme = readFileSync('scenarios/README.md', 'utf8');
  return [...readme.matchAll(/^\| `([a-z0-9-]+)`\s*\| (tune|check) /gm)].map((m) => ({
    name: m[1]!,
    role: m[2] as 'tune' | 'check',
  }));
}

export function loadScenario(file: string): Scenario {
  return parseScenario(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** The same day with `factor` × the expected visitors: profile, mix and windows unchanged. */
export function scaleLoad(s: Scenario, factor: number): Scenario {
  return factor === 1 ? s : { ...s, arrivals: { ...s.arrivals, total: s.arrivals.total * factor } };
}

export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};
