// Writes a mosquitto password file, ACL file and config snippet from the hall config, so an external
// mosquitto enforces the same rules as the embedded broker: per-device topics, each session under its own
// login (no device can take over another device's session or the server's), and the packet size cap.
//   npm run mosquitto-config -- --config hall.yaml --out /etc/mosquitto/hall --server-user hall --server-password '…'
// Then include <out>/hall.conf in mosquitto.conf (e.g. copy it into /etc/mosquitto/conf.d/) next to a
// `listener 1883 <device LAN address>` line; and in the hall config:
// mqtt: { url: mqtt://host:1883, username: hall, password: '…', baseTopic: … }.
// With --tls-cert/--tls-key (the hall's certificate, or <data>/tls/server.pem and server.key of a self-signed
// hall) it also writes <out>/tls.conf, the MQTT-over-TLS listener lines to include in mosquitto.conf
// (README "Security" → "TLS").
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../server/config/load';
import { mosquittoAcl } from '../server/mqtt/acl';
import { CONNECTION_LIMITS } from '../server/mqtt/connection-guard';

/** The broker-wide settings that make mosquitto hold the hall's rules. */
export function mosquittoConf(passwd: string, acl: string): string {
  return [
    '# Written by `npm run mosquitto-config` from the hall config.',
    'allow_anonymous false',
    `password_file ${passwd}`,
    `acl_file ${acl}`,
    "# Every session runs under its login's name, whatever client id was sent: a device cannot take over",
    "# another device's session or the hall server's. (A device has one session at a time.)",
    'use_username_as_clientid true',
    '# The hall caps packets as the embedded broker does; a larger one closes the connection.',
    `max_packet_size ${CONNECTION_LIMITS.packetBytes}`,
    '',
  ].join('\n');
}

export function writeMosquittoFiles(
  configFile: string,
  out: string,
  serverUser: string,
  serverPassword: string,
): { acl: string; passwd: string; conf: string } {
  const config = loadConfigFile(configFile);
  // The server's login must be its own: a device of that name would share its session and its rights.
  if (config.devices.some((d) => d.id === serverUser))
    throw new Error(`--server-user "${serverUser}" is also a device id in ${configFile}: choose another name`);
  mkdirSync(out, { recursive: true });
  const acl = path.join(out, 'acl');
  const passwd = path.join(out, 'passwd');
  const conf = path.join(out, 'hall.conf');
  writeFileSync(conf, mosquittoConf(passwd, acl));
  writeFileSync(acl, mosquittoAcl(config.devices, config.mqtt.baseTopic, serverUser));
  writeFileSync(passwd, '', { mode: 0o600 });
  const add = (user: string, pass: string) => execFileSync('mosquitto_passwd', ['-b', passwd, user, pass]);
  add(serverUser, serverPassword);
  for (const d of config.devices) if ('token' in d) add(d.id, d.token);
  return { acl, passwd, conf };
}

/**
 * The listener lines for MQTT over TLS, with copies of the certificate and key beside them (mosquitto runs
 * as its own user and should not read the hall's data directory; chown the copies to it).
 */
export function writeMosquittoTls(out: string, cert: string, key: string, port = 8883, bind?: string): string {
  mkdirSync(out, { recursive: true });
  const certfile = path.join(out, 'hall-server.pem');
  const keyfile = path.join(out, 'hall-server.key');
  copyFileSync(cert, certfile);
  copyFileSync(key, keyfile);
  chmodSync(keyfile, 0o600);
  const conf = path.join(out, 'tls.conf');
  writeFileSync(
    conf,
    [
      '# MQTT over TLS with the hall certificate; devices connect to mqtts://<hall address>:' + String(port),
      '# (the password file and ACL above apply to this listener as well: per_listener_settings false)',
      `listener ${port}${bind ? ` ${bind}` : ''}`,
      `certfile ${certfile}`,
      `keyfile ${keyfile}`,
      'tls_version tlsv1.2',
      '',
    ].join('\n'),
  );
  return conf;
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      'server-user': { type: 'string' },
      'server-password': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-port': { type: 'string' },
    },
  });
  if (!values.config || !values.out || !values['server-user'] || !values['server-password']) {
    console.error(
      'usage: npm run mosquitto-config -- --config hall.yaml --out DIR --server-user NAME --server-password SECRET\n' +
        '         [--tls-cert FILE --tls-key FILE [--tls-port 8883]]',
    );
    process.exit(2);
  }
  const r = writeMosquittoFiles(values.config, values.out, values['server-user'], values['server-password']);
  console.log(`wrote ${r.passwd}, ${r.acl} and ${r.conf} (include it in mosquitto.conf)`);
  if (values['tls-cert'] && values['tls-key']) {
    const conf = writeMosquittoTls(
      values.out,
      values['tls-cert'],
      values['tls-key'],
      Number(values['tls-port'] ?? 8883),
    );
    console.log(`wrote ${conf}: add "include_dir ${values.out}" to mosquitto.conf; chown the key to mosquitto`);
  }
}
