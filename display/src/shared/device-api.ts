// The one way a hall screen sends a command: POST JSON with its device token; the server's error comes
// back as an ApiError with its code (screens translate by code) and Chinese message.
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** GET or POST JSON with a bearer token; a network failure or the server's error becomes an ApiError. */
async function requestJson<T>(path: string, token: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${token}`,
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

export const postJson = <T>(path: string, token: string, body: unknown): Promise<T> =>
  requestJson<T>(path, token, body);

export const getJson = <T>(path: string, token: string): Promise<T> => requestJson<T>(path, token);

/** socket.io's refusal carries the server's code; a network error has none. */
export type ConnectError = Error & { data?: { code?: string } };
