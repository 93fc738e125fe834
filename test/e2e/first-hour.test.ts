// The first hour of a hall morning in Chromium, at the hall's real screen sizes (issue 22): the hall opens,
// twenty visitors take numbers across services (some with priority), two clerks work at their consoles, a
// pad rates a visit, a zone board calls, and the supervisor watches the dashboard and runs a report. Each
// step asserts what each person sees. DOCS_SCREENSHOTS=1 writes the pictures in docs/.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { PROJECT_ROOT } from '../../server/paths';
import { launchChromium } from '../helpers/browser';
import {
  BOARD_TOKEN,
  FakeClock,
  MONDAY_1000,
  PAD_TOKEN,
  PASSWORD,
  client,
  startTestHall,
  testConfig,
  testConfigInput,
} from '../helpers/hall';

let browser: Browser;
let server: HallServer;
let api: ReturnType<typeof client>;
// Real time, so the dashboard's "for N minutes" (the browser's clock) reads sensibly in the screenshots.
const clock = new FakeClock(MONDAY_1000);
const shots = process.env.DOCS_SCREENSHOTS === '1';
const shot = async (p: Page, name: string) => {
  if (shots) await p.screenshot({ path: path.join(PROJECT_ROOT, 'docs', name) });
};
const text = async (p: Page, sel: string) =>
  (
    await p
      .locator(sel)
      .first()
      .textContent({ timeout: 3000 })
      .catch(() => null)
  )?.trim() ?? null;

// Zone A's windows take 综合受理 and 税务; zone B's only 社保 (and 综合受理 at window 4).
const base = testConfigInput(4);
const config = testConfig(4, {
  windows: [
    { no: 1, name: '窗口1', kind: 'comprehensive', zone: 'A', skills: { general: 1, tax: 2 } },
    { no: 2, name: '窗口2', kind: 'domain', zone: 'A', skills: { tax: 1, general: 2 } },
    { no: 3, name: '窗口3', kind: 'domain', zone: 'B', skills: { social: 1 } },
    { no: 4, name: '窗口4', kind: 'domain', zone: 'B', skills: { social: 1, general: 2 } },
  ],
  alerts: { callingMaxMin: 3 },
  devices: base.devices,
});

