// TLS settings and the pieces behind them: the config rules, the certificates the hall issues itself,
// the addresses it hands out, and what plain HTTP may still carry.
import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../server/config/load';
import { hallAddresses } from '../../server/tls/addresses';
import { ipBytes, issueCertificate } from '../../server/tls/certificate';
import { loadOrCreateSelfSigned } from '../../server/tls/self-signed';
import { httpsOrigin, plainHttpAllows } from '../../server/tls/plain-http';
import { tempDir, testConfigInput } from '../helpers/hall';

function parse(server: Record<string, unknown>, mqtt?: Record<string, unknown>) {
  const input = testConfigInput();
  return parseConfig(
    stringify({ ...input, server: { ...input.server, ...server }, ...(mqtt ? { mqtt } : {}) }),
    'hall.yaml',
  );
}

function problems(server: Record<string, unknown>, mqtt?: Record<string, unknown>): string[] {
  try {
    parse(server, mqtt);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
}

describe('server.tls in the hall config', () => {
  it('is off unless set; selfSigned takes the defaults (HTTPS 8443, ticket page on plain HTTP)', () => {
    expect(parse({}).server.tls).toBeUndefined();
    expect(parse({ tls: { selfSigned: true } }).server.tls).toEqual({
      selfSigned: true,
      names: [],
      port: 8443,
      ticketPage: 'http',
    });
    expect(parse({ tls: { cert: '/etc/hall/hall.crt', key: '/etc/hall/hall.key' } }).server.tls).toMatchObject({
      cert: '/etc/hall/hall.crt',
      selfSigned: false,
    });
  });

  it('refuses half a certificate, both kinds at once, or neither', () => {
    expect(problems({ tls: { cert: '/a.crt' } })).toEqual([
      'server.tls.key: 请给出证书和私钥文件（cert、key），或设 selfSigned: true',
    ]);
    expect(problems({ tls: {} })).toEqual([
      'server.tls.cert: 请给出证书和私钥文件（cert、key），或设 selfSigned: true',
    ]);
    expect(problems({ tls: { selfSigned: true, cert: '/a.crt', key: '/a.key' } })).toEqual([
      'server.tls.selfSigned: 证书和私钥（cert、key）与 selfSigned 只能二选一',
    ]);
  });

  it('with TLS the public address is HTTPS, on a port of its own; MQTTS needs TLS on', () => {
    expect(problems({ publicUrl: 'http://192.168.1.10:8080', tls: { selfSigned: true } })).toEqual([
      'server.publicUrl: 启用 server.tls 后对外地址应为 HTTPS 地址（https://…:8443）',
    ]);
    expect(problems({ publicUrl: 'https://192.168.1.10:8443', tls: { selfSigned: true } })).toEqual([]);
    expect(problems({ port: 8443, tls: { selfSigned: true } })).toEqual(['server.tls.port: HTTPS 需要单独的端口']);
    const embedded = { embedded: { port: 1883, tlsPort: 8883 }, baseTopic: 'hall' };
    expect(problems({}, embedded)).toEqual([
      'mqtt.embedded.tlsPort: MQTT over TLS 使用服务器证书：请先设置 server.tls',
    ]);
    expect(problems({ tls: { selfSigned: true } }, embedded)).toEqual([]);
  });
});

describe('certificates the hall issues itself', () => {
  const caKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const caSubject = { cn: 'Hall CA demo-hall', o: '示范市政务服务中心' };
  const now = Date.now();
  const ca = issueCertificate({
    subject: caSubject,
    publicKey: caKeys.publicKey,
    selfKey: caKeys.privateKey,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 30 * 365 * 86_400_000), // past 2049: GeneralizedTime
    ca: true,
  });
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const leaf = issueCertificate({
    subject: { cn: 'hall-server', o: '示范市政务服务中心' },
    publicKey: keys.publicKey,
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + 825 * 86_400_000),
    ca: false,
    names: ['hall-server', 'hall-server.local', '192.168.1.10', '::1', 'fd00::2'],
    issuer: { subject: caSubject, key: caKeys.privateKey, publicKey: createPublicKey(caKeys.privateKey) },
  });

  it('a CA that signs, and a server certificate it signed with the hall’s names', () => {
    const c = new X509Certificate(ca);
    const l = new X509Certificate(leaf);
    expect(c.ca).toBe(true);
    expect(c.verify(caKeys.publicKey)).toBe(true);
    expect(c.subject).toContain('O=示范市政务服务中心');
    expect(l.ca).toBe(false);
    expect(l.checkIssued(c)).toBe(true);
    expect(l.verify(caKeys.publicKey)).toBe(true);
    expect(l.checkHost('hall-server.local')).toBe('hall-server.local');
    expect(l.checkIP('192.168.1.10')).toBe('192.168.1.10');
    expect(l.checkIP('::1')).toBe('::1');
    expect(l.checkIP('fd00::2')).toBe('fd00::2');
    expect(l.checkIP('192.168.1.11')).toBeUndefined();
    expect(l.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // serverAuth
    expect(Date.parse(c.validTo)).toBeGreaterThan(Date.parse('2050-01-01'));
  });

  it('OpenSSL agrees, where its command line is installed', () => {
    if (!existsSync('/usr/bin/openssl')) return;
    const dir = tempDir();
    writeFileSync(path.join(dir, 'ca.pem'), ca);
    writeFileSync(path.join(dir, 'leaf.pem'), leaf);
    const out = execFileSync('openssl', ['verify', '-purpose', 'sslserver', '-CAfile', 'ca.pem', 'leaf.pem'], {
      cwd: dir,
    });
    expect(String(out)).toContain('leaf.pem: OK');
  });

  it('IP addresses become the 4 or 16 bytes of an iPAddress name', () => {
    expect(ipBytes('192.168.1.10').toString('hex')).toBe('c0a8010a');
    expect(ipBytes('::1').toString('hex')).toBe('00000000000000000000000000000001');
    expect(ipBytes('fd00::2').toString('hex')).toBe('fd000000000000000000000000000002');
    expect(ipBytes('::ffff:10.0.0.1').toString('hex')).toBe('00000000000000000000ffff0a000001');
    expect(ipBytes('2001:db8:1:2:3:4:5:6').toString('hex')).toBe('20010db8000100020003000400050006');
  });
});

