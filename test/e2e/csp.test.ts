// Issue 23, finding 18: every page works under the content security policy, in Chromium against a real
// server: the built lit apps (board, kiosk with its QR code, pad, console, supervisor, the visitor's ticket
// page), the socket.io connection, the start page, the API docs and the printable report with its print
// button. A violation is caught both as a `securitypolicyviolation` event and as Chromium's console error.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { launchChromium } from '../helpers/browser';
import {
  BOARD_TOKEN,
  FakeClock,
  MONDAY_1000,
  KIOSK_TOKEN,
  PAD_TOKEN,
  PASSWORD,
  client,
  startTestHall,
} from '../helpers/hall';

let browser: Browser;
let server: HallServer;
let api: ReturnType<typeof client>;
const clock = new FakeClock(MONDAY_1000);

beforeAll(async () => {
  server = await startTestHall({ clock: clock.fn, sweepMs: 3_600_000, watchMs: 3_600_000 });
  api = client(server.url);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A page that records every policy violation it meets. */
async function watched(): Promise<{ page: Page; violations: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return { page, violations };
}

const shown = (p: Page, sel: string) =>
  p
    .locator(sel)
    .first()
    .waitFor({ timeout: 8000 })
    .then(
      () => true,
      () => false,
    );

describe('pages under the content security policy', () => {
  it('board, kiosk (QR code), pad, console, supervisor, ticket page, start page, API docs: no violation', async () => {
    const ticket = await api.issue('general');
    const pages: [string, string][] = [
      [`/board?token=${BOARD_TOKEN}`, 'hall-board'],
      [`/kiosk?token=${KIOSK_TOKEN}`, 'kiosk-app'],
      [`/pad?token=${PAD_TOKEN}`, 'pad-app'],
      ['/console', 'console-app'],
      ['/supervisor', 'supervisor-app'],
      [`/t/${ticket.id}`, 'ticket-page'],
      ['/', 'h1'],
      ['/api/docs', 'h1'],
    ];
    for (const [url, sel] of pages) {
      const { page, violations } = await watched();
      const res = await page.goto(server.url + url);
      expect(res?.headers()['content-security-policy'], url).toContain("default-src 'self'");
      expect(await shown(page, sel), url).toBe(true);
      await page.waitForTimeout(500); // the socket connects, fonts and images load
      expect(violations, url).toEqual([]);
      await page.close();
    }
  });

  it('the kiosk issues a ticket and shows its QR code; the supervisor signs in', async () => {
    const { page, violations } = await watched();
    await page.goto(`${server.url}/kiosk?token=${KIOSK_TOKEN}`);
    await page.locator('[data-service=general]').click({ timeout: 8000 });
    await page.locator('button.take').click();
    expect(await shown(page, 'kiosk-issued .qr svg'), 'the QR code').toBe(true);
    const sup = await watched();
    await sup.page.goto(`${server.url}/supervisor`);
    await sup.page.fill('input[name=clerkId]', 'sup');
    await sup.page.fill('input[name=password]', PASSWORD);
    await sup.page.click('button[type=submit]');
    await sup.page.waitForTimeout(1500);
    expect([...violations, ...sup.violations]).toEqual([]);
    await page.close();
    await sup.page.close();
  });

  it('the printable report, its inline styles and print button', async () => {
    const token = await api.login('sup');
    const { page, violations } = await watched();
    await page.setExtraHTTPHeaders({ authorization: `Bearer ${token}` });
    await page.goto(`${server.url}/api/reports/print`);
    expect(await shown(page, 'svg'), 'chart').toBe(true);
    // The print button's inline handler is allowed by its hash: pressing it raises no violation.
    await page.evaluate(() => {
      window.print = () => {};
    });
    await page.locator('button').first().click();
    await page.waitForTimeout(300);
    expect(violations).toEqual([]);
    await page.close();
  });
});
