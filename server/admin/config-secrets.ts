// What the admin's browser sees of the configuration and what it may send back (DESIGN.md §6 "Admin").
// Secrets never leave the server: device tokens, password hashes, the upstream secret and an external
// broker's password are taken out of every answer. A save that leaves one out keeps the stored one; a new
// device gets a fresh token (shown once), a new clerk or a reset carries a write-only `password`.
import { hashPassword } from '../auth/passwords';
import { newToken } from '../auth/tokens';
import type { HallConfig } from '../config/schema';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Device kinds that log in with a token (every kind but the network printer, which the server calls). */
const TOKEN_KINDS = new Set(['kiosk', 'board', 'windowScreen', 'led', 'pad', 'keypad', 'booking']);

/** Settings a browser may read but not change: they run commands or read files on the server. */
const FILE_ONLY: { path: string; get: (c: Obj) => unknown }[] = [
  { path: 'voice.output', get: (c) => (isObj(c.voice) ? c.voice.output : undefined) },
  { path: 'server.tls', get: (c) => (isObj(c.server) ? c.server.tls : undefined) },
  { path: 'backup.dir', get: (c) => (isObj(c.backup) ? c.backup.dir : undefined) },
];

export const MIN_PASSWORD = 8;

/** The configuration without its secrets. */
export function redact(c: HallConfig): Obj {
  const out = structuredClone(c) as unknown as Obj;
  for (const d of out.devices as Obj[]) delete d.token;
  for (const k of out.clerks as Obj[]) delete k.passwordHash;
  if (isObj(out.upstream)) delete out.upstream.secret;
  if (isObj(out.mqtt)) delete out.mqtt.password;
  return out;
}

export interface Merged {
  /** What the file's schema validates next. */
  input: unknown;
  /** Tokens made for new or re-tokened devices: shown once to the admin. */
  newTokens: Record<string, string>;
  /** Problems found before the schema runs (a new clerk without a password …), as "path: reason". */
  problems: { path: string; message: string }[];
}

/** The admin's configuration with the stored secrets put back and the write-only fields turned into them. */
export function mergeSecrets(sent: unknown, stored: HallConfig): Merged {
  const problems: Merged['problems'] = [];
  const newTokens: Record<string, string> = {};
  if (!isObj(sent)) return { input: sent, newTokens, problems };
  const c = structuredClone(sent);
  if (Array.isArray(c.devices)) {
    c.devices.forEach((d: unknown) => {
      if (!isObj(d)) return;
      const rotate = d.rotateToken === true;
      delete d.rotateToken;
      if (!TOKEN_KINDS.has(String(d.kind))) return;
      if (typeof d.token === 'string' && d.token !== '') return; // a token given by hand (a device's own)
      const old = stored.devices.find((x) => x.id === d.id && x.kind === d.kind);
      if (old && 'token' in old && !rotate) d.token = old.token;
      else newTokens[String(d.id)] = d.token = newToken();
    });
  }
  if (Array.isArray(c.clerks)) {
    c.clerks.forEach((k: unknown, i) => {
      if (!isObj(k)) return;
      const pw = k.password;
      delete k.password;
      if (typeof pw === 'string' && pw !== '') {
        if (pw.length < MIN_PASSWORD)
          problems.push({ path: `clerks[${i}].password`, message: `at least ${MIN_PASSWORD} characters` });
        else k.passwordHash = hashPassword(pw);
        return;
      }
      if (k.passwordHash !== undefined) return;
      const old = stored.clerks.find((x) => x.id === k.id);
      if (old) k.passwordHash = old.passwordHash;
      else problems.push({ path: `clerks[${i}].password`, message: 'a new clerk needs a password' });
    });
  }
  if (isObj(c.upstream) && c.upstream.secret === undefined && stored.upstream)
    c.upstream.secret = stored.upstream.secret;
  if (isObj(c.mqtt) && c.mqtt.password === undefined && 'password' in stored.mqtt && stored.mqtt.password)
    c.mqtt.password = stored.mqtt.password;
  const was = stored as unknown as Obj;
  for (const f of FILE_ONLY) {
    if (JSON.stringify(f.get(c)) !== JSON.stringify(f.get(was)))
      problems.push({
        path: f.path,
        message: 'set in the configuration file only (it runs or reads files on the server)',
      });
  }
  return { input: c, newTokens, problems };
}
