// Browser-side protections on every answer (issue 23, finding 18). The pages are Vite-built lit apps loaded
// from /app (no inline script), talking to this server only (HTTP and socket.io's WebSocket); the server-made
// pages (start page, API docs, printable report, virtual printer) use inline styles, and the printable report
// one inline handler, allowed by its hash alone. Clerks' photos may live on another hall server, so images
// may come from any http(s) address; nothing else leaves the origin.
import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { PRINT_HANDLER } from '../reports/print-page';

const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-hashes' ${hash(PRINT_HANDLER)}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: http: https:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  // Ticket pages carry their unguessable id in the path: never hand it to another site.
  'referrer-policy': 'no-referrer',
};

export const securityHeaders: RequestHandler = (_req, res, next) => {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  next();
};
