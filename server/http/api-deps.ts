// What the HTTP API's route tables are given: the core and the adapters' read-outs (a leaf, so that the
// route tables in their own files never import routes.ts).
import type { LiveSettings } from '../admin/live-settings';
import type { HallCore } from '../core/hall-core';
import type { StaffAccess } from '../core/staff';
import type { TicketPrinting } from '../printing/ticket-printing';
import type { DeviceHealthView, UpstreamStatus } from '../protocol/socket';
import type { HttpLimits } from './rate-limits';

export interface ApiDeps {
  core: HallCore;
  staff: StaffAccess;
  publicUrl: () => string;
  devices: () => DeviceHealthView[];
  upstream: { status: () => UpstreamStatus; retry: () => number };
  printing: TicketPrinting;
  health: () => Record<string, unknown>;
  limits: HttpLimits;
  /** Live settings (the admin's routes); absent in a hall without them. */
  settings?: LiveSettings;
}
