// `npm run demo` drives a real server through its real interfaces: the kiosk over HTTP, clerks' consoles
// over HTTP, window 1's hardware keypad and evaluation pad over MQTT (embedded broker). Run fast, the
// whole simulated day must land: every issued ticket called and finished or skipped, nothing left waiting,
// the server's own report agreeing with the driver's counts, and no request refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DemoDriver, staffedWindows, type DemoStats } from '../../scripts/demo/driver';
import { parseScenario } from '../../scripts/simulate/scenario';
import { PASSWORD, client, startTestHall, testConfig, testConfigInput } from '../helpers/hall';

const BASE = 'hall/demo-test';
const input = testConfigInput(4);
const config = testConfig(4, {
  hall: { ...input.hall, open: '00:00', close: '23:59', autoClose: false },
  mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE },
});
const scenario = parseScenario({
  name: 'small-day',
  day: { open: '09:00', close: '12:00' },
  arrivals: { total: 60, profile: [{ from: '09:00', to: '12:00', weight: 1 }] },
  noShowRate: 0.1,
  noShowCostMin: 1,
  services: [
    { id: 'general', share: 0.5, targetWaitMin: 15, serviceMin: { dist: 'exp', mean: 6 } },
    { id: 'tax', share: 0.3, targetWaitMin: 20, priorityShare: 0.2, serviceMin: { dist: 'exp', mean: 6 } },
    { id: 'social', share: 0.2, targetWaitMin: 15, serviceMin: { dist: 'const', mean: 5 } },
  ],
  windows: [{ count: 4, kind: 'comprehensive', skills: { general: 1, tax: 1, social: 1 } }],
});

let s: Awaited<ReturnType<typeof startTestHall>>;
let stats: DemoStats;

beforeAll(async () => {
  s = await startTestHall({ config, sweepMs: 3_600_000, watchMs: 3_600_000 });
  const driver = new DemoDriver({
    url: s.url,
    config,
    scenario,
    speed: 3000, // a minute in 20 ms: the 3-hour day in about 4 s
    windows: 4,
    password: PASSWORD,
    seed: 3,
    visitors: 60,
    mqttUrl: `mqtt://127.0.0.1:${s.mqtt.brokerPort!}`,
  });
  stats = await driver.run();
  await driver.stop();
}, 60_000);
afterAll(async () => s?.stop());

describe('the demo driver against a real server', () => {
  it('every issued ticket is called and finished or skipped; nothing is left waiting; no request refused', async () => {
    expect(stats.errors).toEqual({});
    expect(stats.issued).toBeGreaterThan(30);
    expect(stats.finished + stats.noShows).toBe(stats.issued);
    expect(stats.noShows).toBeGreaterThan(0);
    const api = client(s.url);
    const hall = (await api.get('/api/hall', await api.login('sup'))).body;
    expect(hall.services.reduce((a: number, x: any) => a + x.waiting, 0)).toBe(0);
  });

  it('the server’s own report agrees with the driver', async () => {
    const api = client(s.url);
    const sup = await api.login('sup');
    const day = s.core.today();
    const byService = (await api.get(`/api/reports?from=${day}&by=service`, sup)).body.rows;
    const sum = (k: string) => byService.reduce((a: number, r: any) => a + r[k], 0);
    expect(sum('tickets')).toBe(stats.issued);
    expect(sum('served')).toBe(stats.finished);
    expect(sum('noShows')).toBe(stats.noShows);
  });

  it('window 1 worked through its MQTT keypad and its MQTT pad rated the visits', async () => {
    const api = client(s.url);
    const sup = await api.login('sup');
    const byWindow = (await api.get(`/api/reports?from=${s.core.today()}&by=window`, sup)).body.rows;
    expect(byWindow.find((r: any) => r.key === '1')?.served).toBeGreaterThan(0);
    expect(stats.rated).toBeGreaterThan(0);
    const evaluations = (await api.get(`/api/evaluations?from=${s.core.today()}`, sup)).body.evaluations;
    expect(evaluations.filter((e: any) => e.windowNo === 1 && e.status === 'rated').length).toBe(stats.rated);
  });

  it('staffs one window per service first, then the rest in order', () => {
    expect(staffedWindows(config, 2)).toEqual([1, 2]);
    expect(staffedWindows(config, 4)).toEqual([1, 2, 3, 4]);
  });
});
