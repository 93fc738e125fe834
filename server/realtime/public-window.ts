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

/**
 * A zone's board lists only the queues a window of its zone takes (skills as they are now); a board for the
 * whole hall (no zone) lists every queue.
 */
export function zoneServices<S extends { id: string }>(
  services: S[],
  windows: Pick<WindowView, 'zone' | 'skills'>[],
  zone: string | null,
): S[] {
  if (zone === null) return services;
  const taken = new Set(windows.filter((w) => w.zone === zone).flatMap((w) => Object.keys(w.skills)));
  return services.filter((s) => taken.has(s.id));
}
