// The hall simulator's correctness (not the benchmark's numbers): Erlang C agreement, conservation of
// tickets, reproducibility by seed, and each baseline policy doing what its peer does.
import { describe, expect, it } from 'vitest';
import { simulateDay } from '../../scripts/simulate/engine';
import { erlangC, erlangCMeanWait } from '../../scripts/simulate/erlang';
import { dedicated, POLICIES, policyByName, pooled, skillFifo, staticWeight } from '../../scripts/simulate/policies';
import { loadScenario, parseScenario, type Scenario, type WindowGroup } from '../../scripts/simulate/scenario';
import { minimalPlan, offeredLoad } from '../../scripts/simulate/what-if';
import { runPolicy, summarise } from '../../scripts/simulate/stats';
import { visitorsOf } from '../../scripts/simulate/visitors';
import type { Candidate } from '../../server/domain/routing';
import type { HallWindow } from '../../server/domain/types';

const city = loadScenario('scenarios/city-hall-day.json');

function mmc(c: number, lambdaPerMin: number, meanMin: number): Scenario {
  return parseScenario({
    name: 'mmc',
    day: { open: '00:00', close: '23:59' },
    arrivals: { total: lambdaPerMin * 1439, profile: [{ from: '00:00', to: '23:59', weight: 1 }] },
    services: [{ id: 's', share: 1, targetWaitMin: 10, serviceMin: { dist: 'exp', mean: meanMin } }],
    windows: [{ count: c, kind: 'comprehensive', skills: { s: 1 } }],
  });
}

describe('Erlang C', () => {
  it('the formula matches known values', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 10); // M/M/1: P(wait) = ρ
    expect(erlangCMeanWait(1, 0.5, 1)).toBeCloseTo(1, 10); // ρ/(μ−λ)
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 10);
  });

  it('pooled windows, exponential service and a constant arrival rate: the simulated mean wait matches Erlang C', () => {
    const c = 4;
    const [lambda, mean] = [0.3, 10]; // ρ = 0.75
    const r = runPolicy(mmc(c, lambda, mean), 'pooled', { reps: 200, seed: 7, warmupMin: 120 });
    const exact = erlangCMeanWait(c, lambda, 1 / mean);
    expect(exact).toBeCloseTo(5.094, 3); // C(4, 3) = 13.5 / 26.5; ÷ (cμ − λ) = 0.1
    // Within the 99% interval (a 95% one misses for one seed in twenty by construction).
    expect(Math.abs(r.mean - exact)).toBeLessThanOrEqual((r.meanCi95 * 2.576) / 1.96);
    expect(r.meanCi95).toBeLessThan(exact / 10); // the interval is informative, not vacuous
  });
});

