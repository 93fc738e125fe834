// The supervisor dashboard in Chromium against a real server: only supervisors get in; an alert shows
// within seconds of a ticket passing its target and is acknowledged; a skills change made on the page
// takes effect on that window's next call; CSV and Excel downloads open (the XLSX parsed back); the
// printable report opens. DOCS_SCREENSHOTS=1 writes the pictures in docs/.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { PROJECT_ROOT } from '../../server/paths';
import { launchChromium } from '../helpers/browser';
import { FakeClock, MONDAY_1000, PASSWORD, client, startTestHall } from '../helpers/hall';

let browser: Browser;
let server: HallServer;
let api: ReturnType<typeof client>;
let page: Page;
const clock = new FakeClock(MONDAY_1000);
const shots = process.env.DOCS_SCREENSHOTS === '1';
const shot = async (p: Page, name: string) => {
  if (shots) await p.screenshot({ path: path.join(PROJECT_ROOT, 'docs', name), fullPage: true });
};
const text = async (p: Page, sel: string) =>
  (
    await p
      .locator(sel)
      .first()
      .textContent({ timeout: 3000 })
      .catch(() => null)
  )?.trim() ?? null;

async function login(p: Page, clerkId: string): Promise<void> {
  await p.goto(`${server.url}/supervisor`);
  await p.fill('input[name=clerkId]', clerkId);
  await p.fill('input[name=password]', PASSWORD);
  await p.click('button[type=submit]');
}

