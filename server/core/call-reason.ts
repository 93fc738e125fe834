// Why a window's visitor was called (issue 24: routing a supervisor can check): the routing rule's terms as
// the call recorded them in the event log (server/core/window-commands.ts callNext), or that the clerk chose
// the number (特呼) or called a held visitor back (回呼). Read on demand, never on a command's path.
import { HallError } from '../domain/errors';
import type { CallReasonView } from '../protocol/views';
import type { CoreState } from './state';

const CALL_TYPES = new Set(['ticket.called', 'ticket.called_back']);

/** The call of the visitor at window `no` now, or null when nobody is called or served there. */
export function callReason(s: CoreState, no: number): CallReasonView | null {
  const row = s.windows.get(no);
  if (!row || !s.model.windows.has(no)) throw new HallError('UNKNOWN_WINDOW', `没有 ${no} 号窗口`);
  const cur = s.currentTicket(row);
  if (!cur || (cur.status !== 'called' && cur.status !== 'serving')) return null;
  const call = s.log
    .forTicket(cur.id)
    .filter((e) => CALL_TYPES.has(e.type) && e.windowNo === no)
    .at(-1);
  if (!call) return null;
  const terms: Record<string, number | boolean> = {};
  for (const [k, v] of Object.entries(call.data)) if (typeof v === 'number' || typeof v === 'boolean') terms[k] = v;
  const how = call.type === 'ticket.called_back' ? 'callBack' : call.data.special === true ? 'special' : 'routing';
  const service = s.model.services.get(cur.serviceId);
  return {
    windowNo: no,
    number: cur.number,
    serviceName: s.model.serviceName(cur.serviceId),
    targetWaitMin: service?.targetWaitMin ?? 0,
    priority: cur.priority !== null,
    calledAt: new Date(call.at).toISOString(),
    waitedMin: Math.max(0, Math.round((call.at - cur.waitFrom) / 60_000)),
    how,
    terms: how === 'routing' ? terms : {},
  };
}
