// The hall's adapters as one ordered list (the composition root, server/app.ts, makes it): started in order,
// stopped in reverse, each isolated. As zigbee2mqtt's controller does with its extensions, every start and
// stop runs in its own try/catch: an adapter that throws is logged and marked failed, the others still start
// (or stop), and commands never wait on it, since adapters hear of commands only through the bus, whose
// listeners are isolated too. Only a `required` adapter's failed start undoes the hall's start.
import type { Adapter } from './adapter';

export type AdapterState = 'idle' | 'running' | 'failed' | 'stopped';

export interface AdapterStatus {
  name: string;
  state: AdapterState;
  /** The last start, stop or restart error (its message only). */
  error: string | null;
}

type Log = (msg: string, e?: unknown, fields?: Record<string, unknown>) => void;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class Adapters {
  private readonly states = new Map<string, AdapterStatus>();

  constructor(
    private readonly list: readonly Adapter<unknown>[],
    private readonly log: Log,
  ) {
    for (const a of list) {
      if (this.states.has(a.name)) throw new Error(`two adapters named ${a.name}`);
      this.states.set(a.name, { name: a.name, state: 'idle', error: null });
    }
  }

  /** Starts every adapter in order; rejects only when a required one fails (the started ones are stopped). */
  async start(): Promise<void> {
    for (const a of this.list) {
      try {
        await a.start();
        this.set(a, 'running', null);
      } catch (e) {
        this.set(a, 'failed', e);
        this.log(`adapter ${a.name}: start failed`, e, { adapter: a.name });
        if (a.required) {
          await this.stop();
          throw e;
        }
      }
    }
  }

  /** Stops the adapters in reverse order; one that throws does not keep the others running. */
  async stop(): Promise<void> {
    for (const a of [...this.list].reverse()) {
      const s = this.states.get(a.name)!;
      if (s.state === 'idle' || s.state === 'stopped') continue;
      try {
        await a.stop();
        this.set(a, 'stopped', null);
      } catch (e) {
        this.set(a, 'stopped', e);
        this.log(`adapter ${a.name}: stop failed`, e, { adapter: a.name });
      }
    }
  }

  /** One adapter takes a new configuration; the others are not touched. Rejects if it cannot. */
  async restart<C>(name: string, config: C): Promise<void> {
    const a = this.list.find((x) => x.name === name) as Adapter<C> | undefined;
    if (!a) throw new Error(`no adapter named ${name}`);
    if (!a.restart) throw new Error(`adapter ${name} cannot take a new configuration while running`);
    try {
      await a.restart(config);
      this.set(a, 'running', null);
      this.log(`adapter ${name}: restarted with a new configuration`, undefined, { adapter: name });
    } catch (e) {
      this.set(a, 'failed', e);
      this.log(`adapter ${name}: restart failed`, e, { adapter: name });
      throw e;
    }
  }

  status(): AdapterStatus[] {
    return this.list.map((a) => ({ ...this.states.get(a.name)! }));
  }

  private set(a: Adapter<unknown>, state: AdapterState, e: unknown): void {
    this.states.set(a.name, { name: a.name, state, error: e === null ? null : message(e) });
  }
}
