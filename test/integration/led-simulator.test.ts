// The LED simulator as a hall technician runs it: a separate process logging in as the window's LED.
import { afterAll, describe, expect, it } from 'vitest';
import { startDeviceTool } from '../helpers/device-tool';
import { client, startTestHall } from '../helpers/hall';

const stops: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const s of stops.reverse()) await s();
});

describe('LED simulator', () => {
  it('shows what window 1’s strip shows, and the hall sees it online', async () => {
    const s = await startTestHall({ mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: 'hall/test' } });
    stops.push(() => s.stop());
    const led = startDeviceTool(s, 'led-simulator.ts', ['--plain']);
    stops.push(() => void led.proc.kill('SIGTERM'));
    const { waitFor } = led;
    await waitFor('窗口关闭');
    const api = client(s.url);
    const tok = await api.login('c1', 1);
    const t = await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, tok);
    await waitFor(`请${t.number}号`);
    expect(led.out()).toContain('到1号窗口');
    const sup = await api.login('sup');
    await expect
      .poll(async () => (await api.get('/api/devices', sup)).body.devices.find((d: any) => d.id === 'led-1').state)
      .toBe('online');
  });
});

describe('keypad simulator', () => {
  it('sends the actions typed on its input and prints the results', async () => {
    const s = await startTestHall({ mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: 'hall/test' } });
    stops.push(() => s.stop());
    const api = client(s.url);
    await api.login('c1', 1);
    const t = await api.issue('general');
    const keypad = startDeviceTool(s, 'keypad-simulator.ts');
    stops.push(() => void keypad.proc.kill('SIGTERM'));
    const { proc, waitFor } = keypad;
    await waitFor('ready');
    proc.stdin.write('next\n');
    await waitFor(`当前 ${t.number} 号`);
    proc.stdin.write('f\n');
    await waitFor('→ 办结');
    await expect.poll(() => s.core.query.ticket(t.id)?.status).toBe('finished');
  });
});
