// The server's log: one JSON line per entry (pino), with level and time. Every field, the message included,
// is JSON-escaped, so text a client controls (an MQTT username with a newline, a topic) stays inside its
// own line and cannot forge another. Secrets are kept out twice: fields named like one (token, password,
// idNumber, authorization) are redacted by name, and every line is scrubbed of the hall's configured
// secrets (device tokens, the upstream secret, the broker password) and of anything shaped like a
// resident ID number, wherever such text ends up (an error message, a username, a payload excerpt).
// Every line written while an HTTP request or a device command is handled carries its request id (`reqId`,
// from an AsyncLocalStorage: no handler passes it along by hand). Rotation: see README "Logs".
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { HallConfig } from './config/schema';

/** What adapters call: a message, an optional error, optional structured fields. */
export type Log = (msg: string, e?: unknown, fields?: Record<string, unknown>) => void;

const REDACT = ['password', 'token', 'idNumber', 'authorization', 'secret'].flatMap((k) => [k, `*.${k}`]);

/** An 18-character resident ID number standing alone; masked as a clerk sees it (first 3, last 4). */
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{3})\d{11}(\d{3}[\dXx])(?![0-9A-Za-z])/g;

/** The configured secrets a line must never carry, read at each line so a live config change counts. */
export function configSecrets(config: () => HallConfig): () => string[] {
  return () => {
    const c = config();
    const out = c.devices.flatMap((d) => ('token' in d ? [d.token] : []));
    if (c.upstream) out.push(c.upstream.secret);
    if ('password' in c.mqtt && c.mqtt.password) out.push(c.mqtt.password);
    return out;
  };
}

const requestContext = new AsyncLocalStorage<{ reqId: string }>();

/** Runs `fn` (and everything it starts) as the handling of one request: its log lines carry `reqId`. */
export function withRequestId<T>(reqId: string, fn: () => T): T {
  return requestContext.run({ reqId }, fn);
}

/** The request being handled here, if any. */
export const currentRequestId = (): string | undefined => requestContext.getStore()?.reqId;

/** A new request id (a client's own `X-Request-Id` is kept when it looks like one: see http/observe.ts). */
export const newRequestId = (): string => randomUUID();

export function scrub(line: string, secrets: Iterable<string>): string {
  let out = line.replace(ID_NUMBER, (_m, head: string, tail: string) => `${head}***********${tail.slice(-4)}`);
  for (const s of secrets) {
    if (s.length < 8) continue; // too short to be a real secret, and would blank ordinary words
    // A secret appears in the line as JSON-escaped text.
    const escaped = JSON.stringify(s).slice(1, -1);
    if (out.includes(escaped)) out = out.split(escaped).join('[redacted]');
  }
  return out;
}

function scrubbing(out: { write(s: string): unknown }, secrets: () => Iterable<string>): DestinationStream {
  return { write: (line: string) => void out.write(scrub(line, secrets())) };
}

export interface LoggerOptions {
  /** Where lines go; default: info and warnings to stdout, errors to stderr (pm2 keeps two files). */
  destination?: { write(s: string): unknown };
  secrets?: () => Iterable<string>;
  level?: string;
}

export function hallLogger(o: LoggerOptions = {}): Logger {
  const secrets = o.secrets ?? (() => []);
  const destination = o.destination
    ? scrubbing(o.destination, secrets)
    : pino.multistream(
        [
          { level: 'trace', stream: scrubbing(process.stdout, secrets) },
          { level: 'error', stream: scrubbing(process.stderr, secrets) },
        ],
        { dedupe: true },
      );
  return pino(
    {
      level: o.level ?? 'info',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT, censor: '[redacted]' },
      // A fresh object each line: pino merges the line's fields into what the mixin returns.
      mixin: () => {
        const r = requestContext.getStore();
        return r ? { reqId: r.reqId } : {};
      },
    },
    destination,
  );
}

/**
 * The log as a file of the server's own (`--log-file` / HALL_LOG_FILE), every level in it. Rotation: logrotate
 * moves the file away and sends SIGUSR2 (README "Logs"); `reopen` then opens a new file under the same name,
 * so no line is lost between a copy and a truncation.
 */
export function logFile(file: string): { write(s: string): unknown; reopen(): void } {
  const dest = pino.destination({ dest: file, sync: true, mkdir: true });
  return { write: (line) => dest.write(line), reopen: () => dest.reopen() };
}

/** The `log(msg, e?, fields?)` function the adapters take, on a pino logger. */
export function logTo(logger: Logger): Log {
  return (msg, e, fields) => {
    if (e !== undefined) logger.error({ ...fields, err: e }, msg);
    else logger.info(fields ?? {}, msg);
  };
}