beforeAll(async () => {
  server = await startTestHall({ config, clock: clock.fn, watchMs: 300 });
  api = client(server.url);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const status = (num: string) =>
  (server.db.prepare('SELECT status FROM tickets WHERE number = ?').get(num) as { status: string }).status;

async function consoleAt(clerk: string, windowNo: number): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await p.goto(`${server.url}/console`);
  await p.fill('#clerk', clerk);
  await p.fill('#pw', PASSWORD);
  await p.fill('#win', String(windowNo));
  await p.click('button[type=submit]');
  await expect.poll(() => text(p, '[data-testid=window-state]')).not.toBeNull();
  return p;
}

describe('the first hour', () => {
  it('a scripted morning: visitors, two clerks, a pad, a zone board and the supervisor', async () => {
    // The supervisor opens the dashboard: nobody is signed in yet; window 4 is closed for the morning.
    const dash = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await dash.goto(`${server.url}/supervisor`);
    await dash.fill('input[name=clerkId]', 'sup');
    await dash.fill('input[name=password]', PASSWORD);
    await dash.click('button[type=submit]');
    const look = (no: number) => text(dash, `[data-window="${no}"] [data-testid=window-look]`);
    await expect.poll(() => look(1)).toBe('未登录');
    await dash.locator('[data-window="4"] button', { hasText: '关闭窗口' }).click();
    await expect.poll(() => look(4)).toBe('已关闭');
    expect(await text(dash, '[data-window="4"] button')).toBe('开放窗口');

    // The zone A board lists only the queues its windows take.
    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.goto(`${server.url}/board?token=${BOARD_TOKEN}&voiceMsPerChar=5`);
    await expect.poll(() => board.locator('board-queue-list [data-service]').count()).toBe(2);
    expect(await board.locator('board-queue-list [data-service=social]').count()).toBe(0);

    // Twenty visitors across the services; two are elderly.
    const issued = [];
    for (let i = 0; i < 20; i++) {
      const serviceId = ['general', 'tax', 'social'][i % 3]!;
      const priority = i === 6 || i === 13 ? { priority: 'elderly' } : {};
      issued.push(await api.issue(serviceId, priority));
      clock.now += 20_000;
    }
    const elderlyGeneral = issued[6]; // A003, taken after A001 and A002
    expect(elderlyGeneral.serviceId).toBe('general');

    // Two clerks sign in; the pad at window 1 greets visitors with its clerk.
    const c1 = await consoleAt('c1', 1);
    const c3 = await consoleAt('c3', 3);
    await expect.poll(() => look(1)).toBe('空闲');
    const pad = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await pad.goto(`${server.url}/pad?token=${PAD_TOKEN}`);
    await expect.poll(() => pad.locator('[data-pad=idle]').count()).toBe(1);

    // Window 1 calls: the elderly visitor first. Board and pad follow; the pad says 正在为您办理 only once
    // service starts.
    await c1.keyboard.press('n');
    await expect.poll(() => text(c1, '[data-testid=current-number]')).toBe(elderlyGeneral.number);
    await expect.poll(() => text(c1, 'current-ticket [data-testid=priority]')).toBe('老年人优先');
    await expect.poll(() => text(board, '[data-testid=current-number]')).toBe(elderlyGeneral.number);
    await expect.poll(() => look(1)).toBe('呼叫中');
    expect(await pad.locator('text=正在为您办理').count()).toBe(0);
    await c1.keyboard.press('s');
    await expect.poll(() => pad.locator('text=正在为您办理').count()).toBe(1);
    await c1.keyboard.press('f');
    await expect.poll(() => pad.locator('[data-pad=evaluate]').count()).toBe(1);
    await pad.locator('[data-level=very_satisfied]').click();
    await expect
      .poll(() => server.db.prepare("SELECT COUNT(*) AS n FROM evaluations WHERE level = 'very_satisfied'").get(), {
        timeout: 8000,
      })
      .toEqual({ n: 1 });

    // Window 3 pauses: the dashboard tells a pause from a closed window and from nobody signed in.
    await c3.keyboard.press('p');
    await c3.keyboard.press('Enter');
    await expect.poll(() => look(3)).toBe('暂停服务');
    await expect.poll(() => text(c3, '[data-testid=window-notice]')).toContain('暂停服务中');
    expect([await look(2), await look(3), await look(4)]).toEqual(['未登录', '暂停服务', '已关闭']);

    // Window 1 calls the next visitor, who does not come: after 3 minutes 叫号中 the supervisor is alerted.
    clock.now += 5000;
    await c1.keyboard.press('n');
    await expect.poll(() => look(1)).toBe('呼叫中');
    const missing = (await text(c1, '[data-testid=current-number]'))!;
    clock.advanceMin(4);
    await expect
      .poll(() => text(dash, '[data-testid=alert-strip]'), { timeout: 10_000 })
      .toContain(`叫号 ${missing} 已 4 分钟，仍未开始办理`);
    await shot(dash, 'supervisor-live.png');
    // 叫号 again asks whether the visitor came: 未到 → 过号, never a silent 办结.
    await c1.keyboard.press('n');
    await expect.poll(() => text(c1, 'choice-dialog h2')).toContain(`${missing} 尚未开始办理`);
    await c1.keyboard.press('2'); // 未到 (waits for its undo) …
    await c1.keyboard.press('n'); // … sent now with its 叫号
    await expect.poll(() => status(missing)).toBe('no_show');

    // Window 1 transfers its next visitor to window 2 with a note.
    clock.now += 5000;
    await expect.poll(() => text(c1, '[data-testid=current-number]')).not.toBe(missing);
    await c1.keyboard.press('s');
    await expect.poll(() => look(1)).toBe('办理中');
    await c1.keyboard.press('t');
    await c1.keyboard.type('窗口2');
    await c1.keyboard.press('Enter');
    await c1.keyboard.type('需开完税证明');
    await shot(c1, 'console-transfer-1366x768.png');
    await c1.keyboard.press('Enter');
    await expect.poll(() => look(1)).toBe('空闲');

    // The supervisor's report by window: the rows and the visits at no window add up to the total.
    await dash.keyboard.press('3');
    await dash.locator('report-view select').selectOption('window');
    await dash.locator('report-view button', { hasText: '查询' }).click();
    await expect.poll(() => text(dash, 'report-view tr[data-key=outside]')).toContain('未到窗口');
    const cells = async (key: string) =>
      (await dash.locator(`report-view tr[data-key=${key}] td`).allTextContents()).map((s) => s.trim());
    const rows = await dash
      .locator('report-view tbody tr:not(.total)')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent!.trim())));
    const total = await cells('total');
    for (const col of [1, 2, 3, 4]) {
      const sum = rows.reduce((n, r) => n + Number(r[col]), 0);
      expect(sum, `column ${col}`).toBe(Number(total[col]));
    }
    expect(total.slice(1, 5)).toEqual(['20', '1', '1', '1']); // tickets, served, no-shows, transfers
    expect(rows.find((r) => r[0] === '窗口1')!.slice(1, 5)).toEqual(['2', '1', '1', '1']);
    // Headers in one language; dates typed as the hall writes them, whatever the browser's own format.
    const headers = (await dash.locator('report-view th').allTextContents()).map((s) => s.trim());
    expect(headers.slice(0, 3)).toEqual(['按窗口', '取号数', '办结数']);
    expect(await dash.locator('report-view input[name=from]').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await shot(dash, 'supervisor-reports.png');

    // The same report in English.
    const en = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await en.goto(`${server.url}/supervisor?lang=en`);
    await en.fill('input[name=clerkId]', 'sup');
    await en.fill('input[name=password]', PASSWORD);
    await en.click('button[type=submit]');
    await expect.poll(() => text(en, '[data-window="4"] [data-testid=window-look]')).toBe('Closed');
    expect(await text(en, '[data-window="2"] [data-testid=window-look]')).toBe('Not signed in');
    await en.keyboard.press('3');
    await expect.poll(() => en.locator('report-view th').allTextContents()).toContain('Tickets');
    expect(await en.locator('report-view th').allTextContents()).not.toContain('取号数');

    // This is not the demo hall: the start page shows no demo logins.
    const start = await browser.newPage();
    await start.goto(server.url);
    expect(await start.locator('[data-testid=demo]').count()).toBe(0);
    for (const p of [dash, board, c1, c3, pad, en, start]) await p.close();
  });
});
