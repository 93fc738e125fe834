// Every read of the hall core, in one place: views for screens and devices, reports, and the few rows the
// adapters need (a ticket for the printer, the upstream's mapping). Reads never write and need no
// transaction; what they return is a copy or a view, never a store.
import { serviceAvailability } from '../domain/availability';
import type { HallStatus } from '../domain/calendar';
import type { ReportGroup } from '../domain/report';
import { promiseAccuracy, type PromiseAccuracy } from '../domain/promise-accuracy';
import { hallDay, localClock } from '../domain/numbering';
import type { Ticket } from '../domain/types';
import type {
  CallReasonView,
  HallSnapshot,
  PadPrompt,
  ServiceView,
  TicketStatusView,
  TicketView,
  WindowView,
} from '../protocol/views';
import { toPublic } from '../protocol/views';
import type { HallConfig } from '../config/schema';
import type { ConfigVersionInfo } from '../store/config-versions';
import type { Photo } from '../store/photos';
import { recentAlerts } from './alerts';
import { appointmentsOn } from './appointments';
import { callReason } from './call-reason';
import { daySummary } from './day-summary';
import { evaluationFigures, type FigureGroup } from './evaluation-figures';
import { evaluationView, followUpView, padPrompt } from './evaluation-views';
import { noticeFor, zones } from './notice';
import { buildReports, hourlyCurve, visitsBetween } from './reports';
import { deadReason } from './sessions';
import type { CoreState } from './state';
import { hourlyStatsMark } from './upstream-outbox';
import { issuePredictionSamples, issuePredictionTimes } from './issue-wait';
import { servedNowByService, serviceWaits, ticketWait } from './wait';

export class HallQueries {
  constructor(private readonly s: CoreState) {}

  today(): string {
    return this.s.today();
  }

  hallInfo(): HallSnapshot['hall'] {
    const h = this.s.config.hall;
    return { id: h.id, name: h.name, day: this.today(), open: h.open, close: h.close, timezone: h.timezone };
  }

  /** Whether the kiosk issues numbers now (the calendar, the hours, a closed day). */
  openStatus(): HallStatus {
    return this.s.openStatus();
  }

  isDayClosed(day: string): boolean {
    return this.s.misc.isDayClosed(day);
  }

  // ── tickets ─────────────────────────────────────────────────────────────────────────────────────

  /** A ticket's public status (DESIGN.md §6 `GET /api/tickets/:id`): no personal data. */
  ticketStatus(id: string): TicketStatusView | null {
    const s = this.s;
    const t = s.tickets.get(id);
    if (!t) return null;
    const w = ticketWait(s, t);
    return {
      ...toPublic(s.model.ticketView(t)),
      waitingAhead: w.ahead,
      estimatedWaitMin: w.wait?.minutes ?? 0,
      estimatedWait: w.wait,
      servedNow: w.servedNow,
      windowName: t.windowNo !== null ? (s.model.windows.get(t.windowNo)?.name ?? null) : null,
    };
  }

  /** A ticket as stored (for the printer and the upstream's mapping), or null. */
  ticket(id: string): Ticket | null {
    return this.s.tickets.get(id);
  }

  ticketByNumber(day: string, number: string): Ticket | null {
    return this.s.tickets.byNumber(day, number);
  }

  /** The case number (办件编号) linked to a visit. */
  caseNo(ticketId: string): string | null {
    return this.s.tickets.caseNo(ticketId);
  }

  heldTickets(windowNo: number): TicketView[] {
    return this.s.tickets.held(windowNo).map((t) => this.s.model.ticketView(t));
  }

  /** Today's waiting tickets of a service in the order they will be called. */
  waitingTickets(serviceId: string): TicketView[] {
    const s = this.s;
    return s.reports.waitingIds(s.today(), serviceId).map((id) => s.model.ticketView(s.tickets.get(id)!));
  }

  /** Today's waiting tickets of every service (the watch's long-wait alerts). */
  waitingToday(): Ticket[] {
    return this.s.tickets.waitingOrHeldOn(this.s.today()).filter((t) => t.status === 'waiting');
  }

