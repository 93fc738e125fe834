// The demo hall's kiosk at the hall's three screen sizes in Chromium: every service card is on the first
// screen (a touch screen must not need scrolling) and the cards use the space rather than one narrow column.
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { loadConfigFile } from '../../server/config/load';
import { PROJECT_ROOT } from '../../server/paths';
import { launchChromium } from '../helpers/browser';
import { startTestHall } from '../helpers/hall';

let browser: Browser;
let server: HallServer;
const demo = loadConfigFile(path.join(PROJECT_ROOT, 'server/config/demo-hall.yaml'));
const token = demo.devices.find((d) => d.kind === 'kiosk')!.token;
const shots = process.env.DOCS_SCREENSHOTS === '1';

beforeAll(async () => {
  server = await startTestHall({ config: demo, mqtt: { disabled: true, baseTopic: 'hall' } });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('kiosk layout (demo hall)', () => {
  for (const [width, height] of [
    [1920, 1080],
    [1080, 1920],
    [1366, 768],
  ] as const) {
    it(`${width}×${height}: every service visible without scrolling, cards filling the screen`, async () => {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`${server.url}/kiosk?token=${token}`);
      const cards = page.locator('[data-service]');
      await cards.first().waitFor({ timeout: 8000 });
      expect(await cards.count()).toBe(demo.services.length);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(height);
      let area = 0;
      for (const box of await Promise.all((await cards.all()).map((c) => c.boundingBox()))) {
        expect(box!.y + box!.height).toBeLessThanOrEqual(height);
        expect(box!.x + box!.width).toBeLessThanOrEqual(width);
        area += box!.width * box!.height;
      }
      expect(area / (width * height)).toBeGreaterThan(0.5);
      if (shots) await page.screenshot({ path: `docs/kiosk-${width}x${height}.png` });
      await page.close();
    });
  }

  it('1080×1920 portrait: the options, appointment and issued screens use the height, keys sized for a finger', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${server.url}/kiosk?token=${token}`);
    await page.locator('[data-service=general]').click({ timeout: 8000 });
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
    await page.locator('kiosk-options button.take').waitFor();
    expect((await box('kiosk-options button.take')).y).toBeGreaterThan(1920 * 0.6);
    expect((await box('kiosk-keypad .keys button')).height).toBeGreaterThanOrEqual(100);
    await page.click('kiosk-options .back');
    await page.click('header .checkin');
    expect((await box('.checkin-form kiosk-keypad .keys button')).height).toBeGreaterThanOrEqual(100);
    expect((await box('.checkin-form .go')).y).toBeGreaterThan(1920 * 0.6);
    await page.click('.checkin-form .back');
    await page.locator('[data-service=general]').click();
    await page.click('kiosk-options button.take');
    await page.locator('kiosk-issued .number').waitFor({ timeout: 8000 });
    const issued = await box('kiosk-issued');
    expect(issued.height).toBeGreaterThan(1920 * 0.6);
    expect((await box('kiosk-issued .number')).height).toBeGreaterThan(200);
    await page.close();
  });

  it('English in portrait: "0 waiting" stays on one line beside or above a long wait text', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(`${server.url}/kiosk?token=${token}`);
    await page.locator('[data-service] .meta').first().waitFor({ timeout: 8000 });
    await page.click('button.lang'); // English
    await expect.poll(() => page.locator('[data-service] .meta').first().textContent()).toContain('waiting');
    // Nobody is signed in: every card says "No window is serving this now", the longest text there is.
    const counts = await page.locator('[data-service] .meta > :first-child').evaluateAll((els) =>
      els.map((el) => ({
        text: el.textContent,
        lines: el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).fontSize),
      })),
    );
    expect(counts).toHaveLength(demo.services.length);
    for (const c of counts) expect(c.text).toMatch(/^\d+ waiting$/);
    for (const c of counts) expect(c.lines).toBeLessThan(1.8);
    await page.close();
  });
});
