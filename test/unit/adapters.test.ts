// The adapter lifecycle (server/adapters/lifecycle.ts) on its own: order, isolation, required adapters,
// a restart with a new configuration. The same rules through a real hall: test/integration/adapters.test.ts.
import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../server/adapters/adapter';
import { Adapters } from '../../server/adapters/lifecycle';

function recorder() {
  const calls: string[] = [];
  const logs: { msg: string; fields?: Record<string, unknown> }[] = [];
  const log = (msg: string, _e?: unknown, fields?: Record<string, unknown>) => logs.push({ msg, fields });
  const make = (name: string, o: { startFails?: boolean; stopFails?: boolean; required?: boolean } = {}) =>
    ({
      name,
      required: o.required,
      async start() {
        await Promise.resolve();
        calls.push(`start ${name}`);
        if (o.startFails) throw new Error(`${name} cannot start`);
      },
      stop() {
        calls.push(`stop ${name}`);
        if (o.stopFails) throw new Error(`${name} cannot stop`);
      },
    }) satisfies Adapter;
  return { calls, logs, log, make };
}

describe('adapter lifecycle', () => {
  it('starts in the list’s order and stops in reverse', async () => {
    const r = recorder();
    const a = new Adapters([r.make('a'), r.make('b'), r.make('c')], r.log);
    await a.start();
    expect(a.status().map((s) => s.state)).toEqual(['running', 'running', 'running']);
    await a.stop();
    expect(r.calls).toEqual(['start a', 'start b', 'start c', 'stop c', 'stop b', 'stop a']);
    expect(a.status().map((s) => s.state)).toEqual(['stopped', 'stopped', 'stopped']);
  });

  it('an adapter that throws at start is logged and marked failed; the ones after it still start', async () => {
    const r = recorder();
    const a = new Adapters([r.make('a'), r.make('broken', { startFails: true }), r.make('c')], r.log);
    await a.start();
    expect(r.calls).toEqual(['start a', 'start broken', 'start c']);
    expect(a.status()).toEqual([
      { name: 'a', state: 'running', error: null },
      { name: 'broken', state: 'failed', error: 'broken cannot start' },
      { name: 'c', state: 'running', error: null },
    ]);
    expect(r.logs).toContainEqual({ msg: 'adapter broken: start failed', fields: { adapter: 'broken' } });
    // A failed adapter is still asked to stop (it may have started half of itself).
    await a.stop();
    expect(r.calls.slice(3)).toEqual(['stop c', 'stop broken', 'stop a']);
  });

  it('an adapter that throws at stop does not keep the others running', async () => {
    const r = recorder();
    const a = new Adapters([r.make('a'), r.make('stuck', { stopFails: true }), r.make('c')], r.log);
    await a.start();
    await a.stop();
    expect(r.calls.slice(3)).toEqual(['stop c', 'stop stuck', 'stop a']);
    expect(a.status().find((s) => s.name === 'stuck')).toEqual({
      name: 'stuck',
      state: 'stopped',
      error: 'stuck cannot stop',
    });
    expect(r.logs.map((l) => l.msg)).toContain('adapter stuck: stop failed');
  });

  it('a required adapter that fails at start undoes the start: the started ones stop, the error comes back', async () => {
    const r = recorder();
    const a = new Adapters([r.make('a'), r.make('b'), r.make('port', { required: true, startFails: true })], r.log);
    await expect(a.start()).rejects.toThrow('port cannot start');
    expect(r.calls).toEqual(['start a', 'start b', 'start port', 'stop port', 'stop b', 'stop a']);
  });

  it('restarts one adapter with a new configuration, touching no other', async () => {
    const r = recorder();
    let used = 'old';
    const live: Adapter<string> = {
      name: 'live',
      start: () => void r.calls.push('start live'),
      stop: () => void r.calls.push('stop live'),
      restart(cfg) {
        r.calls.push(`restart live ${cfg}`);
        used = cfg;
      },
    };
    const a = new Adapters([r.make('a'), live, r.make('c')], r.log);
    await a.start();
    await a.restart('live', 'new');
    expect(used).toBe('new');
    expect(r.calls).toEqual(['start a', 'start live', 'start c', 'restart live new']);
    await expect(a.restart('a', 'x')).rejects.toThrow(/cannot take a new configuration/);
    await expect(a.restart('nope', 'x')).rejects.toThrow(/no adapter named nope/);
  });

  it('refuses two adapters of one name (restart and /api/health name them)', () => {
    const r = recorder();
    expect(() => new Adapters([r.make('a'), r.make('a')], r.log)).toThrow(/two adapters named a/);
  });
});
