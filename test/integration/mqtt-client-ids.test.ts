// MQTT client ids are bound to the login (issue 23, finding 1), on the embedded broker and on a real
// mosquitto run with the generated config: a device that connects with the server's old client id, in a
// reconnect loop as an attacker would, or with another device's id, takes nobody's session over. The
// server stays online (its retained state never says offline), the victim device stays connected, and
// every keypad command sent meanwhile is answered.
import mqtt from 'mqtt';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { writeMosquittoFiles } from '../../scripts/mosquitto-config';
import type { HallServer } from '../../server/app';
import {
  BOARD_TOKEN,
  KEYPAD_TOKEN,
  LED_TOKEN,
  client,
  startTestHall,
  tempDir,
  testConfig,
  testConfigInput,
} from '../helpers/hall';
import { startMosquitto } from '../helpers/mosquitto';
import { mqttConnected, sleep, until, useCleanup } from '../helpers/wait';
import { hallTopics } from '../../server/protocol/mqtt';

const BASE = 'hall/ids';
const T = hallTopics(BASE);
const cleanup = useCleanup();

async function device(port: number, id: string, token: string, clientId?: string) {
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    protocolVersion: 4,
    username: id,
    password: token,
    ...(clientId ? { clientId } : {}),
    reconnectPeriod: 0,
    connectTimeout: 5000,
  });
  cleanup(() => c.endAsync(true));
  return c;
}

/** An attacker's client: logs in with its own token under someone else's client id, again and again. */
function takeoverLoop(port: number, clientId: string) {
  const c = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
    protocolVersion: 4,
    username: 'led-1',
    password: LED_TOKEN,
    clientId,
    reconnectPeriod: 100,
  });
  c.on('error', () => {});
  cleanup(() => c.endAsync(true));
  return c;
}

/** The server's state as a board sees it, window 1's keypad, and 42 commands while the attack runs. */
async function underAttack(s: HallServer, port: number, attack: () => void) {
  await client(s.url).login('c1', 1);
  const states: string[] = [];
  const board = await device(port, 'board-a', BOARD_TOKEN, 'board-a');
  board.on('message', (_t, p) => states.push(JSON.parse(p.toString()).state));
  await board.subscribeAsync(T.serverState);
  const keypad = await device(port, 'keypad-1', KEYPAD_TOKEN, 'keypad-1');
  let keypadClosed = 0;
  keypad.on('close', () => keypadClosed++);
  const answers = new Set<string>();
  keypad.on('message', (_t, p) => answers.add(JSON.parse(p.toString()).requestId));
  await keypad.subscribeAsync(T.keypadResult(1));
  await until(() => states.length, 'the retained server state');

  attack();
  for (let i = 0; i < 42; i++) {
    keypad.publish(T.keypadCommand(1), JSON.stringify({ action: 'next', requestId: `r${i}` }), { qos: 1 });
    await sleep(50);
  }
  await until(() => answers.size === 42 || keypadClosed > 0, 'every keypad command answered', 5000);
  expect(keypadClosed).toBe(0);
  expect(answers.size).toBe(42);
  expect(states.every((x) => x === 'online')).toBe(true);
  expect(s.mqtt.status().connected).toBe(true);
}

describe('client ids are bound to the login', () => {
  it('embedded broker: the server has no session to take; a device cannot use another device’s id', async () => {
    const s = await startTestHall({ mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE } });
    cleanup(() => s.stop());
    await mqttConnected(s);
    const port = s.mqtt.brokerPort!;
    await underAttack(s, port, () => {
      // The server's client id before this fix, public through the hall id in /api/health.
      takeoverLoop(port, 'hall-server-test-hall');
      takeoverLoop(port, 'keypad-1');
    });
    // Another device's id is refused outright; the device's own id, none or any other is its own session.
    await expect(device(port, 'led-1', LED_TOKEN, 'keypad-1')).rejects.toThrow(/Identifier rejected/);
    await expect(device(port, 'led-1', LED_TOKEN, 'board-a')).rejects.toThrow(/Identifier rejected/);
    for (const id of ['led-1', undefined, 'led-1-spare', 'hall-server-test-hall'])
      expect((await device(port, 'led-1', LED_TOKEN, id)).connected, String(id)).toBe(true);
  }, 30_000);

  it('mosquitto with the generated config: each session runs under its login', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'hall.yaml');
    writeFileSync(file, stringify(testConfigInput(4, { mqtt: { disabled: true, baseTopic: BASE } })));
    const files = writeMosquittoFiles(file, path.join(dir, 'mosq'), 'hall-server', 'server-secret-123');
    const broker = await startMosquitto(undefined, undefined, '', files.conf);
    cleanup(() => broker.stop());
    const s = await startTestHall({
      config: testConfig(4),
      mqtt: {
        url: `mqtt://127.0.0.1:${broker.port}`,
        username: 'hall-server',
        password: 'server-secret-123',
        baseTopic: BASE,
      },
    });
    cleanup(() => s.stop());
    await mqttConnected(s);
    await underAttack(s, broker.port, () => {
      takeoverLoop(broker.port, 'hall-server');
      takeoverLoop(broker.port, 'hall-server-test-hall');
      takeoverLoop(broker.port, 'keypad-1');
    });
    // A device named like the server's login would share its session: the tool refuses to write that.
    expect(() => writeMosquittoFiles(file, path.join(dir, 'mosq2'), 'keypad-1', 'x'.repeat(20))).toThrow(/device id/);
  }, 30_000);
});
