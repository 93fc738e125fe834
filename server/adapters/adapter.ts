// What every adapter is (DESIGN.md §3 Adapters): a named part of the hall around the core that starts and
// stops, and may take a new configuration while the hall runs (live settings). Adapters talk to each other
// only over the event bus (core/adapter-events.ts) or through what the composition root hands them.

export interface Adapter<Config = never> {
  /** Short and stable: it names the adapter in logs, /api/health and `restart(name, …)`. */
  readonly name: string;
  /**
   * A required adapter's failed start stops the hall's start (the HTTP listener: a hall without its port is
   * no hall); any other failing adapter is logged and the hall runs on without it.
   */
  readonly required?: boolean;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
  /** Takes a new configuration without a server restart: after it the adapter runs with `config`. */
  restart?(config: Config): void | Promise<void>;
}

/** A part that already has start()/stop() (a timer job, a subscription set), as a named adapter. */
export function named(name: string, part: { start(): void | Promise<void>; stop(): void | Promise<void> }): Adapter {
  return { name, start: () => part.start(), stop: () => part.stop() };
}
