// The admin screen's HTTP calls with the admin's bearer token; the server's refusals come back as ApiError
// (code, Chinese message, details such as the validation issues with their paths).
import { ApiError } from '../shared/device-api';

export interface AdminConfig {
  [section: string]: any;
}

export interface SaveAnswer {
  version: number;
  applied: string[];
  needsRestart: string[];
  newTokens: Record<string, string>;
}

export interface PhotoAnswer {
  version: number;
  photoUrl: string | null;
}

export interface VersionInfo {
  version: number;
  savedBy: string;
  savedAt: number;
  source: 'file' | 'admin' | 'restore';
  note: string | null;
}

export class AdminApi {
  constructor(private readonly token: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError('NETWORK', '网络异常，请稍后再试');
    }
    const json = (await res.json().catch(() => ({}))) as {
      error?: { code: string; message: string; details?: Record<string, unknown> };
    };
    if (!res.ok) throw new ApiError(json.error?.code ?? 'NETWORK', json.error?.message ?? '', json.error?.details);
    return json as T;
  }

  config(): Promise<{ version: number; config: AdminConfig }> {
    return this.call('GET', '/api/admin/config');
  }

  save(version: number, config: AdminConfig): Promise<SaveAnswer> {
    return this.call('PUT', '/api/admin/config', { version, config });
  }

  history(): Promise<{ versions: VersionInfo[]; current: number }> {
    return this.call('GET', '/api/admin/config/history');
  }

  restore(version: number): Promise<SaveAnswer> {
    return this.call('POST', '/api/admin/config/restore', { version });
  }

  async exportYaml(): Promise<void> {
    const res = await fetch('/api/admin/config.yaml', { headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) throw new ApiError('EXPORT', `导出失败（${res.status}）`);
    const url = URL.createObjectURL(await res.blob());
    const a = document.createElement('a');
    a.href = url;
    a.download = 'hall-config.yaml';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  /** A clerk's photo as base64 (the server checks it is a JPEG or PNG of at most 1 MB). */
  setPhoto(clerkId: string, image: string): Promise<PhotoAnswer> {
    return this.call('PUT', `/api/admin/clerks/${encodeURIComponent(clerkId)}/photo`, { image });
  }

  removePhoto(clerkId: string): Promise<PhotoAnswer> {
    return this.call('DELETE', `/api/admin/clerks/${encodeURIComponent(clerkId)}/photo`);
  }

  logout(): Promise<unknown> {
    return this.call('POST', '/api/auth/logout', {});
  }
}
