// The start page at "/": what this hall is, and a link to every surface. Chinese first, English on ?lang=en.
import type { HallSnapshot } from '../protocol/views';

export type Lang = 'zh' | 'en';

export interface Surface {
  path: string;
  zh: string;
  en: string;
  zhNote: string;
  enNote: string;
}

export const SURFACES: Surface[] = [
  {
    path: '/kiosk',
    zh: '取号机',
    en: 'Kiosk',
    zhNote: '触摸屏取号，打印小票',
    enNote: 'Take a number, print a ticket',
  },
  {
    path: '/board',
    zh: '综合呼叫屏',
    en: 'Call board',
    zhNote: '大厅电视，语音叫号',
    enNote: 'Hall TV with voice calling',
  },
  {
    path: '/console',
    zh: '窗口工作台',
    en: 'Window console',
    zhNote: '工作人员叫号、办结、转移',
    enNote: 'Clerks call, finish, transfer',
  },
  {
    path: '/window-screen',
    zh: '窗口屏',
    en: 'Window screen',
    zhNote: '窗口上方显示屏：窗口、工作人员、当前号',
    enNote: 'LCD over a window: clerk, current ticket',
  },
  { path: '/pad', zh: '评价器', en: 'Evaluation pad', zhNote: '办事群众好差评', enNote: 'Visitors rate the service' },
  {
    path: '/supervisor',
    zh: '值班长看板',
    en: 'Supervisor dashboard',
    zhNote: '实时监控、预警、报表',
    enNote: 'Live hall, alerts, reports',
  },
  {
    path: '/admin',
    zh: '系统管理',
    en: 'Administration',
    zhNote: '事项、窗口、人员、设备、日历：保存即生效',
    enNote: 'Services, windows, staff, devices, calendar: live on save',
  },
  {
    path: '/backoffice',
    zh: '后台业务',
    en: 'Back office',
    zhNote: '好差评记录、差评整改、预约管理',
    enNote: 'Evaluation records, follow-ups, appointments',
  },
  {
    path: '/guide',
    zh: '导服台',
    en: 'Guide desk',
    zhNote: '查号、补打、取消、优先、调号、代取号',
    enNote: 'Find, reprint, cancel, prioritise, move, issue',
  },
  {
    path: '/t/demo',
    zh: '手机查号',
    en: 'Mobile ticket page',
    zhNote: '扫描小票二维码查看排队进度',
    enNote: 'Follow a ticket from its QR code',
  },
  {
    path: '/api/docs',
    zh: '接口文档',
    en: 'API reference',
    zhNote: 'OpenAPI（/api/openapi.json）',
    enNote: 'OpenAPI (/api/openapi.json)',
  },
  {
    path: '/api/health',
    zh: '运行状态',
    en: 'Health',
    zhNote: '数据库与各适配器状态',
    enNote: 'Database and adapters',
  },
];

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function pageShell(lang: Lang, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
  :root { --hall-primary: #b71c1c; --hall-bg: #f7f4ef; --hall-card: #fff; --hall-text: #222; --hall-muted: #666; }
  body { margin: 0; font-family: "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif;
         background: var(--hall-bg); color: var(--hall-text); }
  header { background: var(--hall-primary); color: #fff; padding: 24px 32px; }
  header h1 { margin: 0 0 4px; font-size: 28px; }
  header p { margin: 0; opacity: .9; }
  main { padding: 24px 32px; max-width: 1100px; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; }
  a.card { display: block; background: var(--hall-card); border-radius: 8px; padding: 16px 20px; text-decoration: none;
           color: inherit; box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  a.card:hover { box-shadow: 0 2px 8px rgba(0,0,0,.2); }
  a.card strong { display: block; font-size: 20px; color: var(--hall-primary); }
  a.card span { color: var(--hall-muted); }
  table { border-collapse: collapse; background: var(--hall-card); margin-top: 16px; }
  td, th { padding: 6px 12px; border-bottom: 1px solid #eee; text-align: left; }
  .lang { float: right; color: #fff; }
  .demo { margin-top: 16px; } .boards a { margin: 0 4px; }
  code { background: #eee; padding: 1px 4px; border-radius: 3px; }
</style>
</head>
<body>${body}</body>
</html>`;
}

/** What only the built-in demo hall's start page shows: every board, and the demo logins. */
export interface DemoLinks {
  boards: { id: string; zone: string | null; token: string }[];
  logins: { zh: string; en: string; ids: string }[];
  password: string;
}

function demoSection(demo: DemoLinks, zh: boolean, lang: Lang): string {
  const boards = demo.boards
    .map(
      (b) =>
        `<a href="/board?lang=${lang}&amp;token=${encodeURIComponent(b.token)}" data-board="${esc(b.id)}">${esc(
          b.zone ? (zh ? `${b.zone} 区` : `zone ${b.zone}`) : zh ? '全厅' : 'whole hall',
        )}</a>`,
    )
    .join(' · ');
  const logins = demo.logins
    .map((l) => `<tr><td>${esc(zh ? l.zh : l.en)}</td><td><code>${esc(l.ids)}</code></td></tr>`)
    .join('');
  return `<section class="demo" data-testid="demo">
<p class="boards">${zh ? '各区呼叫屏' : 'Boards by zone'}：${boards}</p>
<table class="logins"><thead><tr><th>${zh ? '演示账号' : 'Demo logins'}</th><th>${zh ? '工号' : 'ID'}（${zh ? '密码' : 'password'} <code>${esc(demo.password)}</code>）</th></tr></thead>
<tbody>${logins}</tbody></table></section>`;
}

export function startPage(
  snap: HallSnapshot,
  lang: Lang,
  demoTokens: Record<string, string> = {},
  /** Pages of this hall only, e.g. a virtual printer's paper roll. */
  extra: Surface[] = [],
  /** With TLS on: the addresses to give devices and the certificate to check (README "Security"). */
  tls: TlsAddresses | null = null,
  /** The built-in demo hall only: never a real hall's tokens or logins. */
  demo: DemoLinks | null = null,
): string {
  const zh = lang === 'zh';
  const href = (s: Surface) => {
    if (s.path.startsWith('/api')) return s.path;
    const token = demoTokens[s.path];
    return `${s.path}?lang=${lang}${token ? `&amp;token=${encodeURIComponent(token)}` : ''}`;
  };
  const cards = [...SURFACES, ...extra]
    .map(
      (s) =>
        `<a class="card" href="${href(s)}"><strong>${esc(zh ? s.zh : s.en)}</strong><span>${esc(zh ? s.zhNote : s.enNote)}</span></a>`,
    )
    .join('\n');
  const rows = snap.services
    .map(
      (s) =>
        `<tr><td>${esc(s.prefix)}</td><td>${esc(s.name)}</td><td>${s.waiting}</td><td>${s.servedNow ? s.estimatedWaitMin : zh ? '当前暂无窗口办理' : 'No window serving'}</td></tr>`,
    )
    .join('');
  const open = snap.windows.filter((w) => w.state !== 'closed').length;
  return pageShell(
    lang,
    snap.hall.name,
    `<header><a class="lang" href="?lang=${zh ? 'en' : 'zh'}">${zh ? 'English' : '中文'}</a>
<h1>${esc(snap.hall.name)}</h1>
<p>${zh ? '排队叫号与呼叫显示系统' : 'Queue management and call display'} · ${esc(snap.hall.day)} · ${zh ? '办公时间' : 'Hours'} ${snap.hall.open}–${snap.hall.close}
 · ${zh ? `开放窗口 ${open}/${snap.windows.length}` : `windows open ${open}/${snap.windows.length}`}</p></header>
<main>
${tls ? tlsLine(tls, zh) : ''}
<div class="grid">${cards}</div>
${demo ? demoSection(demo, zh, lang) : ''}
<table><thead><tr><th>${zh ? '号段' : 'Prefix'}</th><th>${zh ? '事项' : 'Service'}</th><th>${zh ? '等候人数' : 'Waiting'}</th><th>${zh ? '预计等候（分钟）' : 'Est. wait (min)'}</th></tr></thead>
<tbody>${rows}</tbody></table>
</main>`,
  );
}

export interface TlsAddresses {
  publicUrl: string;
  ticketUrl: string;
  fingerprint: string;
  /** Where the self-signed hall CA can be downloaded; null with the hall's own certificate. */
  caPath: string | null;
}

function tlsLine(t: TlsAddresses, zh: boolean): string {
  const ca = t.caPath ? ` · <a href="${esc(t.caPath)}">${zh ? '下载大厅根证书' : 'Download the hall CA'}</a>` : '';
  return `<p class="tls">${zh ? '工作人员与设备（HTTPS）' : 'Staff and devices (HTTPS)'}：<code>${esc(t.publicUrl)}</code>
 · ${zh ? '手机查号' : 'Ticket page'}：<code>${esc(t.ticketUrl)}/t/…</code>
 · ${zh ? '证书指纹' : 'Certificate'} SHA-256 <code>${esc(t.fingerprint)}</code>${ca}</p>`;
}

export function placeholderPage(surface: Surface | undefined, lang: Lang): string {
  const zh = lang === 'zh';
  const name = surface ? (zh ? surface.zh : surface.en) : zh ? '页面' : 'Page';
  return pageShell(
    lang,
    name,
    `<header><h1>${esc(name)}</h1><p>${esc(surface ? (zh ? surface.zhNote : surface.enNote) : '')}</p></header>
<main><p>${zh ? '此页面将在后续版本中提供。' : 'This page arrives in a later release.'}</p><p><a href="/?lang=${lang}">${zh ? '返回首页' : 'Back to the start page'}</a></p></main>`,
  );
}

export function apiDocsPage(
  doc: { paths: Record<string, Record<string, { summary: string; description: string }>> },
  lang: Lang,
): string {
  const rows = Object.entries(doc.paths)
    .flatMap(([p, ops]) =>
      Object.entries(ops).map(
        ([m, op]) =>
          `<tr><td><code>${m.toUpperCase()}</code></td><td><code>${esc(p)}</code></td><td>${esc(op.summary)}</td><td>${esc(op.description)}</td></tr>`,
      ),
    )
    .join('');
  return pageShell(
    lang,
    'API',
    `<header><h1>${lang === 'zh' ? '接口文档' : 'API reference'}</h1><p><a style="color:#fff" href="/api/openapi.json">openapi.json</a></p></header>
<main><p>${lang === 'zh' ? '错误统一为' : 'Errors are always'} <code>{ "error": { "code", "message" } }</code>.</p>
<table><thead><tr><th></th><th>Path</th><th>Summary</th><th>Access</th></tr></thead><tbody>${rows}</tbody></table></main>`,
  );
}
