// What a window screen (窗口屏, device kind `windowScreen`) shows: its window's name and number, the clerk
// on duty with 工号 and today's satisfaction, the ticket called or served, paused or closed with the reason.
import type { HallCore } from '../core/hall-core';
import type { WindowScreenState } from '../protocol/socket';
import type { CallView } from '../protocol/views';
import { publicWindow } from './public-window';

export function windowScreenState(core: HallCore, no: number, lastCall: CallView | null): WindowScreenState {
  const w = core.query.windowView(no);
  const c = w.clerk ? core.model.clerks.get(w.clerk.id) : undefined;
  const today = core.today();
  const figures = c ? core.query.evaluationFigures(today, today, 'clerk').find((x) => x.key === c.id) : undefined;
  return {
    hall: core.query.hallInfo(),
    window: publicWindow(w),
    clerk: c
      ? {
          id: c.id,
          name: c.name,
          photoUrl: c.photoUrl ?? null,
          satisfaction: figures?.satisfactionRate ?? null,
          rated: figures?.rated ?? 0,
        }
      : null,
    lastCall: lastCall && w.ticket && lastCall.ticket.number === w.ticket.number ? lastCall : null,
  };
}
