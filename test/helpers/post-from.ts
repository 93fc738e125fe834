// A JSON POST from a chosen loopback address (127.0.0.x), as callers on several machines of the hall LAN
// would send it: per-address limits see each address apart.
import { request } from 'node:http';

export function postFrom(
  url: string,
  from: string,
  path: string,
  body: unknown,
): Promise<{ status: number; body: any }> {
  const u = new URL(url);
  const data = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path,
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
