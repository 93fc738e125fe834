// The back office (/backoffice) in Chromium against a real server: the 好差评 records searched by day range,
// window, clerk, service, level and comment, with figures and ECharts charts per clerk, window and service,
// and the CSV export; a negative review's follow-up taken through 回访 → 整改 → 反馈 → 办结 and two appeals
// (rejected, upheld), each with a note and audited; an appointment file imported from the screen, then the
// day's list with check-in and a no-show. Every request the page makes stays on the hall server.
// DOCS_SCREENSHOTS=1 writes the pictures in docs/ (1366×768 and 1920×1080).
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VirtualPrinter } from '../../devices/virtual-printer';
import type { HallServer } from '../../server/app';
import { padToken, startBackofficeHall } from '../helpers/backoffice-hall';
import { launchChromium } from '../helpers/browser';
import { STAFF_SIZES, shotBothSizes, staffLogin, visibleText } from '../helpers/staff-page';
import { FakeClock, KIOSK_TOKEN, PAD_TOKEN, client } from '../helpers/hall';
import { until } from '../helpers/wait';

let browser: Browser;
let server: HallServer;
let printer: VirtualPrinter;
let api: ReturnType<typeof client>;
let page: Page;
let day: string;
const clock = new FakeClock();
const requests: string[] = [];
const text = visibleText;
const rows = (sel: string) => page.locator(`${sel} tr`).count();

const login = (p: Page, clerkId: string) => staffLogin(p, `${server.url}/backoffice`, clerkId);

/** One visit at a window, answered on that window's pad (null: left unanswered). */
async function visit(windowNo: number, token: string, service: string, answer: Record<string, unknown> | null) {
  const t = await api.issue(service);
  expect((await api.post(`/api/windows/${windowNo}/call-next`, {}, token)).body.ticket.id).toBe(t.id);
  await api.post(`/api/windows/${windowNo}/start`, {}, token);
  clock.advanceMin(3);
  await api.post(`/api/windows/${windowNo}/finish`, {}, token);
  const e = server.db.prepare('SELECT id FROM evaluations WHERE ticket_id = ?').get(t.id) as { id: string };
  const pad = windowNo === 1 ? PAD_TOKEN : padToken(windowNo);
  if (answer) expect((await api.post(`/api/evaluations/${e.id}`, answer, pad)).status).toBe(200);
  return t;
}

beforeAll(async () => {
  ({ server, printer } = await startBackofficeHall({ clock: clock.fn, sweepMs: 150, appointmentSweepMs: 150 }));
  api = client(server.url);
  const c = [0, 1, 2, 3, 4].map(() => '');
  for (const no of [1, 2, 3, 4]) c[no] = await api.login(`c${no}`, no);
  await visit(1, c[1]!, 'general', { level: 'very_satisfied' });
  await visit(2, c[2]!, 'tax', { level: 'dissatisfied', reasons: ['等候时间长'], comment: '等了四十分钟' });
  await visit(3, c[3]!, 'social', { level: 'satisfied', comment: '态度很好' });
  await visit(4, c[4]!, 'general', { level: 'very_dissatisfied', reasons: ['服务态度差'], comment: '窗口人员不耐烦' });
  await visit(1, c[1]!, 'tax', { level: 'basic' });
  await visit(2, c[2]!, 'general', null);
  await visit(3, c[3]!, 'social', { level: 'dissatisfied', reasons: ['办事效率低'] });
  clock.advanceMin(2); // the unanswered prompt at window 2 times out: 未评价
  await until(
    () =>
      (server.db.prepare("SELECT COUNT(*) AS n FROM evaluations WHERE status = 'unrated'").get() as { n: number }).n,
    'the unanswered prompt to become 未评价',
  );
  day = (await api.get('/api/hall', c[1])).body.hall.day;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: STAFF_SIZES[0], acceptDownloads: true });
  page.on('request', (r) => requests.push(r.url()));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await printer?.stop();
});

