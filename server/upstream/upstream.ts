// The upstream adapter: every reported log entry goes into the outbox inside its own transaction (from the
// adapter's construction, before the hall's port opens); a loop sends the outbox in batches (sender.ts);
// hourly statistics join after each hour. It never blocks a command: with the platform down, the outbox
// grows and the dashboard shows the backlog.
import type { AdapterBus, HallContext } from '../adapters/context';
import type { HallConfig } from '../config/schema';
import type { HallCore } from '../core/hall-core';
import { Periodic } from '../core/periodic';
import type { UpstreamOutbox } from '../core/ports';
import { recordHourlyStats } from './hourly-stats';
import { upstreamEventOf } from './events';
import { backoffMs, sendNext, type Outcome } from './sender';
import type { UpstreamStatus } from '../protocol/socket';

/** The outbox's state as supervisors see it: a wire type, owned by protocol/. */
export type { UpstreamStatus };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type UpstreamConfig = HallConfig['upstream'];

export class Upstream {
  readonly name = 'upstream';
  readonly outbox: UpstreamOutbox;
  private running = false;
  private wakeUp: (() => void) | null = null;
  private loopDone: Promise<void> = Promise.resolve();
  private unhook: (() => void) | null = null;
  private stats: Periodic | null = null;
  private lastError: string | null = null;
  private parkedError: string | null = null;
  /** The adapter's own settings: the hall config's at first, a live change's after `restart`. */
  private cfg: UpstreamConfig;

  constructor(
    private readonly core: HallCore,
    private readonly bus: AdapterBus,
    private readonly log: (msg: string, e?: unknown) => void,
    private readonly opts: { post?: typeof fetch; statsEveryMs?: number } = {},
  ) {
    this.outbox = core.upstreamOutbox;
    this.cfg = core.config.upstream;
    this.record();
  }

  get configured(): boolean {
    return this.cfg !== undefined;
  }

  /**
   * Recording starts with the adapter, not with its sender: the outbox row is written by the appending
   * command's own transaction from the first command on, whatever starts (or opens a port) later.
   */
  private record(): void {
    if (!this.configured || this.unhook) return;
    this.unhook = this.core.tapLog((e) => {
      const up = upstreamEventOf(this.core, e);
      if (!up) return null;
      this.wake();
      return { type: up.type, at: e.at, data: up.data };
    });
  }

  start(): void {
    if (!this.configured) return;
    this.record();
    this.stats = new Periodic(
      'hourly statistics',
      this.opts.statsEveryMs ?? 30_000,
      () => {
        // A command of the core: the marks file follows its commit (HallCore.run).
        if (recordHourlyStats(this.core)) this.wake();
      },
      this.log,
    );
    this.stats.start();
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.unhook?.();
    this.unhook = null;
    await this.stopSending();
  }

  /**
   * New settings (another platform address, a new secret, other batch sizes) while the hall runs: the
   * sender stops after its current batch and starts again with them. Recording never pauses, so no command
   * made meanwhile is missed; with `undefined` the hall stops reporting (the outbox keeps what it holds).
   */
  async restart(cfg: UpstreamConfig): Promise<void> {
    await this.stopSending();
    this.cfg = cfg;
    this.lastError = this.parkedError = null;
    if (!cfg) {
      this.unhook?.();
      this.unhook = null;
    }
    this.start();
    this.changed();
  }

  private async stopSending(): Promise<void> {
    this.stats?.stop();
    this.stats = null;
    this.running = false;
    this.wake();
    await this.loopDone;
  }

  private changed(): void {
    this.bus.emit({ type: 'upstream.changed', payload: {} });
  }

  /** Parked batches back in the queue, after their cause (a wrong secret, a bad URL) was fixed. */
  retry(): number {
    const n = this.outbox.unpark();
    this.parkedError = null;
    this.wake();
    this.changed();
    return n;
  }

  status(): UpstreamStatus {
    const b = this.outbox.backlog();
    return {
      configured: this.configured,
      url: this.cfg?.url ?? null,
      pending: b.count,
      oldestAt: iso(b.oldestAt),
      lastSentAt: iso(b.lastSentAt),
      parked: this.parkedError !== null ? { error: this.parkedError } : null,
      lastError: this.lastError,
    };
  }

  /** For the watch's backlog and rejection alerts. */
  facts(): { oldestAt: number; count: number; rejected: string | null } | null {
    if (!this.configured) return null;
    const b = this.outbox.backlog();
    if (b.oldestAt === null && this.parkedError === null) return null;
    return { oldestAt: b.oldestAt ?? this.core.clock(), count: b.count, rejected: this.parkedError };
  }

  private wake(): void {
    this.wakeUp?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async loop(): Promise<void> {
    const cfg = this.cfg!;
    while (this.running) {
      let out: Outcome;
      try {
        out = await sendNext(
          this.outbox,
          cfg,
          this.core.config.hall.id,
          this.core.clock,
          this.opts.post,
          this.core.upstreamGeneration,
        );
      } catch (e) {
        this.log('upstream: send failed', e);
        out = { kind: 'failed', attempts: 1, error: String(e) };
      }
      if (!this.running) break;
      await this.sleep(this.after(out, cfg));
    }
  }

  /** What the outcome means for the dashboard, and how long to wait before the next step. */
  private after(out: Outcome, cfg: NonNullable<UpstreamConfig>): number {
    switch (out.kind) {
      case 'idle':
        return 5_000;
      case 'parked':
        if (this.parkedError === null) this.parkedError = out.error || '上报被拒绝';
        return 5_000;
      case 'sent':
        if (this.lastError !== null) this.changed();
        this.lastError = null;
        return 1000 / cfg.batchesPerSec;
      case 'rejected':
        this.lastError = this.parkedError = out.error;
        this.log(`upstream: batch refused (${out.error}); parked until retried`);
        this.changed();
        return 0;
      case 'failed':
        this.lastError = out.error;
        return backoffMs(out.attempts, cfg.retry);
    }
  }
}

/** The upstream adapter as the composition root makes it (recording starts here, before any port opens). */
export const upstreamAdapter = (ctx: HallContext): Upstream =>
  new Upstream(ctx.core, ctx.bus, ctx.log, { post: ctx.opts.upstreamPost, statsEveryMs: ctx.opts.upstreamStatsMs });
