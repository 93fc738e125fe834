// npm run demo -- [--url http://localhost:8080] [--config FILE] [--scenario FILE] [--speed 30] [--windows 10]
//   [--visitors N] [--seed 1] [--password demo1234] [--mqtt mqtt://127.0.0.1:1883 | --no-mqtt]
//   [--from MIN] [--minutes MIN]   (only the visitors arriving in that part of the day, e.g. the peak hour)
// Drives a running hall (by default the demo hall of `npm start`) with a simulated day; open
// http://localhost:8080 to watch the boards, consoles, LED strips and the dashboard come alive.
// A day run to its end is checked (every visitor issued, called and finished or skipped, every pad visit
// rated, no request refused): a shortfall is named and exits 1, so the demo can serve as a load generator.
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../../server/config/load';
import { DEMO_CONFIG } from '../../server/paths';
import { loadScenario } from '../simulate/scenario';
import { DemoDriver } from './driver';
import { summary } from './summary';
import { Checks, exitOnShortfall } from '../bench-check';
import { checkDriven } from './checks';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:8080' },
    config: { type: 'string' },
    scenario: { type: 'string', default: 'scenarios/city-hall-day.json' },
    speed: { type: 'string', default: '30' },
    windows: { type: 'string', default: '10' },
    visitors: { type: 'string' },
    seed: { type: 'string', default: '1' },
    password: { type: 'string', default: 'demo1234' },
    mqtt: { type: 'string' },
    'no-mqtt': { type: 'boolean', default: false },
    from: { type: 'string', default: '0' },
    minutes: { type: 'string' },
  },
});

function fail(msg: string): never {
  console.error(msg);
  console.error(
    'usage: npm run demo -- [--url URL] [--config FILE] [--scenario FILE] [--speed N] [--windows N] [--visitors N] [--seed S] [--password P] [--mqtt URL | --no-mqtt]',
  );
  process.exit(2);
}

const num = (name: string, v: string | undefined, min: number, max: number): number => {
  const n = Number(v);
  if (!Number.isFinite(n) || n < min || n > max) fail(`--${name}: a number from ${min} to ${max}`);
  return n;
};

let config, scenario;
try {
  config = loadConfigFile(values.config ?? DEMO_CONFIG);
  scenario = loadScenario(values.scenario);
} catch (e) {
  fail((e as Error).message);
}
const m = config.mqtt;
const mqttUrl = values['no-mqtt']
  ? null
  : (values.mqtt ?? ('url' in m ? m.url : 'embedded' in m ? `mqtt://127.0.0.1:${m.embedded.port}` : null));
const speed = num('speed', values.speed, 0.1, 10_000);
const fromMin = num('from', values.from, 0, 24 * 60);
const driver = new DemoDriver({
  url: values.url.replace(/\/$/, ''),
  config,
  scenario,
  speed,
  windows: num('windows', values.windows, 1, 999),
  visitors: values.visitors === undefined ? undefined : num('visitors', values.visitors, 1, 1e6),
  seed: num('seed', values.seed, 0, 2 ** 31),
  password: values.password,
  mqttUrl,
  fromMin,
  untilMin: values.minutes === undefined ? undefined : fromMin + num('minutes', values.minutes, 1, 24 * 60),
  log: (msg) => console.log(msg),
});
console.log(`driving ${values.url} with ${scenario.name} at ${speed}× (Ctrl-C stops)`);
const stop = () => void driver.stop().then(() => (console.log(summary(driver.result())), process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const started = Date.now();
const progress = setInterval(() => {
  const r = driver.result();
  console.log(
    `${Math.round((Date.now() - started) / 1000)} s: issued ${r.issued}, called ${r.called}, finished ${r.finished}, rated ${r.rated}`,
  );
}, 10_000);
driver
  .run()
  .then(async (r) => {
    clearInterval(progress);
    await driver.stop();
    console.log(summary(r));
    exitOnShortfall(() => checkDriven(new Checks('demo'), r, driver.planned).assert());
    process.exit(0);
  })
  .catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
