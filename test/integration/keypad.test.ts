// Hardware caller keypads over MQTT, with the embedded broker and with a real mosquitto whose password and
// ACL files are generated from the hall config.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { HallServer } from '../../server/app';
import { writeMosquittoFiles } from '../../scripts/mosquitto-config';
import { KEYPAD_TOKEN, client, startTestHall, tempDir, testConfig, testConfigInput } from '../helpers/hall';
import { startMosquitto } from '../helpers/mosquitto';
import { mqttConnected, sleep, useCleanup } from '../helpers/wait';

const BASE = 'hall/test';
const cleanup = { push: useCleanup() };

async function keypadClient(port: number) {
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    protocolVersion: 4,
    username: 'keypad-1',
    password: KEYPAD_TOKEN,
    reconnectPeriod: 0,
  });
  cleanup.push(() => new Promise<void>((r) => c.end(true, {}, () => r())));
  const results: any[] = [];
  c.on('message', (_t, p) => results.push(JSON.parse(p.toString())));
  await c.subscribeAsync(`${BASE}/keypad/1/result`);
  let n = 0;
  const send = async (payload: unknown, topic = `${BASE}/keypad/1/command`) => {
    const before = results.length;
    c.publish(topic, typeof payload === 'string' ? payload : JSON.stringify(payload), { qos: 1 });
    for (let i = 0; i < 200 && results.length === before; i++) await sleep(10);
    return results[before];
  };
  const press = (action: string) => send({ action, requestId: `r${++n}` });
  return { c, results, send, press };
}

function dbState(s: HallServer) {
  return JSON.stringify([
    s.db.prepare('SELECT * FROM tickets ORDER BY id').all(),
    s.db.prepare('SELECT * FROM window_state ORDER BY no').all(),
  ]);
}

async function fullCycle(s: HallServer, port: number) {
  const api = client(s.url);
  await api.login('c1', 1);
  const a = await api.issue('general');
  const b = await api.issue('general');
  const k = await keypadClient(port);
  expect(await k.press('next')).toEqual({ requestId: 'r1', ok: true, ticket: a.number });
  expect(await k.press('recall')).toMatchObject({ ok: true, ticket: a.number });
  expect(await k.press('skip')).toMatchObject({ ok: true, ticket: a.number });
  expect(await k.press('next')).toMatchObject({ ok: true, ticket: b.number });
  expect(await k.press('hold')).toMatchObject({ ok: true, ticket: b.number });
  expect(await k.press('pause')).toMatchObject({ ok: true, ticket: null });
  expect(await k.press('next')).toMatchObject({ ok: false, error: { code: 'WINDOW_PAUSED' } });
  expect(await k.press('resume')).toMatchObject({ ok: true });
  expect(await k.press('finish')).toMatchObject({ ok: false, error: { code: 'NO_CURRENT_TICKET' } });
  const sup = await api.login('sup');
  const log = s.core.query.ticketHistory(a.id).map((e) => e.actor);
  expect(log).toContain('device:keypad-1');
  expect((await api.get(`/api/windows/1/held`, sup)).body.tickets[0].number).toBe(b.number);
  return k;
}

describe('keypads with the embedded broker', () => {
  async function hall() {
    const s = await startTestHall({ mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE } });
    cleanup.push(() => s.stop());
    await mqttConnected(s);
    return s;
  }

  it('a keypad drives a full cycle at its window', async () => {
    const s = await hall();
    await fullCycle(s, s.mqtt.brokerPort!);
  });

  it('a retried requestId gets the first answer and changes nothing', async () => {
    const s = await hall();
    const api = client(s.url);
    await api.login('c1', 1);
    await api.issue('general');
    await api.issue('general');
    const k = await keypadClient(s.mqtt.brokerPort!);
    const first = await k.send({ action: 'next', requestId: 'same-1' });
    const state = dbState(s);
    expect(await k.send({ action: 'next', requestId: 'same-1' })).toEqual(first);
    expect(dbState(s)).toBe(state);
  });

  it('malformed payloads get an error result and change nothing', async () => {
    const s = await hall();
    const api = client(s.url);
    await api.login('c1', 1);
    await api.issue('general');
    const k = await keypadClient(s.mqtt.brokerPort!);
    const state = dbState(s);
    expect(await k.send('not json')).toMatchObject({ requestId: null, ok: false, error: { code: 'VALIDATION' } });
    expect(await k.send({ action: 'explode', requestId: 'x1' })).toMatchObject({
      requestId: 'x1',
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await k.send({ requestId: 'x2' })).toMatchObject({ requestId: 'x2', ok: false });
    expect(await k.send({ action: 'next', requestId: 'x'.repeat(500) })).toMatchObject({ ok: false });
    expect(await k.send({ action: 'next', requestId: 'x3', extra: true })).toMatchObject({
      requestId: 'x3',
      ok: false,
    });
    expect(await k.send([1, 2, 3])).toMatchObject({ ok: false });
    expect(dbState(s)).toBe(state);
  });

  it('a keypad for window 1 cannot act on window 2', async () => {
    const s = await hall();
    const api = client(s.url);
    await api.login('c2', 2);
    await api.issue('tax');
    const state = dbState(s);
    const k = await keypadClient(s.mqtt.brokerPort!);
    k.c.publish(`${BASE}/keypad/2/command`, JSON.stringify({ action: 'next', requestId: 'evil' }), { qos: 1 });
    await sleep(400);
    expect(dbState(s)).toBe(state);
    expect(s.core.query.windowView(2).state).toBe('idle');
  });
});

describe('keypads with a real mosquitto enforcing the generated ACL', () => {
  it('drives a full cycle, and the broker drops a command for another window', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'hall.yaml');
    writeFileSync(file, stringify(testConfigInput(4)));
    const auth = writeMosquittoFiles(file, path.join(dir, 'mosq'), 'hall-server', 'server-secret-123');
    const broker = await startMosquitto(undefined, auth);
    cleanup.push(() => broker.stop());
    const s = await startTestHall({
      config: testConfig(4),
      mqtt: {
        url: `mqtt://127.0.0.1:${broker.port}`,
        username: 'hall-server',
        password: 'server-secret-123',
        baseTopic: BASE,
      },
    });
    cleanup.push(() => s.stop());
    await mqttConnected(s);
    expect(s.mqtt.status().connected).toBe(true);
    const k = await fullCycle(s, broker.port);

    const api = client(s.url);
    await api.login('c2', 2);
    await api.issue('tax');
    const state = dbState(s);
    k.c.publish(`${BASE}/keypad/2/command`, JSON.stringify({ action: 'next', requestId: 'evil' }), { qos: 1 });
    await sleep(400);
    expect(dbState(s)).toBe(state);
    // a wrong password is refused by mosquitto
    await expect(
      mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, {
        protocolVersion: 4,
        username: 'keypad-1',
        password: 'wrong-wrong-wrong',
        reconnectPeriod: 0,
      }),
    ).rejects.toThrow();
  });
});
