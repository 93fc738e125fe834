// The adapter lifecycle through a real hall (issue 19): an adapter that cannot start (the embedded broker's
// port taken) is logged and shown failed while every other adapter runs and commands still work; an adapter
// that throws at stop (its speech engine) does not keep the others running; the upstream adapter takes a new
// platform address while the hall runs, its sockets and other adapters untouched.
import { createServer, type Server } from 'node:net';
import path from 'node:path';
import mqtt from 'mqtt';
import type { Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver } from '../../scripts/receiver/receiver';
import { SqliteReceiverStore } from '../../scripts/receiver/storage';
import type { HallConfig } from '../../server/config/schema';
import { BOARD_TOKEN, client, startTestHall, tempDir, testConfig } from '../helpers/hall';
import { freePort } from '../helpers/postgres';
import { recordEvents } from '../helpers/sockets';
import { until } from '../helpers/wait';

const SECRET = 'adapters-test-secret-0001';
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function takenPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  return { port: (server.address() as { port: number }).port, server };
}

async function receiver() {
  const port = await freePort();
  const store = new SqliteReceiverStore(path.join(tempDir(), 'receiver.sqlite'));
  const r = await startReceiver({ halls: [{ id: 'test-hall', secret: SECRET }], store }, port);
  cleanups.push(() => r.stop().catch(() => {}));
  const input = {
    url: `http://127.0.0.1:${port}/hall-events`,
    secret: SECRET,
    batchSize: 10,
    batchesPerSec: 100,
    retry: { minMs: 20, maxMs: 200 },
    timeoutMs: 3000,
  };
  // As the config loader fills it in (the defaults of the fields not given).
  const upstream: HallConfig['upstream'] = testConfig(4, { upstream: input }).upstream;
  return { store, input, upstream };
}

const numbersAt = async (store: SqliteReceiverStore) =>
  (await store.events('test-hall')).filter((e) => e.type === 'ticket.issued').map((e) => e.data.number);

describe('adapters through a real hall', () => {
  it('the broker cannot start: logged and shown failed; the other adapters run and commands still work', async () => {
    const { port } = await takenPort();
    const logs: { msg: string; fields?: Record<string, unknown> }[] = [];
    const s = await startTestHall({
      mqtt: { embedded: { port, host: '127.0.0.1' }, baseTopic: 'hall/adapters' },
      log: (msg, _e, fields) => logs.push({ msg, fields }),
    });
    cleanups.push(() => s.stop());
    expect(logs).toContainEqual({ msg: 'adapter mqtt-bridge: start failed', fields: { adapter: 'mqtt-bridge' } });

    const api = client(s.url);
    const states = Object.fromEntries(
      ((await api.get('/api/health')).body.adapters as { name: string; state: string }[]).map((a) => [a.name, a.state]),
    );
    expect(states['mqtt-bridge']).toBe('failed');
    const others = Object.entries(states).filter(([n]) => n !== 'mqtt-bridge');
    expect(others.length).toBeGreaterThan(10);
    for (const [name, state] of others) expect(state, name).toBe('running');

    // Commands and the realtime adapter are untouched: a board hears the call.
    const sockets: Socket[] = [];
    cleanups.push(() => sockets.forEach((x) => x.disconnect()));
    const board = recordEvents(s.url, '/board', { token: BOARD_TOKEN }, ['state', 'call'], sockets);
    await until(() => board.state!.length, 'the board connected');
    const w1 = await api.login('c1', 1);
    const t = await api.issue('general');
    const r = await api.post('/api/windows/1/call-next', {}, w1);
    expect(r.body.ticket.number).toBe(t.number);
    await until(() => board.call!.length, 'the board heard the call');
  });

  it('an adapter that throws at stop does not keep the others running: port, broker and database all close', async () => {
    const mqttPort = await freePort();
    const logs: string[] = [];
    const s = await startTestHall({
      mqtt: { embedded: { port: mqttPort, host: '127.0.0.1' }, baseTopic: 'hall/adapters' },
      speechEngine: {
        speak: () => Promise.reject(new Error('no speech here')),
        stop: () => {
          throw new Error('the speech engine hangs on');
        },
      },
      log: (msg) => logs.push(msg),
    });
    const url = s.url;
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    await s.stop();
    expect(logs).toContain('adapter voice: stop failed');
    // Stopped after voice in the reverse order, and stopped all the same:
    expect(s.adapters.status().every((a) => a.state === 'stopped')).toBe(true);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    await expect(
      mqtt.connectAsync(`mqtt://127.0.0.1:${mqttPort}`, { reconnectPeriod: 0, connectTimeout: 2000 }),
    ).rejects.toThrow();
    expect(s.db.open).toBe(false);
  });

  it('the upstream adapter takes a new platform address while the hall runs; the others are not restarted', async () => {
    const a = await receiver();
    const b = await receiver();
    const s = await startTestHall({ config: testConfig(4, { upstream: a.input }) });
    cleanups.push(() => s.stop());
    const api = client(s.url);
    const sockets: Socket[] = [];
    cleanups.push(() => sockets.forEach((x) => x.disconnect()));
    const board = recordEvents(s.url, '/board', { token: BOARD_TOKEN }, ['state', 'call', 'disconnect'], sockets);
    await until(() => board.state!.length, 'the board connected');

    const first = await api.issue('general');
    await until(async () => (await numbersAt(a.store)).includes(first.number), 'the first ticket at platform A');

    await s.adapters.restart('upstream', b.upstream);
    const sup = await api.login('sup');
    expect((await api.get('/api/upstream', sup)).body.url).toBe(b.input.url);
    const second = await api.issue('general');
    await until(async () => (await numbersAt(b.store)).includes(second.number), 'the second ticket at platform B');
    expect(await numbersAt(a.store)).toEqual([first.number]);

    // The rest of the hall did not move: every adapter running, the board's socket the same one, hearing calls.
    expect(s.adapters.status().every((x) => x.state === 'running')).toBe(true);
    const w1 = await api.login('c1', 1);
    await api.post('/api/windows/1/call-next', {}, w1);
    await until(() => board.call!.length, 'the board heard the call');
    expect(board.state).toHaveLength(1);
    expect(board.disconnect).toHaveLength(0);
  });
});
