// The full `state` each kind of screen gets on every (re)connect (DESIGN.md §6), built from the core's
// queries. Deltas follow from realtime.ts; a screen that misses one is whole again on its next connect.
import type { HallCore } from '../core/hall-core';
import { PRIORITIES } from '../domain/types';
import type {
  BoardState,
  KioskState,
  PadState,
  PrinterView,
  TicketPageState,
  WindowConsoleState,
} from '../protocol/socket';
import type { CallView } from '../protocol/views';
import { publicWindow, zoneServices } from './public-window';

/** A board of one zone (or of the whole hall: zone null): its windows, queues and recent calls. */
export function boardState(core: HallCore, zone: string | null, recent: readonly CallView[]): BoardState {
  const snap = core.query.snapshot();
  const windows = snap.windows.filter((w) => zone === null || w.zone === zone).map((w) => publicWindow(w));
  const nos = new Set(windows.map((w) => w.no));
  return {
    hall: snap.hall,
    zone,
    windows,
    services: zoneServices(snap.services, snap.windows, zone),
    recentCalls: recent.filter((c) => nos.has(c.windowNo)),
    notice: core.query.notice(zone),
    repeat: core.config.display.repeat,
    bigCallSec: core.config.display.bigCallSec,
    serverTime: new Date(core.clock()).toISOString(),
  };
}

/** A clerk's console: the window, every queue, its held tickets, where a ticket may be transferred. */
export function consoleState(core: HallCore, no: number): WindowConsoleState {
  const snap = core.query.snapshot();
  const window = snap.windows.find((w) => w.no === no)!;
  return {
    hall: snap.hall,
    window,
    services: snap.services,
    held: core.query.heldTickets(no),
    directory: {
      services: snap.services.map((s) => ({ id: s.id, name: s.name, prefix: s.prefix })),
      windows: snap.windows.map((w) => ({ no: w.no, name: w.name })),
    },
    pauseReasons: core.config.rules.pauseReasons,
  };
}

/** A window's rating pad: the window as the public sees it and the visit it may rate now. */
export function padState(core: HallCore, no: number): PadState {
  return {
    hall: core.query.hallInfo(),
    window: publicWindow(core.query.windowView(no)),
    prompt: core.query.padPrompt(no),
    reasons: core.config.evaluation.reasons,
  };
}

/** A kiosk: the services it issues, its printer (if it is a kiosk device) and the priorities a visitor may ask. */
export function kioskState(core: HallCore, printer: PrinterView | null): KioskState {
  return {
    hall: core.query.hallInfo(),
    services: core.query.serviceViews(),
    printer,
    priorities: PRIORITIES.filter((p) => p !== 'green'), // 绿色通道 is staff's to grant
    timezone: core.config.hall.timezone,
  };
}

/** A phone following its ticket (the handshake checked that the ticket exists). */
export function ticketPageState(core: HallCore, ticketId: string): TicketPageState {
  return { hall: core.query.hallInfo(), ticket: core.query.ticketStatus(ticketId)! };
}