beforeAll(async () => {
  server = await startTestHall({ clock: clock.fn, watchMs: 300 });
  api = client(server.url);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('supervisor dashboard', () => {
  it('a clerk is turned away in plain Chinese', async () => {
    const p = await browser.newPage();
    await login(p, 'c1');
    await expect.poll(() => text(p, '[role=alert]')).toBe('仅值班长和管理员可使用此页面');
    await p.close();
  });

  it('shows the live hall and an alert within seconds of a ticket passing its target; ack clears the badge', async () => {
    const c1 = await api.login('c1', 1);
    await api.login('c2', 2);
    await login(page, 'sup');
    await expect.poll(() => text(page, 'tr[data-service=general] td:nth-child(2)')).toBe('0');
    const t = await api.issue('general');
    await api.issue('tax');
    await api.issue('social');
    await expect.poll(() => text(page, 'tr[data-service=general] td:nth-child(2)')).toBe('1');
    expect(await text(page, '[data-window="1"]')).toContain('办事员1');

    clock.advanceMin(16);
    const raisedAt = Date.now();
    await expect
      .poll(() => text(page, '[data-testid=alert-strip]'), { timeout: 10_000 })
      .toContain('A001 号（综合受理）已等候 16 分钟');
    const seconds = (Date.now() - raisedAt) / 1000;
    expect(seconds).toBeLessThan(10); // bounded by the poll above; the watch looks every 0.3 s here
    expect(await text(page, '[data-testid=alert-badge]')).not.toBeNull();
    await expect.poll(() => page.locator('[data-testid=hour-chart] svg').count()).toBe(1);
    await shot(page, 'supervisor-live.png');

    await page.keyboard.press('2');
    const row = page.locator('tr[data-kind=wait_over_target]', { hasText: 'A001' });
    await expect.poll(() => row.getAttribute('data-acked')).toBe('false');
    await shot(page, 'supervisor-alerts.png');
    await row.locator('button').click();
    await expect.poll(() => row.getAttribute('data-acked')).toBe('true');
    expect(await row.textContent()).toContain('sup 已确认');
    // Other alerts of the test hall (its printer is not there) go with the A key: the badge goes.
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('[data-testid=alert-badge]').count()).toBe(0);
    // Calling the ticket clears the condition; the list says so. (Called by number: call-next would take
    // the 社保 ticket first, a quicker matter as late as A001.)
    expect((await api.post('/api/windows/1/call', { number: 'A001' }, c1)).status).toBe(200);
    await expect.poll(() => row.textContent()).toContain('已恢复');
    expect(t.number).toBe('A001');
  });

  it('signs out a window its clerk left logged in: the window is free, the clerk’s token ends', async () => {
    await page.keyboard.press('1');
    const c3 = await api.login('c3', 3);
    await expect.poll(() => text(page, '[data-window="3"]')).toContain('办事员3');
    page.once('dialog', (d) => void d.accept());
    await page.locator('[data-window="3"] button.sign-out').click();
    await expect.poll(() => text(page, '[data-window="3"]')).toContain('无人登录');
    expect((await api.get('/api/auth/me', c3)).status).toBe(401);
    expect(await page.locator('[data-window="3"] button.sign-out').count()).toBe(0);
  });

  it('a skills change made on the page takes effect on that window’s next call', async () => {
    await page.keyboard.press('1');
    await page.locator('[data-window="2"] button', { hasText: '技能' }).click();
    const dialog = page.locator('form[role=dialog]');
    await dialog.locator('select[data-service=tax]').selectOption('0');
    await dialog.locator('select[data-service=general]').selectOption('0');
    await dialog.locator('select[data-service=social]').selectOption('1');
    await dialog.locator('select[name=duration]').selectOption('60');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => text(page, '[data-window="2"]')).toContain('潮汐至');
    const c2 = await api.login('c2', 2);
    const next = await api.post('/api/windows/2/call-next', {}, c2);
    expect(next.body.ticket).toMatchObject({ number: 'D001', serviceId: 'social' });
    await expect.poll(() => text(page, '[data-window="2"]')).toContain('D001');
    await api.post('/api/windows/2/finish', {}, c2);
    await expect.poll(() => text(page, '[data-window="2"]')).toContain('今日办结 1');
  });

  it('reports: CSV and Excel downloads open, the printable report opens', async () => {
    await page.keyboard.press('3');
    await expect.poll(() => text(page, 'tr.total')).toContain('合计');
    expect(await text(page, 'tr[data-key=social]')).toContain('社保');
    // How right the printed waits were: D001 was called (told 即将叫号 or a range when it was taken).
    await expect
      .poll(() => text(page, '[data-testid=wait-accuracy]'))
      .toMatch(/^预计等候兑现：\s*已叫号 \d+ 张，平均误差 [\d.]+ 分钟/);
    await shot(page, 'supervisor-reports.png');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export=csv]')]);
    expect(csv.suggestedFilename()).toMatch(/^test-hall-report-\d{4}-\d{2}-\d{2}\.service\.csv$/);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split('\r\n')[0]).toBe(
      '\uFEFF名称,取号数,办结数,过号数,转移数,平均等候(分),P90等候(分),最长等候(分),平均办理(分),目标内占比,满意率,参评率',
    );
    expect(csvText).toContain('社保,1,1,0,0,');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.click('button[data-export=xlsx]')]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile((await xlsx.path())!);
    const sheet = wb.getWorksheet('按事项')!;
    const rows = sheet.getSheetValues() as unknown[][];
    const total = rows.find((r) => r?.[1] === '合计')!;
    expect(total[2]).toBe(3); // three tickets taken
    expect(total[3]).toBe(1); // one served

    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click('button[data-export=print]')]);
    await popup.waitForLoadState();
    await expect.poll(() => popup.locator('h1').textContent()).toBe('测试大厅 业务报表');
    expect(await popup.locator('svg').count()).toBeGreaterThan(0);
    await shot(popup, 'supervisor-print.png');
  });

  it('English is available', async () => {
    const p = await browser.newPage();
    await login(p, 'adm');
    await expect.poll(() => text(p, 'nav')).toContain('实时大厅');
    await p.goto(`${server.url}/supervisor?lang=en`);
    await expect.poll(() => text(p, 'nav')).toContain('Live hall');
    await p.close();
  });

  it('调号 shows each ticket’s priority and wait, and closes on Esc', async () => {
    const p = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await login(p, 'sup');
    const t = await api.issue('social', { priority: 'elderly' });
    await expect.poll(() => p.locator('tr[data-service=social] button:not([disabled])').count()).toBe(1);
    await p.click('tr[data-service=social] button');
    const row = p.locator(`ticket-mover label[data-ticket="${t.number}"]`);
    await row.waitFor({ timeout: 3000 });
    expect(await row.textContent()).toContain('老年人');
    expect(await row.textContent()).toMatch(/已等 \d+ 分钟/);
    await p.keyboard.press('Escape');
    await expect.poll(() => p.locator('ticket-mover').count()).toBe(0);
    await p.close();
  });

  it('signing out a window with a visitor at it says the visitor goes back to the queue, and it does', async () => {
    await page.keyboard.press('1');
    const t = await api.issue('general');
    const c2 = await api.login('c2', 2);
    expect((await api.post('/api/windows/2/call', { number: t.number }, c2)).status).toBe(200);
    await expect.poll(() => text(page, '[data-window="2"]')).toContain(t.number);
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await page.locator('[data-window="2"] button.sign-out').click();
    await expect.poll(() => text(page, '[data-window="2"]')).toContain('无人登录');
    expect(asked).toContain(`${t.number} 号还在该窗口`);
    expect(server.core.query.ticketStatus(t.id)?.status).toBe('waiting');
  });
});
