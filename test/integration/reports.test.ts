// Reports against a hand-computed fixture day, played through the real server (HTTP, SQLite, the pad's
// answer, the evaluation timeout), then exported as CSV and XLSX and read back.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock, PAD_TOKEN, client, startTestHall, testConfig } from '../helpers/hall';

const clock = new FakeClock(); // Monday 2026-11-23 09:00 in Shanghai
const DAY = '2026-11-23';
let s: Awaited<ReturnType<typeof startTestHall>>;
let api: ReturnType<typeof client>;
let sup: string;

/*
 * The fixture day (general target 15 min, tax target 20 min):
 *   09:00 A001 general, B001 tax        09:02 A002 general        09:10 A003 general (never called)
 *   09:05 window 1 calls A001 (wait 5), starts; 09:15 finishes (service 10); the pad rates 满意
 *   09:15 window 1 calls A002 (wait 13), starts; 09:20 transfers it to tax
 *   09:25 window 2 calls B001 (wait 25, past target); 09:27 no-show
 *   09:27 window 2 calls A002 again; 09:28 starts; 09:37 finishes (service 9); nobody rates it (未评价)
 * A week earlier (the same weekday): two tickets at 09:xx, for the "usual" curve.
 */
beforeAll(async () => {
  clock.now -= 7 * 24 * 3600_000;
  s = await startTestHall({ clock: clock.fn, config: testConfig(4), sweepMs: 3_600_000, watchMs: 3_600_000 });
  api = client(s.url);
  await api.issue('general');
  await api.issue('tax');
  clock.now += 7 * 24 * 3600_000;

  sup = await api.login('sup');
  const w1 = await api.login('c1', 1);
  const w2 = await api.login('c2', 2);
  const act = async (no: number, token: string, action: string, body: object = {}) => {
    const r = await api.post(`/api/windows/${no}/${action}`, body, token);
    if (r.status !== 200) throw new Error(`${action}: ${JSON.stringify(r.body)}`);
    return r.body.ticket;
  };
  const at = (hhmm: string) => (clock.now = Date.parse(`${DAY}T${hhmm}:00+08:00`));

  at('09:00');
  await api.issue('general');
  await api.issue('tax');
  at('09:02');
  await api.issue('general');
  at('09:05');
  expect((await act(1, w1, 'call-next')).number).toBe('A001');
  await act(1, w1, 'start');
  at('09:10');
  await api.issue('general');
  at('09:15');
  await act(1, w1, 'finish');
  const pending = (await api.get(`/api/evaluations?from=${DAY}`, sup)).body.evaluations[0];
  expect((await api.post(`/api/evaluations/${pending.id}`, { level: 'satisfied' }, PAD_TOKEN)).status).toBe(200);
  expect((await act(1, w1, 'call-next')).number).toBe('A002');
  await act(1, w1, 'start');
  at('09:20');
  await act(1, w1, 'transfer', { serviceId: 'tax' });
  at('09:25');
  expect((await act(2, w2, 'call-next')).number).toBe('B001');
  at('09:27');
  await act(2, w2, 'skip');
  expect((await act(2, w2, 'call-next')).number).toBe('A002');
  at('09:28');
  await act(2, w2, 'start');
  at('09:37');
  await act(2, w2, 'finish');
  at('09:40');
  s.core.run('sweepEvaluations', {}, 'system'); // A002's prompt timed out: 未评价
});
afterAll(async () => s?.stop());

const get = async (q: string) => (await api.get(`/api/reports${q}`, sup)).body;

