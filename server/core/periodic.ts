// A job the hall core runs on a timer (day cycle, evaluation sweep): start()/stop(), and a failing run is
// logged, never thrown, so one bad tick cannot stop the next.
export class Periodic {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly run: () => void,
    private readonly log: (msg: string, e?: unknown) => void,
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
      this.run();
    } catch (e) {
      this.log(`${this.name} failed`, e);
    }
  }
}
