// The board speaking with the server's audio, in Chromium with no speech voices: five calls within one
// second at three windows each get their turn large and their audio fetched and played in call order,
// never two at once; the latest-calls list shows all five. A board whose browser blocks sound shows the
// large notice, and the API and the supervisor dashboard show it mute.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallServer } from '../../server/app';
import { launchChromium } from '../helpers/browser';
import {
  BOARD_TOKEN,
  FakeClock,
  MONDAY_1000,
  PASSWORD,
  client,
  startTestHall,
  testConfig,
  testConfigInput,
} from '../helpers/hall';

const BOARD2_TOKEN = 'test-board2-token-00000001';
let sounding: Browser;
let blocking: Browser;
let server: HallServer;
const clock = new FakeClock(MONDAY_1000);

beforeAll(async () => {
  const input = testConfigInput(4);
  // Windows 1–3 in zone A: one board shows three windows. A second board in the same zone.
  const windows = input.windows.map((w) => ({ ...w, zone: w.no <= 3 ? 'A' : 'B' }));
  const devices = [
    ...(input.devices ?? []),
    { id: 'board-a2', kind: 'board' as const, zone: 'A', token: BOARD2_TOKEN },
  ];
  server = await startTestHall({ clock: clock.fn, watchMs: 200, config: testConfig(4, { windows, devices }) });
  // The board PC's autostart flag, and a browser that insists on a touch first.
  sounding = await launchChromium(['--autoplay-policy=no-user-gesture-required']);
  blocking = await launchChromium(['--autoplay-policy=document-user-activation-required']);
});
afterAll(async () => {
  await sounding?.close();
  await blocking?.close();
  await server?.stop();
});

/** Notes every media element's playing/ended/error, and the big number each time it changes. */
const RECORDER = () => {
  const w = window as any;
  w.__media = [];
  w.__big = [];
  const orig = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement & { __rec?: boolean }) {
    if (!this.__rec) {
      this.__rec = true;
      for (const ev of ['play', 'ended', 'error'])
        this.addEventListener(ev, () => w.__media.push({ ev, src: this.currentSrc, t: performance.now() }));
    }
    return orig.call(this);
  };
  setInterval(() => {
    const big = document
      .querySelector('hall-board')
      ?.shadowRoot?.querySelector('board-current-call')
      ?.shadowRoot?.querySelector('[data-testid=current-number]')?.textContent;
    if (big && big !== w.__big[w.__big.length - 1]) w.__big.push(big);
  }, 20);
};

async function openBoard(b: Browser, token: string, query = ''): Promise<Page> {
  const page = await b.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(RECORDER);
  await page.goto(`${server.url}/board?token=${token}${query}`);
  await page.waitForFunction(() => window.hallBoard?.connection() === 'online');
  return page;
}

/**
 * A board opened without running any script in it: Playwright's evaluate counts as a user gesture,
 * which would unlock the sound this test needs blocked. Only locators (no gesture) look at it.
 */
