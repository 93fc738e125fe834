// The broker's ACL is the check that a keypad commands only its own window (the server no longer compares a
// window with itself): keypad-1 publishing on keypad-2's command topic is refused or dropped by the broker and
// changes nothing, while keypad-2 on its own topic works. With the embedded broker and with a real mosquitto
// running the ACL generated from the hall config.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { HallServer } from '../../server/app';
import { hallTopics } from '../../server/protocol/mqtt';
import { writeMosquittoFiles } from '../../scripts/mosquitto-config';
import { KEYPAD_TOKEN, client, startTestHall, tempDir, testConfig, testConfigInput } from '../helpers/hall';
import { startMosquitto } from '../helpers/mosquitto';
import { mqttConnected, sleep, until, useCleanup } from '../helpers/wait';

const BASE = 'hall/acl';
const T = hallTopics(BASE);
const KEYPAD2_TOKEN = 'test-keypad2-token-0000002';
const cleanup = useCleanup();

/** The test hall with a second keypad, at window 2: a command on window 2's topic would have a device to act as. */
function input() {
  const base = testConfigInput(4);
  return {
    ...base,
    devices: [...(base.devices ?? []), { id: 'keypad-2', kind: 'keypad' as const, window: 2, token: KEYPAD2_TOKEN }],
  };
}

async function keypad(port: number, id: string, token: string) {
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    protocolVersion: 4,
    username: id,
    password: token,
    reconnectPeriod: 0,
  });
  cleanup(() => new Promise<void>((r) => c.end(true, {}, () => r())));
  const results: any[] = [];
  c.on('message', (_t, p) => results.push(JSON.parse(p.toString())));
  return { c, results };
}

const dbState = (s: HallServer) =>
  JSON.stringify([
    s.db.prepare('SELECT * FROM tickets ORDER BY id').all(),
    s.db.prepare('SELECT * FROM window_state ORDER BY no').all(),
  ]);

async function crossWindowCommandIsDropped(s: HallServer, port: number) {
  const api = client(s.url);
  await api.login('c2', 2);
  const waiting = await api.issue('tax');
  const own = await keypad(port, 'keypad-2', KEYPAD2_TOKEN);
  await own.c.subscribeAsync(T.keypadResult(2));
  const rogue = await keypad(port, 'keypad-1', KEYPAD_TOKEN);
  rogue.c.on('error', () => {}); // the embedded broker may close a client whose publish it refuses
  const before = dbState(s);

  rogue.c.publish(T.keypadCommand(2), JSON.stringify({ action: 'next', requestId: 'evil' }), { qos: 1 });
  await sleep(500);
  expect(dbState(s)).toBe(before);
  expect(s.core.query.windowView(2).state).toBe('idle');
  expect(own.results).toEqual([]);

  // Window 2's own keypad on its own topic: the path works, so only the broker stopped keypad-1.
  own.c.publish(T.keypadCommand(2), JSON.stringify({ action: 'next', requestId: 'own-1' }), { qos: 1 });
  const answer = await until(() => own.results[0], 'keypad-2’s answer');
  expect(answer).toEqual({ requestId: 'own-1', ok: true, ticket: waiting.number });
  expect(s.core.query.windowView(2).state).toBe('calling');
}

describe('a keypad cannot command another window: the broker’s ACL', () => {
  it('embedded broker', async () => {
    const s = await startTestHall({
      config: testConfig(4, { ...input(), mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE } }),
    });
    cleanup(() => s.stop());
    await mqttConnected(s);
    await crossWindowCommandIsDropped(s, s.mqtt.brokerPort!);
  });

  it('mosquitto with the ACL generated from the hall config', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'hall.yaml');
    writeFileSync(file, stringify({ ...input(), mqtt: { disabled: true, baseTopic: BASE } }));
    const auth = writeMosquittoFiles(file, path.join(dir, 'mosq'), 'hall-server', 'server-secret-123');
    const broker = await startMosquitto(undefined, auth);
    cleanup(() => broker.stop());
    const s = await startTestHall({
      config: testConfig(4, input()),
      mqtt: {
        url: `mqtt://127.0.0.1:${broker.port}`,
        username: 'hall-server',
        password: 'server-secret-123',
        baseTopic: BASE,
      },
    });
    cleanup(() => s.stop());
    await mqttConnected(s);
    await crossWindowCommandIsDropped(s, broker.port);
  });
});
