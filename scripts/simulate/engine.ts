// The discrete-event hall day: visitors arrive, wait in one FIFO queue per (service, priority), and each
// window that becomes free asks the policy which queue head to call. Arrivals stop at closing; windows
// finish the queue. Times are minutes since midnight.
import type { Candidate } from '../../server/domain/routing';
import type { HallWindow, Service } from '../../server/domain/types';
import { afterCall, afterVisit, callNextStep, type Visit, type WindowSeat } from '../../server/domain/window-machine';
import type { Policy } from './policies';
import { minutesOf, type Scenario, type WindowGroup } from './scenario';
import type { Visitor } from './visitors';

export interface Served {
  /** The visitor's id (visitors.ts). */
  id?: number;
  service: string;
  arrival: number;
  wait: number;
  priority: boolean;
  windowNo: number;
}

export interface DayResult {
  served: Served[];
  noShows: number;
  /** Per window: busy minutes ÷ minutes from opening to the window's last finish (or closing). */
  utilisation: { no: number; kind: string; busy: number; span: number }[];
  end: number;
  /** Visitors still waiting when no window would call them any more, by service (none on a sound plan). */
  left?: Record<string, number>;
}

export interface SimWindow extends HallWindow {
  busyUntil: number;
  idleSince: number;
  busy: number;
  /** The visitor called last: matter and when (minutes); at the window while busyUntil is ahead. */
  current?: { service: string; since: number };
  /** The window's live state, moved by the hall's own window rules (server/domain/window-machine.ts). */
  seat: WindowSeat;
  /** The visitor at the window: serving, or called and never coming (a no-show). */
  visit: Visit | null;
}

/** The day as it stands when a visitor takes a number (the wait prediction's accuracy, 潮汐 moves). */
export interface DayView {
  now: number;
  visitor: Visitor;
  /** Every visitor waiting, the newcomer included. */
  waiting: () => Visitor[];
  /** The windows; a 潮汐 move may set a window's `skills` (scripts/simulate/tidal.ts). */
  windows: readonly SimWindow[];
  /** Visits that ended by now: matter and minutes at the window. */
  ended: () => { service: string; minutes: number }[];
}

export function windowsOf(plan: readonly WindowGroup[]): HallWindow[] {
  const out: HallWindow[] = [];
  for (const g of plan)
    for (let i = 0; i < g.count; i++)
      out.push({ no: out.length + 1, name: `${out.length + 1}`, kind: g.kind, zone: 'A', skills: { ...g.skills } });
  return out;
}

export function servicesOf(s: Scenario): Map<string, Service> {
  return new Map(
    s.services.map((x) => [
      x.id,
      {
        id: x.id,
        name: x.name,
        prefix: x.prefix,
        targetWaitMin: x.targetWaitMin,
        dailyCap: 1e9,
        avgServiceMin: x.serviceMin.mean,
      },
    ]),
  );
}

const MS = 60_000;

