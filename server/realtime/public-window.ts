// A window as public screens see it (boards, window screens): no more than the hall may show a visitor.
import type { PublicWindowView } from '../protocol/socket';
import { toPublic, type WindowView } from '../protocol/views';

export function publicWindow(w: WindowView): PublicWindowView {
  return {
    no: w.no,
    name: w.name,
    zone: w.zone,
    state: w.state,
    pauseReason: w.pauseReason,
    clerk: w.clerk,
    ticket: w.ticket ? toPublic(w.ticket) : null,
  };
}
