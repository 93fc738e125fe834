// `--tidal`: ours with the 潮汐 suggestions applied during the day (server/domain/tidal.ts, the same rule the
// supervisor would be offered), at most `moves` a day, each for an hour, a window taking only what its clerks
// are trained for (`canTake` per window group). The same visitors as every other policy's days, so the
// paired comparison against `ours` without moves says what the suggestions gain.
import { DEFAULT_TIDAL, suggestTidalMove, type TidalWindow } from '../../server/domain/tidal';
import { simulateDay, servicesOf, type DayView } from './engine';
import { policyByName } from './policies';
import type { Scenario, WindowGroup } from './scenario';
import { summarise, type PolicyResult, type RunOptions } from './stats';
import { visitorsOf } from './visitors';

/** Per window number, the matters its clerks are trained for. */
function trainedFor(plan: readonly WindowGroup[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  let no = 0;
  for (const g of plan) for (let i = 0; i < g.count; i++) out.set(++no, g.canTake ?? Object.keys(g.skills));
  return out;
}

/** A day's 潮汐 controller: asked at every issue; applies a move, and ends it after its hour. */
export function tidalController(s: Scenario, plan: readonly WindowGroup[], moves: number) {
  const services = servicesOf(s);
  const canTake = trainedFor(plan);
  const active = new Map<number, { until: number; skills: Record<string, number> }>();
  let left = moves;
  let made = 0;
  const onIssue = (d: DayView) => {
    for (const [no, m] of active)
      if (d.now >= m.until) {
        d.windows.find((w) => w.no === no)!.skills = m.skills;
        active.delete(no);
      }
    const waiting = d.waiting();
    const queues = [...services.values()].map((svc) => {
      const mine = waiting.filter((v) => v.service === svc.id);
      const oldest = mine.reduce((m, v) => Math.min(m, v.arrival), Infinity);
      return {
        serviceId: svc.id,
        waiting: mine.length,
        oldestWaitMin: mine.length ? d.now - oldest : 0,
        targetWaitMin: svc.targetWaitMin,
      };
    });
    const windows: TidalWindow[] = d.windows.map((w) => ({
      no: w.no,
      skills: w.skills,
      canTake: canTake.get(w.no) ?? [],
      staffed: true,
      moved: active.has(w.no),
    }));
    const move = suggestTidalMove(queues, windows, { ...DEFAULT_TIDAL, movesLeft: left });
    if (!move) return;
    const w = d.windows.find((x) => x.no === move.windowNo)!;
    active.set(w.no, { until: d.now + move.minutes, skills: w.skills });
    w.skills = move.skills;
    left--;
    made++;
  };
  return { onIssue, made: () => made };
}

/** Ours with the day's 潮汐 moves, over the same replicated days as runPolicy. */
export function runOursTidal(s: Scenario, moves: number, o: RunOptions): PolicyResult & { tidalMoves: number } {
  const policy = policyByName('ours', o.routing);
  const plan = o.plan ?? s.windows;
  const days = [];
  let made = 0;
  for (let r = 0; r < o.reps; r++) {
    const visitors = o.visitors?.(r) ?? visitorsOf(s, o.seed, r);
    const tidal = tidalController(s, plan, moves);
    const day = simulateDay(s, visitors, policy, plan, tidal.onIssue);
    if (day.served.length + day.noShows !== visitors.length)
      throw new Error(`--tidal: day ${r + 1} left visitors uncalled`);
    made += tidal.made();
    days.push(day);
  }
  return { ...summarise(s, days, o.warmupMin), tidalMoves: made / o.reps };
}