describe('simulation', () => {
  it('conserves tickets: every visitor is served or a no-show exactly once, under every policy', () => {
    const visitors = visitorsOf(city, 3, 0);
    expect(visitors.length).toBeGreaterThan(1500);
    expect(visitors.length).toBeLessThan(1900);
    for (const name of POLICIES) {
      const day = simulateDay(city, visitors, policyByName(name));
      expect(day.served.length + day.noShows, name).toBe(visitors.length);
      expect(day.served.every((v) => v.wait >= 0)).toBe(true);
    }
  });

  it('is reproducible by seed, and every policy sees the same visitors', () => {
    const a = runPolicy(city, 'ours', { reps: 3, seed: 42 });
    const b = runPolicy(city, 'ours', { reps: 3, seed: 42 });
    const c = runPolicy(city, 'ours', { reps: 3, seed: 43 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
    expect(visitorsOf(city, 42, 1)).toEqual(visitorsOf(city, 42, 1));
  });

  it('different seeds draw different days (no seed repeats another seed’s replication)', () => {
    const day = (seed: number, rep: number) => JSON.stringify(visitorsOf(city, seed, rep).slice(0, 5));
    const seen = new Set<string>();
    for (let seed = 1; seed <= 4; seed++) for (let rep = 0; rep < 8; rep++) seen.add(day(seed, rep));
    expect(seen.size).toBe(32);
  });

  it('arrivals follow the hourly profile (the 10–11 peak is the busiest hour)', () => {
    const counts = new Map<number, number>();
    for (let r = 0; r < 10; r++)
      for (const v of visitorsOf(city, 5, r))
        counts.set(Math.floor(v.arrival / 60), (counts.get(Math.floor(v.arrival / 60)) ?? 0) + 1);
    const peak = [...counts.entries()].sort((x, y) => y[1] - x[1])[0]![0];
    expect(peak).toBe(10);
  });

  it('rejects a scenario that names an unknown service', () => {
    expect(() =>
      parseScenario({
        ...JSON.parse(JSON.stringify(city)),
        windows: [{ count: 1, kind: 'domain', skills: { nope: 1 } }],
      }),
    ).toThrow('unknown service "nope"');
  });
});

describe('baseline policies', () => {
  const w: HallWindow = { no: 1, name: '1', kind: 'comprehensive', zone: 'A', skills: { a: 1, b: 2 } };
  const cand = (serviceId: string, waitFrom: number, priority = false): Candidate => ({
    ticketId: `${serviceId}${waitFrom}`,
    serviceId,
    waitFrom,
    issuedAt: waitFrom,
    seq: waitFrom,
    priority,
    targetWindowNo: null,
  });
  const ctx = (heads: Candidate[]) => ({ heads, window: w, services: new Map(), now: 100 });

  it('dedicated serves only the window’s own services, priority first, then oldest first', () => {
    expect(dedicated(ctx([cand('b', 1), cand('a', 5)]))?.serviceId).toBe('a');
    expect(dedicated(ctx([cand('b', 1)]))).toBeNull();
    expect(dedicated(ctx([cand('a', 3), cand('a', 5, true)]))?.waitFrom).toBe(5);
    expect(dedicated(ctx([cand('b', 1, true), cand('a', 5)]))?.serviceId).toBe('a');
  });
  it('skill-fifo takes priority first, then the oldest among all skills', () => {
    expect(skillFifo(ctx([cand('b', 1), cand('a', 5)]))?.serviceId).toBe('b');
    expect(skillFifo(ctx([cand('b', 1), cand('a', 5, true)]))?.serviceId).toBe('a');
    expect(skillFifo(ctx([cand('c', 0)]))).toBeNull();
  });
  it('static-weight takes the lower skill level first, then priority, then arrival', () => {
    expect(staticWeight(ctx([cand('b', 1, true), cand('a', 5)]))?.serviceId).toBe('a');
    expect(staticWeight(ctx([cand('a', 3), cand('a', 5, true)]))?.waitFrom).toBe(5);
  });
  it('pooled takes the oldest ticket of any service, priority first (as the reference simulator does)', () => {
    expect(pooled(ctx([cand('c', 2), cand('a', 5)]))?.serviceId).toBe('c');
    expect(pooled(ctx([cand('c', 2), cand('a', 5, true)]))?.serviceId).toBe('a');
  });
});

describe('npm run simulate', () => {
  it('--json prints the documented shape for every policy', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const out = await promisify(execFile)('node_modules/.bin/tsx', [
      'scripts/simulate/main.ts',
      'scenarios/city-hall-day.json',
      '--reps',
      '2',
      '--seed',
      '5',
      '--json',
    ]);
    const r = JSON.parse(out.stdout);
    expect(r).toMatchObject({ scenario: 'city-hall-day', reps: 2, load: 1 });
    // Each figure says how it is computed (pooled over all days, or each day's own in `paired`).
    expect(r.definitions.p90).toMatch(/pooled/);
    expect(r.definitions.paired).toMatch(/day by day/);
    expect(Object.keys(r.policies)).toEqual(['ours', 'dedicated', 'skill-fifo', 'static-weight', 'pooled']);
    for (const p of Object.values<any>(r.policies)) {
      for (const k of ['mean', 'p50', 'p90', 'p99', 'max', 'withinTarget']) expect(typeof p[k]).toBe('number');
      expect(p.withinTarget).toBeGreaterThan(0);
      expect(p.withinTarget).toBeLessThanOrEqual(1);
      expect(Object.keys(p.perService)).toContain('realestate');
      expect(Object.keys(p.perService.tax)).toEqual(['mean', 'p90', 'max', 'withinTarget']);
      expect(Object.keys(p.priority)).toEqual(['mean', 'p90', 'max', 'withinTarget']);
    }
    // Ours against each other policy, day by day on the same visitors.
    expect(Object.keys(r.paired)).toEqual(['dedicated', 'skill-fifo', 'static-weight', 'pooled']);
    for (const p of Object.values<any>(r.paired))
      for (const k of ['mean', 'p90', 'max', 'beyondTarget']) {
        expect(Object.keys(p[k])).toEqual(['diff', 'ci95', 'verdict']);
        expect(['better', 'worse', 'tie']).toContain(p[k].verdict);
      }
    // Against the one-window-per-matter hall, ours waits less on every day drawn.
    expect(r.paired.dedicated.mean.diff).toBeLessThan(0);
    const bad = await promisify(execFile)('node_modules/.bin/tsx', ['scripts/simulate/main.ts', 'nope.json']).catch(
      (e) => e,
    );
    expect(bad.code).toBe(2);
  }, 30_000);

  it('--routing tries other routing parameters, checked like the config', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const run = (...extra: string[]) =>
      promisify(execFile)('node_modules/.bin/tsx', [
        'scripts/simulate/main.ts',
        'scenarios/city-hall-day.json',
        ...['--reps', '2', '--seed', '5', '--policy', 'ours', '--json', ...extra],
      ]);
    // Against no boost at all (the default boost, 20, already puts priority visitors first on these two days).
    const usual = JSON.parse((await run('--routing', '{"priorityBoost":0}')).stdout).policies.ours;
    const strict = JSON.parse((await run('--routing', '{"priorityBoost":100}')).stdout).policies.ours;
    expect(strict.priority.mean).toBeLessThan(usual.priority.mean);
    for (const [arg, msg] of [
      ['{"priorityBoost":-1}', '--routing: priorityBoost:'],
      ['{"nope":1}', 'nope'],
      ['{bad', '--routing: not JSON'],
    ]) {
      const bad = await run('--routing', arg!).catch((e) => e);
      expect(bad.code, arg).toBe(2);
      expect(bad.stderr, arg).toContain(msg);
    }
  }, 30_000);

  it('--plan is checked like the scenario’s windows: a bad plan gets the file, the path and the reason', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/plan-`)}/plan.json`;
    const run = () =>
      promisify(execFile)('node_modules/.bin/tsx', [
        'scripts/simulate/main.ts',
        'scenarios/city-hall-day.json',
        ...['--reps', '1', '--policy', 'ours', '--plan', file],
      ]).catch((e) => e);
    for (const [plan, msg] of [
      ['[{"count":-1,"kind":"domain","skills":{"tax":1}}]', 'windows.0.count'],
      ['[{"count":2,"kind":"domain","skills":{"nope":1}}]', 'unknown service "nope"'],
      ['not json', '--plan'],
    ]) {
      writeFileSync(file, plan!);
      const bad = await run();
      expect(bad.code, plan).toBe(2);
      expect(bad.stderr, plan).toContain(msg);
    }
    writeFileSync(
      file,
      '[{"count":40,"kind":"comprehensive","skills":{"general":1,"tax":1,"medical":1,"social":1,"realestate":1,"exitentry":1,"onething":1,"assisted":1}}]',
    );
    expect((await run()).stdout).toContain('ours');
  }, 30_000);
});

