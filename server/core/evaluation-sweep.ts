// The evaluation clock: a prompt nobody answered in time becomes 未评价 (never a default rating), and an
// overdue negative-review follow-up raises its alert. Runs every second.
import type { HallCore } from './hall-core';
import { Periodic } from './periodic';

export class EvaluationSweep extends Periodic {
  constructor(core: HallCore, log: (msg: string, e?: unknown) => void, everyMs = 1000) {
    super('evaluation sweep', everyMs, () => core.run('sweepEvaluations', {}, 'system'), log);
  }
}