describe('report figures match the hand-computed fixture day', () => {
  it('by service', async () => {
    const r = await get(`?from=${DAY}&by=service`);
    const general = r.rows.find((x: any) => x.key === 'general');
    const tax = r.rows.find((x: any) => x.key === 'tax');
    expect(general).toMatchObject({
      label: '综合受理',
      tickets: 2,
      served: 1,
      noShows: 0,
      transfers: 0,
      meanWaitMin: 5,
      p90WaitMin: 5,
      maxWaitMin: 5,
      meanServiceMin: 10,
      withinTarget: 1,
      satisfaction: 1,
      evaluationRate: 1,
    });
    // A002 now belongs to tax; its wait runs from 09:02 to its first call at 09:15.
    expect(tax).toMatchObject({
      tickets: 2,
      served: 1,
      noShows: 1,
      transfers: 1,
      meanWaitMin: 19,
      p90WaitMin: 25,
      maxWaitMin: 25,
      meanServiceMin: 9,
      withinTarget: 0.5,
      satisfaction: null,
      evaluationRate: 0,
    });
    expect(r.total).toMatchObject({
      tickets: 4,
      served: 2,
      noShows: 1,
      transfers: 1,
      meanWaitMin: 14.3, // (5 + 13 + 25) / 3
      p90WaitMin: 25, // the ⌈0.9 × 3⌉ = 3rd smallest
      maxWaitMin: 25,
      meanServiceMin: 9.5,
      withinTarget: 0.6667,
      satisfaction: 1,
      evaluationRate: 0.5,
    });
  });

  it('by window, clerk and hour', async () => {
    const byWindow = await get(`?from=${DAY}&by=window`);
    expect(byWindow.rows.map((x: any) => [x.key, x.tickets, x.served, x.noShows, x.meanWaitMin])).toEqual([
      ['1', 1, 1, 0, 5],
      ['2', 2, 1, 1, 19],
    ]);
    const byClerk = await get(`?from=${DAY}&by=clerk`);
    expect(byClerk.rows.map((x: any) => [x.key, x.label, x.served, x.satisfaction])).toEqual([
      ['c1', '办事员1', 1, 1],
      ['c2', '办事员2', 1, null],
    ]);
    const byHour = await get(`?from=${DAY}&by=hour`);
    expect(byHour.rows).toHaveLength(1);
    expect(byHour.rows[0]).toMatchObject({ key: '09', label: '09:00–10:00', tickets: 4, meanWaitMin: 14.3 });
  });

  it('a range adds the earlier day; by day splits them', async () => {
    const r = await get(`?from=2026-11-16&to=${DAY}&by=day`);
    expect(r.rows.map((x: any) => [x.key, x.tickets, x.served])).toEqual([
      ['2026-11-16', 2, 0],
      [DAY, 4, 2],
    ]);
    expect(r.total.tickets).toBe(6);
  });

  it('the day summary (日结) of the fixture day, as the report total counts it', async () => {
    const sum = (await api.get(`/api/reports/summary?from=${DAY}`, sup)).body;
    const total = (await get(`?from=${DAY}&by=service`)).total;
    expect(sum).toMatchObject({ day: DAY, tickets: 4, served: 2, noShows: 1, expired: 0, meanWaitMin: 14.3 });
    expect(sum).toMatchObject({ maxWaitMin: 25, withinTarget: total.withinTarget, satisfaction: 1 });
    expect(sum.busiest).toEqual({ serviceId: 'general', name: '综合受理', tickets: 2, withinTarget: 1 });
    expect(sum.text).toMatch(/^2026-11-23 日结：取号 4，办结 2，过号 1，闭厅作废 0；平均等候 14.3 分钟/);
    expect((await api.get(`/api/reports/summary?from=2026-11-32`, sup)).status).toBe(400);
  });

  it('the hourly curve against the same weekday', async () => {
    const h = (await api.get(`/api/reports/hourly?from=${DAY}`, sup)).body;
    expect(h.today[9]).toEqual({ hour: 9, arrivals: 4, served: 2, meanWaitMin: 14.3 });
    expect(h.today[10]).toEqual({ hour: 10, arrivals: 0, served: 0, meanWaitMin: null });
    expect(h.weeks).toBe(1);
    expect(h.usual[9]).toMatchObject({ arrivals: 2, served: 0 });
  });

  it('CSV download: BOM, Chinese headers, one line per row and the total', async () => {
    const res = await fetch(`${s.url}/api/reports/export?from=${DAY}&by=service&format=csv`, {
      headers: { authorization: `Bearer ${sup}` },
    });
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toContain(`test-hall-report-${DAY}.service.csv`);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '名称,取号数,办结数,过号数,转移数,平均等候(分),P90等候(分),最长等候(分),平均办理(分),目标内占比,满意率,参评率',
    );
    expect(lines).toContain('税务,2,1,1,1,19,25,25,9,50%,,0%');
    expect(lines.at(-1)).toBe('合计,4,2,1,1,14.3,25,25,9.5,66.7%,100%,50%');
  });

  it('XLSX download opens and holds every grouping with the same figures', async () => {
    const res = await fetch(`${s.url}/api/reports/export?from=${DAY}&format=xlsx`, {
      headers: { authorization: `Bearer ${sup}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按事项', '按窗口', '按人员', '按时段', '按日', '说明']);
    const sheet = wb.getWorksheet('按事项')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('名称');
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const total = rows.find((r) => r?.[1] === '合计')!;
    expect(total.slice(1)).toEqual(['合计', 4, 2, 1, 1, 14.3, 25, 25, 9.5, 0.6667, 1, 0.5]);
    expect(sheet.getRow(2).getCell(10).numFmt).toBe('0.0%');
  });

  it('the printable report has the totals, the chart and the tables', async () => {
    const res = await api.get(`/api/reports/print?from=${DAY}`, sup);
    expect(res.status).toBe(200);
    const html = res.body as string;
    expect(html).toContain('测试大厅 业务报表');
    expect(html).toContain('<svg');
    expect(html).toContain('@media print');
    for (const h of ['按事项', '按窗口', '按人员', '按时段']) expect(html).toContain(h);
    expect(html).toContain('66.7%');
  });

  it('bad queries get a clear error', async () => {
    expect((await api.get(`/api/reports?from=2026-13-99`, sup)).body.error.code).toBe('VALIDATION');
    expect((await api.get(`/api/reports?from=${DAY}&to=2026-01-01`, sup)).body.error.code).toBe('VALIDATION');
    expect((await api.get(`/api/reports?by=nope`, sup)).body.error.code).toBe('VALIDATION');
    expect((await api.get(`/api/reports?sql=1`, sup)).body.error.code).toBe('VALIDATION');
  });
});
