// Replay a recorded day from the hall's own SQLite file ("how many windows should we open tomorrow?"): the
// day's real visitors (arrival, service, priority, no-show, time at the window) become a simulated day that
// any window plan and policy can serve. The scenario comes from the hall's config (services, targets,
// windows, opening hours); the recorded waits are reported beside the simulated ones.
import Database from 'better-sqlite3';
import { minuteOfDay } from '../../server/domain/numbering';
import type { HallConfig } from '../../server/config/schema';
import type { Scenario, WindowGroup } from './scenario';
import { summarise, type PolicyResult } from './stats';
import type { Visitor } from './visitors';

interface Row {
  service_id: string;
  status: string;
  is_priority: number;
  wait_from: number;
  called_at: number | null;
  serving_at: number | null;
  finished_at: number | null;
}

export interface RecordedDay {
  scenario: Scenario;
  visitors: Visitor[];
  /** Waits (minutes) the recorded visitors really had, for those called. */
  recordedWaits: { service: string; wait: number; priority: boolean }[];
  /** The hall's own routing parameters: "ours" replays the day under the rule the hall runs. */
  routing: HallConfig['routing'];
}

const minutes = (ms: number, tz: string) => minuteOfDay(ms, tz) + (ms % 60_000) / 60_000;

/** The hall's windows as scenario groups: one group per distinct kind and skill set. */
export function windowGroupsOf(config: HallConfig): WindowGroup[] {
  const groups = new Map<string, WindowGroup>();
  for (const w of config.windows) {
    const key = `${w.kind}|${JSON.stringify(Object.entries(w.skills).sort())}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { count: 1, kind: w.kind, skills: { ...w.skills } });
  }
  return [...groups.values()];
}

export function recordedDay(dbFile: string, config: HallConfig, day: string): RecordedDay {
  let db: Database.Database;
  try {
    db = new Database(dbFile, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new Error(`${dbFile}: ${(e as Error).message} (the hall's database is data/hall.sqlite)`);
  }
  let rows: Row[];
  try {
    rows = db
      .prepare<[string], Row>(
        `SELECT service_id, status, is_priority, wait_from, called_at, serving_at, finished_at
         FROM tickets WHERE day = ? AND status != 'cancelled' ORDER BY wait_from, seq`,
      )
      .all(day);
  } finally {
    db.close();
  }
  if (!rows.length) throw new Error(`${dbFile}: no tickets on ${day}`);
  const tz = config.hall.timezone;
  const services = new Map(config.services.map((s) => [s.id, s]));
  const visitors: Visitor[] = [];
  const recordedWaits: RecordedDay['recordedWaits'] = [];
  for (const r of rows) {
    const svc = services.get(r.service_id);
    if (!svc) continue; // a service since removed from the config
    const start = r.serving_at ?? r.called_at;
    // Tickets that expired or were never finished take the service's usual time under the new plan.
    const serviceMin =
      r.status === 'finished' && start !== null && r.finished_at !== null
        ? Math.max(0.1, (r.finished_at - start) / 60_000)
        : svc.avgServiceMin;
    visitors.push({
      id: visitors.length,
      arrival: minutes(r.wait_from, tz),
      service: r.service_id,
      priority: r.is_priority === 1,
      serviceMin,
      noShow: r.status === 'no_show',
    });
    if (r.called_at !== null && r.status !== 'no_show')
      recordedWaits.push({
        service: r.service_id,
        wait: Math.max(0, (r.called_at - r.wait_from) / 60_000),
        priority: r.is_priority === 1,
      });
  }
  const counts = new Map<string, number>();
  const priorities = new Map<string, number>();
  for (const v of visitors) {
    counts.set(v.service, (counts.get(v.service) ?? 0) + 1);
    if (v.priority) priorities.set(v.service, (priorities.get(v.service) ?? 0) + 1);
  }
  const scenario: Scenario = {
    name: `${config.hall.name} ${day} (recorded)`,
    description: `replay of ${visitors.length} recorded visitors`,
    day: { open: config.hall.open, close: config.hall.close },
    // The day's own arrivals by half hour and its priority shares: what the hall's same-weekday history would
    // tell the predictor (--eta) of a day like this one. A flat day from open to close told it of visitors
    // still to come long after the last one came, and of no priority visitors at all.
    arrivals: { total: visitors.length, profile: halfHourProfile(visitors, config.hall.open, config.hall.close) },
    noShowRate: 0,
    noShowCostMin: 1,
    services: config.services.map((s) => ({
      id: s.id,
      name: s.name,
      prefix: s.prefix,
      share: (counts.get(s.id) ?? 0) / visitors.length,
      targetWaitMin: s.targetWaitMin,
      priorityShare: (priorities.get(s.id) ?? 0) / Math.max(1, counts.get(s.id) ?? 0),
      serviceMin: { dist: 'const' as const, mean: s.avgServiceMin },
    })),
    windows: windowGroupsOf(config),
  };
  return { scenario, visitors, recordedWaits, routing: config.routing };
}

const hhmm = (min: number) => `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;

/** Arrivals per half hour from open to close (weights: the visitors who came in each). */
export function halfHourProfile(visitors: readonly Visitor[], open: string, close: string) {
  const [from, to] = [open, close].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))) as [number, number];
  const out: { from: string; to: string; weight: number }[] = [];
  for (let m = from; m < to; m += 30) {
    const end = Math.min(to, m + 30);
    const weight = visitors.filter((v) => v.arrival >= m && v.arrival < end).length;
    out.push({ from: hhmm(m), to: hhmm(end), weight });
  }
  return out;
}

/** The figures of what really happened that day, in the same shape as a simulated policy's. */
export function recordedFigures(s: Scenario, day: RecordedDay): PolicyResult {
  const served = day.recordedWaits.map((w) => ({ ...w, arrival: 0, windowNo: 0 }));
  return summarise(s, [{ served, noShows: 0, utilisation: [], end: 0 }]);
}
