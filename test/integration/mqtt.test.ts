// The MQTT adapter with the embedded broker and with a real mosquitto (and mosquitto_sub as an
// independent client): device logins, topic ACLs, the server's retained state.
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { LED_TOKEN, startTestHall } from '../helpers/hall';
import { retainedOn, startMosquitto } from '../helpers/mosquitto';
import { mqttConnected, useCleanup } from '../helpers/wait';
import { hallTopics } from '../../server/protocol/mqtt';

const BASE = 'hall/test';
const T = hallTopics(BASE);
const cleanup = { push: useCleanup() };

async function device(port: number, username: string, password: string) {
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${port}`, {
    protocolVersion: 4,
    username,
    password,
    reconnectPeriod: 0,
    connectTimeout: 5000,
  });
  cleanup.push(() => c.endAsync());
  return c;
}

function firstMessage(c: mqtt.MqttClient, topic: string): Promise<{ payload: any; retain: boolean }> {
  return new Promise((resolve) => {
    c.on('message', (t, p, packet) => {
      if (t === topic) resolve({ payload: JSON.parse(p.toString()), retain: packet.retain });
    });
  });
}

describe('MQTT with the embedded broker', () => {
  let s: HallServer;

  async function hall() {
    s = await startTestHall({ mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE } });
    cleanup.push(() => s.stop());
    // the server's own client connects asynchronously
    await mqttConnected(s);
    return s.mqtt.brokerPort!;
  }

  it('a device logs in with its id and token and sees the server online (retained)', async () => {
    const port = await hall();
    const led = await device(port, 'led-1', LED_TOKEN);
    const msg = firstMessage(led, T.serverState);
    await led.subscribeAsync(T.serverState);
    expect(await msg).toEqual({ payload: { state: 'online' }, retain: true });
  });

  it('refuses a wrong token and an unknown device', async () => {
    const port = await hall();
    await expect(device(port, 'led-1', 'wrong-token-000000000')).rejects.toThrow();
    await expect(device(port, 'ghost', LED_TOKEN)).rejects.toThrow();
  });

  it('a device may subscribe only to its own topics, never with wildcards', async () => {
    const port = await hall();
    const led = await device(port, 'led-1', LED_TOKEN);
    await expect(led.subscribeAsync(T.ledDisplay(1))).resolves.toEqual([expect.objectContaining({ qos: 0 })]);
    for (const topic of [T.ledDisplay(2), `${BASE}/#`, `${BASE}/+/1/display`, T.keypadResult(1)]) {
      await expect(led.subscribeAsync(topic), topic).rejects.toThrow(/Subscribe error/);
    }
  });
});

describe('MQTT with a real mosquitto (external broker)', () => {
  it('the server publishes its retained state; mosquitto_sub reads it; a clean stop says offline', async () => {
    const broker = await startMosquitto();
    cleanup.push(() => broker.stop());
    const s = await startTestHall({ mqtt: { url: `mqtt://127.0.0.1:${broker.port}`, baseTopic: BASE } });
    let stopped = false;
    cleanup.push(() => (stopped ? Promise.resolve() : s.stop()));
    await mqttConnected(s);
    expect(s.mqtt.status()).toMatchObject({ mode: 'external', connected: true });

    const sub = () => retainedOn(broker.port, T.serverState);
    expect(await sub()).toEqual({ state: 'online' });
    await s.stop();
    stopped = true;
    expect(await sub()).toEqual({ state: 'offline' });
  });
});