  /** A clerk's visits at a window today (the console's own figures). */
  ticketsToday(windowNo: number, clerkId: string) {
    return this.s.tickets.today(this.s.today(), windowNo, clerkId);
  }

  // ── windows and queues ──────────────────────────────────────────────────────────────────────────

  windowView(no: number): WindowView {
    return this.s.windowView(no);
  }

  /** How right the waits printed on the days' tickets were (issue 25): the promise against the call. */
  waitAccuracy(from: string, to: string): PromiseAccuracy {
    return promiseAccuracy(this.s.promises.between(from, to));
  }

  /** Why the visitor at the window now was called (routing terms, 特呼 or 回呼); null when nobody is there. */
  callReason(no: number): CallReasonView | null {
    return callReason(this.s, no);
  }

  /** The clerk logged in at a window (null: nobody, or no such window). */
  clerkAt(windowNo: number): string | null {
    return this.s.windows.get(windowNo)?.clerkId ?? null;
  }

  /** The window with its live skills (a supervisor's change overrides the config). */
  windowPlan(no: number) {
    return this.s.model.window(no, this.s.windows.get(no));
  }

  /** Open, staffed windows per service for which it is a level-1 skill (one read of the windows). */
  primaryWindowCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const row of this.s.windows.all()) {
      if (!row.open || !row.clerkId) continue;
      const w = this.s.model.window(row.no, row);
      for (const [id, level] of Object.entries(w?.skills ?? {}))
        if (level === 1) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }

  /** `cached`: on a command's path, the predicted waits as last made (refreshed a moment later, core/wait.ts). */
  serviceViews(opts: { cached?: boolean } = {}): ServiceView[] {
    const s = this.s;
    const now = s.clock();
    const day = hallDay(now, s.config.hall.timezone);
    const serving = servedNowByService(s);
    // Predicted off the command path (core/wait.ts); a refresh publishes the new figures when they differ.
    const predicted = serviceWaits(
      s,
      serving,
      () => s.bus.emit({ type: 'queues.changed', payload: { services: this.serviceViews({ cached: true }) } }),
      opts.cached,
    );
    const hallClosed = s.openStatus(now, day).reason;
    const clock = localClock(now, s.config.hall.timezone);
    return [...s.model.services.values()].map((svc) => {
      const waiting = s.misc.waiting(day, svc.id);
      const oldest = s.tickets.oldestWaitFrom(day, svc.id);
      const issuedToday = s.misc.lastSeq(day, svc.prefix);
      const avail = serviceAvailability(svc, issuedToday, hallClosed, clock);
      const wait = predicted.get(svc.id)?.wait ?? null;
      return {
        id: svc.id,
        name: svc.name,
        prefix: svc.prefix,
        field: svc.field,
        targetWaitMin: svc.targetWaitMin,
        dailyCap: svc.dailyCap,
        issuedToday,
        state: avail.state,
        stateReason: avail.reason,
        waiting,
        longestWaitMin: oldest === null ? 0 : Math.max(0, Math.floor((now - oldest) / 60_000)),
        estimatedWaitMin: wait?.minutes ?? 0,
        estimatedWait: wait && { ...wait, servedNow: serving.has(svc.id) },
        servedNow: serving.has(svc.id),
      };
    });
  }

  /** What the wait prediction added to each of the last issues (ms): quantiles for /metrics. */
  issuePredictionTimes(): ReturnType<typeof issuePredictionTimes> {
    return issuePredictionTimes(this.s);
  }

  /** The same times one by one, oldest first (scripts/bench-eta.ts). */
  issuePredictionSamples(): ReturnType<typeof issuePredictionSamples> {
    return issuePredictionSamples(this.s);
  }

  snapshot(): HallSnapshot {
    const s = this.s;
    return {
      hall: this.hallInfo(),
      services: this.serviceViews(),
      windows: s.windows
        .all()
        .filter((r) => s.model.windows.has(r.no))
        .map((r) => s.model.windowView(r, s.currentTicket(r))),
      at: new Date(s.clock()).toISOString(),
    };
  }

  /** Visits finished per window on a day (boards' and consoles' 今日已办). */
  servedByWindow(day: string): Record<string, number> {
    return this.s.reports.servedByWindow(day);
  }

  // ── boards ──────────────────────────────────────────────────────────────────────────────────────

  /** The scrolling notice for a zone's boards: the zone's own, else the hall's, else the configured default. */
  notice(zone: string | null): string {
    return noticeFor(this.s, zone);
  }

  zones(): string[] {
    return zones(this.s);
  }

  // ── appointments, evaluations, alerts ───────────────────────────────────────────────────────────

  appointment(code: string) {
    return this.s.appointments.get(code);
  }

  /** Whether a booked appointment is past its slot and the late limit (the sweep then records it). */
  hasMissedAppointments(): boolean {
    const s = this.s;
    return s.appointments.missed(s.clock() - s.config.appointments.lateMin * 60_000).length > 0;
  }

  appointmentsOn(day: string) {
    return appointmentsOn(this.s, day);
  }

  /** What the window's pad shows: the pending evaluation first, else the visitor being served, else idle. */
  padPrompt(windowNo: number): PadPrompt {
    return padPrompt(this.s, windowNo);
  }

  evaluation(id: string) {
    const e = this.s.evaluations.get(id);
    return e ? evaluationView(this.s, e) : null;
  }

  /** An evaluation as stored (times in ms), for the upstream's mapping. */
  evaluationRecord(id: string) {
    return this.s.evaluations.get(id);
  }

  evaluationsBetween(from: string, to: string) {
    return this.s.evaluations.between(from, to).map((e) => evaluationView(this.s, e));
  }

  evaluationFigures(from: string, to: string, by: FigureGroup) {
    return evaluationFigures(this.s, from, to, by);
  }

  followUps() {
    return this.s.evaluations.followUps().map((f) => followUpView(this.s, f));
  }

  recentAlerts() {
    return recentAlerts(this.s);
  }

  // ── reports ─────────────────────────────────────────────────────────────────────────────────────

  daySummary(day: string) {
    return daySummary(this.s, day);
  }

  buildReports(from: string, to: string, groups: readonly ReportGroup[], signal?: AbortSignal) {
    return buildReports(this.s, from, to, groups, signal);
  }

  hourlyCurve(day: string, weeks?: number) {
    return hourlyCurve(this.s, day, weeks);
  }

  visitsBetween(from: string, to: string) {
    return visitsBetween(this.s, from, to);
  }

  // ── staff sessions, the log, the upstream ───────────────────────────────────────────────────────

  /** A stored session by its token's digest, and why it no longer counts (null while it does). */
  session(digest: string) {
    const row = this.s.sessions.get(digest);
    if (!row) return null;
    return { clerkId: row.clerkId, windowNo: row.windowNo, dead: deadReason(this.s, row, this.s.clock()) };
  }

  /** Entries in the event log (health and tests). */
  logCount(): number {
    return this.s.log.count();
  }

  /** A ticket's history in the event log (the audit trail). */
  ticketHistory(ticketId: string) {
    return this.s.log.forTicket(ticketId);
  }

  /** The start of the last hour whose statistics went to the upstream outbox. */
  hourlyStatsMark(): number | null {
    return hourlyStatsMark({ state: this.s });
  }

  // ── live settings (the admin adapter redacts the secrets before anything leaves the server) ──────

  /** The saved configuration the hall runs, with its version (0 when none was ever saved: a bare core). */
  savedConfig(version?: number): { version: number; config: HallConfig } | null {
    const v = version === undefined ? this.s.configs.latest() : this.s.configs.get(version);
    return v ? { version: v.version, config: v.config } : null;
  }

  /** A clerk's stored photo by its id (the hash in its address), or null. */
  photo(id: string): Photo | null {
    return this.s.photos.get(id);
  }

  /** Every saved version, newest first: who saved it, when, and how (admin, restore, the file). */
  configHistory(limit?: number): ConfigVersionInfo[] {
    return this.s.configs.list(limit);
  }
}
