// The hall's charts drawn by ECharts from live data (issue 21): the dashboard's hourly chart shows each
// hour's numbers taken and served as they happen, at the dashboard's real sizes, and the printed report
// carries the same chart, drawn on the server. DOCS_SCREENSHOTS=1 writes docs/supervisor-live-1366x768.png and
// -1920x1080.png (the printed report's picture is supervisor.test.ts's supervisor-print.png).
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { PROJECT_ROOT } from '../../server/paths';
import { launchChromium } from '../helpers/browser';
import { FakeClock, client, startTestHall } from '../helpers/hall';
import { staffLogin } from '../helpers/staff-page';

let browser: Browser;
let server: HallServer;
let api: ReturnType<typeof client>;
const clock = new FakeClock();
const shots = process.env.DOCS_SCREENSHOTS === '1';

/** What a screen reader hears of the chart: ECharts' aria description of its data. */
const described = (p: Page) =>
  p
    .locator('[data-testid=hour-chart] [data-testid=echart]')
    .first()
    .getAttribute('aria-label', { timeout: 3000 })
    .catch(() => null);
/** The numbers drawn in the chart (axis ticks, bar counts, legend). */
const chartTexts = (p: Page, root = '[data-testid=hour-chart]') => p.locator(`${root} svg text`).allTextContents();

/** The counts drawn over the bars (10 px: chart-theme.ts countLabel), in drawing order. */
const barCounts = (p: Page, root = '[data-testid=hour-chart]') =>
  p
    .locator(`${root} svg text`)
    .evaluateAll((ts) =>
      ts.filter((t) => /font-size: ?10px/.test(t.getAttribute('style') ?? '')).map((t) => t.textContent),
    );

const login = (p: Page) => staffLogin(p, `${server.url}/supervisor`, 'sup');

beforeAll(async () => {
  server = await startTestHall({ clock: clock.fn });
  api = client(server.url);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('charts drawn by ECharts', () => {
  it('the dashboard’s hourly chart follows the live hall at 1366×768 and 1920×1080', async () => {
    const c1 = await api.login('c1', 1);
    clock.advanceMin(20); // 09:20: three numbers taken
    for (const s of ['general', 'general', 'tax']) await api.issue(s);
    const pages: Page[] = [];
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const p = await browser.newPage({ viewport });
      await login(p);
      pages.push(p);
    }
    for (const p of pages) {
      await expect.poll(() => described(p), { timeout: 10_000 }).toContain('9:00 取号 3、办结 0');
      expect(await p.locator('[data-testid=hour-chart] svg').count()).toBe(1);
    }
    // 10:05: two more, and window 1 serves one: the chart redraws by itself.
    clock.advanceMin(45);
    await api.issue('social');
    await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, c1);
    await api.post('/api/windows/1/finish', {}, c1);
    for (const p of pages) {
      await expect.poll(() => described(p), { timeout: 10_000 }).toContain('10:00 取号 2、办结 1');
      expect(await described(p)).toContain('10:00 取号 2、办结 1、平均等候 45 分钟');
      // Drawn: the counts over the bars (arrivals 9:00 and 10:00, then served 10:00) and the legend.
      expect(await barCounts(p)).toEqual(['3', '2', '1']);
      expect(await chartTexts(p)).toEqual(expect.arrayContaining(['取号', '办结', '平均等候(分)', '9:00', '16:00']));
    }
    if (shots) {
      await pages[0]!.screenshot({ path: path.join(PROJECT_ROOT, 'docs', 'supervisor-live-1366x768.png') });
      await pages[1]!.screenshot({ path: path.join(PROJECT_ROOT, 'docs', 'supervisor-live-1920x1080.png') });
    }
    for (const p of pages) await p.close();
  });

  it('the printed report carries the hourly chart, drawn on the server with the same numbers', async () => {
    const token = await api.login('sup');
    const p = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await p.setExtraHTTPHeaders({ authorization: `Bearer ${token}` });
    await p.goto(`${server.url}/api/reports/print`);
    await expect.poll(() => p.locator('[data-testid=hour-chart] svg').count()).toBe(1);
    expect(await barCounts(p)).toEqual(['3', '2', '1']);
    expect(await chartTexts(p)).toEqual(
      expect.arrayContaining(['取号', '办结', '平均等候(分)', '9:00', '10:00', '16:00']),
    );
    const box = await p.locator('[data-testid=hour-chart] svg').boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    await p.close();
  });
});
