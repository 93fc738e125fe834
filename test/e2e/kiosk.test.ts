// The kiosk and the mobile ticket page in Chromium against a real server and a virtual ESC/POS printer
// on loopback: take a number, open the mobile page from the printed QR code, call it from a window and
// watch the page change; the anti-hoarding message; a full daily cap; a printer out of paper.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docQrCodes, docText } from '../../devices/escpos/document';
import { previewPage } from '../../devices/escpos/preview';
import { VirtualPrinter } from '../../devices/virtual-printer';
import type { HallServer } from '../../server/app';
import { launchChromium } from '../helpers/browser';
import { KIOSK_TOKEN, client, hallHoursClock, startTestHall, testConfig, testConfigInput } from '../helpers/hall';
import { until } from '../helpers/wait';

const ID = '11010519491231002X';
/** The hall's clock (10:00 on a Monday, running): appointment slots are set by it, not by the machine's. */
const hallClock = hallHoursClock();
let browser: Browser;
let server: HallServer;
let printer: VirtualPrinter;
let api: ReturnType<typeof client>;
const shots = process.env.DOCS_SCREENSHOTS === '1';

beforeAll(async () => {
  printer = new VirtualPrinter('printer-1');
  const port = await printer.start(0, '127.0.0.1');
  const base = testConfigInput(3);
  const config = testConfig(3, {
    services: base.services.map((s) => (s.id === 'social' ? { ...s, dailyCap: 1 } : { ...s, field: '综合' })),
    devices: [...(base.devices ?? []), { id: 'printer-1', kind: 'printer', kiosk: 'kiosk-1', host: '127.0.0.1', port }],
  });
  server = await startTestHall({ config, clock: hallClock, printerPollMs: 200 });
  api = client(server.url);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await printer?.stop();
});

// A read that times out counts as "not there yet", so a poll keeps going until its own limit.
const text = async (p: Page, sel: string) =>
  (
    (await p
      .locator(sel)
      .first()
      .textContent({ timeout: 3000 })
      .catch(() => null)) ?? ''
  ).trim();
const status = (p: Page) =>
  p
    .locator('[data-status]')
    .getAttribute('data-status', { timeout: 3000 })
    .catch(() => null);

async function kioskPage(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1500 } });
  await page.goto(`${server.url}/kiosk?token=${KIOSK_TOKEN}`);
  await page.locator('[data-service=general]').waitFor({ timeout: 8000 });
  expect(page.url()).not.toContain('token='); // the token is kept, not shown
  return page;
}

async function take(page: Page, service: string, opts: { id?: string; priority?: string } = {}) {
  await page.locator(`[data-service=${service}]`).click();
  if (opts.priority) await page.locator(`[data-priority=${opts.priority}]`).click();
  if (opts.id) {
    // An ID-card reader types into the field and presses Enter.
    await page.locator('kiosk-keypad input').fill(opts.id);
    await page.locator('kiosk-keypad input').press('Enter');
  } else {
    await page.locator('button.take').click();
  }
}

