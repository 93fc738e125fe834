// The hall's wall clock: screens show the hall's time zone (hall.timezone), whatever zone the TV box
// or tablet's own clock is set to.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
export interface HallTime {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
  hh: string;
  mm: string;
  ss: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function hallTime(at: Date, timeZone = 'Asia/Shanghai'): HallTime {
  let f = formats.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      return hallTime(at, 'Asia/Shanghai');
    }
    formats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    weekday: WEEKDAYS.indexOf(p.weekday ?? 'Sun'),
    hh: (p.hour ?? '00').padStart(2, '0'),
    mm: (p.minute ?? '00').padStart(2, '0'),
    ss: (p.second ?? '00').padStart(2, '0'),
  };
}

/** HH:MM of an ISO time in the hall's zone (call times in lists). */
export function hallHm(iso: string, timeZone?: string): string {
  const t = hallTime(new Date(iso), timeZone);
  return `${t.hh}:${t.mm}`;
}

/**
 * The hall server's clock minus this device's (ms), from the last state that carried the server's time: a TV
 * box on a LAN without time service often runs minutes or days off, and the board shows its clock to the hall.
 */
let serverOffsetMs = 0;

export function syncServerClock(iso: string | undefined): void {
  const t = iso ? Date.parse(iso) : NaN;
  if (Number.isFinite(t)) serverOffsetMs = t - Date.now();
}

/** Now by the hall server's clock, as far as this device has heard it (its own clock until then). */
export const serverNow = (): number => Date.now() + serverOffsetMs;

/** A screen's ticking clock (by the server's, once heard): `now` moves every second while the screen is on. */
export class ClockController implements ReactiveController {
  now = new Date(serverNow());
  private timer?: ReturnType<typeof setInterval>;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.timer = setInterval(() => {
      this.now = new Date(serverNow());
      this.host.requestUpdate();
    }, 1000);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
  }
}