export function simulateDay(
  s: Scenario,
  visitors: readonly Visitor[],
  policy: Policy,
  plan: readonly WindowGroup[] = s.windows,
  /** Told of every visitor taking a number, before any window calls them. */
  onIssue?: (view: DayView) => void,
): DayResult {
  const open = minutesOf(s.day.open);
  const close = minutesOf(s.day.close);
  const services = servicesOf(s);
  const windows: SimWindow[] = windowsOf(plan).map((w) => ({
    ...w,
    busyUntil: open,
    idleSince: open,
    busy: 0,
    // Every simulated window is open and staffed all day; nobody double-presses (guard 0).
    seat: {
      no: w.no,
      open: true,
      clerkId: `sim-${w.no}`,
      pausedReason: null,
      pausedAt: null,
      currentTicket: null,
      lastCallAt: null,
    },
    visit: null,
  }));
  // One FIFO per (service, priority); `head` indexes instead of shift() keep each pop O(1).
  const queues = new Map<string, { items: Visitor[]; head: number }>();
  const key = (v: Visitor) => `${v.service}|${v.priority ? 1 : 0}`;
  const byId = new Map<number, Visitor>();
  const served: Served[] = [];
  let noShows = 0;
  const visits: { service: string; minutes: number; end: number }[] = [];

  const heads = (): Candidate[] => {
    const out: Candidate[] = [];
    for (const q of queues.values()) {
      const v = q.items[q.head];
      if (v)
        out.push({
          ticketId: String(v.id),
          serviceId: v.service,
          waitFrom: v.arrival * MS,
          issuedAt: v.arrival * MS,
          seq: v.id,
          priority: v.priority,
          targetWindowNo: null,
        });
    }
    return out;
  };

  /** A free window calls (下一位); returns whether it took someone. */
  const call = (w: SimWindow, t: number): boolean => {
    // The hall's rule: 下一位 first ends the visit at the window (window-machine's callNextEnding).
    const step = callNextStep(w.seat, w.visit, t * MS, 0);
    if (step.kind === 'repeat') return true;
    w.seat = afterVisit(w.seat);
    w.visit = null;
    const c = policy({ heads: heads(), window: w, services, now: t * MS });
    if (!c) return false;
    const v = byId.get(Number(c.ticketId))!;
    const q = queues.get(key(v))!;
    if (q.items[q.head] !== v) throw new Error('policy picked a ticket that is not a queue head');
    q.head++;
    const dur = v.noShow ? s.noShowCostMin : v.serviceMin;
    if (v.noShow) noShows++;
    else
      served.push({
        id: v.id,
        service: v.service,
        arrival: v.arrival,
        wait: t - v.arrival,
        priority: v.priority,
        windowNo: w.no,
      });
    w.seat = afterCall(w.seat, c.ticketId, t * MS);
    w.visit = { id: c.ticketId, number: c.ticketId, status: v.noShow ? 'called' : 'serving', recallCount: 0 };
    w.busyUntil = t + dur;
    w.busy += dur;
    w.current = { service: v.service, since: t };
    visits.push({ service: v.service, minutes: dur, end: t + dur });
    return true;
  };

  let i = 0;
  const pending = [...visitors].sort((a, b) => a.arrival - b.arrival);
  let now = open;
  for (;;) {
    const nextArrival = i < pending.length ? Math.max(open, pending[i]!.arrival) : Infinity;
    let nextFree = Infinity;
    let freeing: SimWindow | null = null;
    for (const w of windows) {
      if (w.busyUntil > now && w.busyUntil < nextFree) {
        nextFree = w.busyUntil;
        freeing = w;
      }
    }
    if (nextArrival === Infinity && freeing === null) break;
    if (freeing && nextFree <= nextArrival) {
      now = nextFree;
      if (!call(freeing, now)) freeing.idleSince = now;
      continue;
    }
    now = nextArrival;
    const v = pending[i++]!;
    byId.set(v.id, v);
    const q = queues.get(key(v)) ?? { items: [], head: 0 };
    q.items.push(v);
    queues.set(key(v), q);
    onIssue?.({
      now,
      visitor: v,
      waiting: () => [...queues.values()].flatMap((x) => x.items.slice(x.head)),
      windows,
      ended: () => visits.filter((x) => x.end <= now),
    });
    // Idle windows, longest idle first, are offered the hall's queues.
    const idle = windows.filter((w) => w.busyUntil <= now).sort((a, b) => a.idleSince - b.idleSince || a.no - b.no);
    for (const w of idle) if (call(w, now) && q.items.length === q.head) break;
  }
  const end = Math.max(close, ...windows.map((w) => w.busyUntil));
  const left: Record<string, number> = {};
  for (const q of queues.values()) for (const v of q.items.slice(q.head)) left[v.service] = (left[v.service] ?? 0) + 1;
  return {
    left,
    served,
    noShows,
    utilisation: windows.map((w) => ({
      no: w.no,
      kind: w.kind,
      busy: w.busy,
      span: Math.max(close, w.busyUntil) - open,
    })),
    end,
  };
}
