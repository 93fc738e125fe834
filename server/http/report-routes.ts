// Reports under /api/reports (DESIGN.md §6): figures as JSON, CSV and XLSX downloads, the printable
// report, and today's hourly curve against the same weekday. Supervisors and admins only.
import type { HallCore } from '../core/hall-core';
import { assertReportRange, REPORT_GROUPS } from '../domain/report';
import { parseHhMm } from '../domain/numbering';
import * as body from '../protocol/http';
import { reportCsv } from '../reports/csv';
import { chartSvg } from '../reports/chart-svg';
import { hourChartOption } from '../reports/hour-chart';
import { printPage } from '../reports/print-page';
import { reportXlsx } from '../reports/xlsx';
import { dayRange } from './evaluation-routes';
import { HallError } from '../domain/errors';
import { FileReply, validate } from './handler';
import type { Request } from 'express';
import { route, type RouteDef } from './route-def';

/** Aborted when the asker goes away before the answer is sent: a long report stops reading the database. */
function whileConnected(req: Request): AbortSignal {
  const ac = new AbortController();
  req.res?.once('close', () => {
    // A refusal, not a failure: nobody reads the answer, and the log need not call it unexpected.
    if (!req.res?.writableFinished) ac.abort(new HallError('VALIDATION', '统计已取消（页面已关闭）'));
  });
  return ac.signal;
}

export function reportRoutes(core: HallCore): RouteDef[] {
  const query = (q: unknown) => {
    const parsed = validate(body.reportQuery, q, 'query');
    const range = dayRange(core, parsed.from, parsed.to);
    assertReportRange(range.from, range.to);
    return { ...parsed, ...range };
  };
  const name = (from: string, to: string, ext: string) =>
    `${core.config.hall.id}-report-${from}${to !== from ? `_${to}` : ''}.${ext}`;
  return [
    route({
      method: 'get',
      path: '/api/reports',
      summary:
        'Report figures for ?from=&to= (YYYY-MM-DD, at most 366 days: longer is 400 RANGE_TOO_LONG) ?by=service|window|clerk|hour|day',
      access: 'supervisor',
      body: null,
      act: async ({ req }) => {
        const q = query(req.query);
        return (await core.query.buildReports(q.from, q.to, [q.by], whileConnected(req))).reports[0]!;
      },
    }),
    route({
      method: 'get',
      path: '/api/reports/wait-accuracy',
      summary:
        'How right the printed waits were, ?from=&to=: tickets called, mean error, share inside the shown range, 即将叫号 kept',
      access: 'supervisor',
      body: null,
      act: ({ req }) => {
        const q = query(req.query);
        return core.query.waitAccuracy(q.from, q.to);
      },
    }),
    route({
      method: 'get',
      path: '/api/reports/summary',
      summary: 'The day summary (日结) of ?from= (YYYY-MM-DD; today so far by default)',
      access: 'supervisor',
      body: null,
      act: ({ req }) => core.query.daySummary(query(req.query).from),
    }),
    route({
      method: 'get',
      path: '/api/reports/hourly',
      summary: 'A day’s (?from=) arrivals, served and mean wait per hour, and the same weekday’s average',
      access: 'supervisor',
      body: null,
      act: ({ req }) => core.query.hourlyCurve(query(req.query).from),
    }),
    route({
      method: 'get',
      path: '/api/reports/export',
      summary: 'Download: ?format=csv (one grouping, ?by=) or ?format=xlsx (a sheet per grouping); ?lang=zh|en',
      access: 'supervisor',
      body: null,
      act: async ({ req }) => {
        const q = query(req.query);
        if (q.format === 'xlsx') {
          const { reports: all } = await core.query.buildReports(q.from, q.to, REPORT_GROUPS, whileConnected(req));
          return new FileReply(
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            await reportXlsx(all, q.lang),
            name(q.from, q.to, 'xlsx'),
          );
        }
        const csv = reportCsv(
          (await core.query.buildReports(q.from, q.to, [q.by], whileConnected(req))).reports[0]!,
          q.lang,
        );
        return new FileReply('text/csv; charset=utf-8', csv, name(q.from, q.to, `${q.by}.csv`));
      },
    }),
    route({
      method: 'get',
      path: '/api/reports/print',
      summary: 'The printable report (HTML with a print stylesheet and charts) for ?from=&to=',
      access: 'supervisor',
      body: null,
      act: async ({ req }) => {
        const q = query(req.query);
        const groups = ['service', 'window', 'clerk', 'hour'] as const;
        const { reports, hours: rangeHours } = await core.query.buildReports(q.from, q.to, groups, whileConnected(req));
        const hall = core.config.hall;
        const hours = { from: Math.floor(parseHhMm(hall.open) / 60), to: Math.ceil(parseHhMm(hall.close) / 60) };
        const curve = q.from === q.to ? core.query.hourlyCurve(q.from) : { today: rangeHours, usual: [] };
        const chart = chartSvg(hourChartOption(curve.today, curve.usual, hours, q.lang), q.lang);
        const printedAt = new Date(core.clock()).toLocaleString('zh-CN', { timeZone: hall.timezone, hour12: false });
        return new FileReply('text/html; charset=utf-8', printPage(reports, chart, q.lang, printedAt));
      },
    }),
  ];
}
