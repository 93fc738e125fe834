// The command-line device tools as separate processes: the terminal virtual printer (a kiosk prints to
// it; typed conditions reach the kiosk) and the appointment file import.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAppointmentsCsv } from '../../scripts/appointments-file';
import type { HallServer } from '../../server/app';
import { PROJECT_ROOT } from '../../server/paths';
import { freePort } from '../helpers/mosquitto';
import {
  BOOKING_TOKEN,
  KIOSK_TOKEN,
  client,
  startTestHall,
  tempDir,
  testConfig,
  testConfigInput,
} from '../helpers/hall';
import { startDeviceTool } from '../helpers/device-tool';
import { until } from '../helpers/wait';

const run = promisify(execFile);
const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
let s: HallServer | null = null;
let child: ChildProcess | null = null;
afterEach(async () => {
  child?.kill('SIGTERM');
  child = null;
  await s?.stop();
  s = null;
});

describe('printer simulator (npm run printer)', () => {
  it('prints the kiosk’s tickets as text and reports the condition typed into it', async () => {
    const [port, http] = [await freePort(), await freePort()];
    child = spawn(tsx, [
      path.join(PROJECT_ROOT, 'devices/printer-simulator.ts'),
      '--port',
      `${port}`,
      '--http',
      `${http}`,
    ]);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString('utf8')));
    await until(() => out.includes('listening'), 'the simulator to listen', 20_000);
    const base = testConfigInput(2);
    s = await startTestHall({
      config: testConfig(2, {
        devices: [...(base.devices ?? []), { id: 'p1', kind: 'printer', kiosk: 'kiosk-1', host: '127.0.0.1', port }],
      }),
    });
    const api = client(s.url);
    const r = await api.post('/api/tickets', { serviceId: 'general' }, KIOSK_TOKEN);
    expect(r.body.print.printed).toBe(true);
    await until(() => out.includes('A   0   0   1'), 'the ticket in the terminal');
    expect(out).toContain('测 试 大 厅'); // double width, as printed
    expect(out).toContain(`[QR ${r.body.ticket.statusUrl}]`);
    const page = await (await fetch(`http://127.0.0.1:${http}/`)).text();
    expect(page).toContain('A001');

    child.stdin!.write('paper-out\n');
    await until(() => out.includes('"paperOut":true'), 'the condition applied');
    const r2 = await api.post('/api/tickets', { serviceId: 'general' }, KIOSK_TOKEN);
    expect(r2.body.print).toMatchObject({ printed: false, state: 'paper_out' });
  });
});

describe('pad simulator (npm run pad)', () => {
  it('shows the prompt and rates the visit; a bad score without reasons is refused, with reasons it is recorded', async () => {
    s = await startTestHall({ mqtt: { embedded: { port: 0, host: '127.0.0.1' }, baseTopic: 'hall/test' } });
    const pad = startDeviceTool(s, 'pad-simulator.ts');
    child = pad.proc;
    await pad.waitFor('ready');
    const api = client(s.url);
    const c1 = await api.login('c1', 1);
    const t = await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, c1);
    await api.post('/api/windows/1/start', {}, c1);
    await api.post('/api/windows/1/finish', {}, c1);
    await pad.waitFor(`请评价：${t.number}`);
    pad.proc.stdin.write('2\n');
    await pad.waitFor('至少选择一项原因');
    pad.proc.stdin.write('2 1 排队太久\n');
    await pad.waitFor('✓ 感谢您的评价');
    const e = s.db.prepare('SELECT level, reasons, comment, channel FROM evaluations').get();
    expect(e).toEqual({
      level: 'dissatisfied',
      reasons: '["等候时间长"]',
      comment: '排队太久',
      channel: 'hardware_pad',
    });
  });
});

describe('appointment import (npm run import-appointments)', () => {
  const csv = `预约码,事项,开始,结束,姓名
YY1,tax,2026-11-23T10:00:00+08:00,2026-11-23T10:30:00+08:00,"王,小明"
YY2,general,2026-11-23T10:30:00+08:00,2026-11-23T11:00:00+08:00,
`;

  it('reads CSV with Chinese headings and quoted fields', () => {
    expect(parseAppointmentsCsv(csv)).toEqual([
      {
        code: 'YY1',
        serviceId: 'tax',
        slotStart: '2026-11-23T10:00:00+08:00',
        slotEnd: '2026-11-23T10:30:00+08:00',
        nameMasked: '王,小明',
      },
      {
        code: 'YY2',
        serviceId: 'general',
        slotStart: '2026-11-23T10:30:00+08:00',
        slotEnd: '2026-11-23T11:00:00+08:00',
      },
    ]);
    expect(() => parseAppointmentsCsv('code,when\nx,y')).toThrow('unknown heading "when"');
  });

  it('loads a file into a running hall; a file with one bad row loads nothing and says which', async () => {
    s = await startTestHall();
    const dir = tempDir();
    const good = path.join(dir, 'good.csv');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(good, csv);
    writeFileSync(bad, csv.replace('general', 'nosuch'));
    const script = path.join(PROJECT_ROOT, 'scripts/import-appointments.ts');
    const fail = await run(tsx, [script, bad, '--server', s.url, '--token', BOOKING_TOKEN]).catch((e) => e);
    expect(fail.code).toBe(1);
    expect(String(fail.stderr)).toContain('第 2 条');
    expect(s.db.prepare('SELECT COUNT(*) AS n FROM appointments').get()).toEqual({ n: 0 });
    const ok = await run(tsx, [script, good, '--server', s.url, '--token', BOOKING_TOKEN]);
    expect(ok.stdout).toContain('2 appointments loaded');
    const rows = s.db.prepare('SELECT code, name_masked FROM appointments ORDER BY code').all();
    expect(rows).toEqual([
      { code: 'YY1', name_masked: '王***' },
      { code: 'YY2', name_masked: null },
    ]);
  });
});
