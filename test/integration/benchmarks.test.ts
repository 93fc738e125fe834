// Every script that measures runs end to end at tiny sizes and must do all the work it reports: a change
// that makes a benchmark measure less (a rate limit refusing its tickets, calls finding nothing, clients
// hearing nothing) breaks this test instead of silently shrinking a figure. And the checks do fire: a run
// that cannot reach its counts exits 1 naming the shortfall, with no figures printed.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../../server/paths';
import { PASSWORD, startTestHall, tempDir, testConfig, testConfigInput } from '../helpers/hall';

const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');

/** Runs a script with tsx; never throws: the exit code and both streams come back. */
async function run(script: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await promisify(execFile)(tsx, [path.join(PROJECT_ROOT, script), ...args], {
      cwd: PROJECT_ROOT,
      timeout: 50_000,
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e: any) {
    return { code: typeof e.code === 'number' ? e.code : -1, out: String(e.stdout), err: String(e.stderr) };
  }
}

/** The sample count in a markdown row `| name | samples | …`. */
const samples = (out: string, name: string) => Number(new RegExp(`\\| ${name} \\| (\\d+) \\|`).exec(out)?.[1]);

describe('bench:display', () => {
  it('issues and calls every ticket, and every board and LED client hears every call meant for it', async () => {
    // 4 windows in zones A–D, a board per zone, 2 rounds: each board hears 2 calls, each LED 2.
    const r = await run('scripts/bench-display.ts', ['--windows', '4', '--boards', '4', '--rounds', '2', '--gap', '2']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(samples(r.out, 'call → board \\(socket.io\\)')).toBe(8);
    expect(samples(r.out, 'bare socket.io broadcast')).toBe(32);
    expect(samples(r.out, 'call → LED \\(MQTT, retained\\)')).toBe(8);
    expect(samples(r.out, 'bare MQTT publish \\(aedes, QoS 1\\)')).toBe(8);
  });

  it('a rate limit below its own burst stops it naming the refused tickets, with no figures', async () => {
    const r = await run('scripts/bench-display.ts', [
      ...['--windows', '4', '--boards', '4', '--rounds', '2', '--gap', '2'],
      ...['--tickets-burst', '3'],
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('tickets issued by the kiosk (HTTP 201): 3 of 8');
    expect(r.err).toContain('429 ×5');
    expect(r.err).toContain('ticketsBurst 3');
    expect(r.out).not.toContain('p50');
  });
});

describe('bench (core)', () => {
  it('every call-next calls a ticket, the queue holds its size, every ticket POST is answered 201', async () => {
    const r = await run('scripts/bench-core.ts', [
      ...['--queues', '10,100', '--calls', '30', '--tickets', '100', '--concurrency', '4'],
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain("each row's 30 call-nexts all called a");
    expect(r.out).toMatch(/\| 10 \| [\d.]+ \|/);
    expect(r.out).toMatch(/\| 100 \| [\d.]+ \|/);
    expect(r.out).toContain('100 tickets, all 100 answered 201');
  });
});

describe('bench:upstream', () => {
  it('every event reaches each receiver once and the outbox empties', async () => {
    const r = await run('scripts/bench-upstream.ts', ['--events', '300', '--batch', '50']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('300 events in 6 batches of 50');
    expect(r.out).toMatch(/\| hall sender .* \| \d+ \|/);
  });
});

describe('load', () => {
  it('a few minutes of the busy hour at high speed: every visitor served, every call heard by its board', async () => {
    // The built server as a child process (npm test builds it first).
    const r = await run('scripts/load.ts', [
      ...['--speed', '1200', '--from', '60', '--minutes', '10', '--boards', '4', '--windows', '8'],
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const visitors = Number(/checked: all (\d+) visitors issued/.exec(r.out)?.[1]);
    expect(visitors).toBeGreaterThan(0);
    expect(r.out).toContain(`issued ${visitors}, called ${visitors}`);
    expect(r.out).toContain(`call → board: n ${visitors},`);
    expect(r.out).toContain('errors: none');
  });
});

describe('simulate', () => {
  const dir = tempDir('bench-sim-');
  const scenario = path.join(dir, 'small.json');
  writeFileSync(
    scenario,
    JSON.stringify({
      name: 'small-day',
      day: { open: '09:00', close: '12:00' },
      arrivals: { total: 120, profile: [{ from: '09:00', to: '12:00', weight: 1 }] },
      services: [
        { id: 'general', share: 0.6, targetWaitMin: 15, serviceMin: { dist: 'exp', mean: 6 } },
        { id: 'tax', share: 0.4, targetWaitMin: 20, serviceMin: { dist: 'exp', mean: 8 } },
      ],
      windows: [
        { count: 3, kind: 'comprehensive', skills: { general: 1, tax: 2 } },
        { count: 2, kind: 'domain', skills: { tax: 1 } },
      ],
    }),
  );

  it('policy figures and a window plan (what-if) from days on which every visitor was called', async () => {
    const r = await run('scripts/simulate/main.ts', [scenario, '--reps', '3', '--min-windows', '0.8']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ours +\d/m);
    expect(r.out).toMatch(/^ours: \d+ windows keep/m);
  });

  it('a plan that leaves a service without a window stops the run naming the stranded visitors', async () => {
    const plan = path.join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify([{ count: 4, kind: 'comprehensive', skills: { general: 1 } }]));
    const r = await run('scripts/simulate/main.ts', [scenario, '--reps', '2', '--policy', 'ours', '--plan', plan]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/simulate, policy ours fell short/);
    expect(r.err).toMatch(/day 1: visitors called \(served or no-show\): \d+ of \d+ \(never called: tax ×\d+/);
    expect(r.out).toBe('');
  });
});

describe('demo as a load generator', () => {
  const input = testConfigInput(3);
  const open = { ...input.hall, open: '00:00', close: '23:59', autoClose: false };
  const dir = tempDir('bench-demo-');
  const scenario = path.join(dir, 'day.json');
  writeFileSync(
    scenario,
    JSON.stringify({
      name: 'tiny-day',
      day: { open: '09:00', close: '10:00' },
      arrivals: { total: 12, profile: [{ from: '09:00', to: '10:00', weight: 1 }] },
      services: [
        { id: 'general', share: 0.5, targetWaitMin: 15, serviceMin: { dist: 'const', mean: 2 } },
        { id: 'tax', share: 0.5, targetWaitMin: 15, serviceMin: { dist: 'const', mean: 2 } },
      ],
      windows: [{ count: 3, kind: 'comprehensive', skills: { general: 1, tax: 1 } }],
    }),
  );
  /** A hall with this ticket rate limit, its config file for the demo, and the demo's command line. */
  async function hallWith(rateLimits: { ticketsPerMin: number; ticketsBurst: number }) {
    const extra = { hall: open, server: { ...input.server, rateLimits } };
    const file = path.join(tempDir('bench-demo-'), 'hall.yaml');
    writeFileSync(file, stringify(testConfigInput(3, extra)));
    const hall = await startTestHall({ config: testConfig(3, extra), sweepMs: 3_600_000, watchMs: 3_600_000 });
    halls.push(hall);
    return [
      ...['--url', hall.url, '--config', file, '--scenario', scenario, '--speed', '2000'],
      ...['--windows', '3', '--visitors', '12', '--password', PASSWORD, '--no-mqtt'],
    ];
  }
  const halls: Awaited<ReturnType<typeof startTestHall>>[] = [];
  let ok: string[];
  let limited: string[];
  beforeAll(async () => {
    ok = await hallWith({ ticketsPerMin: 100_000, ticketsBurst: 100_000 });
    limited = await hallWith({ ticketsPerMin: 1, ticketsBurst: 2 });
  });
  afterAll(async () => Promise.all(halls.map((h) => h.stop())));

  it('a driven day that adds up exits 0', async () => {
    const r = await run('scripts/demo/main.ts', ok);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // The scenario draws about --visitors visitors; all of them issued and called.
    expect(r.out).toMatch(/issued (\d+), called \1,/);
  });

  it('tickets refused by the hall’s rate limit: exit 1 naming the shortfall', async () => {
    const r = await run('scripts/demo/main.ts', limited);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/tickets issued to the day’s visitors: 2 of \d+ \(failed requests: TOO_MANY_REQUESTS ×\d+\)/);
  });
});
