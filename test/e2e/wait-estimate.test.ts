// People ahead and the estimated wait as visitors and the supervisor see them, in Chromium: only tickets
// really called first are counted (priority first), and with no window serving the matter every surface
// says 当前暂无窗口办理 instead of promising "约 0 分钟".
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { launchChromium } from '../helpers/browser';
import { KIOSK_TOKEN, PASSWORD, client, ownPredictionOnIssue, startTestHall } from '../helpers/hall';
import { until } from '../helpers/wait';

// The counts below are the ticket's own prediction's.
ownPredictionOnIssue();

let browser: Browser;
let server: HallServer;
let api: ReturnType<typeof client>;
const NOBODY = '当前暂无窗口办理';
/** The predicted wait as shown (issue 25): 约12分钟（8–18）, or 即将叫号 when it is a matter of a minute. */
const MINUTES = /^(约\d+分钟(（\d+–\d+）)?|即将叫号)$/;

beforeAll(async () => {
  server = await startTestHall();
  api = client(server.url);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const text = async (p: Page, sel: string) =>
  (
    (await p
      .locator(sel)
      .first()
      .textContent({ timeout: 3000 })
      .catch(() => null)) ?? ''
  ).trim();

async function kioskTake(kiosk: Page, service: string, priority?: string) {
  await kiosk.locator(`[data-service=${service}]`).click();
  if (priority) await kiosk.locator(`[data-priority=${priority}]`).click();
  await kiosk.locator('button.take').click();
  await kiosk.locator('[data-number]').waitFor({ timeout: 5000 });
}

describe('estimated wait and people ahead', () => {
  it('nobody serving: kiosk, issued screen, phone page and dashboard say so; never 约 0 分钟', async () => {
    const kiosk = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await kiosk.goto(`${server.url}/kiosk?token=${KIOSK_TOKEN}`);
    await kiosk.locator('[data-service=general]').waitFor({ timeout: 8000 });
    expect(await text(kiosk, '[data-service=general] [data-wait]')).toBe(NOBODY);
    await kioskTake(kiosk, 'general');
    expect(await text(kiosk, 'kiosk-issued [data-wait]')).toBe(NOBODY);
    expect(await text(kiosk, 'kiosk-issued')).not.toContain('0 分钟');
    const url = (await kiosk.locator('[data-status-url]').getAttribute('data-status-url'))!;
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(url);
    await until(async () => (await text(phone, '[data-wait]')) === NOBODY, 'the phone page says nobody serves');

    const sup = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await sup.goto(`${server.url}/supervisor`);
    await sup.fill('input[name=clerkId]', 'sup');
    await sup.fill('input[name=password]', PASSWORD);
    await sup.click('button[type=submit]');
    await until(async () => (await text(sup, 'tr[data-service=general] [data-wait]')) === NOBODY, 'the dashboard');

    // A clerk logs in at window 1 (综合受理 is its own matter): every surface gives minutes again.
    await kiosk.locator('kiosk-issued button.done').click();
    await api.login('c1', 1);
    await until(
      async () => MINUTES.test(await text(kiosk, '[data-service=general] [data-wait]')),
      'the kiosk card with minutes',
    );
    await until(
      async () => /^(预计等候约\d+分钟(（\d+–\d+）)?|即将叫号)$/.test(await text(phone, '[data-wait]')),
      'the phone with minutes',
    );
    await until(
      async () => MINUTES.test(await text(sup, 'tr[data-service=general] [data-wait]')),
      'the dashboard with minutes',
    );
    await Promise.all([kiosk.close(), phone.close(), sup.close()]);
  });

  it('a priority visitor is first in its matter’s line; a later normal visitor counts them', async () => {
    await api.issue('tax');
    await api.issue('tax');
    const kiosk = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await kiosk.goto(`${server.url}/kiosk?token=${KIOSK_TOKEN}`);
    await kiosk.locator('[data-service=tax]').waitFor({ timeout: 8000 });
    await kioskTake(kiosk, 'tax', 'elderly');
    // Nobody of 税务 ahead of the elderly visitor; only the 综合受理 visitor of the first test, whom window 1
    // (the only one serving; 综合受理 is its own matter, 税务 one it helps with) calls first (issue 24's rule:
    // a helper takes a helped matter's priority visitor first once they have waited 3 minutes).
    expect(await text(kiosk, 'kiosk-issued .ahead')).toBe('前方还有 1 人');
    await kiosk.locator('kiosk-issued button.done').click();
    await kioskTake(kiosk, 'tax');
    // The two earlier 税务 visitors and the elderly one; and the 综合受理 visitor of the first test, whom
    // window 1 (its own matter; it helps with 税务) calls first (issue 25: who is called before this one).
    expect(await text(kiosk, 'kiosk-issued .ahead')).toBe('前方还有 4 人');
    await kiosk.close();
  });
});
