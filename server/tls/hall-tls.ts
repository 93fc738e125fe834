// The certificate the hall serves HTTPS and MQTTS with: the hall's own files, or the self-signed one.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import path from 'node:path';
import type { HallConfig } from '../config/schema';
import { ConfigError } from '../config/load';
import { loadOrCreateSelfSigned } from './self-signed';

export interface HallTls {
  /** PEM: the server certificate, then its chain. */
  cert: string;
  key: string;
  /** The hall CA a device installs or pins (self-signed); null with the hall's own certificate. */
  ca: string | null;
  /** SHA-256 of the certificate to check by eye on a device: the hall CA's, or the server's. */
  fingerprint: string;
  source: 'files' | 'self-signed';
}

/** The names the self-signed certificate answers to: this machine's names and LAN addresses, and any configured. */
export function hallNames(config: HallConfig): string[] {
  const host = hostname();
  const names = ['localhost', host, ...(host.includes('.') ? [] : [`${host}.local`]), '127.0.0.1', '::1'];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal || (a.family === 'IPv6' && /^fe80:/i.test(a.address))) continue;
      names.push(a.address);
    }
  }
  if (!['0.0.0.0', '::'].includes(config.server.host)) names.push(config.server.host);
  if (config.server.publicUrl) names.push(new URL(config.server.publicUrl).hostname.replace(/^\[|\]$/g, ''));
  names.push(...(config.server.tls?.names ?? []));
  return [...new Set(names.filter((n) => /^[A-Za-z0-9.:_-]+$/.test(n)))];
}

const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;

function read(file: string, what: string): string {
  try {
    return readFileSync(path.resolve(file), 'utf8');
  } catch (e) {
    throw new ConfigError(`server.tls.${what}`, [`cannot read ${file}: ${(e as Error).message}`]);
  }
}

function fromFiles(certFile: string, keyFile: string, log: (m: string) => void): HallTls {
  const cert = read(certFile, 'cert');
  const key = read(keyFile, 'key');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch (e) {
    throw new ConfigError('server.tls.cert', [`${certFile} is not a PEM certificate: ${(e as Error).message}`]);
  }
  try {
    if (!x509.checkPrivateKey(createPrivateKey(key))) throw new Error('the key does not belong to the certificate');
  } catch (e) {
    throw new ConfigError('server.tls.key', [`${keyFile}: ${(e as Error).message}`]);
  }
  if (Date.parse(x509.validTo) < Date.now()) log(`tls: the certificate ${certFile} expired on ${x509.validTo}`);
  if (statSync(path.resolve(keyFile)).mode & 0o077) log(`tls: ${keyFile} is readable by others; chmod 600 it`);
  return { cert, key, ca: null, fingerprint: x509.fingerprint256, source: 'files' };
}

export async function loadHallTls(
  config: HallConfig,
  dataDir: string,
  log: (m: string) => void,
): Promise<HallTls | null> {
  const tls = config.server.tls;
  if (!tls) return null;
  if (!tls.selfSigned) return fromFiles(tls.cert!, tls.key!, log);
  const s = await loadOrCreateSelfSigned(dataDir, config.hall, hallNames(config));
  if (s.issued) log(`tls: issued a server certificate from the hall CA (${s.issued})`);
  return { cert: s.cert, key: s.key, ca: s.ca, fingerprint: fingerprintOf(s.ca), source: 'self-signed' };
}
