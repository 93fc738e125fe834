// The evaluation clock: a prompt nobody answered in time becomes 未评价 (never a default rating), and an
// overdue negative-review follow-up raises its alert. Runs every second; a failure is logged, not thrown.
import { sweepEvaluations } from './evaluations';
import type { HallCore } from './hall-core';

export class EvaluationSweep {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly core: HallCore,
    private readonly log: (msg: string, e?: unknown) => void,
    private readonly everyMs = 1000,
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
      sweepEvaluations(this.core);
    } catch (e) {
      this.log('evaluation sweep failed', e);
    }
  }
}