describe('figures', () => {
  it('legally prioritised visitors get their own figures: mean, p90, each day’s longest, within target', () => {
    const v = (service: string, wait: number, priority: boolean) => ({
      service,
      wait,
      priority,
      arrival: 600,
      windowNo: 1,
    });
    const day = (served: ReturnType<typeof v>[]) => ({ served, noShows: 0, utilisation: [], end: 1020 });
    // general's target is 15 min, tax's 20.
    const r = summarise(city, [
      day([v('general', 2, true), v('general', 30, false), v('tax', 21, true)]),
      day([v('tax', 4, true), v('general', 16, true), v('general', 1, false)]),
    ]);
    expect(r.priority).toEqual({ mean: 10.75, p90: 21, max: 18.5, withinTarget: 0.5 });
    expect(r.perService.general).toEqual({ mean: 12.25, p90: 30, max: 23, withinTarget: 0.5 });
  });
});

describe('what-if: the smallest window plan', () => {
  // Two services: 综合 (general) at two kinds of window, 税务 (tax) only at its own. About 5 window-loads of
  // work in all, so the answer lies well between the too-small and the too-large plan.
  const hall = (general: number, tax: number): Scenario =>
    parseScenario({
      name: 'what-if',
      day: { open: '09:00', close: '17:00' },
      arrivals: { total: 400, profile: [{ from: '09:00', to: '17:00', weight: 1 }] },
      services: [
        { id: 'general', share: 0.5, targetWaitMin: 10, serviceMin: { dist: 'lognormal', mean: 6, cv: 0.5 } },
        { id: 'tax', share: 0.5, targetWaitMin: 10, serviceMin: { dist: 'lognormal', mean: 6, cv: 0.5 } },
      ],
      windows: [
        { count: general, kind: 'comprehensive', skills: { general: 1, tax: 2 } },
        { count: tax, kind: 'domain', skills: { tax: 1 } },
      ],
    });
  const o = { reps: 3, seed: 4 };
  const share = (s: Scenario, plan: WindowGroup[]) => runPolicy(s, 'ours', { ...o, plan }).withinTarget;

  it('from too many windows: takes away until one fewer would miss the level', () => {
    const s = hall(6, 6);
    const m = minimalPlan(s, 'ours', 0.9, o);
    expect(m.reached).toBe(true);
    expect(m.windows).toBeLessThan(12);
    expect(m.windows).toBe(m.plan.reduce((a, g) => a + g.count, 0));
    expect(m.withinTarget).toBe(share(s, m.plan));
    expect(m.withinTarget).toBeGreaterThanOrEqual(0.9);
    // Every plan with one window fewer (that still serves tax) misses the level.
    for (let i = 0; i < m.plan.length; i++) {
      if (m.plan[i]!.count === 0) continue;
      const fewer = m.plan.map((g, j) => (j === i ? { ...g, count: g.count - 1 } : g));
      if (fewer.every((g) => g.count === 0)) continue;
      expect(share(s, fewer), `one ${m.plan[i]!.kind} fewer`).toBeLessThan(0.9);
    }
  });

  it('from too few windows: adds until the level holds; a level out of reach says so', () => {
    const s = hall(1, 1);
    expect(share(s, s.windows)).toBeLessThan(0.9);
    const m = minimalPlan(s, 'ours', 0.9, o);
    expect(m).toMatchObject({ reached: true });
    expect(m.windows).toBeGreaterThan(2);
    expect(share(s, m.plan)).toBeGreaterThanOrEqual(0.9);
    const never = minimalPlan(s, 'dedicated', 1.01, o);
    expect(never.reached).toBe(false);
    // 400 visitors × 6 min over 480 min keep 5 windows busy: the search stops at twice that, + 1 per group.
    expect(offeredLoad(s)).toBeCloseTo(5, 10);
    expect(never.windows).toBe(12);
  });
});
