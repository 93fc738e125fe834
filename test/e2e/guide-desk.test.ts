// The guide desk (/guide) in Chromium against a real server, logged in with the `guide` role: each action a
// desk takes — find a ticket by its number with people ahead and the estimated wait, reprint it on the
// desk's printer, give it legal priority with the reason, move it to another service, cancel it, and issue
// a ticket (printed) for a visitor who cannot use the kiosk — each audited under the guide's name.
// DOCS_SCREENSHOTS=1 writes the pictures in docs/ (1366×768 and 1920×1080).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docText } from '../../devices/escpos/document';
import type { VirtualPrinter } from '../../devices/virtual-printer';
import type { HallServer } from '../../server/app';
import { startBackofficeHall } from '../helpers/backoffice-hall';
import { launchChromium } from '../helpers/browser';
import { STAFF_SIZES, shotBothSizes, staffLogin, visibleText } from '../helpers/staff-page';
import { FakeClock, client } from '../helpers/hall';

let browser: Browser;
let server: HallServer;
let printer: VirtualPrinter;
let api: ReturnType<typeof client>;
let page: Page;
const clock = new FakeClock();
const requests: string[] = [];
const text = visibleText;
const trail = (ticketId: string) =>
  server.db.prepare('SELECT type, actor, data FROM events WHERE ticket_id = ? ORDER BY seq').all(ticketId) as {
    type: string;
    actor: string;
    data: string;
  }[];

const login = (p: Page, clerkId: string) => staffLogin(p, `${server.url}/guide`, clerkId);

async function find(number: string): Promise<void> {
  await page.fill('form.find input[name=number]', number);
  await page.click('form.find button[type=submit]');
  await expect.poll(() => text(page, '[data-testid=found-ticket] .number')).toBe(number.toUpperCase());
}

beforeAll(async () => {
  ({ server, printer } = await startBackofficeHall({ clock: clock.fn }));
  api = client(server.url);
  await api.login('c2', 2); // window 2 serves tax and general, so their waits are estimated; nobody serves 社保
  for (const s of ['general', 'general', 'tax', 'general', 'social']) await api.issue(s);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: STAFF_SIZES[0] });
  page.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await printer?.stop();
});

