// The hall's pages: the start page, the browser apps built by Vite into dist/web (a page not built yet says
// so instead of a 404), a virtual printer's paper roll for demos, and the hall CA for devices to install.
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { previewPage } from '../../devices/escpos/preview';
import type { HallConfig } from '../config/schema';
import { HallError } from '../domain/errors';
import { PROJECT_ROOT } from '../paths';
import type { TicketPrinting } from '../printing/ticket-printing';
import type { HallSnapshot } from '../protocol/views';
import {
  pageShell,
  placeholderPage,
  startPage,
  SURFACES,
  type DemoLinks,
  type Lang,
  type TlsAddresses,
} from './start-page';

const WEB_ROOT = path.join(PROJECT_ROOT, 'dist', 'web');
/** Start-page paths served by a built browser app. */
const WEB_PAGES: Record<string, string> = {
  '/board': 'display/board.html',
  '/console': 'window-client/index.html',
  '/kiosk': 'display/kiosk.html',
  '/pad': 'display/pad.html',
  '/window-screen': 'display/window-screen.html',
  '/t/demo': 'display/ticket.html',
  '/supervisor': 'display/supervisor.html',
  '/admin': 'display/admin.html',

  '/backoffice': 'display/backoffice.html',
  '/guide': 'display/guide.html',
};
/** The device kind whose demo token the start page puts in each screen's link (demo hall only). */
const DEMO_LINKS = { '/board': 'board', '/kiosk': 'kiosk', '/pad': 'pad', '/window-screen': 'windowScreen' };

/** The demo hall's logins (server/config/demo-hall.yaml; README "Demo"), shown on its start page only. */
const DEMO_LOGINS: DemoLinks['logins'] = [
  { zh: '窗口工作人员', en: 'Clerks', ids: '1001 … 1010' },
  { zh: '导服台', en: 'Guide desk', ids: '8001' },
  { zh: '值班长', en: 'Supervisor', ids: '9001' },
  { zh: '管理员', en: 'Admin', ids: '9000' },
];

function noDemoTicketPage(lang: Lang, kioskToken: string | undefined): string {
  const zh = lang === 'zh';
  const kiosk = `/kiosk?lang=${lang}${kioskToken ? `&amp;token=${encodeURIComponent(kioskToken)}` : ''}`;
  return pageShell(
    lang,
    zh ? '手机查号' : 'Mobile ticket page',
    `<header><h1>${zh ? '手机查号' : 'Mobile ticket page'}</h1></header>
<main><p data-testid="no-demo-ticket">${zh ? '演示大厅今天还没有号票：先在取号机取一个号，再回到这里查看。' : 'No ticket yet today in the demo hall: take one at the kiosk, then come back.'}</p>
<p><a href="${kiosk}">${zh ? '去取号机' : 'Go to the kiosk'}</a> · <a href="/?lang=${lang}">${zh ? '返回首页' : 'Back to the start page'}</a></p></main>`,
  );
}

export const langOf = (q: unknown): Lang => (q === 'en' ? 'en' : 'zh');

export interface PageDeps {
  config: HallConfig;
  demo: boolean;
  printing: TicketPrinting;
  snapshot: () => HallSnapshot;
  /** The demo hall: today's newest ticket, for the start page's 手机查号 (null before the first one). */
  demoTicket?: () => string | null;
  /** With TLS on: the addresses and certificate the start page shows (known once the ports are open). */
  tls: () => TlsAddresses | null;
  hallCa: string | null;
}

export function servePages(app: Express, d: PageDeps): void {
  const demoTokens: Record<string, string> = {};
  if (d.demo)
    for (const [page, kind] of Object.entries(DEMO_LINKS)) {
      const device = d.config.devices.find((x) => x.kind === kind);
      if (device && 'token' in device) demoTokens[page] = device.token;
    }
  // A virtual printer's paper roll, for demos: what the kiosk printed, newest first.
  app.get('/printers/:id', (req, res, next) => {
    const vp = d.printing.virtualPrinter(String(req.params.id));
    if (!vp) return next(new HallError('NOT_FOUND', '没有这台虚拟打印机'));
    const docs = vp.printed.map((r) => r.doc).reverse();
    res.type('html').send(previewPage(`虚拟打印机 ${String(req.params.id)}`, docs, 5));
  });
  const virtualPrinterPages = d.config.devices.flatMap((x) =>
    x.kind === 'printer' && x.virtual
      ? [
          {
            path: `/printers/${x.id}`,
            zh: `虚拟打印机 ${x.id}`,
            en: `Virtual printer ${x.id}`,
            zhNote: `${x.kiosk} 打印的小票（演示用），扫码即手机查号`,
            enNote: `Tickets printed by ${x.kiosk} (demo); scan one to follow it`,
          },
        ]
      : [],
  );
  const demo: DemoLinks | null = d.demo
    ? {
        boards: d.config.devices.flatMap((x) =>
          x.kind === 'board' && 'token' in x ? [{ id: x.id, zone: x.zone ?? null, token: x.token }] : [],
        ),
        logins: DEMO_LOGINS,
        password: 'demo1234',
      }
    : null;
  // The demo hall's 手机查号 opens a real ticket: today's newest, or says how to get one.
  if (d.demo)
    app.get('/t/demo', (req, res) => {
      const id = d.demoTicket?.();
      const lang = langOf(req.query.lang);
      if (id) return res.redirect(302, `/t/${encodeURIComponent(id)}?lang=${lang}`);
      res.type('html').send(noDemoTicketPage(lang, demoTokens['/kiosk']));
    });
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  // The self-signed hall CA, for devices to install (its fingerprint is on the start page and the console).
  const hallCa = d.hallCa;
  if (hallCa) app.get('/hall-ca.pem', (_req, res) => void res.type('application/x-x509-ca-cert').send(hallCa));
  app.get(
    '/',
    (req, res) =>
      void res
        .type('html')
        .send(startPage(d.snapshot(), langOf(req.query.lang), demoTokens, virtualPrinterPages, d.tls(), demo)),
  );
  app.use('/app', express.static(WEB_ROOT, { index: false, maxAge: '1h' }));
  for (const s of SURFACES.filter((x) => !x.path.startsWith('/api'))) {
    const p = s.path === '/t/demo' ? '/t/:id' : s.path;
    const built = WEB_PAGES[s.path];
    app.get(p, (req, res) => {
      const file = built && path.join(WEB_ROOT, built);
      if (file && existsSync(file)) return res.sendFile(file, { headers: { 'cache-control': 'no-cache' } });
      res.type('html').send(placeholderPage(s, langOf(req.query.lang)));
    });
  }
}