async function openBoardUntouched(b: Browser, token: string, query = ''): Promise<Page> {
  const page = await b.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${server.url}/board?token=${token}${query}`);
  return page;
}

const pathOf = (url: string) => new URL(url, 'http://x').pathname;

describe('board voice', () => {
  it('five calls within a second at three windows: each large in turn, each audio fetched and played in order, none overlapping', async () => {
    // Audio played four times faster keeps the test short; order and overlap are what is checked.
    const page = await openBoard(sounding, BOARD_TOKEN, '&voiceRate=4');
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    const requested: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/voice/')) requested.push(pathOf(r.url()));
    });
    const api = client(server.url);
    const tokens = [await api.login('c1', 1), await api.login('c2', 2), await api.login('c3', 3)];
    for (let i = 0; i < 5; i++) await api.issue(['general', 'tax', 'social'][i % 3]!);
    const called: { number: string; windowNo: number }[] = [];
    for (let i = 0; i < 5; i++) {
      clock.now += 5000;
      const no = (i % 3) + 1;
      const r = await api.post(`/api/windows/${no}/call-next`, {}, tokens[no - 1]);
      called.push({ number: r.body.ticket.number, windowNo: no });
    }
    // The calls came faster than the board speaks: when the last was made, the board had not yet spoken them
    // all (what the scenario needs, checked by order rather than by the wall clock).
    expect(await page.evaluate(() => window.hallBoard!.voiceLog.length)).toBeLessThan(5);

    await page.waitForFunction(
      () => window.hallBoard!.voiceLog.length === 5 && window.hallBoard!.pending() === 0,
      null,
      { timeout: 45_000 },
    );
    const log = await page.evaluate(() => window.hallBoard!.voiceLog);
    expect(log.map((e) => e.text)).toEqual(called.map((c) => `请${c.number}号到${c.windowNo}号窗口办理`));
    expect(log.map((e) => e.mode)).toEqual(['audio', 'audio', 'audio', 'audio', 'audio']);
    for (let i = 1; i < log.length; i++) expect(log[i]!.startedAt).toBeGreaterThanOrEqual(log[i - 1]!.endedAt);

    // each call shown large in its turn, in call order
    const turns = await page.evaluate(() => (window as any).hallBoard.turns.map((x: { number: string }) => x.number));
    expect(turns).toEqual(called.map((c) => c.number));
    const big: string[] = await page.evaluate(() => (window as any).__big);
    expect(big.filter((n) => called.some((c) => c.number === n))).toEqual(called.map((c) => c.number));

    // the media element: play, ended, play, ended … (repeat 2), in call order, never overlapping
    const media: { ev: string; src: string; t: number }[] = await page.evaluate(() => (window as any).__media);
    expect(media.map((m) => m.ev)).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? 'ended' : 'play')));
    const urls = log.map((e) => pathOf(e.url!));
    expect(media.filter((m) => m.ev === 'play').map((m) => pathOf(m.src))).toEqual(urls.flatMap((u) => [u, u]));
    for (let i = 1; i < media.length; i++) expect(media[i]!.t).toBeGreaterThanOrEqual(media[i - 1]!.t);
    // and every announcement's audio was fetched from the hall server, in call order
    expect([...new Set(requested)]).toEqual(urls);
    expect(new Set(urls).size).toBe(5);

    // the latest calls: all five, newest first, on the board
    const recent = await page.locator('[data-testid=recent-call]').allTextContents();
    for (const c of called) expect(recent.join(' ')).toContain(c.number);
    expect(recent[0]).toContain(called[4]!.number);
    expect(await page.evaluate(() => (window as any).hallBoard.voiceStatus())).toBe('ready');
    await page.close();
  });

  it('with sound blocked the board shows the large notice, reports itself mute, and the dashboard shows it', async () => {
    const page = await openBoardUntouched(blocking, BOARD2_TOKEN, '&voiceRate=4');
    const said: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('[叫号]')) said.push(m.text());
    });
    const api = client(server.url);
    const sup = await api.login('sup');
    const voiceOf = async () =>
      (await api.get('/api/devices', sup)).body.devices.find((d: any) => d.id === 'board-a2').voice?.state;
    await expect.poll(voiceOf).toBe('blocked');

    // a call still gets its turn; the board cannot sound it and stays mute
    const c1 = await api.login('c1', 1);
    const issued = await api.issue('general');
    clock.now += 5000;
    await api.post('/api/windows/1/call-next', {}, c1);
    await expect.poll(() => said.length, { timeout: 20_000 }).toBe(1);
    expect(said[0]).toBe(`[叫号] 请${issued.number}号到1号窗口办理 · blocked`);
    expect(await voiceOf()).toBe('blocked');

    // the notice: large, across the board (looked at only now: Playwright's queries count as a gesture)
    const notice = page.locator('[data-testid=sound-notice]');
    expect(await notice.count()).toBe(1);
    expect(await notice.textContent()).toContain('请轻触屏幕');
    const box = await page.locator('board-sound-notice').boundingBox();
    expect(box!.width).toBeGreaterThan(1300); // across the board, not a corner hint
    expect(box!.height).toBeGreaterThan(80);
    expect(await page.locator('[data-testid=current-number]').textContent()).toBe(issued.number);

    const dash = await sounding.newPage({ viewport: { width: 1440, height: 900 } });
    await dash.goto(`${server.url}/supervisor`);
    await dash.fill('input[name=clerkId]', 'sup');
    await dash.fill('input[name=password]', PASSWORD);
    await dash.click('button[type=submit]');
    const chip = dash.locator('[data-device=board-a2]');
    await expect.poll(() => chip.getAttribute('data-voice')).toBe('blocked');
    expect(await chip.textContent()).toContain('无声');
    expect(await chip.getAttribute('data-fault')).not.toBeNull();

    // a touch unblocks: the notice goes, the board reports sound again
    await page.mouse.click(600, 300);
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => chip.getAttribute('data-voice')).toBe('ready');
    await dash.close();
    await page.close();
  });
});
