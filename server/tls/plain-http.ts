// What plain HTTP still carries when TLS is on: only what a visitor's phone needs for the ticket page,
// which holds no password or token. Staff and device pages redirect to HTTPS; a login, or any request with
// a bearer token, is refused with HTTPS_REQUIRED so a misconfigured device is noticed, not silently served.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Server as IoServer, Namespace } from 'socket.io';

/** GET paths served over plain HTTP: the ticket page, its status API and assets, health, the hall CA. */
const PUBLIC_GETS = [
  /^\/t\/[A-Za-z0-9_-]{1,64}$/,
  /^\/api\/tickets\/[A-Za-z0-9_-]{1,64}$/,
  /^\/app\//,
  /^\/api\/health$/,
  /^\/favicon\.ico$/,
  /^\/hall-ca\.pem$/,
];

/** socket.io namespaces open over plain HTTP: the ticket page's (it authenticates with the ticket id only). */
export const PUBLIC_NAMESPACES = ['/ticket'];

/** A bearer token in the header, or a device page's `?token=` (how screens are set up). */
const carriesToken = (req: IncomingMessage) =>
  req.headers.authorization !== undefined || /[?&]token=/.test(req.url ?? '');

export function plainHttpAllows(req: IncomingMessage): boolean {
  const p = (req.url ?? '/').split('?')[0]!;
  if (p.startsWith('/socket.io/')) return true; // namespaces are checked by secureSocketsOnly
  if (carriesToken(req)) return false;
  return (req.method === 'GET' || req.method === 'HEAD') && PUBLIC_GETS.some((re) => re.test(p));
}

/** The HTTPS address for a plain request: the host the client asked for, on the HTTPS port. */
export function httpsOrigin(req: IncomingMessage, tlsPort: number, fallback: string): string {
  try {
    const u = new URL(`http://${req.headers.host ?? ''}`);
    if (!u.hostname || u.username || u.pathname !== '/') return fallback;
    u.protocol = 'https:';
    u.port = tlsPort === 443 ? '' : String(tlsPort);
    return u.origin;
  } catch {
    return fallback;
  }
}

/** Answers a plain request that HTTPS must carry: a redirect for a page, HTTPS_REQUIRED for the rest. */
export function refusePlain(req: IncomingMessage, res: ServerResponse, origin: string): void {
  const target = origin + (req.url ?? '/');
  // A token that came in clear is refused, not redirected: the device must be set up with the HTTPS address.
  const isPage = (req.method === 'GET' || req.method === 'HEAD') && !carriesToken(req);
  if (isPage) {
    res.writeHead(308, { location: target, 'cache-control': 'no-store' }).end();
    return;
  }
  const body = JSON.stringify({
    error: {
      code: 'HTTPS_REQUIRED',
      message: `密码和令牌只能通过 HTTPS 发送，请改用 ${origin}（明文 HTTP 只提供手机查号页）`,
      details: { httpsUrl: target },
    },
  });
  res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(body);
}

/** Every namespace but the public ones refuses a connection that did not come over HTTPS. */
export function secureSocketsOnly(io: IoServer): void {
  const guard = (nsp: Namespace) => {
    if (PUBLIC_NAMESPACES.includes(nsp.name)) return;
    nsp.use((socket, next) => {
      if (socket.handshake.secure) return next();
      const err = new Error('请通过 HTTPS 连接（明文 HTTP 只提供手机查号页）') as Error & { data: unknown };
      err.data = { code: 'HTTPS_REQUIRED' };
      next(err);
    });
  };
  for (const nsp of io._nsps.values()) guard(nsp);
  // Namespaces made later (the realtime adapter's, at start) get the guard before their own token check.
  io.on('new_namespace', guard);
}
