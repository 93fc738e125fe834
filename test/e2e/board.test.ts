// The TV call board in Chromium against a real server: calls appear at once, announcements are queued
// in call order without overlap, and the board recovers by itself after the server restarts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { launchChromium } from '../helpers/browser';
import { BOARD_TOKEN, FakeClock, MONDAY_1000, client, startTestHall, tempDir } from '../helpers/hall';
import type { VoiceLogEntry } from '../../display/src/voice/voice-queue';

declare global {
  interface Window {
    hallBoard?: {
      voiceLog: VoiceLogEntry[];
      pending: () => number;
      connection: () => string;
      turns?: { number: string; at: number }[];
    };
  }
}

let browser: Browser;
let server: HallServer;
const dataDir = tempDir();
const clock = new FakeClock(MONDAY_1000);

beforeAll(async () => {
  server = await startTestHall({ dataDir, clock: clock.fn });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openBoard(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  // Text-only voice at 5 ms a character keeps the test fast while keeping the queue's timing real.
  await page.goto(`${server.url}/board?token=${BOARD_TOKEN}&voiceMsPerChar=5`);
  await page.waitForFunction(() => window.hallBoard?.connection() === 'online');
  return page;
}

const currentNumber = (p: Page) => p.locator('[data-testid=current-number]').textContent();

describe('call board', () => {
  it('keeps the device token out of the address bar and shows the zone’s windows', async () => {
    const page = await openBoard();
    expect(page.url()).not.toContain('token=');
    await expect.poll(() => page.locator('[data-window]').count()).toBe(2); // zone A: windows 1 and 2
    // The clock is the hall server's (10:00 on its Monday), not the browser's own, which runs today.
    await expect.poll(() => page.locator('[data-testid=clock]').textContent()).toMatch(/^10:0\d:\d\d$/);
    await page.close();
  });

  it('a call made through the API appears on the board; five calls in one second are announced in order', async () => {
    const page = await openBoard();
    const api = client(server.url);
    const t1 = await api.login('c1', 1);
    const t2 = await api.login('c2', 2);
    const issued = [];
    for (let i = 0; i < 5; i++) issued.push(await api.issue(i % 2 ? 'tax' : 'general'));

    const t0 = Date.now();
    const called: string[] = [];
    // five calls within one second, alternating windows; each call-next finishes that window's previous ticket
    for (let i = 0; i < 5; i++) {
      clock.now += 5000; // past the double-press guard
      const r = await api.post(`/api/windows/${i % 2 ? 2 : 1}/call-next`, {}, i % 2 ? t2 : t1);
      called.push(r.body.ticket.number);
    }
    expect(Date.now() - t0).toBeLessThan(1000);
    await expect.poll(() => currentNumber(page)).toBe(called[4]);

    await page.waitForFunction(
      () => window.hallBoard!.voiceLog.length === 5 && window.hallBoard!.pending() === 0,
      null,
      { timeout: 20_000 },
    );
    const log = await page.evaluate(() => window.hallBoard!.voiceLog);
    expect(log.map((e) => e.text)).toEqual(called.map((n, i) => `请${n}号到${i % 2 ? 2 : 1}号窗口办理`));
    for (let i = 1; i < log.length; i++) expect(log[i]!.startedAt).toBeGreaterThanOrEqual(log[i - 1]!.endedAt);
    expect(log.every((e) => e.mode === 'text')).toBe(true);

    // a recall is announced again
    await api.post('/api/windows/2/recall', {}, t2);
    await page.waitForFunction(() => window.hallBoard!.voiceLog.length === 6);
    const last = await page.evaluate(() => window.hallBoard!.voiceLog[5]);
    expect(last).toMatchObject({ text: `请${called[3]}号到2号窗口办理`, recall: true });
    await page.close();
  });

  it('the supervisor’s notice scrolls on the board', async () => {
    const page = await openBoard();
    const api = client(server.url);
    await api.post('/api/board/notice', { text: '因系统升级，今日16:30停止取号' }, await api.login('sup'));
    await expect.poll(() => page.locator('[data-testid=notice]').textContent()).toBe('因系统升级，今日16:30停止取号');
    await page.close();
  });

  it('calls made while the board was offline get their turn large and are announced when it is back', async () => {
    // The hall's clock is a Monday in November, the browser's today: recent is judged by the server's clock.
    const page = await openBoard();
    const api = client(server.url);
    const [t1, t2] = [await api.login('c1', 1), await api.login('c2', 2)];
    await api.issue('general');
    await api.issue('tax');
    const heard = () => page.evaluate(() => window.hallBoard!.voiceLog.map((e) => e.text));
    const before = (await heard()).length;

    await page.context().setOffline(true);
    await page.waitForFunction(() => window.hallBoard?.connection() !== 'online');
    clock.now += 5000;
    const x = (await api.post('/api/windows/1/call-next', {}, t1)).body.ticket.number as string;
    clock.now += 5000;
    const y = (await api.post('/api/windows/2/call-next', {}, t2)).body.ticket.number as string;
    await page.context().setOffline(false);
    await page.waitForFunction(() => window.hallBoard?.connection() === 'online', null, { timeout: 15_000 });

    // Both are announced, oldest first, and each was large in its turn.
    await expect
      .poll(async () => (await heard()).slice(before), { timeout: 15_000 })
      .toEqual([`请${x}号到1号窗口办理`, `请${y}号到2号窗口办理`]);
    const turns = await page.evaluate(() => window.hallBoard!.turns!.map((t) => t.number));
    expect(turns.slice(-2)).toEqual([x, y]);
    await expect.poll(() => currentNumber(page)).toBe(y);

    // Finished: the big panel does not keep it (it would for 60 s while the ticket stays at its window).
    await page.waitForFunction(() => window.hallBoard!.pending() === 0, null, { timeout: 15_000 });
    expect(await currentNumber(page)).toBe(y);
    await api.post('/api/windows/2/finish', {}, t2);
    await expect.poll(() => page.locator('[data-testid=current-number]').count()).toBe(0);
    await page.close();
  });

  it('windows are named with the number the voice says; a call back is labelled 回呼, a recall 重呼', async () => {
    const page = await openBoard();
    const api = client(server.url);
    const t1 = await api.login('c1', 1);
    expect(await page.locator('[data-window="1"] [data-testid=window-no]').textContent()).toBe('1号');
    await api.issue('general');
    clock.now += 5000;
    const a = (await api.post('/api/windows/1/call-next', {}, t1)).body.ticket;
    await api.post('/api/windows/1/hold', {}, t1);
    clock.now += 5000;
    await api.post('/api/windows/1/call-back', { ticketId: a.id }, t1);
    clock.now += 5000;
    await api.post('/api/windows/1/recall', {}, t1);
    const rows = page.locator('[data-testid=recent-call]');
    await expect.poll(() => rows.first().textContent()).toContain('重呼');
    const texts = (await rows.allTextContents()).slice(0, 3).map((x) => x.replace(/\s+/g, ''));
    expect(texts[0]).toMatch(new RegExp(`^${a.number}→1号窗口1重呼\\d`));
    expect(texts[1]).toMatch(new RegExp(`^${a.number}→1号窗口1回呼\\d`));
    expect(texts[2]).toMatch(new RegExp(`^${a.number}→1号窗口1\\d`)); // the first call: no label
    expect(await page.locator('board-current-call .to').textContent()).toContain('1号');
    await page.close();
  });

  it('recovers by itself after the server restarts, without a reload', async () => {
    const page = await openBoard();
    await page.evaluate(() => ((window as any).__notReloaded = true));
    const port = server.port;
    await server.stop();
    await expect.poll(() => page.locator('[data-testid=connection]').count()).toBe(1);

    server = await startTestHall({ dataDir, clock: clock.fn, port });
    const api = client(server.url);
    await page.waitForFunction(() => window.hallBoard?.connection() === 'online', null, { timeout: 15_000 });
    const tok = await api.login('c1', 1);
    await api.issue('general');
    clock.now += 5000;
    const r = await api.post('/api/windows/1/call-next', {}, tok);
    await expect.poll(() => currentNumber(page)).toBe(r.body.ticket.number);
    expect(await page.locator('[data-testid=connection]').count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__notReloaded)).toBe(true);
    // the state is the server's, not stale: window 2's clerk session survived the restart, its ticket too
    const snap = (await api.get('/api/hall', BOARD_TOKEN)).body.windows.find((w: any) => w.no === 2);
    await expect.poll(() => page.locator('[data-window="2"]').textContent()).toContain(snap.ticket?.number ?? '');
    await page.close();
  });
});
