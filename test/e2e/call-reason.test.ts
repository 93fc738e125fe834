// 为何叫此号 in Chromium (issue 24): the supervisor's window card and the clerk's console show why the visitor
// at the window was called, in the routing rule's terms. DOCS_SCREENSHOTS=1 writes docs/*-why-*.png.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { FakeClock, PASSWORD, client, startTestHall } from '../helpers/hall';
import { until } from '../helpers/wait';

let browser: Browser;
let server: Awaited<ReturnType<typeof startTestHall>>;
const shots = process.env.DOCS_SCREENSHOTS === '1';
const clock = new FakeClock();

beforeAll(async () => {
  server = await startTestHall({ clock: clock.fn });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('why a visitor was called', () => {
  it('the dashboard’s window card and the console explain the call; a new call hides the old reason', async () => {
    const api = client(server.url);
    const c2 = await api.login('c2', 2);
    await api.issue('general');
    clock.advanceMin(25);
    await api.issue('tax');
    // Window 2 takes 税务 as its own and helps with 综合受理: the 综合受理 visitor has waited longer.
    const first = (await api.post('/api/windows/2/call-next', {}, c2)).body.ticket;

    const sup = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await sup.goto(`${server.url}/supervisor`);
    await sup.fill('input[name=clerkId]', 'sup');
    await sup.fill('input[name=password]', PASSWORD);
    await sup.click('button[type=submit]');
    const card = sup.locator('[data-window="2"]');
    await card.locator('[data-testid=why]').click();
    const lines = card.locator('[data-testid=why-lines] li');
    await until(async () => (await lines.count()) > 0, 'the reason on the card');
    const text = (await lines.allTextContents()).join('\n');
    expect(text).toContain(`${first.number}（综合受理）：叫号时已等候 25 分钟，目标 15 分钟`);
    expect(text).toContain('本窗口兼办（2级）');
    expect(text).toMatch(/紧急度 [\d.]+：本窗口可叫的号码中最高/);
    if (shots) await sup.screenshot({ path: 'docs/supervisor-why-1366x768.png' });

    const con = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await con.goto(`${server.url}/console`);
    await con.fill('#clerk', 'c2');
    await con.fill('#pw', PASSWORD);
    await con.fill('#win', '2');
    await con.click('button[type=submit]');
    await con.locator('[data-testid=why]').click();
    const consoleLines = con.locator('[data-testid=why-lines] li');
    await until(async () => (await consoleLines.count()) > 0, 'the reason in the console');
    expect((await consoleLines.allTextContents()).join('\n')).toBe(text);
    if (shots) await con.screenshot({ path: 'docs/console-why-1366x768.png' });

    // The next call: the old reason goes away from the card until asked again.
    await api.post('/api/windows/2/start', {}, c2);
    const next = await api.post('/api/windows/2/call-next', {}, c2);
    expect(next.body.ticket?.number).not.toBe(first.number);
    await until(async () => (await card.locator('[data-testid=why-lines]').count()) === 0, 'the old reason hidden');
    await Promise.all([sup.close(), con.close()]);
  });
});
