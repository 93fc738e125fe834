// LED strips, hall banners and device availability over MQTT, with the embedded broker and with a real
// mosquitto read by mosquitto_sub as an independent client.
import mqtt from 'mqtt';
import { describe, expect, it } from 'vitest';
import { LED_TOKEN, client, startTestHall } from '../helpers/hall';
import { retainedOn, startMosquitto } from '../helpers/mosquitto';
import { until, mqttConnected, useCleanup } from '../helpers/wait';
import { hallTopics } from '../../server/protocol/mqtt';

const BASE = 'hall/test';
const T = hallTopics(BASE);
const cleanup = { push: useCleanup() };

describe('LED strips and banners with the embedded broker', () => {
  it('every window state change lands on the window’s retained topic; another window’s topic is refused', async () => {
    const s = await startTestHall({ mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: BASE } });
    cleanup.push(() => s.stop());
    await mqttConnected(s);
    const api = client(s.url);
    const led = await mqtt.connectAsync(`mqtt://127.0.0.1:${s.mqtt.brokerPort}`, {
      protocolVersion: 4,
      username: 'led-1',
      password: LED_TOKEN,
      reconnectPeriod: 0,
      will: {
        topic: T.deviceAvailability('led-1'),
        payload: Buffer.from('{"state":"offline"}'),
        retain: true,
        qos: 1,
      },
    });
    cleanup.push(() => led.endAsync());
    const seen: any[] = [];
    led.on('message', (t, p) => t === T.ledDisplay(1) && seen.push(JSON.parse(p.toString())));
    await led.subscribeAsync(T.ledDisplay(1));
    await until(() => seen.length > 0, 'retained LED state');
    expect(seen[0]).toMatchObject({ window: 1, state: 'closed', ticket: null, lines: ['1号窗口', '窗口关闭'] });
    await expect(led.subscribeAsync(T.ledDisplay(2))).rejects.toThrow();

    const last = () => seen[seen.length - 1];
    const tok = await api.login('c1', 1);
    await until(() => last().state === 'idle', 'idle');
    const t = await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, tok);
    await until(() => last().state === 'calling', 'calling');
    expect(last()).toMatchObject({ ticket: t.number, lines: [`请${t.number}号`, '到1号窗口'] });
    await api.post('/api/windows/1/start', {}, tok);
    await until(() => last().state === 'serving', 'serving');
    await api.post('/api/windows/1/finish', {}, tok);
    await until(() => last().state === 'idle', 'idle again');
    await api.post('/api/windows/1/pause', { reason: '午休' }, tok);
    await until(() => last().state === 'paused', 'paused');
    expect(last().lines).toEqual(['1号窗口', '暂停服务']);
    await api.post('/api/auth/logout', {}, tok);
    await until(() => last().state === 'closed', 'closed');
    // seq only grows
    const seqs = seen.map((m) => m.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);

    // availability: the LED says online, then its last will says offline when it drops
    led.publish(T.deviceAvailability('led-1'), JSON.stringify({ state: 'online' }), { retain: true });
    const sup = await api.login('sup');
    await until(
      async () =>
        (await api.get('/api/devices', sup)).body.devices.find((d: any) => d.id === 'led-1').state === 'online',
      'online',
    );
    (led as any).stream.destroy();
    await until(
      async () =>
        (await api.get('/api/devices', sup)).body.devices.find((d: any) => d.id === 'led-1').state === 'offline',
      'offline by last will',
    );
  });
});

describe('LED strips and banners with a real mosquitto', () => {
  it('retained state is right on the broker, and right again after the broker restarts', async () => {
    let broker = await startMosquitto();
    const port = broker.port;
    cleanup.push(() => broker.stop());
    const s = await startTestHall({ mqtt: { url: `mqtt://127.0.0.1:${port}`, baseTopic: BASE } });
    cleanup.push(() => s.stop());
    await mqttConnected(s);
    const api = client(s.url);
    const tok = await api.login('c2', 2);
    const t = await api.issue('tax');
    await api.post('/api/windows/2/call-next', {}, tok);
    await until(async () => (await retainedOn(port, T.ledDisplay(2))).state === 'calling', 'calling on mosquitto');
    expect(await retainedOn(port, T.ledDisplay(2))).toMatchObject({ window: 2, ticket: t.number });
    expect((await retainedOn(port, T.bannerDisplay('A'))).lines[0]).toBe(`请${t.number}号到2号窗口办理`);
    expect((await retainedOn(port, T.ledDisplay(3))).state).toBe('closed');

    // The broker restarts empty (no persistence): the server reconnects and republishes everything.
    await broker.stop();
    await api.post('/api/windows/2/start', {}, tok); // a change while the broker is down
    broker = await startMosquitto(port);
    await until(
      async () => {
        try {
          return (await retainedOn(port, T.ledDisplay(2))).state === 'serving';
        } catch {
          return false;
        }
      },
      'republished state after broker restart',
      15_000,
    );
    expect((await retainedOn(port, T.serverState)).state).toBe('online');
    expect((await retainedOn(port, T.ledDisplay(1))).state).toBe('closed');

    // the supervisor's notice reaches the banner
    await api.post('/api/board/notice', { text: '今天下午三点系统维护', zone: 'A' }, await api.login('sup'));
    await until(
      async () => (await retainedOn(port, T.bannerDisplay('A'))).lines.includes('今天下午三点系统维护'),
      'notice on banner',
    );
  });
});
