// Supervisor alerts in the hall core: one alert per condition while it holds (raised, then resolved when
// it clears), one-off alerts for events, acknowledgement by a supervisor. Every change goes to the
// dashboard as an `alert` event and into the event log.
import { CONDITION_KINDS, type AlertCondition } from '../domain/alert-rules';
import { HallError } from '../domain/errors';
import type { AlertView } from '../protocol/socket';
import type { AlertRow } from '../store/alerts';
import type { CoreState, Ctx } from './state';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function alertView(r: AlertRow): AlertView {
  return {
    id: r.id,
    kind: r.kind as AlertView['kind'],
    subject: r.subject,
    state: r.state,
    message: r.message,
    suggestion: r.suggestion,
    at: new Date(r.raisedAt).toISOString(),
    resolvedAt: iso(r.resolvedAt),
    ackedAt: iso(r.ackedAt),
    ackedBy: r.ackedBy,
  };
}

const keyOf = (a: { kind: string; subject: string; state: string | null }) => `${a.kind}|${a.subject}|${a.state ?? ''}`;

function raise(ctx: Ctx, c: AlertCondition): void {
  const { state: core, tx, now } = ctx;
  const id = core.alerts.insert({ ...c, raisedAt: now });
  core.log.append({ at: now, type: 'alert.raised', actor: 'system', data: { id, kind: c.kind, subject: c.subject } });
  tx.events.push({ type: 'alert', payload: alertView(core.alerts.get(id)!) });
}

/** Raises the conditions that newly hold and resolves the open alerts whose condition has cleared. */
export function reconcileAlerts(ctx: Ctx, { conditions }: { conditions: AlertCondition[] }): void {
  const { state: core, tx, now } = ctx;
  const open = new Map(
    core.alerts
      .open()
      .filter((a) => (CONDITION_KINDS as readonly string[]).includes(a.kind))
      .map((a) => [keyOf(a), a]),
  );
  for (const c of conditions) {
    const held = open.get(keyOf(c));
    if (!held) {
      raise(ctx, c);
      continue;
    }
    open.delete(keyOf(c));
    // Still holding: its words follow the hall (41 waiting, not the 5 it was raised at; the window to staff
    // now), without sounding again (the dashboard sounds new alerts only).
    if (held.message !== c.message || held.suggestion !== c.suggestion) {
      core.alerts.reword(held.id, c.message, c.suggestion);
      tx.events.push({ type: 'alert', payload: alertView(core.alerts.get(held.id)!) });
    }
  }
  for (const gone of open.values()) {
    core.alerts.resolve(gone.id, now);
    tx.events.push({ type: 'alert', payload: alertView(core.alerts.get(gone.id)!) });
  }
}

/** A one-off alert (an overdue follow-up), inside the caller's command; never twice for one subject. */
export function raiseOnce(ctx: Ctx, c: AlertCondition): void {
  if (ctx.state.alerts.raisedBefore(c.kind, c.subject)) return;
  raise(ctx, c);
}

/** A supervisor acknowledges an alert (once: a second ack changes nothing). */
export function ackAlert(ctx: Ctx, { id }: { id: number }): AlertView {
  const { state: core, tx, now, actor } = ctx;
  const a = core.alerts.get(id);
  if (!a) throw new HallError('NOT_FOUND', '没有这条告警');
  if (a.ackedAt === null) {
    core.alerts.ack(id, now, actor);
    core.log.append({ at: now, type: 'alert.acked', actor, data: { id, kind: a.kind, subject: a.subject } });
    tx.events.push({ type: 'alert', payload: alertView(core.alerts.get(id)!) });
  }
  return alertView(core.alerts.get(id)!);
}

/** Today's alerts and any still open, newest first. */
export function recentAlerts(core: CoreState): AlertView[] {
  const startOfDay = core.clock() - 24 * 3600_000;
  return core.alerts.since(startOfDay).map(alertView);
}
