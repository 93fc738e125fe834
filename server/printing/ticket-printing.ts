// The printing adapter: each kiosk's ESC/POS printer over TCP 9100. It prints a ticket after it is issued
// (the ticket exists whatever the printer does), watches every printer's status with DLE EOT, and tells
// kiosks and supervisors when one is out of paper, open or offline. Jobs to one printer run one at a time.
import type { AdapterBus, HallContext } from '../adapters/context';
import type { DeviceConfig } from '../config/schema';
import type { HallCore } from '../core/hall-core';
import { HallError } from '../domain/errors';
import { hallDay, localClock } from '../domain/numbering';
import type { Priority } from '../domain/types';
import type { PrinterView } from '../protocol/socket';
import { PRINTER_STATE_TEXT, type PrinterState } from '../protocol/printer-state';
import { printerSession, type PrinterAddress } from '../../devices/escpos/printer-link';
import { encodeTicket, LAYOUTS, type PrintedTicket } from '../../devices/escpos/ticket-encoder';
import type { InProcessPrinter, InProcessPrinterFactory } from './in-process-printer';

type PrinterConfig = Extract<DeviceConfig, { kind: 'printer' }>;

export interface PrintResult {
  printerId: string;
  state: PrinterState;
  printed: boolean;
  /** What the kiosk tells the visitor. */
  message: string;
}

interface Printer {
  cfg: PrinterConfig;
  addr: PrinterAddress;
  state: PrinterState;
  lastSeen: number | null;
  queue: Promise<unknown>;
  /** A status poll is queued or running: the next tick adds none behind it (a hung printer, a slow machine). */
  polling: boolean;
  virtual: InProcessPrinter | null;
}

export type { InProcessPrinter, InProcessPrinterFactory };

const printersOf = (devices: DeviceConfig[]) => devices.filter((d): d is PrinterConfig => d.kind === 'printer');

const newPrinter = (d: PrinterConfig): Printer => ({
  cfg: d,
  addr: { host: d.host, port: d.port },
  state: 'offline',
  lastSeen: null,
  queue: Promise.resolve(),
  polling: false,
  virtual: null,
});

export const PRIORITY_TEXT: Record<Priority, string> = {
  elderly: '老年人优先',
  disabled: '残疾人优先',
  military: '军人优先',
  pregnant: '孕妇优先',
  green: '绿色通道',
};

export interface PrintingOptions {
  /** How often every printer's status is read between tickets. */
  pollMs?: number;
  /** Bound on one conversation with a printer. */
  timeoutMs?: number;
  statusUrl: (ticketId: string) => string;
  /** Makes the in-process printer of a `virtual: true` printer; without it such a printer is a network one. */
  virtualPrinter?: InProcessPrinterFactory;
}

