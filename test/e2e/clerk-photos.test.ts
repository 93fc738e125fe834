// Clerks' photos in Chromium (issue 21): the admin uploads a photo in the staff tab (a phone-sized picture
// is shrunk by the page first; a file that is not a JPEG or PNG is refused in plain words); the window
// screen shows it beside the clerk's name and the pad before rating; removing it takes it off both, live.
// DOCS_SCREENSHOTS=1 writes docs/admin-clerks-1366x768.png, window-screen-photo-1280x720.png and
// pad-photo-1280x800.png.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { PROJECT_ROOT } from '../../server/paths';
import { launchChromium } from '../helpers/browser';
import { staffLogin } from '../helpers/staff-page';
import { PAD_TOKEN, client, startTestHall, tempDir, testConfig, testConfigInput } from '../helpers/hall';

const SCREEN_TOKEN = 'test-screen1-token-0000001';
const input = testConfigInput(4);
const config = testConfig(4, {
  devices: [...(input.devices ?? []), { id: 'screen-1', kind: 'windowScreen', window: 1, token: SCREEN_TOKEN }],
});
const shots = process.env.DOCS_SCREENSHOTS === '1';
const shot = async (p: Page, name: string) => {
  if (shots) await p.screenshot({ path: path.join(PROJECT_ROOT, 'docs', name) });
};
const files = tempDir('photos-');
let browser: Browser;
let server: HallServer;
let api: ReturnType<typeof client>;
let admin: Page;

/** A portrait drawn in the browser (a head and shoulders): PNG bytes of the given size, noisy if asked
 * (noise does not compress: a phone-sized file). */
async function portrait(p: Page, w: number, h: number, noisy = false): Promise<Buffer> {
  const b64 = await p.evaluate(
    ([w, h, noisy]) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const g = c.getContext('2d')!;
      g.fillStyle = '#dfe9f7';
      g.fillRect(0, 0, w, h);
      if (noisy) {
        const img = g.getImageData(0, 0, w, h);
        for (let i = 0; i < img.data.length; i += 4) {
          img.data[i] = 180 + Math.random() * 60;
          img.data[i + 1] = 200 + Math.random() * 50;
          img.data[i + 2] = 230 + Math.random() * 25;
          img.data[i + 3] = 255;
        }
        g.putImageData(img, 0, 0);
      }
      g.fillStyle = '#1f5fae';
      g.beginPath();
      g.ellipse(w / 2, h * 1.02, w * 0.42, h * 0.36, 0, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#f1c9a5';
      g.beginPath();
      g.arc(w / 2, h * 0.4, w * 0.22, 0, Math.PI * 2);
      g.fill();
      g.fillStyle = '#2b2b2b';
      g.beginPath();
      g.arc(w / 2, h * 0.34, w * 0.23, Math.PI, Math.PI * 2);
      g.fill();
      return c.toDataURL('image/png').split(',')[1]!;
    },
    [w, h, noisy] as const,
  );
  return Buffer.from(b64, 'base64');
}

const photoCell = (clerk: string) => admin.locator(`tr[data-key=${clerk}] clerk-photo`);
const notice = async () => (await admin.locator('[data-testid=notice]').textContent())?.trim();
/** The photo's address on a page, once the browser has loaded the picture (its natural width). */
const shownPhoto = (p: Page, sel: string) =>
  p
    .locator(sel)
    .first()
    .evaluate(
      (img: HTMLImageElement) => (img.complete && img.naturalWidth > 0 ? img.getAttribute('src') : null),
      undefined,
      { timeout: 1000 },
    )
    .catch(() => null);

