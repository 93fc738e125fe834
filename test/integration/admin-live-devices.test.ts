// A device whose token an admin revokes is disconnected at once, over socket.io and over MQTT, and
// refused when it tries again; a device left alone stays connected.
import mqtt from 'mqtt';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { BOARD_TOKEN, KIOSK_TOKEN, LED_TOKEN, client, startTestHall } from '../helpers/hall';
import { mqttConnected } from '../helpers/wait';

let s: HallServer;
const sockets: Socket[] = [];
const clients: mqtt.MqttClient[] = [];

beforeAll(async () => {
  s = await startTestHall({ mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: 'hall/test' } });
  await mqttConnected(s);
});
afterAll(async () => {
  for (const x of sockets) x.disconnect();
  for (const c of clients) await c.endAsync().catch(() => {});
  await s.stop();
});

function socket(ns: string, token: string): Promise<Socket> {
  const sock = connect(`${s.url}${ns}`, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  sockets.push(sock);
  return new Promise((resolve, reject) => {
    sock.once('connect', () => resolve(sock));
    sock.once('connect_error', reject);
  });
}

async function mqttDevice(user: string, token: string) {
  const c = await mqtt.connectAsync(`mqtt://127.0.0.1:${s.mqtt.brokerPort}`, {
    protocolVersion: 4,
    username: user,
    password: token,
    reconnectPeriod: 0,
    connectTimeout: 5000,
  });
  clients.push(c);
  return c;
}

describe('revoking device tokens live', () => {
  it('disconnects the revoked board (socket.io) and LED (MQTT); the kiosk stays', async () => {
    const board = await socket('/board', BOARD_TOKEN);
    const kiosk = await socket('/kiosk', KIOSK_TOKEN);
    const led = await mqttDevice('led-1', LED_TOKEN);
    const boardGone = new Promise<string>((r) => board.once('disconnect', r));
    const ledGone = new Promise<void>((r) => led.once('close', () => r()));

    const api = client(s.url);
    const adm = await api.login('adm');
    const { version, config } = (await api.get('/api/admin/config', adm)).body;
    config.devices = config.devices.filter((d: any) => d.id !== 'board-a' && d.id !== 'led-1');
    const r = await api.call('PUT', '/api/admin/config', { version, config }, adm);
    expect(r.status, JSON.stringify(r.body)).toBe(200);

    expect(await boardGone).toBe('io server disconnect');
    await ledGone;
    expect(kiosk.connected).toBe(true);
    await expect(socket('/board', BOARD_TOKEN)).rejects.toThrow();
    await expect(mqttDevice('led-1', LED_TOKEN)).rejects.toThrow();
  });

  it('a screen showing a changed setting (the hall’s name) is reconnected and gets the new state', async () => {
    const kiosk = await socket('/kiosk', KIOSK_TOKEN);
    const closed = new Promise<string>((r) => kiosk.once('disconnect', r));
    const api = client(s.url);
    const adm = await api.login('adm');
    const { version, config } = (await api.get('/api/admin/config', adm)).body;
    config.hall.name = '新名字大厅';
    expect((await api.call('PUT', '/api/admin/config', { version, config }, adm)).status).toBe(200);
    expect(await closed).toBe('io server disconnect');
    const again = connect(`${s.url}/kiosk`, {
      auth: { token: KIOSK_TOKEN },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    sockets.push(again);
    const state = await new Promise<any>((r) => again.once('state', r));
    expect(state.hall.name).toBe('新名字大厅');
  });
});
