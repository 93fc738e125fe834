// The demo driver's HTTP side: JSON requests with a bearer token, answers timed, errors counted by code
// (a driver keeps going when one request fails, as a real kiosk or console would).
export interface ApiAnswer<T> {
  ok: boolean;
  status: number;
  body: T | null;
  errorCode?: string;
}

export class HallHttp {
  readonly errors = new Map<string, number>();
  /** Milliseconds per request, for the load report. */
  readonly latencies: number[] = [];

  constructor(private readonly base: string) {}

  async request<T>(
    method: 'GET' | 'POST',
    path: string,
    token: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    const t0 = performance.now();
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const json = (await res.json().catch(() => null)) as (T & { error?: { code: string } }) | null;
      this.latencies.push(performance.now() - t0);
      if (res.ok) return { ok: true, status: res.status, body: json };
      const code = json?.error?.code ?? `http_${res.status}`;
      this.count(code);
      return { ok: false, status: res.status, body: null, errorCode: code };
    } catch (e) {
      const code = (e as Error).name === 'TimeoutError' ? 'timeout' : 'unreachable';
      this.count(code);
      return { ok: false, status: 0, body: null, errorCode: code };
    }
  }

  post<T>(path: string, token: string | null, body: unknown = {}, headers?: Record<string, string>) {
    return this.request<T>('POST', path, token, body, headers);
  }

  get<T>(path: string, token: string | null) {
    return this.request<T>('GET', path, token);
  }

  private count(code: string): void {
    this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
  }
}
