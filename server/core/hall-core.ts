// The hall core: every state change is a command of the one table (core/commands.ts), run here as one
// SQLite transaction; events go out only after it commits. Every read is a query (core/queries.ts). The
// stores are private (`#state`): nothing outside the core can reach the database, so "nothing else writes
// the database" is a type error to break, not a comment. Authorisation is the adapters' job
// (server/auth/policy.ts); the core records who acted.
import { HallError } from '../domain/errors';
import { hallDay } from '../domain/numbering';
import type { Db } from '../store/db';
import { commands, idempotencyScope, type ArgsOf, type CommandName, type ResultOf } from './commands';
import type { EventBus } from './events';
import { rollover } from './hall-day';
import type { HallModel } from './hall-model';
import { IDEMPOTENCY_TTL_MS, keyOwner, keyReused, requestFingerprint } from './idempotency';
import { HallQueries } from './queries';
import { CoreState, type Actor, type CallAudioSource, type Clock, type Ctx } from './state';
import { Tx } from './tx';
import { withPrediction } from './issue-ticket';
import type { IssuedTicketView } from '../protocol/views';
import type { OutboxEntry } from './upstream-outbox';
import type { UpstreamOutbox, LoggedEntry } from './ports';

export type { Actor, Clock } from './state';
export type { WindowAction, WindowCommandArgs, IssueInput } from './commands';

export class HallCore {
  readonly #state: CoreState;
  #lastDay: string | null = null;
  /** Every read of the hall (core/queries.ts). */
  readonly query: HallQueries;
  /** Whether the last write failed for a full disk (for /api/health); cleared by the next write that succeeds. */
  storageFull = false;

  constructor(db: Db, config: HallModel['config'], clock: Clock, bus: EventBus, idSecret: Buffer) {
    this.#state = new CoreState(db, config, clock, bus, idSecret);
    this.query = new HallQueries(this.#state);
    this.run('turnDay', {}, 'system');
  }

  /** The hall's fixed plan (services, windows, clerks from the config): read-only. */
  get model(): HallModel {
    return this.#state.model;
  }

  get config() {
    return this.#state.config;
  }

  get clock(): Clock {
    return this.#state.clock;
  }

  get bus(): EventBus {
    return this.#state.bus;
  }

  today(): string {
    return this.#state.today();
  }

  /**
   * Set by the voice adapter (server/voice/): a call's audio, answered at once. It runs inside the call's
   * transaction, so it must never throw into it nor wait.
   */
  set callAudio(fn: CallAudioSource | null) {
    this.#state.callAudio = fn;
  }

  get callAudio(): CallAudioSource | null {
    return this.#state.callAudio;
  }

  /**
   * Runs one command of the table in one transaction. With an idempotency key, a retry of the same request
   * by the same caller (at the same window, for a window command) returns the first answer and changes
   * nothing; the same key on a different request is refused (core/idempotency.ts).
   */
  run<N extends CommandName>(name: N, args: ArgsOf<N>, actor: Actor, key?: string): ResultOf<N> {
    const command = commands[name] as unknown as (ctx: Ctx, args: ArgsOf<N>) => ResultOf<N>;
    const result = this.#transact(actor, (ctx) => {
      if (!key) return command(ctx, args);
      const scope = idempotencyScope(name, args);
      const owner = scope.windowNo !== null ? keyOwner(actor, scope.windowNo) : actor;
      const fingerprint = requestFingerprint(...scope.request);
      const store = ctx.state.idempotency;
      const seen = store.get(owner, key, ctx.now - IDEMPOTENCY_TTL_MS);
      if (seen && seen.fingerprint !== fingerprint) throw keyReused();
      if (seen) return seen.response as ResultOf<N>;
      const result = command(ctx, args);
      store.put(owner, key, fingerprint, result ?? null, ctx.now);
      return result;
    });
    // A new ticket's predicted wait is made after the commit, outside the transaction (core/wait.ts).
    if (name === 'issueTicket') return withPrediction(this.#state, result as IssuedTicketView) as ResultOf<N>;
    return result;
  }

  /** Runs fn in one transaction (after the day rollover), then publishes what it collected. */
  #transact<T>(actor: Actor, fn: (ctx: Ctx) => T): T {
    const state = this.#state;
    const tx = new Tx();
    let day = '';
    let result: T;
    try {
      result = state.db.transaction(() => {
        const now = state.clock();
        day = hallDay(now, state.config.hall.timezone);
        if (day !== this.#lastDay) rollover({ state, tx, now, day, actor: 'system' });
        return fn({ state, tx, now, day, actor });
      })();
    } catch (e) {
      // A full disk rolls the whole command back (nothing half-written); the caller gets a clear refusal.
      if ((e as { code?: string }).code !== 'SQLITE_FULL') throw e;
      this.storageFull = true;
      throw new HallError('STORAGE_FULL', '服务器存储空间已满，本次操作未保存，请联系管理员清理磁盘');
    }
    this.storageFull = false;
    this.#lastDay = day; // only once the rollover has committed
    // Before anything is published (and printed): the marks file knows every number handed out.
    state.highWater.save();
    this.#publish(tx);
    return result;
  }

  #publish(tx: Tx): void {
    const { bus } = this.#state;
    for (const e of tx.events) bus.emit(e);
    for (const no of tx.windows) bus.emit({ type: 'window.changed', payload: { window: this.query.windowView(no) } });
    // A window opening, closing or pausing changes who serves each queue (the estimated wait) too.
    if (tx.queues || tx.windows.size > 0)
      bus.emit({ type: 'queues.changed', payload: { services: this.query.serviceViews({ cached: true }) } });
  }

  // ── the upstream adapter's ports (core/ports.ts) ────────────────────────────────────────────────

  /**
   * Runs `fn` on every log entry inside the command that appends it (the upstream's transactional outbox):
   * what it returns goes into the outbox in the same transaction; a throw rolls the command back.
   */
  tapLog(fn: (e: LoggedEntry) => OutboxEntry | null): () => void {
    const { log, outbox } = this.#state;
    return log.onAppend((e) => {
      const out = fn(e);
      if (out) outbox.add(out.type, out.at, out.data);
    });
  }

  /** The send side of the upstream outbox, and the generation its batch ids carry (after a restore). */
  get upstreamOutbox(): UpstreamOutbox {
    return this.#state.outbox;
  }

  /** Resolves once the high-water marks of every command so far are on disk (the server's stop awaits it). */
  marksWritten(): Promise<void> {
    return this.#state.highWater.flushed();
  }

  get upstreamGeneration(): number {
    return this.#state.highWater.generation;
  }
}
