// `npm start [-- --config FILE --data DIR]`: run a hall. With no arguments, the built-in demo hall.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { VirtualPrinter } from '../devices/virtual-printer';
import { startHallServer } from './app';
import { ConfigError, loadConfigFile } from './config/load';
import { logFile } from './log';
import { DEMO_CONFIG } from './paths';

function portArg(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(/^\d+$/.test(text) && n < 65536)) throw new ConfigError(name, [`not a port number: ${text}`]);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      'mqtt-port': { type: 'string' },
      'mqtt-host': { type: 'string' },
      'tls-port': { type: 'string' },
      'mqtts-port': { type: 'string' },
      'log-file': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'usage: npm start -- [--config hall.yaml] [--data DIR] [--port N] [--mqtt-port N] [--mqtt-host ADDR] [--tls-port N] [--mqtts-port N] [--log-file FILE]\n' +
        '   or: HALL_CONFIG=hall.yaml HALL_DATA_DIR=DIR PORT=N HALL_MQTT_PORT=N HALL_MQTT_HOST=ADDR HALL_LOG_FILE=FILE npm start',
    );
    return;
  }
  const configFile = values.config ?? process.env.HALL_CONFIG ?? DEMO_CONFIG;
  const dataDir = path.resolve(values.data ?? process.env.HALL_DATA_DIR ?? 'data');
  const port = portArg('PORT', values.port ?? process.env.PORT);
  const config = loadConfigFile(configFile);
  // --mqtt-port moves the embedded broker (0 = any free port), e.g. when 1883 is taken; --mqtt-host binds
  // it to one address (the device LAN's) instead of the config's.
  const mqttPort = portArg('--mqtt-port', values['mqtt-port'] ?? process.env.HALL_MQTT_PORT);
  const mqttHost = values['mqtt-host'] ?? process.env.HALL_MQTT_HOST;
  // With server.tls: --tls-port moves HTTPS and --mqtts-port the broker's TLS listener.
  const tlsPort = portArg('--tls-port', values['tls-port'] ?? process.env.HALL_TLS_PORT);
  const mqttsPort = portArg('--mqtts-port', values['mqtts-port'] ?? process.env.HALL_MQTTS_PORT);
  const mqtt =
    (mqttPort !== undefined || mqttsPort !== undefined || mqttHost) && 'embedded' in config.mqtt
      ? {
          ...config.mqtt,
          embedded: {
            ...config.mqtt.embedded,
            ...(mqttPort !== undefined ? { port: mqttPort } : {}),
            ...(mqttHost ? { host: mqttHost } : {}),
            ...(mqttsPort !== undefined && config.server.tls ? { tlsPort: mqttsPort } : {}),
          },
        }
      : undefined;
  const demo = path.resolve(configFile) === DEMO_CONFIG;
  // With a log file of its own the server reopens it on SIGUSR2, after logrotate moved it (README "Logs").
  const logPath = values['log-file'] ?? process.env.HALL_LOG_FILE;
  const file = logPath ? logFile(path.resolve(logPath)) : undefined;
  if (file) process.on('SIGUSR2', () => file.reopen());
  const server = await startHallServer({
    config,
    dataDir,
    port,
    tlsPort,
    mqtt,
    demo,
    logDestination: file,
    configDir: path.dirname(path.resolve(configFile)),
    // The start entry, not the library, brings the simulator for `virtual: true` printers (demos).
    virtualPrinter: (id) => new VirtualPrinter(id),
  });
  if (server.tls) {
    console.log(`${config.hall.name}: ${server.tls.url}  (config ${configFile}, data ${dataDir})`);
    console.log(`  HTTPS for staff and devices: ${server.tls.publicUrl}`);
    console.log(`  plain HTTP ${server.url}: the mobile ticket page only; everything else moves to HTTPS`);
    console.log(
      `  certificate SHA-256 ${server.tls.fingerprint}${server.tls.ca ? ' (the hall CA: /hall-ca.pem)' : ''}`,
    );
  } else console.log(`${config.hall.name}: ${server.url}  (config ${configFile}, data ${dataDir})`);
  const mq = server.mqtt.status();
  if (mq.mode === 'embedded')
    console.log(
      `MQTT broker (embedded) on ${String(mq.host)}:${String(mq.port)}${mq.tlsPort !== undefined ? `, MQTT over TLS on ${String(mq.tlsPort)}` : ''}, base topic ${config.mqtt.baseTopic}`,
    );
  process.send?.('ready'); // pm2 wait_ready

  let stopping = false;
  const shutdown = (sig: string) => {
    if (stopping) return;
    stopping = true;
    server.log(`${sig}: stopping`);
    server.stop().then(
      () => process.exit(0),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

// An adapter's stray failure (a device dropping mid-write) is logged; the hall keeps serving.
process.on('unhandledRejection', (e) => console.error('unhandled rejection', e));

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
