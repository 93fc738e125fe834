// Issues X.509 v3 certificates: the hall's own small CA and the server certificate it signs. RSA-2048 with
// SHA-256, because the TLS stacks of LED controllers and keypads (mbedTLS, older OpenSSL) all take it.
import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { NULL, bits, bool, explicit, implicit, octets, oid, seq, set, time, uint, utf8 } from './der';

const SHA256_WITH_RSA = seq(oid('1.2.840.113549.1.1.11'), NULL);

export interface CertificateRequest {
  /** Common name and organisation of the subject (a hall name may be Chinese: UTF8String). */
  subject: { cn: string; o?: string };
  publicKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
  /** A CA signs other certificates; a server certificate carries the names it answers to. */
  ca: boolean;
  /** Host names and IP addresses (server certificates). */
  names?: string[];
  /** The signer; absent for a self-signed CA. */
  issuer?: { subject: { cn: string; o?: string }; key: KeyObject; publicKey: KeyObject };
  /** The key that signs when there is no issuer (the CA's own). */
  selfKey?: KeyObject;
}

function name(n: { cn: string; o?: string }): Buffer {
  const rdn = (type: string, value: string) => set(seq(oid(type), utf8(value)));
  return seq(...(n.o ? [rdn('2.5.4.10', n.o)] : []), rdn('2.5.4.3', n.cn));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octets(value));
}

const keyId = (k: KeyObject) =>
  createHash('sha1')
    .update(k.export({ type: 'spki', format: 'der' }))
    .digest();

/** An IP address as the 4 or 16 bytes of an iPAddress name. */
export function ipBytes(ip: string): Buffer {
  if (isIPv4(ip)) return Buffer.from(ip.split('.').map(Number));
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes its two hex groups first.
  const v6 = ip.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_m, a: string, b: string, c: string, d: string) =>
    [
      [a, b],
      [c, d],
    ]
      .map(([x, y]) => ((Number(x) << 8) | Number(y)).toString(16))
      .join(':'),
  );
  const [head, tail] = v6.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  groups.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}

function subjectAltName(names: string[]): Buffer {
  return seq(
    ...names.map((n) => {
      const bare = n.replace(/^\[|\]$/g, '');
      return isIPv4(bare) || isIPv6(bare) ? implicit(7, ipBytes(bare)) : implicit(2, Buffer.from(n, 'ascii'));
    }),
  );
}

/** A signed certificate, PEM. */
export function issueCertificate(r: CertificateRequest): string {
  const signer = r.issuer ?? { subject: r.subject, key: r.selfKey!, publicKey: r.publicKey };
  // 16 random bytes, high bit clear: positive, unique enough that no two issues collide.
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  const exts = [
    extension('2.5.29.19', true, r.ca ? seq(bool(true), uint(0)) : seq()),
    // keyUsage: CA = digitalSignature|keyCertSign|cRLSign; server = digitalSignature|keyEncipherment.
    extension('2.5.29.15', true, r.ca ? bits(Buffer.from([0x86]), 1) : bits(Buffer.from([0xa0]), 5)),
    extension('2.5.29.14', false, octets(keyId(r.publicKey))),
    extension('2.5.29.35', false, seq(implicit(0, keyId(signer.publicKey)))),
    ...(r.ca
      ? []
      : [
          extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // serverAuth
          extension('2.5.29.17', false, subjectAltName(r.names ?? [])),
        ]),
  ];
  const tbs = seq(
    explicit(0, uint(2)), // v3
    uint(serial),
    SHA256_WITH_RSA,
    name(signer.subject),
    seq(time(r.notBefore), time(r.notAfter)),
    name(r.subject),
    r.publicKey.export({ type: 'spki', format: 'der' }),
    explicit(3, seq(...exts)),
  );
  const der = seq(tbs, SHA256_WITH_RSA, bits(sign('sha256', tbs, signer.key)));
  const b64 = der.toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${b64.replace(/\n$/, '')}\n-----END CERTIFICATE-----\n`;
}
