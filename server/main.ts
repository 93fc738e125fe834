// `npm start [-- --config FILE --data DIR]`: run a hall. With no arguments, the built-in demo hall.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startHallServer } from './app';
import { ConfigError, loadConfigFile } from './config/load';
import { DEMO_CONFIG } from './paths';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      config: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('usage: npm start -- [--config hall.yaml] [--data DIR] [--port N]\n' +
      '   or: HALL_CONFIG=hall.yaml HALL_DATA_DIR=DIR PORT=N npm start');
    return;
  }
  const configFile = values.config ?? process.env.HALL_CONFIG ?? DEMO_CONFIG;
  const dataDir = path.resolve(values.data ?? process.env.HALL_DATA_DIR ?? 'data');
  const portText = values.port ?? process.env.PORT;
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) {
    throw new ConfigError('PORT', [`not a port number: ${portText}`]);
  }
  const config = loadConfigFile(configFile);
  const server = await startHallServer({ config, dataDir, port });
  console.log(`${config.hall.name}: ${server.url}  (config ${configFile}, data ${dataDir})`);
  const mq = server.mqtt.status();
  if (mq.mode === 'embedded') console.log(`MQTT broker (embedded) on port ${String(mq.port)}, base topic ${config.mqtt.baseTopic}`);
  process.send?.('ready'); // pm2 wait_ready

  let stopping = false;
  const shutdown = (sig: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${sig}: stopping`);
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

main().catch((e: unknown) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(e);
  process.exit(1);
});
