// The admin screen in Chromium against a real server, without any restart: an admin adds a service, a
// window that takes it, a clerk and a board; the open kiosk shows and issues the new service at once, the
// new clerk logs in at the new window and calls the ticket, the board pairs with its one-time token;
// revoking the board's token disconnects it; returning to the previous version takes the service off the
// kiosk again. DOCS_SCREENSHOTS=1 writes docs/admin-*.png.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { PROJECT_ROOT } from '../../server/paths';
import { launchChromium } from '../helpers/browser';
import { KIOSK_TOKEN, PASSWORD, startTestHall } from '../helpers/hall';

let browser: Browser;
let server: HallServer;
let admin: Page;
const shots = process.env.DOCS_SCREENSHOTS === '1';
const shot = async (p: Page, name: string) => {
  if (shots) await p.screenshot({ path: path.join(PROJECT_ROOT, 'docs', name) });
};

beforeAll(async () => {
  server = await startTestHall();
  browser = await launchChromium();
  admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  admin.on('dialog', (d) => void d.accept());
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const lastRow = (tab: string) => admin.locator(`${tab} tbody tr`).last();
const tab = (id: string) => admin.click(`[data-tab=${id}]`);
const notice = () => admin.locator('[data-testid=notice]').textContent();
const save = async (expected: RegExp) => {
  await admin.click('[data-testid=save]');
  await expect.poll(notice).toMatch(expected);
};

describe('admin screen: live settings end to end', () => {
  it('only an admin gets in', async () => {
    const p = await browser.newPage();
    await p.goto(`${server.url}/admin`);
    await p.fill('input[name=clerkId]', 'sup');
    await p.fill('input[name=password]', PASSWORD);
    await p.click('button[type=submit]');
    await expect.poll(() => p.locator('[role=alert]').textContent()).toBe('仅管理员可使用此页面');
    await p.close();
  });

  it('adds a service, a window, a clerk and a board that all work at once; revokes; returns', async () => {
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1500 } });
    await kiosk.goto(`${server.url}/kiosk?token=${KIOSK_TOKEN}`);
    await kiosk.locator('[data-service=general]').waitFor({ timeout: 8000 });
    expect(await kiosk.locator('[data-service=housing]').count()).toBe(0);

    await admin.goto(`${server.url}/admin`);
    await admin.fill('input[name=clerkId]', 'adm');
    await admin.fill('input[name=password]', PASSWORD);
    await admin.click('button[type=submit]');
    await admin.locator('services-tab table').waitFor();
    await shot(admin, 'admin-services-1366x768.png');

    // a service
    await admin.click('[data-testid=add-service]');
    const s = lastRow('services-tab');
    await s.locator('input[aria-label=编号]').fill('housing');
    await s.locator('input[aria-label=名称]').fill('公积金');
    await s.locator('input[aria-label=字头]').fill('H');
    await s.locator('input[aria-label=字头]').press('Tab');
    // a window that takes it
    await tab('windows');
    await admin.click('[data-testid=add-window]');
    const w = lastRow('windows-tab');
    await w.locator('select[data-skill=housing]').selectOption('1');
    // a clerk
    await tab('clerks');
    await admin.click('[data-testid=add-clerk]');
    const k = lastRow('clerks-tab');
    await k.locator('input[aria-label=工号]').fill('c9');
    await k.locator('input[aria-label=名称]').fill('新同事');
    await k.locator('input[type=password]').fill('new-pass-99');
    await k.locator('input[type=password]').press('Tab');
    // a board
    await tab('devices');
    await admin.selectOption('[data-testid=device-kind]', 'board');
    await admin.click('[data-testid=add-device]');
    await save(/已保存为第 2 版/);
    await admin.locator('[data-testid=token-dialog]').waitFor();
    await shot(admin, 'admin-new-token-1366x768.png');
    const link = await admin.locator('token-dialog [data-device=board-1] [data-testid=pair-link]').textContent();
    expect(link).toMatch(/\/board\?token=/);
    await admin.click('token-dialog button');

    // the open kiosk shows the new service without a reload, and issues it
    await kiosk.locator('[data-service=housing]').waitFor({ timeout: 5000 });
    await kiosk.locator('[data-service=housing]').click();
    await kiosk.locator('button.take').click();
    await expect.poll(() => kiosk.locator('[data-number]').first().textContent()).toBe('H001');
    await kiosk.locator('kiosk-issued button.done').click();
    await kiosk.locator('[data-service=housing]').waitFor();

    // the new clerk logs in at the new window (5) and calls it
    const consolePage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await consolePage.goto(`${server.url}/console`);
    await consolePage.fill('#clerk', 'c9');
    await consolePage.fill('#pw', 'new-pass-99');
    await consolePage.fill('#win', '5');
    await consolePage.click('button[type=submit]');
    await consolePage.click('[data-action=next]');
    await expect.poll(() => consolePage.locator('[data-testid=current-number]').textContent()).toBe('H001');

    // the new board pairs with its token
    const board = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await board.goto(`${link!.trim()}&voiceMsPerChar=5`);
    await board.waitForFunction(() => (window as any).hallBoard?.connection() === 'online', null, { timeout: 10_000 });

    // revoke its token: disconnected within seconds, and refused when it tries again
    await tab('devices');
    await admin.click('[data-testid=revoke-board-1]');
    await save(/已保存为第 3 版/);
    await board.waitForFunction(() => (window as any).hallBoard?.connection() !== 'online', null, { timeout: 5000 });

    // return to the version before: refused while window 5 still has its ticket, then done
    await consolePage.click('[data-action=finish]');
    await consolePage.getByRole('button', { name: '退出' }).click();
    await tab('history');
    await shot(admin, 'admin-history-1366x768.png');
    await admin.click('[data-testid=restore-1]');
    await expect.poll(() => admin.locator('[data-testid=notice]').textContent()).toMatch(/已保存为第 4 版/);
    await expect.poll(() => kiosk.locator('[data-service=housing]').count(), { timeout: 5000 }).toBe(0);
    expect(await kiosk.locator('[data-service=general]').count()).toBe(1);
  });

  it('a bad value is refused with its place named, and nothing is saved', async () => {
    await tab('services');
    const s = lastRow('services-tab');
    await s.locator('input[aria-label=字头]').fill('hh');
    await s.locator('input[aria-label=字头]').press('Tab');
    await save(/未保存/);
    await expect.poll(() => admin.locator('[data-testid=notice]').textContent()).toContain('services[2].prefix');
    await admin.setViewportSize({ width: 1920, height: 1080 });
    await shot(admin, 'admin-services-error-1920x1080.png');
    await tab('windows');
    await shot(admin, 'admin-windows-1920x1080.png');
    await admin.setViewportSize({ width: 1366, height: 768 });
    await tab('devices');
    await shot(admin, 'admin-devices-1366x768.png');
    await tab('hall');
    await shot(admin, 'admin-hall-1366x768.png');
  });

  it('a window’s trained-for matters (潮汐): ticked beside its skills, saved as canTake', async () => {
    // A fresh page: the previous test left an edit that cannot be saved.
    await admin.close();
    admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await admin.goto(`${server.url}/admin`);
    await admin.fill('input[name=clerkId]', 'adm');
    await admin.fill('input[name=password]', PASSWORD);
    await admin.click('button[type=submit]');
    await admin.locator('services-tab table').waitFor();
    await tab('windows');
    // Window 2 takes 税务 and 综合: those are ticked and fixed; its clerk is also trained for 社保.
    const row = admin.locator('windows-tab tbody tr').nth(1);
    expect(await row.locator('input[data-train=tax]').isChecked()).toBe(true);
    expect(await row.locator('input[data-train=tax]').isDisabled()).toBe(true);
    expect(await row.locator('input[data-train=social]').isChecked()).toBe(false);
    await row.locator('input[data-train=social]').check();
    await shot(admin, 'admin-windows-1366x768.png');
    await save(/已保存为第 \d+ 版/);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clerkId: 'adm', password: PASSWORD }),
    }).then((r) => r.json() as Promise<{ token: string }>);
    const saved = await fetch(`${server.url}/api/admin/config`, {
      headers: { authorization: `Bearer ${login.token}` },
    }).then((r) => r.json() as Promise<{ config: { windows: { no: number; canTake?: string[] }[] } }>);
    expect(saved.config.windows.find((w) => w.no === 2)?.canTake?.sort()).toEqual(['general', 'social', 'tax']);
    expect(saved.config.windows.find((w) => w.no === 1)?.canTake).toBeUndefined();
  });

  it('alert limits and 潮汐 suggestions (off by default) are set in 告警 and read live by the watch', async () => {
    await tab('other');
    const alerts = admin.locator('other-tab [data-testid=alerts]');
    const tidal = alerts.locator('input[type=checkbox]');
    expect(await tidal.isChecked()).toBe(false);
    await tidal.check();
    await alerts.locator('input[aria-label^=排队人数超过]').fill('12');
    await alerts.locator('input[aria-label^=排队人数超过]').press('Tab');
    await shot(admin, 'admin-alerts-1366x768.png');
    await save(/已保存为第 \d+ 版/);
    // Applied without a restart: the live hall's config has them.
    expect(server.core.config.alerts).toMatchObject({ tidalSuggestions: true, queueWaiting: 12 });
  });

  it('分派规则 in Chinese shows the settings in force; a hall turns on its bottleneck terms, applied live', async () => {
    await tab('other');
    const routing = admin.locator('other-tab');
    // The file names none of them: the rule's defaults are shown, not blanks.
    expect(await routing.locator('input[data-key=rescueAfterMin]').inputValue()).toBe('35');
    expect(await routing.locator('input[data-key=priorityWhenHelping]').isChecked()).toBe(true);
    expect(await routing.locator('[data-testid=bottlenecks]').inputValue()).toBe('off');
    await routing.locator('[data-testid=bottlenecks]').selectOption('auto');
    await routing.locator('select[data-key=bottleneckHelpers]').selectOption('shared');
    await routing.locator('input[data-key=bottleneckWeight]').fill('0.5');
    await routing.locator('input[data-key=bottleneckWeight]').press('Tab');
    await routing.locator('input[data-key=bottleneckOwnFirst]').check();
    await routing.locator('[data-testid=routing-bottleneck]').scrollIntoViewIfNeeded();
    await shot(admin, 'admin-routing-1366x768.png');
    await save(/已保存为第 \d+ 版/);
    expect(server.core.config.routing).toMatchObject({
      bottlenecks: 'auto',
      bottleneckHelpers: 'shared',
      bottleneckWeight: 0.5,
      bottleneckOwnFirst: true,
      rescueAfterMin: 35,
    });
  });
});
