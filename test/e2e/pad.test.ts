// The evaluation pad in Chromium against a real server: serve a ticket, finish, rate on the pad and find
// the evaluation recorded against the right clerk and ticket; a bad rating cannot be sent without a
// reason, yet a visitor who walks away keeps the level they tapped; a good rating counts on the first tap;
// no level tapped in time records 未评价 and the pad goes back to idle.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { launchChromium } from '../helpers/browser';
import { PAD_TOKEN, client, startTestHall, testConfig } from '../helpers/hall';
import { until } from '../helpers/wait';

let browser: Browser;
let server: HallServer;
let api: ReturnType<typeof client>;
let c1: string;
const shots = process.env.DOCS_SCREENSHOTS === '1';

beforeAll(async () => {
  server = await startTestHall({ config: testConfig(3, { evaluation: { timeoutSec: 5 } }), sweepMs: 200 });
  api = client(server.url);
  c1 = await api.login('c1', 1);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// A read that times out counts as "not there yet", so a poll keeps going until its own limit.
const padState = (p: Page) =>
  p
    .locator('[data-pad]')
    .getAttribute('data-pad', { timeout: 3000 })
    .catch(() => null);
const evaluation = (ticketId: string) =>
  server.db.prepare('SELECT * FROM evaluations WHERE ticket_id = ?').get(ticketId) as Record<string, any> | undefined;

async function padPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const log: string[] = [];
  page.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => log.push(`requestfailed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  await page.goto(`${server.url}/pad?token=${PAD_TOKEN}`);
  try {
    await until(async () => (await padState(page)) === 'idle', 'the idle pad');
  } catch (e) {
    // Say what the page showed and what failed to load (this is how a rebuild of dist/web during the
    // tests was found: the page's scripts answered 404; scripts/build-pages.mjs now switches builds at once).
    const shown = await page.evaluate(() => document.body.innerText).catch((x) => String(x));
    throw new Error(
      `${(e as Error).message}; data-pad=${await padState(page)}; page: ${shown}; log: ${log.join(' | ')}`,
    );
  }
  return page;
}

async function serveAndFinish(page: Page) {
  const t = await api.issue('general');
  await api.post('/api/windows/1/call-next', {}, c1);
  await api.post('/api/windows/1/start', {}, c1);
  await until(async () => (await padState(page)) === 'serving', 'the serving pad');
  expect((await page.locator('.number').textContent())?.trim()).toBe(t.number);
  await api.post('/api/windows/1/finish', {}, c1);
  await until(async () => (await padState(page)) === 'evaluate', 'the pad asking');
  return t;
}

describe('evaluation pad', () => {
  it('idle shows the clerk on duty; a bad rating needs a reason; the answer is recorded against clerk and ticket', async () => {
    const page = await padPage();
    expect((await page.locator('[data-clerk]').textContent())?.trim()).toBe('办事员1');
    const t = await serveAndFinish(page);
    await page.locator('[data-level=dissatisfied]').click();
    expect(await page.locator('button.submit').isDisabled()).toBe(true);
    if (shots) await page.screenshot({ path: 'docs/pad-reasons-1280x800.png' });
    await page.locator('[data-reason=等候时间长]').click();
    await page.locator('textarea').fill('排队一个小时');
    await page.locator('button.submit').click();
    await until(async () => (await padState(page)) === 'thanks', 'thanks');
    const e = evaluation(t.id)!;
    expect(e).toMatchObject({
      status: 'rated',
      level: 'dissatisfied',
      clerk_id: 'c1',
      window_no: 1,
      service_id: 'general',
    });
    expect(JSON.parse(e.reasons)).toEqual(['等候时间长']);
    expect(e.comment).toBe('排队一个小时');
    expect(server.db.prepare('SELECT state FROM follow_ups').all()).toEqual([{ state: 'callback' }]);
    await page.close();
  });

  it('a good rating in one touch and submit', async () => {
    const page = await padPage();
    const t = await serveAndFinish(page);
    if (shots) await page.screenshot({ path: 'docs/pad-evaluate-1280x800.png' });
    await page.locator('[data-level=very_satisfied]').click();
    await page.locator('button.submit').click();
    await until(() => evaluation(t.id)?.status === 'rated', 'recorded');
    expect(evaluation(t.id)!.level).toBe('very_satisfied');
    await page.close();
  });

  it('no answer in time: 未评价 is recorded and the pad goes back to idle by itself', async () => {
    const page = await padPage();
    const t = await serveAndFinish(page); // no level tapped at all
    await until(async () => (await padState(page)) === 'idle', 'the pad back to idle', 10_000);
    expect(evaluation(t.id)).toMatchObject({ status: 'unrated', level: null });
    await page.close();
  });

  it('a good rating counts on the first tap, with a few seconds to change it', async () => {
    const page = await padPage();
    const t = await serveAndFinish(page);
    await page.locator('[data-level=satisfied]').click();
    expect(await page.locator('[data-auto]').textContent()).toContain('满意');
    await page.locator('[data-level=very_satisfied]').click(); // changed their mind within the grace
    expect(evaluation(t.id)?.status).toBe('pending');
    await until(async () => (await padState(page)) === 'thanks', 'thanks without a second tap', 6000);
    expect(evaluation(t.id)).toMatchObject({ status: 'rated', level: 'very_satisfied', channel: 'pad' });
    await page.close();
  });

  it('a bad rating left without a reason is recorded as chosen, reasons empty, and is followed up', async () => {
    const page = await padPage();
    const t = await serveAndFinish(page);
    await page.locator('[data-level=very_dissatisfied]').click();
    await page.locator('[data-kept]').waitFor();
    // The visitor walks away: the level they chose stands (the 5 s prompt of this hall runs out).
    await until(async () => (await padState(page)) === 'idle', 'the pad back to idle', 10_000);
    const e = evaluation(t.id)!;
    expect(e).toMatchObject({ status: 'rated', level: 'very_dissatisfied' });
    expect(JSON.parse(e.reasons)).toEqual([]);
    const fu = server.db.prepare('SELECT state FROM follow_ups WHERE evaluation_id = ?').get(e.id);
    expect(fu).toEqual({ state: 'callback' });
    await page.close();
  });

  it('正在为您办理 only while serving, not while the ticket is being called', async () => {
    const page = await padPage();
    const t = await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, c1);
    await new Promise((r) => setTimeout(r, 500));
    expect(await padState(page)).toBe('idle');
    expect(await page.locator('body').innerText()).not.toContain('正在为您办理');
    await api.post('/api/windows/1/start', {}, c1);
    await until(async () => (await padState(page)) === 'serving', 'the serving pad');
    expect(await page.locator('.center').innerText()).toContain('正在为您办理');
    expect((await page.locator('.number').textContent())?.trim()).toBe(t.number);
    await api.post('/api/windows/1/finish', {}, c1);
    await until(async () => (await padState(page)) === 'evaluate', 'the pad asking');
    await page.locator('[data-level=basic]').click();
    await until(() => evaluation(t.id)?.status === 'rated', 'recorded');
    await page.close();
  });

  it('the next visit’s prompt closes an unanswered one as 未评价 and says so on the pad', async () => {
    const page = await padPage();
    const first = await serveAndFinish(page);
    const second = await api.issue('general');
    await api.post('/api/windows/1/call-next', {}, c1);
    await api.post('/api/windows/1/start', {}, c1);
    await api.post('/api/windows/1/finish', {}, c1);
    const notice = page.locator('[data-notice]');
    await notice.waitFor({ timeout: 3000 });
    expect(await notice.textContent()).toContain(`${first.number}`);
    expect(await notice.textContent()).toContain('未评价');
    expect(await page.locator('.center .id').first().textContent()).toContain(second.number);
    expect(evaluation(first.id)).toMatchObject({ status: 'unrated' });
    await page.close();
  });
});