describe('kiosk and mobile ticket page', () => {
  it('take a number, follow it from the printed QR code, and see the call reach the phone', async () => {
    const kiosk = await kioskPage();
    expect(await text(kiosk, '[data-service=general]')).toContain('等候 0 人');
    if (shots) await kiosk.screenshot({ path: 'docs/kiosk-1080x1500.png' });
    await take(kiosk, 'general', { priority: 'elderly' });
    await until(async () => (await text(kiosk, '[data-number]')) === 'A001', 'the issued number on screen');
    expect(await text(kiosk, 'kiosk-issued .ahead')).toBe('前方还有 0 人');
    await until(async () => (await text(kiosk, '[data-print]')).includes('请取走您的号票'), 'the printed message');
    const shownUrl = await kiosk.locator('[data-status-url]').getAttribute('data-status-url');
    if (shots) await kiosk.screenshot({ path: 'docs/kiosk-issued-1080x1500.png' });

    // The printer received a ticket whose QR code is the same URL.
    expect(printer.printed).toHaveLength(1);
    const doc = printer.printed[0]!.doc;
    expect(docText(doc)).toEqual(expect.arrayContaining(['测试大厅', '综合受理', 'A001', '老年人优先']));
    const [qr] = docQrCodes(doc);
    expect(qr).toBe(shownUrl);
    if (shots) {
      const paper = await browser.newPage({ viewport: { width: 420, height: 760 } });
      await paper.setContent(previewPage('打印效果', [doc]));
      await paper.screenshot({ path: 'docs/printed-ticket.png', fullPage: true });
      await paper.close();
    }

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(qr!);
    await until(async () => (await text(phone, '[data-number]')) === 'A001', 'the mobile page');
    expect(await status(phone)).toBe('waiting');
    expect(await phone.locator('[data-ahead]').getAttribute('data-ahead')).toBe('0');
    expect(await text(phone, '[data-ahead]')).toBe('前方还有0人');

    const c1 = await api.login('c1', 1);
    await api.post('/api/windows/1/call-next', {}, c1);
    await until(async () => (await status(phone)) === 'called', 'called');
    expect(await text(phone, '[data-status]')).toBe('请到 窗口1 办理');
    if (shots) await phone.screenshot({ path: 'docs/mobile-ticket-called.png' });
    await api.post('/api/windows/1/finish', {}, c1);
    await until(async () => (await status(phone)) === 'finished', 'finished');
    await phone.close();
    await kiosk.close();
  });

  it('tells a visitor that the ID already holds a number for the service (never which one), and shows a full daily cap', async () => {
    const kiosk = await kioskPage();
    await take(kiosk, 'general', { id: ID });
    await until(async () => (await text(kiosk, '[data-number]')).startsWith('A'), 'a number');
    const held = await text(kiosk, '[data-number]');
    await kiosk.locator('kiosk-issued button.done').click();
    await take(kiosk, 'general', { id: ID });
    await kiosk.locator('[data-error]').waitFor({ timeout: 5000 });
    // Issue 23: only that a number is held; anyone who knows the ID must not learn which one (staff look it up).
    expect(await text(kiosk, '[data-error]')).toBe(
      '该身份证号已取过综合受理的号，请勿重复取号；如需查询请咨询导服台工作人员',
    );
    expect(await text(kiosk, '[data-error]')).not.toContain(held);
    await kiosk.locator('.modal button').click();
    await kiosk.locator('kiosk-options button.back').click();

    // The one 社保 number of the day is taken elsewhere: the kiosk's button turns off and says why.
    await api.issue('social');
    await until(async () => kiosk.locator('[data-service=social]').isDisabled(), 'the social button disabled');
    expect(await text(kiosk, '[data-service=social]')).toContain('今日号已取完');
    await kiosk.close();
  });

  it('out of paper: the kiosk warns before and after, the number stays on screen, and it can be reprinted', async () => {
    const kiosk = await kioskPage();
    printer.set({ paperOut: true });
    await kiosk.locator('[data-printer=paper_out]').waitFor({ timeout: 5000 });
    expect(await text(kiosk, '[data-printer]')).toContain('打印机缺纸');
    const before = printer.printed.length;
    await take(kiosk, 'tax');
    await kiosk.locator('[data-print=paper_out]').waitFor({ timeout: 5000 });
    expect(await text(kiosk, '[data-print]')).toContain('号票未能打印（打印机缺纸）');
    expect(await text(kiosk, '[data-number]')).toMatch(/^B\d{3}$/);
    if (shots) await kiosk.screenshot({ path: 'docs/kiosk-paper-out-1080x1500.png' });
    printer.set({ paperOut: false });
    await kiosk.locator('button.reprint').click();
    await kiosk.locator('[data-print=ok]').waitFor({ timeout: 5000 });
    expect(printer.printed.length).toBe(before + 1);
    expect(docText(printer.printed.at(-1)!.doc)).toContain('（补打）');
    await kiosk.close();
  });

  it('checks in an appointment by code typed on the on-screen keypad', async () => {
    const sup = await api.login('sup');
    const now = hallClock();
    await api.post(
      '/api/appointments',
      {
        appointments: [
          {
            code: 'AB12',
            serviceId: 'tax',
            slotStart: new Date(now + 10 * 60_000).toISOString(),
            slotEnd: new Date(now + 40 * 60_000).toISOString(),
          },
        ],
      },
      sup,
    );
    const kiosk = await kioskPage();
    await kiosk.locator('header .checkin').click();
    for (const k of ['A', 'B', '1', '2']) await kiosk.locator(`kiosk-keypad [data-key="${k}"]`).click();
    await kiosk.locator('button.go').click();
    await until(async () => (await text(kiosk, '[data-number]')).startsWith('B'), 'the appointment number');
    expect(await text(kiosk, 'kiosk-issued .wait')).toMatch(/^预约 \d\d:\d\d–\d\d:\d\d$/);
    await kiosk.close();
  });

  it('goes back to the hall’s language for the next visitor; the QR code opens the phone page in the visitor’s', async () => {
    const kiosk = await kioskPage();
    await kiosk.locator('header button.lang').click();
    await until(async () => (await text(kiosk, '.pick')) === 'Choose what you came for', 'English');
    await take(kiosk, 'general');
    await until(async () => (await text(kiosk, '[data-number]')).startsWith('A'), 'a number');
    expect(await text(kiosk, 'kiosk-issued .label')).toBe('Your number');
    const url = (await kiosk.locator('[data-status-url]').getAttribute('data-status-url'))!;
    expect(url).toMatch(/\/t\/[^?]+\?lang=en$/);
    expect(docQrCodes(printer.printed.at(-1)!.doc)[0]).toBe(url); // the paper ticket's code too
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(url);
    await phone.locator('[data-number]').waitFor({ timeout: 5000 });
    expect(await text(phone, '[data-ahead]')).toMatch(/ahead/i);
    await phone.close();
    await kiosk.locator('kiosk-issued button.done').click();
    await until(async () => (await text(kiosk, '.pick')) === '请选择您要办理的事项', 'Chinese for the next visitor');
    expect(await text(kiosk, 'header button.lang')).toBe('English');
    await kiosk.close();
  });

  it('masks the ID number on screen while it is typed and repeats the chosen priority on the number', async () => {
    const kiosk = await kioskPage();
    await kiosk.locator('[data-service=tax]').click();
    await kiosk.locator('[data-priority=military]').click();
    for (const k of '11010519491231002X') await kiosk.locator(`kiosk-keypad [data-key="${k}"]`).click();
    expect(await text(kiosk, 'kiosk-keypad [data-shown]')).toBe('110***********002X');
    const input = kiosk.locator('kiosk-keypad input');
    expect(await input.inputValue()).toBe('11010519491231002X'); // the form still has the real number
    expect(await input.evaluate((el) => getComputedStyle(el).color)).toBe('rgba(0, 0, 0, 0)');
    if (shots) await kiosk.screenshot({ path: 'docs/kiosk-options-1080x1500.png' });
    await kiosk.locator('button.take').click();
    await until(async () => (await text(kiosk, '[data-number]')).startsWith('B'), 'a number');
    expect(await text(kiosk, '[data-priority-kind]')).toBe('军人优先（请向窗口出示证件）');
    await kiosk.close();
  });

  it('签到取号 looks disabled until a code is typed; appointment times are the hall’s clock, not the kiosk’s', async () => {
    const sup = await api.login('sup');
    const now = hallClock();
    const slotStart = new Date(now + 10 * 60_000);
    const slotEnd = new Date(now + 40 * 60_000);
    await api.post(
      '/api/appointments',
      {
        appointments: [
          { code: 'TZ77', serviceId: 'tax', slotStart: slotStart.toISOString(), slotEnd: slotEnd.toISOString() },
        ],
      },
      sup,
    );
    // The kiosk's own clock runs in New York; the hall is in Shanghai (hall.timezone).
    const ctx = await browser.newContext({ viewport: { width: 1080, height: 1500 }, timezoneId: 'America/New_York' });
    const kiosk = await ctx.newPage();
    await kiosk.goto(`${server.url}/kiosk?token=${KIOSK_TOKEN}`);
    await kiosk.locator('header .checkin').click();
    const go = kiosk.locator('button.go');
    expect(await go.isDisabled()).toBe(true);
    const off = await go.evaluate((el) => getComputedStyle(el).backgroundColor);
    for (const k of ['T', 'Z', '7', '7']) await kiosk.locator(`kiosk-keypad [data-key="${k}"]`).click();
    expect(await go.isDisabled()).toBe(false);
    const on = await go.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(off).not.toBe(on);
    await go.click();
    await until(async () => (await text(kiosk, '[data-number]')).startsWith('B'), 'the appointment number');
    const clock = (d: Date) =>
      new Intl.DateTimeFormat('zh-CN', {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Asia/Shanghai',
      }).format(d);
    expect(await text(kiosk, 'kiosk-issued .wait')).toBe(`预约 ${clock(slotStart)}–${clock(slotEnd)}`);
    await ctx.close();
  });
});