describe('back office', () => {
  it('turns a clerk and the guide desk away in plain Chinese', async () => {
    const p = await browser.newPage();
    for (const who of ['c1', 'gd']) {
      await login(p, who);
      await expect.poll(() => text(p, '[role=alert]')).toBe('仅值班长和管理员可使用此页面');
    }
    await p.close();
  });

  it('好差评 records: search by window, clerk, service, level and comment; figures and charts; CSV export', async () => {
    await login(page, 'sup');
    await expect.poll(() => text(page, '[data-testid=record-count]')).toBe('共 7 条');
    expect(await rows('[data-testid=records]')).toBe(8);
    // the figures per clerk as a table and an ECharts chart drawn from the bundle
    await expect.poll(() => page.locator('[data-testid=echart] svg').count()).toBe(1);
    expect(await text(page, '[data-testid=figure-table]')).toContain('办事员2 2 1 1 1 0.0% 50.0%');
    await shotBothSizes(page, 'backoffice-records', 300);

    const search = async (field: string, value: string) => {
      await page.selectOption(`[data-testid=record-filters] select[name=${field}]`, value);
      await page.click('[data-testid=record-filters] button[type=submit]');
    };
    await search('level', 'dissatisfied');
    await expect.poll(() => text(page, '[data-testid=record-count]')).toBe('共 2 条');
    await search('comment', 'with');
    await expect.poll(() => text(page, '[data-testid=record-count]')).toBe('共 1 条');
    expect(await text(page, '[data-testid=records]')).toContain('等了四十分钟');
    await search('level', '');
    await search('comment', 'without');
    await expect.poll(() => text(page, '[data-testid=record-count]')).toBe('共 4 条');
    await search('comment', '');
    await search('windowNo', '1');
    await expect.poll(() => text(page, '[data-testid=record-count]')).toBe('共 2 条');
    await search('windowNo', '');
    await search('serviceId', 'social');
    await expect.poll(() => text(page, '[data-testid=record-count]')).toBe('共 2 条');
    await search('serviceId', '');
    await search('clerkId', 'c2');
    await expect.poll(() => text(page, '[data-testid=record-count]')).toBe('共 2 条');
    expect(await text(page, '[data-testid=records]')).toContain('未评价');
    await search('level', 'unrated');
    await expect.poll(() => text(page, '[data-testid=record-count]')).toBe('共 1 条');
    // a day range that holds nothing
    await search('clerkId', '');
    await search('level', '');
    await page.fill('[data-testid=record-filters] input[name=from]', '2026-11-01');
    await page.fill('[data-testid=record-filters] input[name=to]', '2026-11-02');
    await page.click('[data-testid=record-filters] button[type=submit]');
    await expect.poll(() => text(page, '[data-testid=record-count]')).toBe('共 0 条');
    await page.fill('[data-testid=record-filters] input[name=from]', day);
    await page.fill('[data-testid=record-filters] input[name=to]', day);
    await search('level', 'very_dissatisfied');
    await expect.poll(() => text(page, '[data-testid=record-count]')).toBe('共 1 条');

    // figures by window and by service redraw the chart
    await page.selectOption('[data-testid=figures-by]', 'service');
    await expect.poll(() => text(page, '[data-testid=figure-table]')).toContain('社保 2 2 0 1 50.0% 100.0%');
    expect(await text(page, '[data-testid=echart]')).toContain('社保');
    await page.selectOption('[data-testid=figures-by]', 'window');
    await expect.poll(() => text(page, '[data-testid=figure-table]')).toContain('窗口4 1 1 0 1 0.0% 100.0%');

    // the export is what the search found
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export]')]);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('非常不满意');
    expect(lines[1]).toContain('窗口人员不耐烦');
  });

  it('a follow-up through 回访 → 整改 → 反馈 → 办结, an appeal rejected and one upheld, each with a note', async () => {
    await page.click('[data-tab=followUps]');
    await expect.poll(() => rows('[data-testid=follow-ups]')).toBe(4);
    const open = async (number: string) => {
      await page.locator('[data-testid=follow-ups] tr', { hasText: number }).click();
      await expect.poll(() => text(page, '[data-testid=follow-up-detail] h3')).toContain(number);
    };
    const step = async (action: string, note: string, state: string) => {
      await page.fill('[data-testid=follow-up-detail] textarea', note);
      await page.click(`[data-testid=follow-up-detail] [data-action=${action}]`);
      await expect.poll(() => text(page, '[data-testid=follow-up-detail] h3')).toContain(state);
    };
    const numbers = server.db
      .prepare(
        'SELECT t.number FROM follow_ups f JOIN evaluations e ON e.id = f.evaluation_id JOIN tickets t ON t.id = e.ticket_id ORDER BY f.id',
      )
      .all() as { number: string }[];
    const [a, b, c] = numbers.map((x) => x.number) as [string, string, string];

    await open(a);
    // a step without a note is refused on the screen
    await page.click('[data-testid=follow-up-detail] [data-action=advance]');
    await expect.poll(() => text(page, '[data-testid=follow-up-detail] [role=alert]')).toBe('请填写处理说明');
    await step('advance', '已电话回访，群众反映排队久', '整改中');
    await shotBothSizes(page, 'backoffice-followups', 300);
    await step('advance', '税务窗口高峰加开潮汐窗口', '待反馈');
    await step('advance', '已向群众反馈整改结果', '已办结');
    expect(await text(page, '[data-testid=follow-up-history]')).toContain('已电话回访，群众反映排队久');
    expect(await page.locator('[data-testid=follow-up-detail] textarea').count()).toBe(0);

    await open(b);
    await step('appeal', '监控显示窗口人员态度正常，申请复核', '申诉复核中');
    await step('reject', '复核认为评价属实', '待回访');
    await open(c);
    await step('appeal', '群众误评，本人已致电说明', '申诉复核中');
    await step('uphold', '经核实为误评，评价作废', '申诉成立');
    // open ones only by default: the closed and voided ones leave the list
    await expect.poll(() => rows('[data-testid=follow-ups]')).toBe(2);

    const trail = server.db
      .prepare(
        "SELECT type, actor, json_extract(data, '$.note') AS note FROM events WHERE type LIKE 'followup.%' AND type != 'followup.opened' ORDER BY seq",
      )
      .all();
    expect(trail).toEqual([
      { type: 'followup.fix', actor: 'clerk:sup', note: '已电话回访，群众反映排队久' },
      { type: 'followup.feedback', actor: 'clerk:sup', note: '税务窗口高峰加开潮汐窗口' },
      { type: 'followup.closed', actor: 'clerk:sup', note: '已向群众反馈整改结果' },
      { type: 'followup.appealed', actor: 'clerk:sup', note: '监控显示窗口人员态度正常，申请复核' },
      { type: 'followup.appeal_rejected', actor: 'clerk:sup', note: '复核认为评价属实' },
      { type: 'followup.appealed', actor: 'clerk:sup', note: '群众误评，本人已致电说明' },
      { type: 'followup.appeal_upheld', actor: 'clerk:sup', note: '经核实为误评，评价作废' },
    ]);
    // the upheld appeal voids the rating: the records say so
    await page.click('[data-tab=records]');
    await expect.poll(() => text(page, '[data-testid=records]')).toContain('已作废');
  });

  it('imports an appointment file from the screen; the day’s list shows check-in and a no-show', async () => {
    await page.click('[data-tab=appointments]');
    await expect
      .poll(() => text(page, '[data-testid=appointment-summary]'))
      .toBe('共 0 个预约：已签到 0，未签到 0，爽约 0');
    const csv = [
      '预约号,事项,日期,开始,结束,姓名',
      `YY001,综合受理,${day},10:00,10:30,张三丰`,
      `YY002,tax,${day},11:00,11:30,李四`,
      `YY003,社保,${day},09:30,09:45,王五`,
    ].join('\r\n');
    await page.setInputFiles('input[type=file]', { name: '预约.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => text(page, '[data-testid=import-result]')).toBe('已导入 3 条预约');
    await expect.poll(() => rows('[data-testid=appointments]')).toBe(4);
    expect(await text(page, 'tr[data-code=YY001]')).toContain('张**');
    expect(await text(page, 'tr[data-code=YY001]')).toContain('10:00–10:30');

    // a bad file names its line and loads nothing
    await page.setInputFiles('input[type=file]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('YY9,户籍,2026-11-23,9:00,9:30'),
    });
    await expect.poll(() => text(page, 'appointment-list [role=alert]')).toBe('第 1 行：没有“户籍”这个事项');

    // YY001 checks in at the kiosk; YY003's slot and the late limit pass without her
    const checked = await api.post('/api/tickets', { appointmentCode: 'YY001' }, KIOSK_TOKEN);
    expect(checked.status).toBe(201);
    clock.advanceMin(60);
    await expect
      .poll(() => server.db.prepare("SELECT status FROM appointments WHERE code = 'YY003'").get())
      .toEqual({ status: 'no_show' });
    await page.reload();
    await expect
      .poll(() => text(page, '[data-testid=appointment-summary]'))
      .toBe('共 3 个预约：已签到 1，未签到 1，爽约 1');
    expect(await text(page, 'tr[data-code=YY001]')).toContain(`已签到`);
    expect(await text(page, 'tr[data-code=YY001]')).toContain(checked.body.ticket.number);
    expect(await text(page, 'tr[data-code=YY003]')).toContain('爽约');
    expect(await text(page, 'tr[data-code=YY002]')).toContain('未签到');
    await shotBothSizes(page, 'backoffice-appointments', 300);
  });

  it('in English too, and every request the page made stayed on the hall server', async () => {
    await page.goto(`${server.url}/backoffice?lang=en#records`);
    await expect.poll(() => text(page, '[data-testid=record-count]')).toMatch(/^\d+ records$/);
    expect(await text(page, 'nav')).toContain('Follow-ups');
    await page.goto(`${server.url}/backoffice?lang=zh`);
    const foreign = requests.filter(
      (u) => !u.startsWith(server.url) && !u.startsWith('blob:') && !u.startsWith('data:'),
    );
    expect(foreign).toEqual([]);
    expect(requests.some((u) => /\/app\/assets\/backoffice-[\w-]+\.js$/.test(u))).toBe(true);
  });
});
