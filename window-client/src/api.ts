// Commands to the hall over HTTP. Every press carries its own Idempotency-Key; when the network is down
// the same request is retried with the same key, so it is done exactly once, or reported as not done.
export interface ApiError {
  code: string;
  message: string;
}

export class CommandError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Thrown when the network stayed down for the whole retry period: the command was not done. */
export class NotDoneError extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Api {
  constructor(
    public token: string | null,
    private readonly onRetrying: (retrying: boolean) => void = () => {},
    private readonly retryForMs = 30_000,
  ) {}

  async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, idempotent = false): Promise<T> {
    const key = idempotent ? crypto.randomUUID() : undefined;
    const deadline = Date.now() + this.retryForMs;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(path, {
          method,
          headers: {
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
            ...(key ? { 'idempotency-key': key } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch {
        // Only a retry with the same key is safe; a request without one is not retried.
        if (!key || Date.now() > deadline) {
          this.onRetrying(false);
          throw new NotDoneError('network');
        }
        this.onRetrying(true);
        await sleep(Math.min(3000, 500 * 2 ** attempt));
        continue;
      }
      if (attempt > 0) this.onRetrying(false);
      const json = (await res.json().catch(() => ({}))) as { error?: ApiError } & T;
      if (!res.ok) throw new CommandError(json.error ?? { code: 'INTERNAL', message: `HTTP ${res.status}` });
      return json;
    }
  }

  post<T>(path: string, body: unknown = {}, idempotent = true): Promise<T> {
    return this.request<T>('POST', path, body, idempotent);
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }
}
