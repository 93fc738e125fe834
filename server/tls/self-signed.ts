// A hall without a certificate of its own gets one at first start: a small hall CA (the one thing devices
// install to trust the hall) and a server certificate it signs, both kept in `<data>/tls/` with 0600 keys.
// Later starts reuse them; the server certificate alone is reissued, by the same CA, when the hall's
// addresses change or it nears its end, so devices that trust the CA never notice.
import { createPrivateKey, createPublicKey, generateKeyPair, X509Certificate, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { ipBytes, issueCertificate } from './certificate';

const DAY = 86_400_000;
/** Apple devices refuse server certificates valid longer than 825 days, even under a private CA. */
const SERVER_DAYS = 825;
const CA_DAYS = 20 * 365;
/** A server certificate this close to its end is reissued at start. */
const RENEW_DAYS = 60;

export interface SelfSignedFiles {
  dir: string;
  caCert: string;
  caKey: string;
  cert: string;
  key: string;
}

export const selfSignedFiles = (dataDir: string): SelfSignedFiles => {
  const dir = path.join(dataDir, 'tls');
  return {
    dir,
    caCert: path.join(dir, 'hall-ca.pem'),
    caKey: path.join(dir, 'hall-ca.key'),
    cert: path.join(dir, 'server.pem'),
    key: path.join(dir, 'server.key'),
  };
};

export interface SelfSigned {
  /** The server certificate followed by the CA (the chain a client needs). */
  cert: string;
  key: string;
  /** The hall CA, PEM: what a device installs or pins. */
  ca: string;
  /** Why the server certificate was (re)issued this start, or null when it was reused. */
  issued: string | null;
}

const newKey = async (): Promise<KeyObject> =>
  (await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })).privateKey;

/** Writes through a temporary file so a crash never leaves half a key; keys are 0600 from the start. */
function writeFile(file: string, text: string, mode: number): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, file);
}

const keyPem = (k: KeyObject) => k.export({ type: 'pkcs8', format: 'pem' }).toString();

/** A stored file parsed, or null when it is missing or unreadable (then it is made anew). */
function stored<T>(file: string, parse: (text: string) => T): T | null {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** What is wrong with the stored server certificate, or null when it can be reused. */
function staleness(
  cert: X509Certificate | null,
  key: KeyObject | null,
  ca: X509Certificate,
  names: string[],
  now: number,
): string | null {
  if (!cert || !key) return 'no server certificate yet';
  // Written key first, certificate second: a crash between the two leaves a pair that does not match.
  if (!cert.checkPrivateKey(key)) return 'the server key does not match its certificate';
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return 'the server certificate is not from the hall CA';
  if (Date.parse(cert.validTo) - now < RENEW_DAYS * DAY) return 'the server certificate nears its end';
  const has = new Set(
    (cert.subjectAltName ?? '').split(', ').map((n) => sameForm(n.replace(/^(DNS|IP Address):/, ''))),
  );
  const missing = names.filter((n) => !has.has(sameForm(n)));
  return missing.length ? `new addresses: ${missing.join(', ')}` : null;
}

/** One spelling per name: Node prints IPv6 subjectAltNames in full and upper case (FD00:0:…:2). */
const sameForm = (n: string): string => (isIP(n) ? ipBytes(n).toString('hex') : n.toLowerCase());

export async function loadOrCreateSelfSigned(
  dataDir: string,
  hall: { id: string; name: string },
  names: string[],
  now = Date.now(),
): Promise<SelfSigned> {
  const f = selfSignedFiles(dataDir);
  mkdirSync(f.dir, { recursive: true, mode: 0o700 });
  const caSubject = { cn: `Hall CA ${hall.id}`, o: hall.name };
  let caKey: KeyObject;
  if (existsSync(f.caCert) && existsSync(f.caKey)) {
    caKey = createPrivateKey(readFileSync(f.caKey));
  } else {
    caKey = await newKey();
    const caCert = issueCertificate({
      subject: caSubject,
      publicKey: createPublicKey(caKey),
      selfKey: caKey,
      notBefore: new Date(now - DAY), // a device whose clock is a little behind still accepts it
      notAfter: new Date(now + CA_DAYS * DAY),
      ca: true,
    });
    writeFile(f.caKey, keyPem(caKey), 0o600);
    writeFile(f.caCert, caCert, 0o644);
  }
  const ca = readFileSync(f.caCert, 'utf8');
  const caX509 = new X509Certificate(ca);

  const cert = stored(f.cert, (t) => new X509Certificate(t));
  const key = stored(f.key, (t) => createPrivateKey(t));
  const issued = staleness(cert, key, caX509, names, now);
  if (issued) {
    const serverKey = await newKey();
    const serverCert = issueCertificate({
      subject: { cn: names[0] ?? 'localhost', o: hall.name },
      publicKey: createPublicKey(serverKey),
      notBefore: new Date(now - DAY),
      notAfter: new Date(now + SERVER_DAYS * DAY),
      ca: false,
      names,
      issuer: { subject: caSubject, key: caKey, publicKey: createPublicKey(caKey) },
    });
    writeFile(f.key, keyPem(serverKey), 0o600);
    writeFile(f.cert, serverCert + ca, 0o644);
  }
  // A key copied in from a backup may have lost its mode; it is the hall's secret either way.
  for (const k of [f.key, f.caKey]) chmodSync(k, 0o600);
  return { cert: readFileSync(f.cert, 'utf8'), key: readFileSync(f.key, 'utf8'), ca, issued };
}
