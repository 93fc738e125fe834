// `npm start` as a user runs it (build, demo hall, embedded broker, SQLite in a data dir), then the
// start page in a real Chromium: the hall's name, a working link to every surface, English on request.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../server/paths';
import { SURFACES } from '../../server/pages/start-page';
import { launchChromium } from '../helpers/browser';
import { tempDir } from '../helpers/hall';

let proc: ChildProcess;
let url: string;
let browser: Browser;
const dataDir = tempDir('npm-start-');

beforeAll(async () => {
  proc = spawn('npm', ['start', '--', '--port', '0', '--mqtt-port', '0', '--data', dataDir], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL:\n${out}`)), 110_000);
    const onData = (d: Buffer) => {
      out += String(d);
      const m = /(http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`npm start exited ${code}:\n${out}`)));
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (proc?.pid) process.kill(-proc.pid, 'SIGTERM');
});

describe('npm start', () => {
  it('creates the data directory with the hall database', () => {
    expect(existsSync(path.join(dataDir, 'hall.sqlite'))).toBe(true);
  });

  it('serves the start page in Chinese with every surface linked', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    expect(await page.locator('h1').textContent()).toBe('示范市政务服务中心');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    for (const s of SURFACES) {
      const link = page.locator(`a.card[href^="${s.path}"]`);
      expect(await link.count(), s.path).toBe(1);
      expect(await link.locator('strong').textContent()).toBe(s.zh);
    }
    // every link answers
    for (const s of SURFACES) {
      const res = await page.request.get(url + s.path);
      expect(res.status(), s.path).toBe(200);
    }
    // the services table shows the demo services
    await expect(page.locator('td', { hasText: '不动产登记' }).count()).resolves.toBe(1);
    await page.close();
  });

  it('switches to English and back', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await page.click('a.lang');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('a.card strong').first().textContent()).toBe('Kiosk');
    await page.click('a.lang');
    expect(await page.locator('a.card strong').first().textContent()).toBe('取号机');
    await page.close();
  });

  it('renders Chinese with a real CJK font (not boxes)', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    // Without a CJK font every glyph renders as the same box ("tofu"): two different characters then
    // draw identical pixels. With the font they differ.
    const differ = await page.evaluate(() => {
      const draw = (ch: string) => {
        const c = document.createElement('canvas');
        c.width = c.height = 48;
        const g = c.getContext('2d')!;
        g.font = '40px sans-serif';
        g.fillText(ch, 4, 40);
        return c.toDataURL();
      };
      return draw('政') !== draw('务') && draw('务') !== draw('厅');
    });
    expect(differ).toBe(true);
    await page.close();
  });

  it('the demo hall links every board, shows its demo logins, and 手机查号 opens a real ticket', async () => {
    const page = await browser.newPage();
    await page.goto(url);
    const demo = page.locator('[data-testid=demo]');
    expect(
      await demo.locator('a[data-board]').evaluateAll((as) => as.map((a) => a.getAttribute('data-board'))),
    ).toEqual(['board-a', 'board-b', 'board-c']);
    expect(await demo.textContent()).toContain('9001');
    // Every role of the demo hall has its login listed, the guide desk too.
    const rows = await demo.locator('table.logins tbody tr').allTextContents();
    expect(rows.find((r) => r.includes('导服台'))).toContain('8001');
    expect(await demo.textContent()).toContain('demo1234');
    // Before any ticket today, the link says how to get one instead of 没有找到这张号票.
    await page.click('a.card[href^="/t/demo"]');
    await expect.poll(() => page.locator('[data-testid=no-demo-ticket]').count()).toBe(1);
    const token = /token=([^&"]+)/.exec((await page.locator('a[href^="/kiosk"]').getAttribute('href')) ?? '')![1]!;
    const res = await page.request.post(`${url}/api/tickets`, {
      headers: { authorization: `Bearer ${decodeURIComponent(token)}` },
      data: { serviceId: 'general' },
    });
    expect(res.status()).toBe(201);
    const { ticket } = (await res.json()) as { ticket: { number: string } };
    await page.goto(url);
    await page.click('a.card[href^="/t/demo"]');
    await expect.poll(() => page.locator('ticket-page [data-number]').textContent()).toBe(ticket.number);
    await page.goto(`${url}/?lang=en`);
    expect(await page.locator('[data-testid=demo]').textContent()).toContain('Demo logins');
    await page.close();
  });
});
