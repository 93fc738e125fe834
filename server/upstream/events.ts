// What the platform hears (DESIGN.md §6 Upstream): the hall's log entries mapped to upstream events.
// No visitor name or ID number: tickets by number and day, clerks by id, times in the hall's clock.
import type { HallConfig } from '../config/schema';
import type { HallCore } from '../core/hall-core';
import { LEVEL_TEXT, toGbtCode, toProvincialCode } from '../domain/evaluation';
import { localStamp } from '../domain/numbering';
import type { LoggedEntry as LogEntry } from '../core/ports';

export const UPSTREAM_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.finished',
  'ticket.no_show',
  'evaluation.submitted',
  'stats.hourly',
] as const;
export type UpstreamType = (typeof UPSTREAM_TYPES)[number];

/** Log entry types that become upstream events (stats.hourly has its own writer). */
const REPORTED: ReadonlySet<string> = new Set(UPSTREAM_TYPES.filter((x) => x !== 'stats.hourly'));

const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;

/** The upstream event for a log entry, or null when the platform does not hear of it. */
export function upstreamEventOf(
  core: HallCore,
  e: LogEntry,
): { type: UpstreamType; data: Record<string, unknown> } | null {
  // Every command's log entries pass through here: the type is checked before anything is read.
  if (!REPORTED.has(e.type)) return null;
  const cfg = core.config;
  const tz = cfg.hall.timezone;
  const t = e.ticketId ? core.query.ticket(e.ticketId) : null;
  if (!t) return null;
  const service = cfg.services.find((s) => s.id === t.serviceId);
  const base = {
    hallId: cfg.hall.id,
    regionCode: cfg.hall.regionCode,
    day: t.day,
    number: t.number,
    serviceId: t.serviceId,
    matterCode: service?.matterCodes[0] ?? null,
    time: localStamp(e.at, tz),
  };
  switch (e.type) {
    case 'ticket.issued':
      return { type: e.type, data: { ...base, channel: t.channel, priority: t.priority !== null } };
    case 'ticket.called':
      return {
        type: e.type,
        data: {
          ...base,
          windowNo: e.windowNo ?? null,
          clerkId: e.clerkId ?? null,
          waitMin: minutes(e.at - t.waitFrom),
        },
      };
    case 'ticket.finished':
      return {
        type: e.type,
        data: {
          ...base,
          windowNo: t.windowNo,
          clerkId: t.clerkId,
          caseNo: core.query.caseNo(t.id),
          serviceMin: t.servingAt !== null ? minutes(e.at - t.servingAt) : null,
        },
      };
    case 'ticket.no_show':
      return { type: e.type, data: { ...base, windowNo: t.windowNo, clerkId: t.clerkId } };
    case 'evaluation.submitted':
      return { type: e.type, data: evaluationData(core, cfg, String(e.data?.evaluationId), base) };
    default:
      return null;
  }
}

function evaluationData(
  core: HallCore,
  cfg: HallConfig,
  id: string,
  base: Record<string, unknown>,
): Record<string, unknown> {
  const ev = core.query.evaluationRecord(id)!;
  const up = cfg.upstream!;
  const level = ev.level!;
  return {
    ...base,
    evaluationId: ev.id,
    caseNo: core.query.caseNo(ev.ticketId),
    windowNo: ev.windowNo,
    clerkId: ev.clerkId,
    channel: ev.channel,
    channelCode: up.channelCodes[ev.channel ?? ''] ?? null,
    time: localStamp(ev.answeredAt!, cfg.hall.timezone),
    level,
    levelText: LEVEL_TEXT[level].zh,
    levelCode: up.levelCode === 'gbt' ? toGbtCode(level) : toProvincialCode(level),
    levelCodeScheme: up.levelCode === 'gbt' ? 'GB/T 39046' : 'provincial',
    reasons: ev.reasons,
    comment: ev.comment,
  };
}
