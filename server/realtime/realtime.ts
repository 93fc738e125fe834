// The realtime adapter: socket.io namespaces with handshake auth, a full `state` on every (re)connect,
// then deltas from the hall core's events, each sent only to the rooms entitled to it.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { HallCore } from '../core/hall-core';
import type { StaffAccess } from '../core/staff';
import { isHallError } from '../domain/errors';
import { VOICE_STATES } from '../protocol/socket';
import type {
  AnyClientEvents,
  AnyServerEvents,
  HandshakeAuth,
  Namespace,
  PrinterView,
  SupervisorState,
  UpstreamStatus,
  VoiceReport,
} from '../protocol/socket';
import type { CallView } from '../protocol/views';
import { closeSessions, closeStaleDevices } from './disconnects';
import { boardState, consoleState, kioskState, padState, ticketPageState } from './first-state';
import { binders, kioskOf, type Bind } from './handshake';
import { publicWindow, zoneServices } from './public-window';
import type { Bound, HallIo, HallNamespace, HallSocket, NoEvents, SocketData } from './typed-io';
import { windowScreenState } from './window-screen';

const RECENT_CALLS = 20;

export class Realtime {
  readonly name = 'realtime';
  readonly io: HallIo;
  private readonly recent: CallView[] = [];
  /** Each window's latest call, for window screens connecting later. */
  private readonly lastCall = new Map<number, CallView>();
  private readonly unsubscribe: (() => void)[] = [];
  private refresh: NodeJS.Timeout | undefined;
  /** Followed tickets are predicted again shortly after a change, off the command path (one per burst). */
  private followed: NodeJS.Timeout | undefined;
  private stopped = false;
  /** What each followed ticket's page was last sent: a refresh sends only what changed. */
  private readonly sent = new Map<string, string>();

  constructor(
    httpServer: HttpServer,
    private readonly core: HallCore,
    private readonly staff: StaffAccess,
    private readonly devices: {
      printerOfKiosk: (kioskId: string) => PrinterView | null;
      /** A device's page connected or left (device health). */
      presence: (deviceId: string, connected: boolean) => void;
      supervisorState: () => SupervisorState;
      upstreamStatus: () => UpstreamStatus;
      /** A board's (or window screen's) report of its sound (device health). */
      voice?: (deviceId: string, report: VoiceReport) => void;
    },
  ) {
    this.io = new Server<AnyClientEvents, AnyServerEvents, NoEvents, SocketData>(httpServer, {
      serveClient: false,
      maxHttpBufferSize: 64 * 1024,
      cors: { origin: false },
    });
  }

  /** One namespace, typed with its own events. */
  private nsp<N extends Namespace>(name: N): HallNamespace<N> {
    return this.io.of(name) as unknown as HallNamespace<N>;
  }

  /** Connected clients per namespace (metrics). */
  clientCounts(): Record<string, number> {
    return Object.fromEntries([...this.io._nsps].filter(([n]) => n !== '/').map(([n, ns]) => [n, ns.sockets.size]));
  }

