// 潮汐 suggestions (issue 25): which window should take a pressed matter as its own for an hour. Pure, and
// shared by the server's alerts and the simulator (`--tidal`), which measures what the moves gain.
//
// The rule a supervisor can check by hand:
// - a matter is pressed when its oldest ticket has waited at least `trigger` × its target and at least two
//   tickets wait;
// - a window may take it only if its clerk is trained for it (`canTake`), it is staffed, not already on a
//   潮汐 move, and does not have the matter as its own (level 1) already;
// - among those, the window whose own matters are least pressed, and only if they are pressed less than
//   half as much as the matter it would help;
// - the move makes the matter the window's own (level 1) for `hourMin` minutes, keeping its other skills.

export interface TidalQueue {
  serviceId: string;
  waiting: number;
  /** Minutes the oldest waiting ticket has waited. */
  oldestWaitMin: number;
  targetWaitMin: number;
}

export interface TidalWindow {
  no: number;
  skills: Readonly<Record<string, number>>;
  /** The matters its clerk is trained for; a move never gives a window anything else. */
  canTake: readonly string[];
  staffed: boolean;
  /** On a 潮汐 move now. */
  moved: boolean;
}

export interface TidalRules {
  /** Moves still allowed today. */
  movesLeft: number;
  /** How long a move lasts. */
  hourMin: number;
  /** Pressure (oldest wait ÷ target) from which a matter is helped. */
  trigger: number;
}

export const DEFAULT_TIDAL: Omit<TidalRules, 'movesLeft'> = { hourMin: 60, trigger: 0.8 };

export interface TidalMove {
  windowNo: number;
  serviceId: string;
  /** The window's skills during the move. */
  skills: Record<string, number>;
  minutes: number;
}

const pressure = (q: TidalQueue) => q.oldestWaitMin / q.targetWaitMin;

/**
 * The move for the most pressed matter (or only for `only`: the matter a supervisor's alert is about), or
 * null when no matter is pressed or no trained window is free enough to help.
 */
export function suggestTidalMove(
  queues: readonly TidalQueue[],
  windows: readonly TidalWindow[],
  rules: TidalRules,
  only?: string,
): TidalMove | null {
  if (rules.movesLeft <= 0) return null;
  const byId = new Map(queues.map((q) => [q.serviceId, q]));
  const pressed = queues
    .filter((q) => (only === undefined || q.serviceId === only) && q.waiting >= 2 && pressure(q) >= rules.trigger)
    .sort((a, b) => pressure(b) - pressure(a));
  const ownPressure = (w: TidalWindow) =>
    Math.max(
      0,
      ...Object.entries(w.skills)
        .filter(([, level]) => level === 1)
        .map(([id]) => {
          const q = byId.get(id);
          return q && q.waiting > 0 ? pressure(q) : 0;
        }),
    );
  for (const q of pressed) {
    const helper = windows
      .filter((w) => w.staffed && !w.moved && w.skills[q.serviceId] !== 1 && w.canTake.includes(q.serviceId))
      .map((w) => ({ w, own: ownPressure(w) }))
      .filter((x) => x.own < pressure(q) / 2)
      .sort((a, b) => a.own - b.own || a.w.no - b.w.no)[0];
    if (helper)
      return {
        windowNo: helper.w.no,
        serviceId: q.serviceId,
        skills: { ...helper.w.skills, [q.serviceId]: 1 },
        minutes: rules.hourMin,
      };
  }
  return null;
}
