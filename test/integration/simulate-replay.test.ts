// What-if on a recorded day: a day played through the real server lands in its SQLite file; the simulator
// reads it back as visitors (arrival, service, priority, no-show, time at the window) and serves them with
// the hall's own plan or another one, beside the waits that really happened.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulateDay } from '../../scripts/simulate/engine';
import { ours } from '../../scripts/simulate/policies';
import { recordedDay, windowGroupsOf } from '../../scripts/simulate/replay';
import { FakeClock, client, startTestHall, tempDir, testConfig, testConfigInput } from '../helpers/hall';

const DAY = '2026-11-23';
const clock = new FakeClock();
const config = testConfig(4);
let s: Awaited<ReturnType<typeof startTestHall>>;
const dbFile = () => path.join(s.dataDir, 'hall.sqlite');

beforeAll(async () => {
  s = await startTestHall({ clock: clock.fn, config, sweepMs: 3_600_000, watchMs: 3_600_000 });
  const api = client(s.url);
  const w1 = await api.login('c1', 1);
  const w2 = await api.login('c2', 2);
  const act = async (no: number, token: string, action: string) => {
    const r = await api.post(`/api/windows/${no}/${action}`, {}, token);
    if (r.status !== 200) throw new Error(`${action}: ${JSON.stringify(r.body)}`);
    return r.body.ticket;
  };
  const at = (hhmm: string) => (clock.now = Date.parse(`${DAY}T${hhmm}:00+08:00`));
  at('09:00');
  await api.issue('general'); // A001: waits 4, served 10 at window 1
  at('09:01');
  await api.issue('tax', { priority: 'elderly' }); // B001: called after 3, gone (no-show)
  at('09:03');
  await api.issue('general'); // A002: waits 11, served 6
  const cancelled = await api.issue('tax'); // cancelled: never part of the replay
  expect((await api.post(`/api/tickets/${cancelled.id}/cancel`, {}, await api.login('sup'))).status).toBe(200);
  at('09:04');
  expect((await act(2, w2, 'call-next')).number).toBe('B001');
  expect((await act(1, w1, 'call-next')).number).toBe('A001');
  await act(1, w1, 'start');
  at('09:05');
  await act(2, w2, 'skip');
  at('09:14');
  await act(1, w1, 'finish');
  expect((await act(1, w1, 'call-next')).number).toBe('A002');
  await act(1, w1, 'start');
  at('09:20');
  await act(1, w1, 'finish');
}, 30_000);
afterAll(async () => s?.stop());

