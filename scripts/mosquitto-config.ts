// Writes a mosquitto password file and ACL file from the hall config, so an external mosquitto enforces
// the same per-device topic rules as the embedded broker.
//   npm run mosquitto-config -- --config hall.yaml --out /etc/mosquitto/hall --server-user hall --server-password '…'
// Then in mosquitto.conf: allow_anonymous false, password_file <out>/passwd, acl_file <out>/acl; and in the
// hall config: mqtt: { url: mqtt://host:1883, username: hall, password: '…', baseTopic: … }.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../server/config/load';
import { mosquittoAcl } from '../server/mqtt/acl';

export function writeMosquittoFiles(
  configFile: string,
  out: string,
  serverUser: string,
  serverPassword: string,
): { acl: string; passwd: string } {
  const config = loadConfigFile(configFile);
  mkdirSync(out, { recursive: true });
  const acl = path.join(out, 'acl');
  const passwd = path.join(out, 'passwd');
  writeFileSync(acl, mosquittoAcl(config.devices, config.mqtt.baseTopic, serverUser));
  writeFileSync(passwd, '', { mode: 0o600 });
  const add = (user: string, pass: string) => execFileSync('mosquitto_passwd', ['-b', passwd, user, pass]);
  add(serverUser, serverPassword);
  for (const d of config.devices) if ('token' in d) add(d.id, d.token);
  return { acl, passwd };
}

if (require.main === module) {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      out: { type: 'string' },
      'server-user': { type: 'string' },
      'server-password': { type: 'string' },
    },
  });
  if (!values.config || !values.out || !values['server-user'] || !values['server-password']) {
    console.error(
      'usage: npm run mosquitto-config -- --config hall.yaml --out DIR --server-user NAME --server-password SECRET',
    );
    process.exit(2);
  }
  const r = writeMosquittoFiles(values.config, values.out, values['server-user'], values['server-password']);
  console.log(`wrote ${r.passwd} and ${r.acl}`);
}
