// Clerk passwords as scrypt hashes in the config's format: "scrypt:<salt b64>:<key b64>",
// N=16384 r=8 p=1, 32-byte key (DESIGN.md §6).
import { randomBytes, scrypt as scryptCb, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const PARAMS = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LEN = 32;

function scrypt(password: string, salt: Buffer, len: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const key = scryptSync(password.normalize('NFC'), salt, KEY_LEN, PARAMS);
  return `scrypt:${salt.toString('base64')}:${key.toString('base64')}`;
}

/** Constant-time check; false for a malformed hash rather than an exception. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, saltB64, keyB64] = stored.split(':');
  if (scheme !== 'scrypt' || !saltB64 || !keyB64) return false;
  const expected = Buffer.from(keyB64, 'base64');
  if (expected.length !== KEY_LEN) return false;
  const actual = await scrypt(password.normalize('NFC'), Buffer.from(saltB64, 'base64'), KEY_LEN, PARAMS);
  return timingSafeEqual(actual, expected);
}
