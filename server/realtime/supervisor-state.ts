// The dashboard's full state: the hall snapshot plus alerts, device health, served today per window,
// the zones and the hall notice. Sent on (re)connect; deltas follow as events.
import type { HallCore } from '../core/hall-core';
import type { DeviceHealthView, SupervisorState } from '../protocol/socket';
import type { UpstreamStatus } from '../upstream/upstream';

export function supervisorState(
  core: HallCore,
  devices: DeviceHealthView[],
  upstream: UpstreamStatus,
): SupervisorState {
  return {
    ...core.query.snapshot(),
    alerts: core.query.recentAlerts(),
    devices,
    servedToday: core.query.servedByWindow(core.today()),
    zones: core.query.zones(),
    notice: core.query.notice(null),
    upstream,
  };
}
