// The hall day: at closing time tickets still waiting expire (when the hall closes automatically), and
// the first tick of a new day rolls the core over even if nobody has pressed anything yet.
import { minuteOfDay, parseHhMm } from '../domain/numbering';
import type { HallCore } from './hall-core';

export class DayCycle {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly core: HallCore,
    private readonly log: (msg: string, e?: unknown) => void,
    private readonly everyMs = 30_000,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.tick(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  tick(): void {
    try {
      const { hall } = this.core.config;
      this.core.transact('system', () => null);
      const now = this.core.clock();
      if (
        hall.autoClose &&
        minuteOfDay(now, hall.timezone) >= parseHhMm(hall.close) &&
        !this.core.misc.isDayClosed(this.core.today())
      ) {
        const n = this.core.closeDay('system');
        this.log(`day closed at ${hall.close}: ${n} ticket(s) expired`);
      }
    } catch (e) {
      this.log('day cycle failed', e);
    }
  }
}
