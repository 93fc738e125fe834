// The window screen (窗口屏) in Chromium against a real server: bound to its window by its token, the
// window's name and number, the clerk on duty with 工号, the ticket called then served, paused with the
// reason; a full state on connect and recovery after a server restart, like the board.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { launchChromium } from '../helpers/browser';
import {
  BOARD_TOKEN,
  FakeClock,
  MONDAY_1000,
  client,
  startTestHall,
  tempDir,
  testConfig,
  testConfigInput,
} from '../helpers/hall';

const SCREEN_TOKEN = 'test-screen1-token-0000001';
const shots = process.env.DOCS_SCREENSHOTS === '1';
let browser: Browser;
let server: HallServer;
const dataDir = tempDir();
const clock = new FakeClock(MONDAY_1000);
const input = testConfigInput(4);
const config = testConfig(4, {
  devices: [...(input.devices ?? []), { id: 'screen-1', kind: 'windowScreen', window: 1, token: SCREEN_TOKEN }],
});

beforeAll(async () => {
  server = await startTestHall({ dataDir, clock: clock.fn, config });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const text = (p: Page, id: string) => p.locator(`[data-testid=${id}]`).textContent();

describe('window screen', () => {
  let page: Page;

  it('shows its window, then the clerk and the ticket called, then served', async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${server.url}/window-screen?token=${SCREEN_TOKEN}`);
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => text(page, 'window-no')).toBe('1');
    expect(await page.locator('header').textContent()).toContain('窗口1');
    expect(await text(page, 'clerk')).toContain('暂无工作人员');

    const api = client(server.url);
    const c1 = await api.login('c1', 1);
    await expect.poll(() => text(page, 'clerk')).toContain('办事员1');
    expect(await text(page, 'clerk')).toContain('工号 c1');
    const t = await api.issue('general');
    clock.now += 5000;
    await api.post('/api/windows/1/call-next', {}, c1);
    await expect.poll(() => page.locator('[data-testid=ticket]').textContent()).toContain(t.number);
    expect(await page.locator('[data-testid=status]').getAttribute('data-state')).toBe('calling');
    // another window's call does not show here
    const c2 = await api.login('c2', 2);
    await api.issue('tax');
    clock.now += 5000;
    await api.post('/api/windows/2/call-next', {}, c2);
    await api.post('/api/windows/1/recall', {}, c1);
    await expect.poll(() => page.locator('[data-testid=ticket]').textContent()).toContain(t.number);
    // 重呼 is said while the ticket is called, not once it is being served, nor after a reload.
    await expect.poll(() => page.locator('[data-testid=recall]').count()).toBe(1);
    await api.post('/api/windows/1/start', {}, c1);
    await expect.poll(() => page.locator('[data-testid=status]').getAttribute('data-state')).toBe('serving');
    expect(await text(page, 'status')).toContain('正在办理');
    expect(await text(page, 'status')).not.toContain('重呼');
    await page.reload();
    await expect.poll(() => page.locator('[data-testid=status]').getAttribute('data-state')).toBe('serving');
    expect(await text(page, 'status')).not.toContain('重呼');

    await api.post('/api/windows/1/finish', {}, c1);
    await api.post('/api/windows/1/pause', { reason: '午休' }, c1);
    await expect.poll(() => page.locator('[data-testid=status]').getAttribute('data-state')).toBe('paused');
    expect(await text(page, 'status')).toContain('午休');
    if (shots) await page.screenshot({ path: 'docs/window-screen-paused-1280x720.png' });
  });

  it('recovers after a server restart with the state from the server', async () => {
    const port = server.port;
    await server.stop();
    await expect.poll(() => page.locator('[data-testid=connection]').count()).toBe(1);
    server = await startTestHall({ dataDir, clock: clock.fn, config, port });
    await expect.poll(() => page.locator('[data-testid=connection]').count(), { timeout: 15_000 }).toBe(0);
    const api = client(server.url);
    const c1 = await api.login('c1', 1);
    await api.post('/api/windows/1/resume', {}, c1);
    await expect.poll(() => page.locator('[data-testid=status]').getAttribute('data-state')).toBe('idle');
    await page.close();
  });

  it('only a window-screen token (or a supervisor naming a window) may connect', async () => {
    const p = await browser.newPage();
    await p.goto(`${server.url}/window-screen?token=${BOARD_TOKEN}`);
    await expect.poll(() => text(p, 'connection')).toContain('不是窗口屏');
    await p.close();
  });
});
