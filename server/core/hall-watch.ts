// The supervisor's watch over the hall, every couple of seconds: time-limited skill changes that ran out
// go back, and the alert conditions (server/domain/alert-rules.ts) are raised or resolved.
import { alertConditions, type HallFacts } from '../domain/alert-rules';
import type { HallCore } from './hall-core';
import { Periodic } from './periodic';

/** What the core cannot see itself: device health (adapters) and the upstream backlog. */
export interface WatchSources {
  devices: () => HallFacts['devices'];
  upstream: () => HallFacts['upstream'];
}

export function hallFacts(core: HallCore, sources: WatchSources): HallFacts {
  const now = core.clock();
  const snap = core.query.snapshot();
  const limits = core.config.alerts;
  return {
    now,
    services: snap.services.map((s) => ({
      id: s.id,
      name: s.name,
      targetWaitMin: s.targetWaitMin,
      alertWaiting: core.model.services.get(s.id)!.alertWaiting,
      waiting: s.waiting,
    })),
    waiting: core.query
      .waitingToday()
      .map((t) => ({ id: t.id, number: t.number, serviceId: t.serviceId, waitFrom: t.waitFrom })),
    windows: snap.windows.map((w) => ({
      no: w.no,
      name: w.name,
      state: w.state,
      open: w.open,
      staffed: w.clerk !== null,
      pausedAt: w.pausedAt === null ? null : Date.parse(w.pausedAt),
      pauseReason: w.pauseReason,
      skills: w.skills,
      canTake: trainedFor(core, w.no, w.skills),
      moved: w.skillsUntil !== null,
      calling:
        w.state === 'calling' && w.ticket?.calledAt
          ? { number: w.ticket.number, since: Date.parse(w.ticket.calledAt) }
          : null,
    })),
    devices: sources.devices(),
    upstream: sources.upstream(),
    openQueueAlerts: new Set(
      core.query
        .recentAlerts()
        .filter((a) => a.kind === 'queue_long' && a.resolvedAt === null)
        .map((a) => a.subject),
    ),
    limits: {
      pauseMaxMin: limits.pauseMaxMin,
      deviceOfflineSec: limits.deviceOfflineSec,
      upstreamBacklogMin: limits.upstreamBacklogMin,
      boardMuteSec: limits.boardMuteSec,
      callingMaxMin: limits.callingMaxMin,
      tidalSuggestions: limits.tidalSuggestions,
    },
  };
}

/** A window's trained-for matters: its configured `canTake` and its skills now (default: its skills). */
export function trainedFor(core: HallCore, no: number, skills: Record<string, number>): string[] {
  const configured = core.config.windows.find((w) => w.no === no)?.canTake ?? [];
  return [...new Set([...configured, ...Object.keys(skills)])];
}

export class HallWatch extends Periodic {
  constructor(core: HallCore, sources: WatchSources, log: (msg: string, e?: unknown) => void, everyMs = 2000) {
    super(
      'hall watch',
      everyMs,
      () => {
        core.run('endTimedSkills', {}, 'system');
        core.run('reconcileAlerts', { conditions: alertConditions(hallFacts(core, sources)) }, 'system');
      },
      log,
    );
  }
}
