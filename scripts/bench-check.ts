// "Check the count or fail loudly", shared by every script that measures (benchmarks, load, simulator,
// demo). A benchmark that silently measures less than it says (429s it never read, calls that found
// nothing to call, clients that heard nothing) prints figures from a fraction of the work; these helpers
// turn every such shortfall into an error that names what fell short, and the script exits non-zero
// instead of printing figures.

/** What a measuring script did not get; its message names the shortfall. */
export class Shortfall extends Error {
  override name = 'Shortfall';
}

/** Collects shortfalls so one run reports all of them at once (every client that fell short, not the first). */
export class Checks {
  private readonly missed: string[] = [];

  constructor(private readonly what: string) {}

  /** `label`: got `got` of `want`; `why` says what probably caused it. */
  count(label: string, got: number, want: number, why?: string): this {
    if (got !== want) this.missed.push(`${label}: ${got} of ${want}${why ? ` (${why})` : ''}`);
    return this;
  }

  /** At least `min` (a count that may legitimately run over, e.g. retained messages). */
  atLeast(label: string, got: number, min: number, why?: string): this {
    if (!(got >= min)) this.missed.push(`${label}: ${got}, expected at least ${min}${why ? ` (${why})` : ''}`);
    return this;
  }

  /** A condition stated in words; `message` is printed when it fails. */
  that(ok: boolean, message: string): this {
    if (!ok) this.missed.push(message);
    return this;
  }

  /** Throws a Shortfall listing everything that fell short, if anything did. */
  assert(): void {
    if (!this.missed.length) return;
    // A long run can fall short on every day or client; the first lines name the cause.
    const shown = this.missed.slice(0, 20);
    if (this.missed.length > shown.length) shown.push(`… and ${this.missed.length - shown.length} more`);
    throw new Shortfall(`${this.what} fell short:\n  - ${shown.join('\n  - ')}`);
  }
}

/** Answer counts by HTTP status (e.g. "201 ×61, 429 ×539"), for messages about refused requests. */
export function tally(statuses: Iterable<number | string>): string {
  const by = new Map<string, number>();
  for (const s of statuses) by.set(String(s), (by.get(String(s)) ?? 0) + 1);
  return [...by].map(([k, n]) => `${k} ×${n}`).join(', ');
}

/** Runs `f`; a Shortfall prints its message to stderr and exits 1 (for scripts without an async main). */
export function exitOnShortfall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof Shortfall)) throw e;
    console.error(e.message);
    process.exit(1);
  }
}

/** Runs a measuring script's main: a Shortfall (or any error) prints to stderr and exits 1, else exits 0. */
export function runMeasured(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e instanceof Shortfall ? e.message : e);
      process.exit(1);
    },
  );
}
