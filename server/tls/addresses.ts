// The hall's addresses as others must type or scan them: `publicUrl` (staff and devices; HTTPS when TLS is
// on) and the base of the ticket QR code (plain HTTP by default even with TLS: visitors' phones do not
// trust a hall certificate, and the ticket page carries no secret).
import { networkInterfaces } from 'node:os';

/** Without a configured publicUrl, a printed QR code points at the server's LAN address, not localhost. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces())) {
    const a = list?.find((x) => x.family === 'IPv4' && !x.internal);
    if (a) return a.address;
  }
  return null;
}

export interface HallAddresses {
  publicUrl: string;
  /** Where `/t/{id}` links point. */
  ticketUrl: string;
}

export function hallAddresses(a: {
  configured: string | undefined;
  host: string;
  port: number;
  tlsPort: number | null;
  ticketPage: 'http' | 'https';
}): HallAddresses {
  const anyHost = a.host === '0.0.0.0' || a.host === '::';
  const host = anyHost ? (lanAddress() ?? 'localhost') : a.host;
  const publicUrl = a.configured ?? (a.tlsPort === null ? `http://${host}:${a.port}` : `https://${host}:${a.tlsPort}`);
  if (a.tlsPort === null || a.ticketPage === 'https') return { publicUrl, ticketUrl: publicUrl };
  const plain = new URL(publicUrl);
  plain.protocol = 'http:';
  plain.port = a.port === 80 ? '' : String(a.port);
  return { publicUrl, ticketUrl: plain.origin };
}
