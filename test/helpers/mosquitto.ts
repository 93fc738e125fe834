// A real mosquitto broker for a test: its own config and port on 127.0.0.1, stopped afterwards.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { accessSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './hall';
import { freePort } from '../../scripts/hall-process';

const run = promisify(execFile);

export { freePort };

export const MOSQUITTO = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((p) => {
  try {
    accessSync(p);
    return true;
  } catch {
    return false;
  }
});

export async function startMosquitto(
  fixedPort?: number,
  auth?: { passwd: string; acl: string },
  /** More mosquitto.conf lines (e.g. a TLS listener). */
  extraConf = '',
  /** A config snippet (the generated hall.conf) used as an operator would include it, instead of `auth`. */
  include?: string,
): Promise<{ port: number; proc: ChildProcess; stop: () => Promise<void> }> {
  if (!MOSQUITTO) throw new Error('mosquitto is not installed: run  apt-get install -y mosquitto mosquitto-clients');
  const port = fixedPort ?? (await freePort());
  const dir = tempDir('mosq-');
  const conf = path.join(dir, 'mosquitto.conf');
  const security = include
    ? readFileSync(include, 'utf8')
    : auth
      ? `allow_anonymous false\npassword_file ${auth.passwd}\nacl_file ${auth.acl}\n`
      : 'allow_anonymous true\n';
  // As root, mosquitto would switch to its own user and lose access to the test's private temp files.
  const user = process.getuid?.() === 0 ? 'user root\n' : '';
  writeFileSync(conf, `listener ${port} 127.0.0.1\n${user}${security}persistence false\nlog_dest stderr\n${extraConf}`);
  const proc = spawn(MOSQUITTO, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  proc.stderr!.on('data', (d) => (log += String(d)));
  for (let i = 0; i < 100; i++) {
    if (log.includes('running') || log.includes('Opening ipv4 listen socket')) break;
    if (proc.exitCode !== null) throw new Error(`mosquitto exited: ${log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    proc,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}

/** The retained message on a topic, read by mosquitto_sub as an independent client. */
export async function retainedOn(port: number, topic: string): Promise<any> {
  const r = await run('mosquitto_sub', [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-t',
    topic,
    '-C',
    '1',
    '-W',
    '5',
    '-V',
    'mqttv311',
  ]);
  return JSON.parse(r.stdout.trim());
}
