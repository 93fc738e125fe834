// `server.tls` and the checks that tie it to the rest of the config (README "Security" → "TLS").
import { z } from 'zod';

export const DEFAULT_HTTPS_PORT = 8443;
export const DEFAULT_MQTTS_PORT = 8883;

export const tlsSchema = z
  .strictObject({
    /** The hall's own certificate (PEM, the chain after it) and its private key, as file paths. */
    cert: z.string().min(1).optional(),
    key: z.string().min(1).optional(),
    /** No certificate of its own: a hall CA and a server certificate are made at first start (data dir). */
    selfSigned: z.boolean().default(false),
    /** More host names or IP addresses for the self-signed certificate (the LAN addresses are in it). */
    names: z
      .array(z.string().regex(/^[A-Za-z0-9.:_-]{1,253}$/, 'a host name or an IP address (IPv6 without brackets)'))
      .default([]),
    /** The HTTPS port; the plain HTTP port (server.port) keeps only the public ticket page and redirects. */
    port: z.number().int().min(0).max(65535).default(DEFAULT_HTTPS_PORT),
    /**
     * Where a ticket's QR code points: `http` (default) keeps the mobile ticket page on plain HTTP, because
     * visitors' phones do not trust a hall certificate; `https` when they do (a publicly trusted
     * certificate), which also turns on HSTS.
     */
    ticketPage: z.enum(['http', 'https']).default('http'),
  })
  .superRefine((t, ctx) => {
    if (t.selfSigned && (t.cert || t.key))
      ctx.addIssue({
        code: 'custom',
        path: ['selfSigned'],
        message: '证书和私钥（cert、key）与 selfSigned 只能二选一',
      });
    if (!t.selfSigned && !(t.cert && t.key))
      ctx.addIssue({
        code: 'custom',
        path: [t.cert ? 'key' : 'cert'],
        message: '请给出证书和私钥文件（cert、key），或设 selfSigned: true',
      });
  });

export type TlsConfig = z.output<typeof tlsSchema>;

interface TlsRelated {
  server: { port: number; publicUrl?: string; tls?: TlsConfig };
  mqtt: { embedded: { tlsPort?: number } } | object;
}

/** With TLS on, the hall's public address is its HTTPS one; MQTTS needs the server's certificate. */
export function checkTls(c: TlsRelated, ctx: z.core.$RefinementCtx): void {
  const tls = c.server.tls;
  if (tls && c.server.publicUrl && !c.server.publicUrl.startsWith('https://'))
    ctx.addIssue({
      code: 'custom',
      path: ['server', 'publicUrl'],
      message: `启用 server.tls 后对外地址应为 HTTPS 地址（https://…:${tls.port}）`,
    });
  if (tls && tls.port !== 0 && tls.port === c.server.port)
    ctx.addIssue({ code: 'custom', path: ['server', 'tls', 'port'], message: 'HTTPS 需要单独的端口' });
  if (!tls && 'embedded' in c.mqtt && c.mqtt.embedded.tlsPort !== undefined)
    ctx.addIssue({
      code: 'custom',
      path: ['mqtt', 'embedded', 'tlsPort'],
      message: 'MQTT over TLS 使用服务器证书：请先设置 server.tls',
    });
}
