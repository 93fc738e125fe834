// The console's rules a clerk meets in the first hour (issue 22): the transfer is chosen, noted, then
// confirmed, from a grouped list searched by typing; 叫号 on a visitor only called asks whether they came;
// a window closed by the supervisor or paused says so from the login on.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { launchChromium } from '../helpers/browser';
import { FakeClock, MONDAY_1000, PASSWORD, client, startTestHall, testConfig, tempDir } from '../helpers/hall';

let browser: Browser;
let server: HallServer;
const clock = new FakeClock(MONDAY_1000);

beforeAll(async () => {
  // Twelve windows: more than the nine digit keys the old list had.
  server = await startTestHall({ dataDir: tempDir(), clock: clock.fn, config: testConfig(12) });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const text = async (p: Page, sel: string) => (await p.locator(sel).textContent({ timeout: 3000 }))?.trim() ?? null;
const number = (p: Page) => text(p, '[data-testid=current-number]');
const state = (p: Page) => text(p, '[data-testid=window-state]');
const ticket = (num: string) =>
  server.db
    .prepare('SELECT status, service_id AS s, target_window AS w, note FROM tickets WHERE number = ?')
    .get(num) as {
    status: string;
    s: string;
    w: number | null;
    note: string | null;
  };

async function login(clerk: string, windowNo: number, q = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${server.url}/console${q}`);
  await page.fill('#clerk', clerk);
  await page.fill('#pw', PASSWORD);
  await page.fill('#win', String(windowNo));
  await page.click('button[type=submit]');
  await expect.poll(() => state(page)).not.toBe(null);
  return page;
}

describe('window console rules (issue 22)', () => {
  it('transfer: a service no open window takes now is marked 暂无窗口办理 before it is chosen', async () => {
    const api = client(server.url);
    const a = await api.issue('social');
    const page = await login('c3', 3); // the only clerk in: social and general, no tax window
    await page.keyboard.press('n');
    await expect.poll(() => number(page)).toBe(a.number);
    await page.keyboard.press('t');
    const dialog = page.locator('transfer-dialog');
    await expect.poll(() => text(page, 'transfer-dialog [data-choice="s:tax"]')).toContain('暂无窗口办理');
    expect(await text(page, 'transfer-dialog [data-choice="s:general"]')).not.toContain('暂无窗口办理');
    await dialog.locator('[data-choice="s:tax"]').click();
    expect(await text(page, 'transfer-dialog [data-testid=transfer-to]')).toContain('当前没有开放的窗口办理此事项');
    await page.keyboard.press('Escape');
    await page.keyboard.press('f');
    await expect.poll(() => ticket(a.number).status).toBe('finished');
    await page.click('header button'); // log out
    await page.close();
  });

  it('transfer: choose from grouped, searchable lists, type the note, then confirm', async () => {
    const api = client(server.url);
    const a = await api.issue('general');
    const page = await login('c1', 1);
    await page.keyboard.press('n');
    await expect.poll(() => number(page)).toBe(a.number);
    await page.keyboard.press('s');
    await expect.poll(() => state(page)).toContain('办理中');

    await page.keyboard.press('t');
    const dialog = page.locator('transfer-dialog');
    await expect.poll(() => dialog.locator('[data-group=services] li').count()).toBe(2); // not its own service
    await expect.poll(() => dialog.locator('[data-group=windows] li').count()).toBe(11);
    // No digit shortcuts: typing 1 searches (窗口1, 窗口10, 窗口11, 窗口12 and nothing else), it picks nothing.
    await page.keyboard.type('1');
    await expect.poll(() => dialog.locator('[data-group=windows] li').count()).toBe(3);
    await expect.poll(() => dialog.locator('[data-group=services] li').count()).toBe(0);
    expect(ticket(a.number).status).toBe('serving');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('税');
    await expect.poll(() => dialog.locator('li').allTextContents()).toEqual([expect.stringContaining('税务')]);

    // A click chooses; nothing is sent until the clerk confirms with the note typed.
    await dialog.locator('input[name=search]').fill('11');
    await dialog.locator('[data-choice="w:11"]').click();
    await expect.poll(() => text(page, 'transfer-dialog [data-testid=transfer-to]')).toContain('窗口11');
    await page.keyboard.type('缺户口本复印件');
    expect(ticket(a.number).status).toBe('serving');
    await page.keyboard.press('Enter');
    await expect.poll(() => ticket(a.number)).toMatchObject({ status: 'waiting', w: 11, note: '缺户口本复印件' });
    expect(await dialog.count()).toBe(0);
    await page.close();

    // Window 11's clerk calls the visitor and sees where they come from, and why.
    const at11 = await login('c11', 11);
    await at11.keyboard.press('n');
    await expect.poll(() => number(at11)).toBe(a.number);
    expect(await text(at11, '[data-testid=transferred]')).toBe('自 1 号窗口转入');
    expect(await text(at11, '.meta')).toContain('缺户口本复印件');
    if (process.env.DOCS_SCREENSHOTS === '1') await at11.screenshot({ path: 'docs/console-transferred-1366x768.png' });
    await at11.close();
  });

  it('叫号 on a visitor only called asks: 未到 → 过号, 已到 → 办结; a started one is finished without asking', async () => {
    const api = client(server.url);
    const [a, b, c, d] = [
      await api.issue('tax'),
      await api.issue('tax'),
      await api.issue('tax'),
      await api.issue('tax'),
    ];
    const page = await login('c2', 2);
    const ask = page.locator('choice-dialog');
    await page.keyboard.press('n');
    await expect.poll(() => number(page)).toBe(a.number);
    clock.now += 5000;
    await page.keyboard.press('n');
    await expect.poll(() => text(page, 'choice-dialog h2')).toContain(`${a.number} 尚未开始办理`);
    expect(ticket(a.number).status).toBe('called');
    await page.keyboard.press('2'); // 未到 → 过号 (waits for its undo) …
    await page.keyboard.press('n'); // … 叫号 sends it now
    await expect.poll(() => number(page)).toBe(b.number);
    expect(ticket(a.number).status).toBe('no_show');

    clock.now += 5000;
    await page.click('[data-action=next]');
    await ask.locator('[data-choice=finished]').click(); // 已到 → 办结
    await expect.poll(() => number(page)).toBe(c.number);
    expect(ticket(b.number).status).toBe('finished');

    await page.keyboard.press('Escape');
    clock.now += 5000;
    await page.keyboard.press('s');
    await expect.poll(() => state(page)).toContain('办理中');
    await page.keyboard.press('n'); // started: 叫号 finishes it, no question
    await expect.poll(() => number(page)).toBe(d.number);
    expect(ticket(c.number).status).toBe('finished');
    expect(await ask.count()).toBe(0);
    await page.close();
  });

  it('three window states on the console: 已关闭 and 暂停服务 are said from the login on', async () => {
    const api = client(server.url);
    const sup = await api.login('sup');
    expect((await api.post('/api/windows/4/open', { open: false }, sup)).status).toBe(200);
    const page = await login('c4', 4);
    await expect.poll(() => state(page)).toBe('已关闭');
    await expect.poll(() => text(page, '[data-testid=window-notice]')).toContain('已被值班长关闭');
    expect((await api.post('/api/windows/4/open', { open: true }, sup)).status).toBe(200);
    await expect.poll(() => state(page)).toBe('空闲');
    expect(await page.locator('[data-testid=window-notice]').count()).toBe(0);
    await page.close();

    const c5 = await api.login('c5', 5);
    expect((await api.post('/api/windows/5/pause', { reason: '午休' }, c5)).status).toBe(200);
    const again = await login('c5', 5);
    await expect.poll(() => state(again)).toContain('暂停服务');
    await expect.poll(() => text(again, '[data-testid=window-notice]')).toContain('暂停服务中（午休）');
    await again.close();
  });

  it('in English the queue panel and the transfer dialog read as English', async () => {
    const api = client(server.url);
    const a = await api.issue('social');
    const page = await login('c9', 9, '?lang=en');
    // A queue with nobody ahead: "New ticket: Called very soon", never "a new ticket waits Called very soon".
    await expect.poll(() => text(page, '[data-wait=general]')).toMatch(/^New ticket: (Called very soon|about \d+ min)/);
    await page.keyboard.press('n');
    await expect.poll(() => number(page)).toBe(a.number);
    await page.keyboard.press('t');
    await expect.poll(() => text(page, 'transfer-dialog [data-testid=transfer-to]')).toBe('Choose a destination first');
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('the 已到/未到 question has no preselected answer; 未到 gets the 5-s 撤销 of 过号, then calls the next', async () => {
    const api = client(server.url);
    const [a, b] = [await api.issue('social'), await api.issue('social')];
    const page = await login('c6', 6);
    const ask = page.locator('choice-dialog');
    const undo = page.locator('[data-testid=skip-undo]');
    await page.keyboard.press('n');
    await expect.poll(() => number(page)).toBe(a.number);
    clock.now += 5000;

    // N then a habitual Enter answers nothing: the question stays, the visitor stays called.
    await page.keyboard.press('n');
    await expect.poll(() => text(page, 'choice-dialog h2')).toContain(`${a.number} 尚未开始办理`);
    expect(await ask.locator('li.sel').count()).toBe(0);
    await page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 300));
    expect(await ask.count()).toBe(1);
    expect(ticket(a.number).status).toBe('called');

    // 未到: nothing is sent yet; Esc takes back both the 过号 and the 叫号.
    await page.keyboard.press('2');
    await expect.poll(() => text(page, '[data-testid=skip-undo]')).toContain(`${a.number} 将记为过号，随后叫下一位`);
    expect(await ask.count()).toBe(0);
    expect(ticket(a.number).status).toBe('called');
    await page.keyboard.press('Escape');
    await expect.poll(() => text(page, '[data-testid=message]')).toBe(`已撤销过号：${a.number}`);
    expect(await undo.count()).toBe(0);
    await new Promise((r) => setTimeout(r, 5500));
    expect(ticket(a.number).status).toBe('called');
    expect(ticket(b.number).status).toBe('waiting');

    // 未到 again, left alone: after 5 s the 过号 and the 叫号 go as one, and the message names both.
    await page.keyboard.press('n');
    await ask.locator('[data-choice=no_show]').click();
    await undo.waitFor({ timeout: 3000 });
    // The 5-s undo runs first (browser timers): on a loaded machine the call comes well after it.
    await expect.poll(() => number(page), { timeout: 15_000 }).toBe(b.number);
    expect(ticket(a.number).status).toBe('no_show');
    await expect.poll(() => text(page, '[data-testid=message]')).toBe(`${a.number} 记为过号，已叫 ${b.number}`);
    await page.close();
  });
});
