// The upstream outbox and sender against the reference receiver on loopback: a day of traffic with the
// receiver down, then back (every event exactly once, in order); a receiver that fails one request in
// three; a hall server killed (SIGKILL) mid-batch and restarted; a wrong secret refused by the receiver
// and raised on the hall side; the same batches stored into a real PostgreSQL server.
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { startHallProcess } from '../../scripts/hall-process';
import { startReceiver, type ReceiverOptions } from '../../scripts/receiver/receiver';
import { PgReceiverStore, SqliteReceiverStore, type InEvent } from '../../scripts/receiver/storage';
import {
  FakeClock,
  KIOSK_TOKEN,
  PAD_TOKEN,
  client,
  startTestHall,
  tempDir,
  testConfig,
  testConfigInput,
} from '../helpers/hall';
import { freePort, startPostgres } from '../helpers/postgres';
import { until } from '../helpers/wait';

const SECRET = 'upstream-test-secret-0001';
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const upstreamOf = (port: number, secret = SECRET) => ({
  url: `http://127.0.0.1:${port}/hall-events`,
  secret,
  batchSize: 7,
  batchesPerSec: 100,
  retry: { minMs: 20, maxMs: 200 },
  timeoutMs: 3000,
});

async function receiver(port: number, extra: Partial<ReceiverOptions> = {}) {
  const store = extra.store ?? new SqliteReceiverStore(path.join(tempDir(), 'receiver.sqlite'));
  const r = await startReceiver({ halls: [{ id: 'test-hall', secret: SECRET }], store, ...extra }, port);
  cleanups.push(() => r.stop().catch(() => {}));
  return { ...r, store };
}

/** A busy morning: tickets issued, called, finished or skipped, rated on the pad, hours passing. */
async function trafficDay(s: { url: string }, clock: FakeClock, tickets = 24) {
  const api = client(s.url);
  const w1 = await api.login('c1', 1);
  const sup = await api.login('sup');
  for (let i = 0; i < tickets; i++) {
    await api.issue(['general', 'tax', 'social'][i % 3]!, i === 0 ? { idNumber: '11010519491231002X' } : {});
    clock.advanceMin(3);
    if (i % 2 === 0) {
      const t = (await api.post('/api/windows/1/call-next', {}, w1)).body.ticket;
      if (!t) continue;
      clock.advanceMin(4);
      if (i % 6 === 4) await api.post('/api/windows/1/skip', {}, w1);
      else {
        await api.post('/api/windows/1/finish', {}, w1);
        const ev = (await api.get('/api/evaluations', sup)).body.evaluations.find((e: any) => e.status === 'pending');
        if (ev)
          await api.post(`/api/evaluations/${ev.id}`, { level: i % 4 === 0 ? 'very_satisfied' : 'basic' }, PAD_TOKEN);
      }
    }
  }
  return { api, sup };
}

function expectExactlyOnceInOrder(events: InEvent[], outbox: { seq: number; type: string }[]) {
  const seqs = events.map((e) => Number(e.id.split('-').at(-1)));
  expect(new Set(seqs).size).toBe(seqs.length); // once
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b)); // in order
  expect(seqs).toEqual(outbox.map((o) => o.seq)); // every one
  expect(events.map((e) => e.type)).toEqual(outbox.map((o) => o.type));
}

const outboxOf = (s: { db: { prepare: (q: string) => { all: () => unknown[] } } }) =>
  s.db.prepare('SELECT seq, type FROM outbox ORDER BY seq').all() as { seq: number; type: string }[];

