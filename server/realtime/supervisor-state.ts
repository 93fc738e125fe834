// The dashboard's full state: the hall snapshot plus alerts, device health, served today per window,
// the zones and the hall notice. Sent on (re)connect; deltas follow as events.
import { recentAlerts } from '../core/alerts';
import type { HallCore } from '../core/hall-core';
import type { DeviceHealthView, SupervisorState } from '../protocol/socket';
import type { UpstreamStatus } from '../protocol/socket';

export function supervisorState(
  core: HallCore,
  devices: DeviceHealthView[],
  upstream: UpstreamStatus,
): SupervisorState {
  return {
    ...core.snapshot(),
    alerts: recentAlerts(core),
    devices,
    servedToday: core.reports.servedByWindow(core.today()),
    zones: core.zones(),
    notice: core.notice(null),
    upstream,
  };
}
