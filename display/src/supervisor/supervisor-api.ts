// The dashboard's HTTP calls with the supervisor's bearer token; errors come back as ApiError with the
// server's code and Chinese message. Downloads are fetched with the token and saved from a blob.
import { ApiError, getJson, postJson } from '../shared/device-api';

export class SupervisorApi {
  constructor(private readonly token: string) {}

  get<T>(path: string): Promise<T> {
    return getJson<T>(path, this.token);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return postJson<T>(path, this.token, body);
  }

  /** Fetches a file with the token and hands it to the browser as a download (or opens a page). */
  async download(path: string, open = false): Promise<void> {
    const res = await fetch(path, { headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) throw new ApiError('EXPORT', `导出失败（${res.status}）`);
    const name = /filename="?([^";]+)"?/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'report';
    const url = URL.createObjectURL(await res.blob());
    if (open) {
      window.open(url, '_blank');
    } else {
      const a = document.createElement('a');
      a.href = url;
      a.download = decodeURIComponent(name);
      document.body.append(a);
      a.click();
      a.remove();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
