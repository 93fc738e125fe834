// The LED simulator as a hall technician runs it: a separate process logging in as the window's LED.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { PROJECT_ROOT } from '../../server/paths';
import { client, startTestHall, tempDir, testConfigInput } from '../helpers/hall';

const stops: (() => Promise<unknown> | void)[] = [];
afterAll(async () => {
  for (const s of stops.reverse()) await s();
});

describe('LED simulator', () => {
  it('shows what window 1’s strip shows, and the hall sees it online', async () => {
    const s = await startTestHall({ mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: 'hall/test' } });
    stops.push(() => s.stop());
    const file = path.join(tempDir(), 'hall.yaml');
    writeFileSync(file, stringify({ ...testConfigInput(4), mqtt: { disabled: true, baseTopic: 'hall/test' } }));
    const proc = spawn(
      path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      [
        'devices/led-simulator.ts',
        '--config',
        file,
        '--window',
        '1',
        '--url',
        `mqtt://127.0.0.1:${s.mqtt.brokerPort}`,
        '--plain',
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    stops.push(() => void proc.kill('SIGTERM'));
    let out = '';
    proc.stdout.on('data', (d) => (out += String(d)));
    proc.stderr.on('data', (d) => (out += String(d)));
    const waitFor = async (text: string) => {
      for (let i = 0; i < 300 && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
      expect(out, out).toContain(text);
    };
    await waitFor('窗口关闭');
    const api = client(s.url);
    const tok = await api.login('c1', 1);
    const t = await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, tok);
    await waitFor(`请${t.number}号`);
    expect(out).toContain('到1号窗口');
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
    const file = path.join(tempDir(), 'hall.yaml');
    writeFileSync(file, stringify({ ...testConfigInput(4), mqtt: { disabled: true, baseTopic: 'hall/test' } }));
    const proc = spawn(
      path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'),
      [
        'devices/keypad-simulator.ts',
        '--config',
        file,
        '--window',
        '1',
        '--url',
        `mqtt://127.0.0.1:${s.mqtt.brokerPort}`,
      ],
      { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    stops.push(() => void proc.kill('SIGTERM'));
    let out = '';
    proc.stdout.on('data', (d) => (out += String(d)));
    proc.stderr.on('data', (d) => (out += String(d)));
    const waitFor = async (text: string) => {
      for (let i = 0; i < 300 && !out.includes(text); i++) await new Promise((r) => setTimeout(r, 50));
      expect(out, out).toContain(text);
    };
    await waitFor('ready');
    proc.stdin.write('next\n');
    await waitFor(`当前 ${t.number} 号`);
    proc.stdin.write('f\n');
    await waitFor('→ 办结');
    await expect.poll(() => s.core.tickets.get(t.id)?.status).toBe('finished');
  });
});