export class TicketPrinting {
  readonly name = 'printing';
  private readonly printers = new Map<string, Printer>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly core: HallCore,
    private readonly bus: AdapterBus,
    private readonly log: (msg: string, e?: unknown) => void,
    private readonly opts: PrintingOptions,
  ) {
    for (const d of printersOf(core.config.devices)) this.printers.set(d.id, newPrinter(d));
  }

  /**
   * Live settings: the printers of the new device list. A removed printer is forgotten once its jobs are
   * done; a new one is looked at at once; a changed one (address, port, kiosk, paper) takes its new settings
   * after the job it is doing, so a ticket being printed finishes where it started. Unchanged printers keep
   * their state and their queue.
   */
  async restart(devices: DeviceConfig[]): Promise<void> {
    const next = new Map(printersOf(devices).map((d) => [d.id, d]));
    const work: Promise<unknown>[] = [];
    for (const [id, p] of this.printers) {
      if (next.has(id)) continue;
      this.printers.delete(id);
      work.push(this.enqueue(p, async () => void (await p.virtual?.stop())));
      this.log(`printer ${id}: removed`);
    }
    for (const d of next.values()) {
      const p = this.printers.get(d.id);
      if (!p) {
        const added = newPrinter(d);
        this.printers.set(d.id, added);
        if (d.virtual) await this.startVirtual(added);
        work.push(this.enqueue(added, () => this.check(added)));
        this.log(`printer ${d.id}: added at ${d.host}:${d.port}`);
        continue;
      }
      if (JSON.stringify(p.cfg) === JSON.stringify(d)) continue;
      work.push(
        this.enqueue(p, async () => {
          await p.virtual?.stop();
          p.virtual = null;
          p.cfg = d;
          p.addr = { host: d.host, port: d.port };
          if (d.virtual) await this.startVirtual(p);
          this.log(`printer ${d.id}: now at ${d.host}:${d.port}`);
          await this.check(p);
          // The kiosk it serves may have changed: its kiosk hears the printer's state again.
          this.bus.emit({ type: 'printer.changed', payload: this.view(p) });
        }),
      );
    }
    await Promise.all(work);
  }

  async start(): Promise<void> {
    for (const p of this.printers.values()) if (p.cfg.virtual) await this.startVirtual(p);
    await Promise.all([...this.printers.values()].map((p) => this.enqueue(p, () => this.check(p))));
    this.timer = setInterval(() => this.pollAll(), this.opts.pollMs ?? 30_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([...this.printers.values()].map((p) => p.queue.catch(() => {})));
    await Promise.all([...this.printers.values()].map((p) => p.virtual?.stop()));
  }

  list(): PrinterView[] {
    return [...this.printers.values()].map((p) => this.view(p));
  }

  forKiosk(kioskId: string): PrinterView | null {
    const p = [...this.printers.values()].find((x) => x.cfg.kiosk === kioskId);
    return p ? this.view(p) : null;
  }

  printerIdOfKiosk(kioskId: string): string | null {
    return this.forKiosk(kioskId)?.id ?? null;
  }

  /** The in-process virtual printer of a `virtual: true` printer (its preview page reads it). */
  virtualPrinter(id: string): InProcessPrinter | null {
    return this.printers.get(id)?.virtual ?? null;
  }

  /** Prints a ticket; resolves with what happened (never rejects for a printer fault). */
  print(ticketId: string, printerId: string, actor: string, reprint = false, lang?: 'zh' | 'en'): Promise<PrintResult> {
    const p = this.printers.get(printerId);
    if (!p) throw new HallError('NOT_FOUND', `没有打印机 ${printerId}`);
    const job = this.ticketJob(ticketId, p, reprint, lang);
    return this.enqueue(p, async () => {
      const o = await printerSession(p.addr, job, this.opts.timeoutMs ?? 3000);
      this.update(p, o.state);
      const result = { printerId, state: o.state, printed: o.printed, message: this.message(o.state, o.printed) };
      try {
        this.core.run('notePrint', { id: ticketId, printerId, state: o.state, printed: o.printed, reprint }, actor);
      } catch (e) {
        this.log(`recording the print of ${ticketId} failed`, e);
      }
      return result;
    });
  }

  private ticketJob(ticketId: string, p: Printer, reprint: boolean, lang?: 'zh' | 'en'): Buffer {
    const t = this.core.query.ticket(ticketId);
    const status = this.core.query.ticketStatus(ticketId);
    if (!t || !status) throw new HallError('TICKET_NOT_FOUND', '没有这张票');
    if (t.status !== 'waiting' && t.status !== 'held' && t.status !== 'called') {
      throw new HallError(
        'ILLEGAL_TRANSITION',
        `${t.number} 号已${t.status === 'serving' ? '在办理中' : '结束'}，无需补打`,
      );
    }
    const tz = this.core.config.hall.timezone;
    const appt = t.appointmentCode ? this.core.query.appointment(t.appointmentCode) : null;
    const ticket: PrintedTicket = {
      hallName: this.core.config.hall.name,
      serviceName: status.serviceName,
      number: t.number,
      waitingAhead: status.waitingAhead,
      estimatedWaitMin: status.estimatedWaitMin,
      servedNow: status.servedNow,
      estimatedWait: status.estimatedWait,
      issuedAt: `${hallDay(t.issuedAt, tz)} ${localClock(t.issuedAt, tz)}`,
      // A number taken in English opens the mobile page in English.
      statusUrl: this.opts.statusUrl(t.id) + (lang === 'en' ? '?lang=en' : ''),
      notice: this.core.config.display.ticketNotice,
      priority: t.priority ? PRIORITY_TEXT[t.priority] : null,
      appointment: appt ? `预约 ${localClock(appt.slotStart, tz)}–${localClock(appt.slotEnd, tz)}` : null,
      reprint,
    };
    return encodeTicket(ticket, LAYOUTS[p.cfg.paperWidth]);
  }

  private message(state: PrinterState, printed: boolean): string {
    if (printed) return state === 'paper_near_end' ? '请取走您的号票（打印纸即将用完）' : '请取走您的号票';
    return `${PRINTER_STATE_TEXT[state].zh}，号票未能打印。您的号码已有效，请记下号码或扫码查看`;
  }

  private enqueue<T>(p: Printer, job: () => Promise<T>): Promise<T> {
    const run = p.queue.then(job, job);
    p.queue = run.catch(() => {});
    return run;
  }

  private async check(p: Printer): Promise<void> {
    const o = await printerSession(p.addr, null, this.opts.timeoutMs ?? 3000);
    this.update(p, o.state);
  }

  private pollAll(): void {
    // One poll per printer at a time: a printer slower to answer than the poll period (hung until the
    // timeout, or a busy machine) would otherwise pile polls up without bound, and a ticket's print and the
    // status a kiosk waits for would queue behind all of them.
    for (const p of this.printers.values()) {
      if (p.polling) continue;
      p.polling = true;
      void this.enqueue(p, () => this.check(p))
        .catch((e) => this.log(`printer ${p.cfg.id}: status poll failed`, e))
        .finally(() => (p.polling = false));
    }
  }

  private update(p: Printer, state: PrinterState): void {
    if (state !== 'offline') p.lastSeen = this.core.clock();
    if (state === p.state) return;
    const before = p.state;
    p.state = state;
    this.log(`printer ${p.cfg.id}: ${before} → ${state}`);
    // Kiosks and supervisors (realtime) and device health hear it on the bus (a failing listener is logged there).
    this.bus.emit({ type: 'printer.changed', payload: this.view(p) });
  }

  private view(p: Printer): PrinterView {
    return {
      id: p.cfg.id,
      kiosk: p.cfg.kiosk,
      state: p.state,
      message: PRINTER_STATE_TEXT[p.state].zh,
      lastSeen: p.lastSeen === null ? null : new Date(p.lastSeen).toISOString(),
      virtual: p.cfg.virtual,
    };
  }

  private async startVirtual(p: Printer): Promise<void> {
    const make = this.opts.virtualPrinter;
    if (!make) {
      this.log(
        `virtual printer ${p.cfg.id}: none supplied by the start entry; looking for a printer at ${p.addr.port}`,
      );
      return;
    }
    const vp = make(p.cfg.id);
    try {
      p.addr.port = await vp.start(p.addr.port, p.addr.host);
    } catch (e) {
      // Another program holds the port (a second demo, a real printer driver): any free port will do.
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
      p.addr.port = await vp.start(0, p.addr.host);
      this.log(`virtual printer ${p.cfg.id}: port ${p.cfg.port} in use, listening on ${p.addr.port}`);
    }
    vp.on('ticket', () => this.log(`virtual printer ${p.cfg.id}: printed a ticket`));
    p.virtual = vp;
  }
}

/** The printing adapter as the composition root makes it; `statusUrl` knows the hall's address once bound. */
export const printingAdapter = (ctx: HallContext, statusUrl: (ticketId: string) => string): TicketPrinting =>
  new TicketPrinting(ctx.core, ctx.bus, ctx.log, {
    statusUrl,
    pollMs: ctx.opts.printerPollMs,
    timeoutMs: ctx.opts.printerTimeoutMs,
    virtualPrinter: ctx.opts.virtualPrinter,
  });
