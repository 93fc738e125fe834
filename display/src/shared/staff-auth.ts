// Staff login for the pages without a window (dashboard, administration, back office, guide desk): the
// form's 工号 and 密码 to POST /api/auth/login; a role the page is not for is turned away in plain words and
// its fresh session ended at once (nothing of it stays usable).
import { ApiError } from './device-api';

export interface LoggedIn {
  token: string;
  clerk: { id: string; name: string; role: string };
}

export async function loginStaff(form: HTMLFormElement, roles: readonly string[], refusal: string): Promise<LoggedIn> {
  const f = new FormData(form);
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clerkId: String(f.get('clerkId')), password: String(f.get('password')) }),
  });
  const body = (await res.json()) as Partial<LoggedIn> & { error?: { message: string } };
  if (!res.ok) throw new ApiError('LOGIN', body.error?.message ?? '');
  if (!roles.includes(body.clerk!.role)) {
    void fetch('/api/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${body.token}` } });
    throw new ApiError('FORBIDDEN', refusal);
  }
  return body as LoggedIn;
}
