// The hall's periodic jobs as adapters: timed-out evaluations and overdue follow-ups, expired sessions, the
// watch (alerts, time-limited skills) and the day cycle. The watch also looks at once when a device's health
// or the upstream sender changes (bus events), so an alert does not wait for its next tick.
import { named as job, type Adapter } from './adapter';
import type { HallContext } from './context';
import { AppointmentSweep } from '../core/appointment-sweep';
import { DayCycle } from '../core/day-cycle';
import { EvaluationSweep } from '../core/evaluation-sweep';
import { HallWatch } from '../core/hall-watch';
import { SessionSweep } from '../core/session-sweep';
import type { DeviceHealth } from '../health/device-health';
import type { Upstream } from '../upstream/upstream';

export function evaluationSweepAdapter(ctx: HallContext): Adapter {
  return job('evaluation-sweep', new EvaluationSweep(ctx.core, ctx.log, ctx.opts.sweepMs));
}

export function sessionSweepAdapter(ctx: HallContext): Adapter {
  return job('session-sweep', new SessionSweep(ctx.core, ctx.staff, ctx.log, ctx.opts.sessionSweepMs));
}

export function appointmentSweepAdapter(ctx: HallContext): Adapter {
  return job('appointment-sweep', new AppointmentSweep(ctx.core, ctx.log, ctx.opts.appointmentSweepMs));
}

export function dayCycleAdapter(ctx: HallContext): Adapter {
  return job('day-cycle', new DayCycle(ctx.core, ctx.log));
}

export function watchAdapter(ctx: HallContext, health: DeviceHealth, upstream: Upstream): Adapter {
  const watch = new HallWatch(
    ctx.core,
    { devices: () => health.facts(), upstream: () => upstream.facts() },
    ctx.log,
    ctx.opts.watchMs,
  );
  let off: (() => void)[] = [];
  return {
    name: 'hall-watch',
    start() {
      off = [ctx.bus.on('device.changed', () => watch.tick()), ctx.bus.on('upstream.changed', () => watch.tick())];
      watch.start();
    },
    stop() {
      watch.stop();
      for (const f of off.splice(0)) f();
    },
  };
}