describe('a recorded day as simulator visitors', () => {
  it('reads arrivals, services, priority, no-shows and real service times; cancelled tickets are left out', () => {
    const day = recordedDay(dbFile(), config, DAY);
    expect(day.visitors.map((v) => [v.service, v.arrival, v.priority, v.noShow])).toEqual([
      ['general', 540, false, false],
      ['tax', 541, true, true],
      ['general', 543, false, false],
    ]);
    expect(day.visitors[0]!.serviceMin).toBeCloseTo(10, 6);
    expect(day.visitors[2]!.serviceMin).toBeCloseTo(6, 6);
    expect(day.recordedWaits).toEqual([
      { service: 'general', wait: 4, priority: false },
      { service: 'general', wait: 11, priority: false },
    ]);
    expect(day.scenario.day).toEqual({ open: '09:00', close: '17:00' });
    expect(day.scenario.windows.reduce((a, g) => a + g.count, 0)).toBe(4);
    // What the predictor (--eta) is told to expect of a day like this: its own arrivals by half hour (all
    // three came 09:00–09:30) and its priority shares (the one tax visitor was prioritised).
    expect(day.scenario.arrivals.profile.slice(0, 2)).toEqual([
      { from: '09:00', to: '09:30', weight: 3 },
      { from: '09:30', to: '10:00', weight: 0 },
    ]);
    expect(day.scenario.arrivals.profile.at(-1)).toEqual({ from: '16:30', to: '17:00', weight: 0 });
    expect(Object.fromEntries(day.scenario.services.map((x) => [x.id, x.priorityShare]))).toMatchObject({
      general: 0,
      tax: 1,
    });
  });

  it('the hall’s windows become scenario groups by kind and skills', () => {
    expect(windowGroupsOf(config)).toEqual([
      { count: 2, kind: 'comprehensive', skills: { general: 1, tax: 2, social: 2 } },
      { count: 1, kind: 'domain', skills: { tax: 1, general: 2 } },
      { count: 1, kind: 'domain', skills: { social: 1, general: 3 } },
    ]);
  });

  it('replays under a smaller plan: one window serves everyone in turn', () => {
    const day = recordedDay(dbFile(), config, DAY);
    const one = [{ count: 1, kind: 'comprehensive' as const, skills: { general: 1, tax: 1, social: 1 } }];
    const r = simulateDay(day.scenario, day.visitors, ours(), one);
    // A001 (09:00, 10 min) at once; at 09:10 B001 (priority boost) beats A002 and costs 1 min as a
    // no-show; A002 (09:03) is called at 09:11.
    expect(r.noShows).toBe(1);
    expect(r.served.map((v) => [v.service, v.wait])).toEqual([
      ['general', 0],
      ['general', 8],
    ]);
  });

  it('npm run simulate -- --replay prints the recorded waits beside each policy, with another plan', async () => {
    const dir = tempDir();
    const cfgFile = path.join(dir, 'hall.yaml');
    writeFileSync(cfgFile, stringify(testConfigInput(4)));
    const planFile = path.join(dir, 'plan.json');
    writeFileSync(planFile, JSON.stringify([{ count: 1, kind: 'comprehensive', skills: { general: 1, tax: 1 } }]));
    const run = (args: string[]) =>
      promisify(execFile)('node_modules/.bin/tsx', ['scripts/simulate/main.ts', '--replay', dbFile(), ...args]);
    const out = JSON.parse(
      (await run(['--config', cfgFile, '--day', DAY, '--plan', planFile, '--policy', 'ours', '--json'])).stdout,
    );
    expect(out.reps).toBe(1);
    expect(out.policies.recorded).toMatchObject({ mean: 7.5, max: 11, withinTarget: 1 });
    expect(out.policies.ours).toMatchObject({ mean: 4, max: 8 });
    // "ours" replays under the hall's own routing: without a priority boost A002 (7 of 15 min, a
    // quicker matter) goes before B001 at 09:10, and waits 7 instead of 8.
    const noBoost = path.join(dir, 'no-boost.yaml');
    writeFileSync(noBoost, stringify({ ...testConfigInput(4), routing: { priorityBoost: 0 } }));
    const args = ['--day', DAY, '--plan', planFile, '--policy', 'ours', '--json'];
    expect(JSON.parse((await run(['--config', noBoost, ...args])).stdout).policies.ours).toMatchObject({
      mean: 3.5,
      max: 7,
    });
    // --routing overrides the hall's parameters for a what-if.
    const back = await run(['--config', noBoost, ...args, '--routing', '{"priorityBoost":1}']);
    expect(JSON.parse(back.stdout).policies.ours).toMatchObject({ mean: 4, max: 8 });
    // --eta: every recorded visitor's wait predicted when they took the number, against the replayed wait.
    const eta = JSON.parse(
      (await run(['--config', cfgFile, '--day', DAY, '--policy', 'ours', '--json', '--eta'])).stdout,
    );
    for (const k of ['mae', 'p90AbsError', 'coverage80', 'naiveMae'])
      expect(eta.policies.ours.eta[k]).toBeGreaterThanOrEqual(0);
    expect(eta.policies.ours.eta.samples).toBeGreaterThan(0);
    expect(eta.policies.ours.eta.coverage80).toBeLessThanOrEqual(1);
    const bad = await run(['--config', cfgFile, '--day', '2026-01-01']).catch((e) => e);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('no tickets on 2026-01-01');
  }, 30_000);
});