describe('guide desk', () => {
  it('turns a clerk away in plain Chinese', async () => {
    const p = await browser.newPage();
    await login(p, 'c3');
    await expect.poll(() => text(p, '[role=alert]')).toBe('仅导服台、值班长和管理员可使用此页面');
    await p.close();
  });

  it('finds a ticket by its number, with people ahead and the estimated wait', async () => {
    await login(page, 'gd');
    await expect
      .poll(() => text(page, '[data-testid=queues] tr[data-service=general]'))
      .toMatch(/^A 综合受理 3 (约\d+分钟(（\d+–\d+）)?|即将叫号) 可取号$/);
    expect(await text(page, '[data-testid=queues] tr[data-service=social]')).toContain('当前暂无窗口办理');
    await find('a002');
    expect(await text(page, '[data-testid=ticket-status]')).toBe('等候中');
    // A001, and B001: window 2, the only one serving, calls its own 税务 first (issue 25: who is called before).
    expect(await text(page, '[data-testid=ticket-wait]')).toMatch(
      /^预计等候 前方还有 2 人 · (约\d+分钟(（\d+–\d+）)?|即将叫号)/,
    );
    await page.fill('form.find input[name=number]', 'Z999');
    await page.click('form.find button[type=submit]');
    await expect.poll(() => text(page, '.card [role=alert]')).toBe('今天没有 Z999 号');
  });

  it('reprints, gives legal priority with the reason, moves to another service and cancels: each audited', async () => {
    await find('A003');
    const id = (await api.get('/api/guide/tickets?number=A003', await api.login('sup'))).body.ticket.id as string;
    const printed = printer.printed.length;
    await page.click('[data-action=reprint]');
    await expect.poll(() => text(page, '[data-testid=ticket-done]')).toBe('已补打');
    await expect.poll(() => printer.printed.length).toBe(printed + 1);
    expect(docText(printer.printed.at(-1)!.doc)).toContain('A003');

    // a priority without its reason is refused on the screen
    await page.selectOption('guide-ticket select[name=priority]', 'elderly');
    await page.click('[data-action=priority]');
    await expect.poll(() => text(page, 'guide-ticket [role=alert]')).toBe('设置优先须填写依据');
    await page.fill('guide-ticket input[name=reason]', '出示老年证，75 岁');
    await page.click('[data-action=priority]');
    await expect.poll(() => text(page, '[data-testid=ticket-done]')).toBe('已设置优先');
    await expect.poll(() => text(page, '[data-testid=found-ticket] .tag')).toBe('老年人');
    // priority visitors go first in their matter: nobody of 综合受理 ahead now; only B001, whom window 2 (the
    // only one serving; 综合受理 is a matter it helps with) calls first from its own line (issue 24's rule: a
    // helper takes a helped matter's priority visitor first once they have waited 3 minutes)
    await expect.poll(() => text(page, '[data-testid=ticket-wait]')).toMatch(/前方还有 1 人/);
    await shotBothSizes(page, 'guide-desk');

    await page.selectOption('guide-ticket select[name=service]', 'tax');
    await page.click('[data-action=move]');
    await expect.poll(() => text(page, '[data-testid=ticket-done]')).toBe('已调整事项，保留原等候时间');
    await expect.poll(() => text(page, '[data-testid=found-ticket]')).toContain('税务');

    await page.click('[data-action=cancel]');
    expect(await text(page, '.confirm')).toBe('确认取消 A003 号？');
    await page.click('[data-action=cancel-yes]');
    await expect.poll(() => text(page, '[data-testid=ticket-status]')).toBe('已取消');
    expect(await page.locator('[data-action=reprint]').count()).toBe(0);

    const t = trail(id);
    expect(t.map((e) => [e.type, e.actor])).toEqual([
      ['ticket.issued', 'device:kiosk-1'],
      ['ticket.printed', 'device:kiosk-1'],
      ['ticket.printed', 'clerk:gd'],
      ['ticket.reprioritised', 'clerk:gd'],
      ['ticket.transferred', 'clerk:gd'],
      ['ticket.cancelled', 'clerk:gd'],
    ]);
    expect(JSON.parse(t[2]!.data)).toMatchObject({ reprint: true, printed: true });
    expect(JSON.parse(t[3]!.data)).toMatchObject({ after: 'elderly', reason: '出示老年证，75 岁' });
    expect(JSON.parse(t[4]!.data)).toMatchObject({ toService: 'tax', moved: true });
  });

  it('issues and prints a ticket for a visitor who cannot use the kiosk, with a priority and its reason', async () => {
    const printed = printer.printed.length;
    await page.selectOption('[data-testid=issue-form] select[name=serviceId]', 'tax');
    await page.selectOption('[data-testid=issue-form] select[name=priority]', 'disabled');
    await page.fill('[data-testid=issue-form] input[name=reason]', '持残疾人证');
    await page.click('[data-testid=issue-form] button[type=submit]');
    await expect
      .poll(() => text(page, '[data-testid=issued]'))
      .toMatch(/^已取号 B00\d 税务 · 前方还有 0 人 · (约\d+分钟(（\d+–\d+）)?|即将叫号) 已打印$/);
    const number = (await text(page, '[data-testid=issued] strong'))!;
    await expect.poll(() => printer.printed.length).toBe(printed + 1);
    expect(docText(printer.printed.at(-1)!.doc)).toContain(number);
    await shotBothSizes(page, 'guide-desk-issued');
    const ticket = (await api.get(`/api/guide/tickets?number=${number}`, await api.login('sup'))).body.ticket;
    expect(ticket).toMatchObject({ channel: 'counter', priorityKind: 'disabled' });
    expect(trail(ticket.id).map((e) => [e.type, e.actor])).toEqual([
      ['ticket.issued', 'clerk:gd'],
      ['ticket.reprioritised', 'clerk:gd'],
      ['ticket.printed', 'clerk:gd'],
    ]);
    // the queue table follows
    await expect.poll(() => text(page, '[data-testid=queues] tr[data-service=tax]')).toMatch(/^B 税务 2 /);
    // and the form is ready for the next visitor: the priority and its reason are cleared
    expect(await page.locator('[data-testid=issue-form] input[name=reason]').inputValue()).toBe('');
    expect(await text(page, '[data-testid=issue-form] [role=alert]')).toBe('');
  });

  it('in English too; nothing loads from outside the hall server', async () => {
    await page.goto(`${server.url}/guide?lang=en`);
    await expect.poll(() => text(page, 'header h1')).toBe('测试大厅 · Guide desk');
    expect(await text(page, '[data-testid=issue-form] h2')).toContain('Issue for a visitor');
    await page.goto(`${server.url}/guide?lang=zh`);
    expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
  });
});