describe('upstream sync', () => {
  it('the receiver down for a day of traffic, then back: every event once, in order; backlog shown and alerted', async () => {
    const port = await freePort();
    const clock = new FakeClock();
    const s = await startTestHall({
      clock: clock.fn,
      config: testConfig(4, { upstream: upstreamOf(port) }),
      watchMs: 50,
      upstreamStatsMs: 30,
    });
    cleanups.push(() => s.stop());
    const { api, sup } = await trafficDay(s, clock);
    const status = (await api.get('/api/upstream', sup)).body;
    expect(status.pending).toBeGreaterThan(30);
    expect(status.lastError).toMatch(/网络错误/);
    // The backlog can still grow (the hourly statistics check runs every 30 ms here), so health must show a count
    // between the one read just before and one read just after it.
    const health = (await api.get('/api/health')).body.upstream;
    const after = (await api.get('/api/upstream', sup)).body.pending;
    expect(health).toMatchObject({ parked: false });
    expect(health.pending).toBeGreaterThanOrEqual(status.pending);
    expect(health.pending).toBeLessThanOrEqual(after);
    await until(
      async () => (await api.get('/api/alerts', sup)).body.alerts.find((a: any) => a.kind === 'upstream_backlog'),
      'a backlog alert',
    );
    const types = new Set(outboxOf(s).map((o) => o.type));
    for (const t of [
      'ticket.issued',
      'ticket.called',
      'ticket.finished',
      'ticket.no_show',
      'evaluation.submitted',
      'stats.hourly',
    ])
      expect(types, t).toContain(t);

    const r = await receiver(port);
    await until(async () => (await api.get('/api/upstream', sup)).body.pending === 0, 'the backlog sent', 20_000);
    const got = await r.store.events('test-hall');
    expectExactlyOnceInOrder(got, outboxOf(s));
    const text = JSON.stringify(got);
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('002X'); // not even the masked ID number's tail
    const ev = got.find((e) => e.type === 'evaluation.submitted')!;
    expect(ev.data).toMatchObject({
      hallId: 'test-hall',
      regionCode: '370900',
      windowNo: 1,
      clerkId: 'c1',
      channel: 'pad',
      channelCode: '1',
      levelCodeScheme: 'provincial',
    });
    expect(ev.data.time).toMatch(/^\d{8}T\d{6}$/);
    expect([ev.data.level, ev.data.levelCode]).toEqual(
      ev.data.level === 'very_satisfied' ? ['very_satisfied', 5] : ['basic', 3],
    );
    const hourly = got.find((e) => e.type === 'stats.hourly')!;
    expect(hourly.data).toMatchObject({
      hallId: 'test-hall',
      total: expect.objectContaining({ tickets: expect.any(Number) }),
    });
    await until(
      async () =>
        !(await api.get('/api/alerts', sup)).body.alerts.find(
          (a: any) => a.kind === 'upstream_backlog' && !a.resolvedAt,
        ),
      'the backlog alert resolved',
    );
    const page = await fetch(`${r.url}/halls/test-hall`).then((x) => x.text());
    expect(page).toContain(`事件 ${got.length} 条`);
  });

  it('a receiver that fails one request in three: still every event once, in order', async () => {
    const port = await freePort();
    const r = await receiver(port, { failEvery: 3 });
    const clock = new FakeClock();
    const s = await startTestHall({ clock: clock.fn, config: testConfig(4, { upstream: upstreamOf(port) }) });
    cleanups.push(() => s.stop());
    const { api, sup } = await trafficDay(s, clock, 30);
    await until(async () => (await api.get('/api/upstream', sup)).body.pending === 0, 'all sent', 20_000);
    expectExactlyOnceInOrder(await r.store.events('test-hall'), outboxOf(s));
  });

  it('a wrong secret is refused by the receiver, parked and alerted in the hall; fixed and retried, all arrive', async () => {
    const port = await freePort();
    const r = await receiver(port);
    const clock = new FakeClock();
    const dataDir = tempDir();
    const bad = testConfig(4, { upstream: upstreamOf(port, 'not-the-right-secret-1') });
    const s = await startTestHall({ clock: clock.fn, config: bad, dataDir, watchMs: 50 });
    const api = client(s.url);
    const sup = await api.login('sup');
    await api.issue('general');
    const alert = await until(
      async () => (await api.get('/api/alerts', sup)).body.alerts.find((a: any) => a.kind === 'upstream_rejected'),
      'a rejection alert',
    );
    expect(alert.message).toContain('401');
    expect((await api.get('/api/upstream', sup)).body.parked.error).toContain('BAD_SIGNATURE');
    expect(await r.store.events('test-hall')).toHaveLength(0);
    await s.stop();

    // The secret is fixed in the config; the parked batch waits for a supervisor's retry.
    const s2 = await startTestHall({
      clock: clock.fn,
      config: testConfig(4, { upstream: upstreamOf(port) }),
      dataDir,
      watchMs: 50,
    });
    cleanups.push(() => s2.stop());
    const api2 = client(s2.url);
    const sup2 = await api2.login('sup');
    await new Promise((res) => setTimeout(res, 300));
    expect(await r.store.events('test-hall')).toHaveLength(0);
    expect((await api2.post('/api/upstream/retry', {}, sup2)).body.batches).toBe(1);
    await until(async () => (await api2.get('/api/upstream', sup2)).body.pending === 0, 'sent after retry');
    expectExactlyOnceInOrder(await r.store.events('test-hall'), outboxOf(s2));
    expect((await api2.post('/api/upstream/retry', {}, await api2.login('c1', 1))).status).toBe(403);
  });

  it('the hall server killed (SIGKILL) right after the receiver stored a batch: after the restart, still exactly once', async () => {
    const rport = await freePort();
    const hport = await freePort();
    const dir = tempDir();
    const cfg = testConfigInput(4, { upstream: upstreamOf(rport) });
    cfg.server = { port: hport, host: '127.0.0.1' };
    writeFileSync(path.join(dir, 'hall.yaml'), stringify(cfg));
    let child: ChildProcess | null = null;
    const startChild = async () => {
      child = await startHallProcess({
        config: path.join(dir, 'hall.yaml'),
        data: path.join(dir, 'data'),
        port: hport,
      });
      cleanups.push(() => child?.kill('SIGKILL'));
    };
    let batches = 0;
    let killed = false;
    const r = await receiver(rport, {
      onStored: () => {
        if (++batches === 2 && child) {
          child.kill('SIGKILL'); // stored, not yet answered: the hall never hears it was accepted
          killed = true;
        }
      },
    });
    await startChild();
    const api = client(`http://127.0.0.1:${hport}`);
    for (let i = 0; i < 20; i++)
      await api.call('POST', '/api/tickets', { serviceId: 'general' }, KIOSK_TOKEN).catch(() => null);
    await until(() => killed, 'the kill mid-batch');
    await startChild();
    const sup = await api.login('sup');
    await until(
      async () => (await api.get('/api/upstream', sup)).body.pending === 0,
      'all sent after the restart',
      20_000,
    );
    const got = await r.store.events('test-hall');
    const issued = got.filter((e) => e.type === 'ticket.issued');
    const numbers = issued.map((e) => e.data.number as string);
    expect(new Set(got.map((e) => e.id)).size).toBe(got.length);
    expect(numbers).toEqual([...numbers].sort());
    const summary = await r.store.summary('test-hall');
    expect(summary.duplicates).toBeGreaterThan(0); // the batch cut before the kill was sent again, same ids
    expect(summary.events).toBe(got.length);
    // Every ticket the hall acknowledged reached the receiver once.
    const acknowledged = (await api.get('/api/reports', sup)).body.total.tickets;
    expect(issued).toHaveLength(acknowledged);
  });

  it('stores into a real PostgreSQL server, de-duplicating by event id', async () => {
    const pgServer = await startPostgres();
    cleanups.push(() => pgServer.stop());
    const port = await freePort();
    const r = await receiver(port, { store: new PgReceiverStore(pgServer.url) });
    const clock = new FakeClock();
    const s = await startTestHall({ clock: clock.fn, config: testConfig(4, { upstream: upstreamOf(port) }) });
    cleanups.push(() => s.stop());
    const { api, sup } = await trafficDay(s, clock, 12);
    await until(async () => (await api.get('/api/upstream', sup)).body.pending === 0, 'all sent', 20_000);
    const got = await r.store.events('test-hall');
    expectExactlyOnceInOrder(got, outboxOf(s));
    // A batch sent again is accepted and changes nothing.
    const again = await r.store.store('test-hall', 'again', got.slice(0, 3));
    expect(again).toEqual({ accepted: 0, duplicates: 3 });
    expect((await r.store.summary('test-hall')).events).toBe(got.length);
  });
});
