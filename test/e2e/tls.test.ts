// TLS in Chromium: the console reached by its plain-HTTP address lands on HTTPS and logs in there, the call
// board's socket.io runs over HTTPS, and a visitor's ticket page stays on plain HTTP. Chromium trusts only
// the hall's server key (pinned), as a hall device trusts the installed hall CA.
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { launchChromium } from '../helpers/browser';
import {
  BOARD_TOKEN,
  KIOSK_TOKEN,
  PASSWORD,
  startTestHall,
  tempDir,
  testConfig,
  testConfigInput,
} from '../helpers/hall';

let browser: Browser;
let server: HallServer;
const dataDir = tempDir();

beforeAll(async () => {
  const input = testConfigInput();
  server = await startTestHall({
    dataDir,
    config: testConfig(4, { server: { ...input.server, tls: { selfSigned: true, port: 0 } } as never }),
  });
  const cert = new X509Certificate(readFileSync(path.join(dataDir, 'tls', 'server.pem')));
  const spki = createHash('sha256')
    .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  browser = await launchChromium([`--ignore-certificate-errors-spki-list=${spki}`]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('TLS in the browser', () => {
  it('the console’s plain-HTTP address moves to HTTPS, where the clerk logs in', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/console`);
    expect(page.url()).toBe(`${server.tls!.url}/console`);
    await page.fill('#clerk', 'c1');
    await page.fill('#pw', PASSWORD);
    await page.fill('#win', '1');
    await page.click('button[type=submit]');
    await expect
      .poll(() => page.locator('[data-testid=window-state]').textContent({ timeout: 3000 }))
      .toContain('空闲');
    await page.close();
  });

  it('the call board runs over HTTPS; a visitor’s ticket page stays on plain HTTP and follows the ticket', async () => {
    const board = await browser.newPage();
    await board.goto(`${server.tls!.url}/board?token=${BOARD_TOKEN}`);
    await board.waitForFunction(() => (window as any).hallBoard?.connection() === 'online');

    const issued = await board.evaluate(async (token) => {
      const r = await fetch('/api/tickets', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ serviceId: 'general' }),
      });
      return (await r.json()).ticket as { number: string; statusUrl: string };
    }, KIOSK_TOKEN);
    expect(issued.statusUrl.startsWith(`${server.url}/t/`)).toBe(true);
    const phone = await browser.newPage();
    await phone.goto(issued.statusUrl);
    expect(phone.url()).toBe(issued.statusUrl);
    await expect.poll(() => phone.locator('[data-number]').textContent({ timeout: 3000 })).toBe(issued.number);
    await phone.close();
    await board.close();
  });
});
