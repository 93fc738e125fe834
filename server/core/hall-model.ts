// The hall's fixed plan (services, windows, clerks from the config) and how domain records become views.
import type { ClerkConfig, HallConfig } from '../config/schema';
import { announcement } from '../domain/announcement';
import type { HallWindow, Service, Ticket, WindowState } from '../domain/types';
import type { TicketView, WindowView } from '../protocol/views';
import type { WindowRow } from '../store/windows';

/** A service as the hall runs it: the domain's fields plus the kiosk's rules. */
export type ServicePlan = Service & {
  field: string | null;
  onePerPerson: boolean;
  hours: { from: string; to: string } | null;
  /** More waiting than this raises a queue alert. */
  alertWaiting: number;
};

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export class HallModel {
  readonly services: ReadonlyMap<string, ServicePlan>;
  readonly windows: ReadonlyMap<number, HallWindow>;
  readonly clerks: ReadonlyMap<string, ClerkConfig>;

  constructor(readonly config: HallConfig) {
    this.services = new Map(
      config.services.map((s) => [
        s.id,
        {
          id: s.id,
          name: s.name,
          prefix: s.prefix,
          targetWaitMin: s.targetWaitMin,
          dailyCap: s.dailyCap,
          avgServiceMin: s.avgServiceMin,
          field: s.field ?? null,
          onePerPerson: s.onePerPerson,
          hours: s.hours ?? null,
          alertWaiting: s.alertWaiting ?? config.alerts.queueWaiting,
        },
      ]),
    );
    this.windows = new Map(
      config.windows.map((w) => [w.no, { no: w.no, name: w.name, kind: w.kind, zone: w.zone, skills: w.skills }]),
    );
    this.clerks = new Map(config.clerks.map((c) => [c.id, c]));
  }

  /** The window with its live skills (a supervisor's change overrides the config). */
  window(no: number, row: WindowRow | null): HallWindow | undefined {
    const w = this.windows.get(no);
    if (!w) return undefined;
    return row?.skills ? { ...w, skills: row.skills } : w;
  }

  serviceName(id: string): string {
    return this.services.get(id)?.name ?? id;
  }

  ticketView(t: Ticket): TicketView {
    return {
      id: t.id,
      day: t.day,
      number: t.number,
      serviceId: t.serviceId,
      serviceName: this.serviceName(t.serviceId),
      status: t.status,
      windowNo: t.windowNo,
      priority: t.priority !== null,
      priorityKind: t.priority,
      channel: t.channel,
      targetWindowNo: t.targetWindowNo,
      clerkId: t.clerkId,
      recallCount: t.recallCount,
      transferCount: t.transferCount,
      transferredFrom: t.transferredFrom ?? null,
      note: t.note,
      idMasked: t.idMasked,
      issuedAt: new Date(t.issuedAt).toISOString(),
      calledAt: iso(t.calledAt),
      servingAt: iso(t.servingAt),
      finishedAt: iso(t.finishedAt),
    };
  }

  windowState(row: WindowRow, current: Ticket | null): WindowState {
    if (!row.open || !row.clerkId) return 'closed';
    if (row.pausedReason !== null) return 'paused';
    if (current?.status === 'called') return 'calling';
    if (current?.status === 'serving') return 'serving';
    return 'idle';
  }

  windowView(row: WindowRow, current: Ticket | null): WindowView {
    const w = this.window(row.no, row)!;
    const clerk = row.clerkId ? this.clerks.get(row.clerkId) : undefined;
    return {
      no: w.no,
      name: w.name,
      kind: w.kind,
      zone: w.zone,
      state: this.windowState(row, current),
      open: row.open,
      skillsUntil: iso(row.skillsUntil),
      pauseReason: row.pausedReason,
      pausedAt: iso(row.pausedAt),
      clerk: clerk ? { id: clerk.id, name: clerk.name } : null,
      skills: { ...w.skills },
      ticket: current ? this.ticketView(current) : null,
    };
  }

  announcement(number: string, windowNo: number): { text: string; spoken: string } {
    return announcement(this.config.display.announcement, number, windowNo, this.windows.get(windowNo)?.name);
  }
}
