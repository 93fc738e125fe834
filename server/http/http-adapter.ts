// The HTTP adapter opens the hall's web ports. It is the list's last: every other adapter runs before the
// port opens, so the first request already finds the hall whole; and it is the first stopped. It is the one
// required adapter: a port already taken stops the hall's start (with everything started undone).
import type { Adapter } from '../adapters/adapter';
import type { WebListeners } from '../tls/web-listeners';

export interface Bound {
  host: string;
  port: number;
  tlsPort: number | null;
}

export function httpAdapter(
  web: WebListeners,
  where: { host: string; port: number; tlsPort: number },
  onBound: (b: Bound) => void,
): Adapter {
  return {
    name: 'http',
    required: true,
    async start() {
      const b = await web.listen(where.host, where.port, where.tlsPort);
      onBound({ host: where.host, ...b });
    },
    async stop() {
      // Closed even when it never opened: the plain twin of an HTTPS port may be bound alone.
      await web.close().catch(() => undefined);
    },
  };
}
