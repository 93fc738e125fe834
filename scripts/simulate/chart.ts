// An SVG chart of mean wait by the hour visitors arrived, one line per policy, written with the report.
import type { PolicyResult } from './stats';

const COLOURS: Record<string, string> = {
  ours: '#0b5cad',
  dedicated: '#b3261e',
  'skill-fifo': '#d9631e',
  'static-weight': '#8e44ad',
  pooled: '#1b7f3b',
};

export function chartSvg(title: string, policies: Record<string, PolicyResult>): string {
  const W = 760;
  const H = 380;
  const pad = { l: 56, r: 150, t: 36, b: 44 };
  const hours = [...new Set(Object.values(policies).flatMap((p) => Object.keys(p.byHour)))].sort();
  const maxY = Math.max(5, ...Object.values(policies).flatMap((p) => Object.values(p.byHour)));
  const yTop = Math.ceil(maxY / 10) * 10;
  const x = (i: number) => pad.l + (i * (W - pad.l - pad.r)) / Math.max(1, hours.length - 1);
  const y = (v: number) => H - pad.b - (v / yTop) * (H - pad.t - pad.b);
  const grid = Array.from({ length: 6 }, (_, k) => (yTop * k) / 5)
    .map(
      (v) =>
        `<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${pad.l - 8}" y="${y(v) + 4}" text-anchor="end" font-size="11">${v}</text>`,
    )
    .join('');
  const xs = hours
    .map((h, i) => `<text x="${x(i)}" y="${H - pad.b + 18}" text-anchor="middle" font-size="11">${h}</text>`)
    .join('');
  const lines = Object.entries(policies)
    .map(([name, p], k) => {
      const pts = hours.map((h, i) => `${x(i).toFixed(1)},${y(p.byHour[h] ?? 0).toFixed(1)}`).join(' ');
      const c = COLOURS[name] ?? '#555';
      return `<polyline fill="none" stroke="${c}" stroke-width="${name === 'ours' ? 3 : 2}" points="${pts}"/>
<rect x="${W - pad.r + 14}" y="${pad.t + k * 22}" width="14" height="4" fill="${c}"/><text x="${W - pad.r + 34}" y="${pad.t + k * 22 + 6}" font-size="12">${name} (${p.mean.toFixed(1)})</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${pad.l}" y="22" font-size="14" font-weight="bold">${title}: mean wait (min) by arrival hour</text>
${grid}${xs}
${lines}
</svg>
`;
}