beforeAll(async () => {
  server = await startTestHall({ config });
  api = client(server.url);
  browser = await launchChromium();
  admin = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('clerk photos in the browser', () => {
  it('the admin uploads photos in the staff tab; a file that is not a picture is refused in words', async () => {
    await staffLogin(admin, `${server.url}/admin`, 'adm');
    await admin.click('[data-tab=clerks]');
    // Not a picture, whatever its name says.
    const fake = path.join(files, 'photo.png');
    writeFileSync(fake, 'this is a text file');
    await photoCell('c1').locator('input[type=file]').setInputFiles(fake);
    await expect.poll(() => photoCell('c1').locator('[role=alert]').textContent()).toBe('照片须为 JPEG 或 PNG 图片');
    // A small PNG goes as it is.
    const small = path.join(files, 'c1.png');
    writeFileSync(small, await portrait(admin, 300, 400));
    await photoCell('c1').locator('input[type=file]').setInputFiles(small);
    await expect.poll(notice).toMatch(/^照片已保存（第 \d+ 版）/);
    await expect.poll(() => shownPhoto(admin, 'tr[data-key=c1] img')).toMatch(/^\/api\/photos\/[0-9a-f]{40}$/);
    expect(await photoCell('c1').locator('[role=alert]').count()).toBe(0);
    // A phone-sized picture (over 1 MB) is shrunk by the page and accepted.
    const big = await portrait(admin, 1600, 2000, true);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const bigFile = path.join(files, 'c2.png');
    writeFileSync(bigFile, big);
    await photoCell('c2').locator('input[type=file]').setInputFiles(bigFile);
    await expect.poll(() => shownPhoto(admin, 'tr[data-key=c2] img')).toMatch(/^\/api\/photos\//);
    const c2 = (await api.get('/api/admin/config', await api.login('adm'))).body.config.clerks.find(
      (k: { id: string }) => k.id === 'c2',
    );
    const stored = await fetch(server.url + c2.photoUrl);
    expect(stored.headers.get('content-type')).toBe('image/jpeg');
    expect((await stored.arrayBuffer()).byteLength).toBeLessThanOrEqual(1024 * 1024);
    // The draft took the new version: an ordinary edit saved right after is not a conflict.
    const name = admin.locator('tr[data-key=c3] input').nth(1);
    await name.fill('办事员三');
    await name.press('Tab');
    await admin.click('[data-testid=save]');
    await expect.poll(notice).toMatch(/^已保存为第 \d+ 版/);
    expect(await notice()).not.toContain('刷新');
    await shot(admin, 'admin-clerks-1366x768.png');
  });

  it('the window screen shows the photo beside the clerk, the pad before rating; removal takes it off', async () => {
    const screen = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await screen.goto(`${server.url}/window-screen?token=${SCREEN_TOKEN}`);
    const pad = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await pad.goto(`${server.url}/pad?token=${PAD_TOKEN}`);
    const c1 = await api.login('c1', 1);
    const url = await admin.locator('tr[data-key=c1] img').getAttribute('src');
    await expect.poll(() => shownPhoto(screen, 'img.photo'), { timeout: 10_000 }).toBe(url);
    await expect.poll(() => shownPhoto(pad, 'img.photo'), { timeout: 10_000 }).toBe(url);
    // A visit ends: the pad asks for the rating with the clerk's photo beside the name.
    await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, c1);
    await api.post('/api/windows/1/finish', {}, c1);
    await expect.poll(() => pad.locator('[data-level]').count(), { timeout: 10_000 }).toBe(5);
    await expect.poll(() => shownPhoto(pad, '.rated img.photo')).toBe(url);
    await shot(screen, 'window-screen-photo-1280x720.png');
    await shot(pad, 'pad-photo-1280x800.png');
    // Removed in the staff tab: both show the initial instead, live.
    await photoCell('c1').locator('button', { hasText: '删除照片' }).click();
    await expect.poll(notice).toMatch(/^照片已删除（第 \d+ 版）/);
    await expect.poll(() => screen.locator('img.photo').count(), { timeout: 10_000 }).toBe(0);
    expect(await screen.locator('div.photo').textContent()).toBe('办');
    await expect.poll(() => pad.locator('.rated img').count(), { timeout: 10_000 }).toBe(0);
    // The history says whose photo changed, and when.
    await admin.click('[data-tab=history]');
    await expect.poll(() => admin.locator('history-tab tbody').textContent()).toContain('管理页面：删除 c1 的照片');
    expect(await admin.locator('history-tab tbody').textContent()).toContain('管理页面：c2 的照片');
    await screen.close();
    await pad.close();
  });
});