  start(): void {
    const bind = binders(this.core);
    this.setup('/board', bind['/board'], (s, b) => {
      if (b.zone) void s.join(`zone:${b.zone}`);
      this.listenVoice(s, b);
      s.emit('state', boardState(this.core, b.zone, this.recent));
    });
    this.setup('/window', bind['/window'], (s, b) => {
      void s.join(`window:${b.windowNo}`);
      s.emit('state', consoleState(this.core, b.windowNo!));
    });
    this.setup('/supervisor', bind['/supervisor'], (s) => s.emit('state', this.devices.supervisorState()));
    this.setup('/pad', bind['/pad'], (s, b) => {
      void s.join(`window:${b.windowNo}`);
      s.emit('state', padState(this.core, b.windowNo!));
    });
    this.setup('/ticket', bind['/ticket'], (s, b) => {
      void s.join(`ticket:${b.ticketId}`);
      const state = ticketPageState(this.core, b.ticketId!);
      this.sent.set(`ticket:${b.ticketId}`, JSON.stringify(state.ticket));
      s.emit('state', state);
    });
    this.setup('/kiosk', bind['/kiosk'], (s, b) => {
      const kioskId = kioskOf(b);
      if (kioskId) void s.join(`kiosk:${kioskId}`);
      s.emit('state', kioskState(this.core, kioskId ? this.devices.printerOfKiosk(kioskId) : null));
    });
    this.setup('/screen', bind['/screen'], (s, b) => {
      void s.join(`window:${b.windowNo}`);
      this.listenVoice(s, b);
      s.emit('state', windowScreenState(this.core, b.windowNo!, this.lastCall.get(b.windowNo!) ?? null));
    });
    this.subscribe();
    // Waits and the upstream backlog's age grow without any event: supervisors get both every few seconds.
    this.refresh = setInterval(() => {
      if (!this.nsp('/supervisor').sockets.size) return;
      this.nsp('/supervisor').emit('queues', this.core.query.serviceViews());
      this.nsp('/supervisor').emit('upstream', this.devices.upstreamStatus());
    }, 5000);
    this.refresh.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.refresh);
    clearTimeout(this.followed);
    this.stopped = true;
    for (const u of this.unsubscribe.splice(0)) u();
    this.io.disconnectSockets(true);
    await new Promise<void>((resolve) => this.io.close(() => resolve()));
  }

  private setup<N extends Namespace>(name: N, bind: Bind, onConnect: (s: HallSocket<N>, b: Bound) => void): void {
    // The server-wide event map here (every namespace's `error`); onConnect gets the namespace's own.
    const nsp = this.io.of(name);
    nsp.use((socket, next) => {
      try {
        const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
        const token = typeof auth.token === 'string' ? auth.token : null;
        socket.data.bound = bind(this.staff.authenticate(token), auth);
        next();
      } catch (e) {
        const err = new Error(isHallError(e) ? e.message : '连接被拒绝') as Error & { data: unknown };
        err.data = { code: isHallError(e) ? e.code : 'FORBIDDEN' };
        next(err);
      }
    });
    nsp.on('connection', (socket) => {
      const p = socket.data.bound.principal;
      if (p?.kind === 'device') {
        this.devices.presence(p.deviceId, true);
        socket.on('disconnect', () => this.devices.presence(p.deviceId, false));
      }
      try {
        onConnect(socket as unknown as HallSocket<N>, socket.data.bound);
      } catch (e) {
        socket.emit('error', { code: 'INTERNAL', message: (e as Error).message });
        socket.disconnect(true);
      }
    });
  }

  /** Window screens get their whole (small) state again: the clerk's figures change with the window. */
  private sendScreen(no: number): void {
    const room = `window:${no}`;
    if (!this.nsp('/screen').adapter.rooms.has(room)) return;
    this.nsp('/screen')
      .to(room)
      .emit('state', windowScreenState(this.core, no, this.lastCall.get(no) ?? null));
  }

  private subscribe(): void {
    const bus = this.core.bus;
    this.unsubscribe.push(
      bus.on('call', (call) => {
        this.recent.unshift(call);
        this.recent.length = Math.min(this.recent.length, RECENT_CALLS);
        const zone = this.core.model.windows.get(call.windowNo)?.zone;
        this.nsp('/board').to(`zone:${zone}`).emit('call', call);
        this.boardsWithoutZone().forEach((s) => s.emit('call', call));
        this.nsp('/window').to(`window:${call.windowNo}`).emit('call', call);
        this.nsp('/pad').to(`window:${call.windowNo}`).emit('call', call);
        this.lastCall.set(call.windowNo, call);
        this.nsp('/screen').to(`window:${call.windowNo}`).emit('call', call);
        this.sendScreen(call.windowNo);
        this.nsp('/supervisor').emit('call', call);
      }),
      bus.on('window.changed', ({ window }) => {
        const pub = publicWindow(window);
        this.nsp('/board').to(`zone:${window.zone}`).emit('window', pub);
        this.boardsWithoutZone().forEach((s) => s.emit('window', pub));
        this.nsp('/window').to(`window:${window.no}`).emit('window', window);
        this.nsp('/window').to(`window:${window.no}`).emit('held', this.core.query.heldTickets(window.no));
        this.nsp('/pad').to(`window:${window.no}`).emit('window', pub);
        this.sendPrompt(window.no);
        this.sendScreen(window.no);
        this.nsp('/supervisor').emit('window', window);
      }),
      bus.on('evaluation.changed', ({ evaluation }) => {
        this.sendPrompt(evaluation.windowNo);
        this.sendScreen(evaluation.windowNo);
        this.nsp('/supervisor').emit('evaluation', evaluation);
      }),
      bus.on('followup.changed', ({ followUp }) => this.nsp('/supervisor').emit('followUp', followUp)),
      bus.on('alert', (alert) => this.nsp('/supervisor').emit('alert', alert)),
      // The adapters' own events: a printer's state for its kiosk and supervisors, a device's health.
      bus.on('printer.changed', (p) => this.printerChanged(p)),
      bus.on('device.changed', (d) => this.nsp('/supervisor').emit('device', d)),
      bus.on('session.ended', ({ digests, reason }) => closeSessions(this.io, new Set(digests), reason)),
      bus.on('config.changed', ({ changed }) => closeStaleDevices(this.io, this.staff, changed)),
      bus.on('notice.changed', () => {
        this.nsp('/supervisor').emit('notice', this.core.query.notice(null));
        for (const s of this.nsp('/board').sockets.values())
          s.emit('notice', this.core.query.notice(s.data.bound.zone));
      }),
      bus.on('queues.changed', ({ services }) => {
        this.nsp('/window').emit('queues', services);
        this.nsp('/supervisor').emit('queues', services);
        this.nsp('/kiosk').emit('queues', services);
        // A zone's board lists only the queues its windows take.
        const boards = [...this.nsp('/board').sockets.values()];
        const windows = boards.length ? this.core.query.snapshot().windows : [];
        for (const s of boards) s.emit('queues', zoneServices(services, windows, s.data.bound.zone));
        this.followed ??= setTimeout(() => {
          this.followed = undefined;
          this.refreshFollowedTickets();
        }, FOLLOWED_REFRESH_MS).unref();
      }),
      bus.on('ticket.changed', ({ ticket, action }) => {
        this.nsp('/supervisor').emit('ticket', ticket);
        if (action === 'finished' && ticket.windowNo !== null) {
          const count = this.core.query.servedByWindow(ticket.day)[String(ticket.windowNo)] ?? 0;
          this.nsp('/supervisor').emit('served', { windowNo: ticket.windowNo, count });
        }
        // Only tickets someone follows on the ticket page cost a status query.
        const room = `ticket:${ticket.id}`;
        if (!this.nsp('/ticket').adapter.rooms.has(room)) return;
        const status = this.core.query.ticketStatus(ticket.id);
        if (!status) return;
        this.sent.set(room, JSON.stringify(status));
        this.nsp('/ticket').to(room).emit('ticket', status);
      }),
    );
  }

  /** A device's voice reports; anything malformed is dropped (a page cannot make up states). */
  private listenVoice(s: HallSocket<'/board' | '/screen'>, b: Bound): void {
    const p = b.principal;
    if (p?.kind !== 'device') return;
    s.on('voice', (r: unknown) => {
      const report = r as Partial<VoiceReport> | null;
      if (!report || !(VOICE_STATES as readonly unknown[]).includes(report.state)) return;
      const detail = typeof report.detail === 'string' ? report.detail.slice(0, 200) : undefined;
      this.devices.voice?.(p.deviceId, { state: report.state!, ...(detail ? { detail } : {}) });
    });
  }

  /** A printer's state changed: its kiosk shows it; supervisors see it (the watch raises the alert). */
  private printerChanged(p: PrinterView): void {
    this.nsp('/kiosk').to(`kiosk:${p.kiosk}`).emit('printer', p);
    this.nsp('/supervisor').emit('printer', p);
  }

  /** Phones following a waiting ticket: people ahead and who serves change with every queue change. */
  private refreshFollowedTickets(): void {
    const ns = this.nsp('/ticket');
    const rooms = [...ns.adapter.rooms.keys()].filter((r) => r.startsWith('ticket:'));
    for (const r of this.sent.keys()) if (!ns.adapter.rooms.has(r)) this.sent.delete(r);
    // One prediction per turn of the event loop: commands arriving meanwhile wait for one at most.
    const step = (i: number) => {
      if (i >= rooms.length || this.stopped) return;
      const status = this.core.query.ticketStatus(rooms[i]!.slice('ticket:'.length));
      const text = JSON.stringify(status);
      if (status?.status === 'waiting' && this.sent.get(rooms[i]!) !== text) {
        this.sent.set(rooms[i]!, text);
        ns.to(rooms[i]!).emit('ticket', status);
      }
      setImmediate(() => step(i + 1));
    };
    step(0);
  }

  /** A window's pad prompt, computed only when a pad of that window is connected (every call changes it). */
  private sendPrompt(no: number): void {
    const room = `window:${no}`;
    if (!this.nsp('/pad').adapter.rooms.has(room)) return;
    this.nsp('/pad').to(room).emit('prompt', this.core.query.padPrompt(no));
  }

  private boardsWithoutZone(): HallSocket<'/board'>[] {
    return [...this.nsp('/board').sockets.values()].filter((s) => s.data.bound.zone === null);
  }
}

/** A ticket page's new prediction waits this long after a queue change (each costs about a millisecond). */
const FOLLOWED_REFRESH_MS = 300;