describe('the addresses the hall hands out', () => {
  it('without TLS, publicUrl is both the hall’s and the tickets’ address, as before', () => {
    expect(
      hallAddresses({ configured: undefined, host: '127.0.0.1', port: 8080, tlsPort: null, ticketPage: 'http' }),
    ).toEqual({
      publicUrl: 'http://127.0.0.1:8080',
      ticketUrl: 'http://127.0.0.1:8080',
    });
  });

  it('with TLS, publicUrl is HTTPS and ticket QR codes stay on plain HTTP unless told otherwise', () => {
    const a = { configured: 'https://hall.example.gov.cn', host: '0.0.0.0', port: 8080, tlsPort: 8443 };
    expect(hallAddresses({ ...a, ticketPage: 'http' })).toEqual({
      publicUrl: 'https://hall.example.gov.cn',
      ticketUrl: 'http://hall.example.gov.cn:8080',
    });
    expect(hallAddresses({ ...a, ticketPage: 'https' }).ticketUrl).toBe('https://hall.example.gov.cn');
    expect(hallAddresses({ ...a, configured: undefined, host: '10.0.0.5', ticketPage: 'http' })).toEqual({
      publicUrl: 'https://10.0.0.5:8443',
      ticketUrl: 'http://10.0.0.5:8080',
    });
  });
});

describe('what plain HTTP carries with TLS on', () => {
  const req = (method: string, url: string, headers: Record<string, string> = {}) =>
    ({ method, url, headers }) as unknown as IncomingMessage;

  it('the ticket page, its status, assets and health; never a token; never a staff page', () => {
    for (const u of ['/t/AbCdEf123456', '/api/tickets/AbCdEf123456', '/app/assets/ticket.js', '/api/health'])
      expect(plainHttpAllows(req('GET', u)), u).toBe(true);
    for (const u of ['/', '/console', '/supervisor', '/board', '/kiosk', '/pad', '/metrics', '/api/hall', '/api/docs'])
      expect(plainHttpAllows(req('GET', u)), u).toBe(false);
    expect(plainHttpAllows(req('POST', '/api/auth/login'))).toBe(false);
    expect(plainHttpAllows(req('GET', '/api/tickets/AbCdEf123456', { authorization: 'Bearer x' }))).toBe(false);
    expect(plainHttpAllows(req('GET', '/t/AbCdEf123456?lang=en&token=abc'))).toBe(false);
  });

  it('redirects to the host the client asked for, on the HTTPS port', () => {
    expect(httpsOrigin(req('GET', '/console', { host: '192.168.1.10:8080' }), 8443, 'https://x')).toBe(
      'https://192.168.1.10:8443',
    );
    expect(httpsOrigin(req('GET', '/', { host: 'hall.local' }), 443, 'https://x')).toBe('https://hall.local');
    expect(httpsOrigin(req('GET', '/', { host: 'evil@x/y' }), 8443, 'https://fallback')).toBe('https://fallback');
  });
});

describe('the self-signed certificate kept in the data directory', () => {
  const hall = { id: 'demo-hall', name: '示范市政务服务中心' };

  it('is reused while it fits; reissued by the same CA for new addresses or a key that does not match', async () => {
    const dir = tempDir();
    const first = await loadOrCreateSelfSigned(dir, hall, ['localhost', '127.0.0.1']);
    expect(first.issued).toBe('no server certificate yet');
    const again = await loadOrCreateSelfSigned(dir, hall, ['127.0.0.1']);
    expect(again.issued).toBeNull();
    expect(again.cert).toBe(first.cert);

    const moved = await loadOrCreateSelfSigned(dir, hall, ['localhost', '127.0.0.1', '10.1.2.3']);
    expect(moved.issued).toBe('new addresses: 10.1.2.3');
    expect(moved.ca).toBe(first.ca);
    expect(new X509Certificate(moved.cert).checkIP('10.1.2.3')).toBe('10.1.2.3');
    expect(new X509Certificate(moved.cert).verify(new X509Certificate(first.ca).publicKey)).toBe(true);

    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    writeFileSync(path.join(dir, 'tls', 'server.key'), other.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o644 });
    const mended = await loadOrCreateSelfSigned(dir, hall, ['127.0.0.1']);
    expect(mended.issued).toBe('the server key does not match its certificate');
    expect(statSync(path.join(dir, 'tls', 'server.key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, 'tls', 'server.key'), 'utf8')).toBe(mended.key);
  });

  it('a certificate near its end is reissued at start', async () => {
    const dir = tempDir();
    const day = 86_400_000;
    await loadOrCreateSelfSigned(dir, hall, ['127.0.0.1'], Date.now() - 800 * day);
    expect((await loadOrCreateSelfSigned(dir, hall, ['127.0.0.1'])).issued).toBe(
      'the server certificate nears its end',
    );
  });
});
