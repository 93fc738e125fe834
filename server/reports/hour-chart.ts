// The hourly chart as SVG text: today's arrivals and served as bars, the same weekday's usual arrivals as
// a dashed line, today's mean wait as a line on its own scale. Pure and browser-safe: the dashboard and
// the printed report draw the same picture. Only numbers go into the markup.
import type { HourPoint } from '../domain/report';

export interface ChartText {
  arrivals: string;
  served: string;
  usual: string;
  wait: string;
}

export const CHART_TEXT: Record<'zh' | 'en', ChartText> = {
  zh: { arrivals: '取号', served: '办结', usual: '同期平均取号', wait: '平均等候(分)' },
  en: { arrivals: 'Arrivals', served: 'Served', usual: 'Usual arrivals', wait: 'Mean wait (min)' },
};

export function hourChartSvg(
  today: HourPoint[],
  usual: HourPoint[],
  hours: { from: number; to: number },
  text: ChartText,
  size = { width: 720, height: 260 },
): string {
  const { width: W, height: H } = size;
  const pad = { l: 36, r: 40, t: 28, b: 24 };
  // Opening hours, widened to any hour with visitors (extended hours, a late closing).
  const busy = today.filter((p) => p.arrivals || p.served).map((p) => p.hour);
  const from = Math.min(hours.from, ...busy);
  const to = Math.max(hours.to, ...busy.map((h) => h + 1));
  const hs = Array.from({ length: Math.max(1, to - from) }, (_, i) => from + i);
  const at = (list: HourPoint[], h: number) => list.find((p) => p.hour === h);
  const top = Math.max(
    1,
    ...hs.flatMap((h) => [at(today, h)?.arrivals ?? 0, at(today, h)?.served ?? 0, at(usual, h)?.arrivals ?? 0]),
  );
  const waitTop = Math.max(1, ...hs.map((h) => at(today, h)?.meanWaitMin ?? 0));
  const slot = (W - pad.l - pad.r) / hs.length;
  const y = (v: number) => H - pad.b - (v / top) * (H - pad.t - pad.b);
  const yw = (v: number) => H - pad.b - (v / waitTop) * (H - pad.t - pad.b);
  const x = (i: number) => pad.l + i * slot;
  const bars = hs
    .map((h, i) => {
      const a = at(today, h)?.arrivals ?? 0;
      const s = at(today, h)?.served ?? 0;
      const bw = slot * 0.35;
      return (
        `<rect x="${(x(i) + slot * 0.12).toFixed(1)}" y="${y(a).toFixed(1)}" width="${bw.toFixed(1)}" height="${(H - pad.b - y(a)).toFixed(1)}" fill="var(--chart-arrivals, #5b8def)"><title>${h}:00 ${text.arrivals} ${a}</title></rect>` +
        `<rect x="${(x(i) + slot * 0.5).toFixed(1)}" y="${y(s).toFixed(1)}" width="${bw.toFixed(1)}" height="${(H - pad.b - y(s)).toFixed(1)}" fill="var(--chart-served, #3cb371)"><title>${h}:00 ${text.served} ${s}</title></rect>` +
        `<text x="${(x(i) + slot / 2).toFixed(1)}" y="${H - 6}" font-size="11" text-anchor="middle">${h}</text>`
      );
    })
    .join('');
  const line = (pts: [number, number][]) =>
    pts.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
  const usualPts = hs.map((h, i): [number, number] => [x(i) + slot / 2, y(at(usual, h)?.arrivals ?? 0)]);
  const waitPts = hs.flatMap((h, i): [number, number][] => {
    const w = at(today, h)?.meanWaitMin;
    return w === null || w === undefined ? [] : [[x(i) + slot / 2, yw(w)]];
  });
  const legend = [
    ['var(--chart-arrivals, #5b8def)', text.arrivals],
    ['var(--chart-served, #3cb371)', text.served],
    ['#888', text.usual],
    ['var(--chart-wait, #e8590c)', text.wait],
  ]
    .map(
      ([c, t], i) =>
        `<rect x="${pad.l + i * 150}" y="6" width="12" height="12" fill="${c}"/><text x="${pad.l + i * 150 + 16}" y="16" font-size="12">${t}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${text.arrivals}/${text.served}">` +
    `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#999"/>` +
    `<text x="4" y="${pad.t + 4}" font-size="11">${top}</text>` +
    `<text x="${W - pad.r + 4}" y="${pad.t + 4}" font-size="11" fill="var(--chart-wait, #e8590c)">${Math.round(waitTop)}</text>` +
    bars +
    (usual.some((p) => p.arrivals > 0)
      ? `<path d="${line(usualPts)}" fill="none" stroke="#888" stroke-dasharray="5 4" stroke-width="2"/>`
      : '') +
    (waitPts.length
      ? `<path d="${line(waitPts)}" fill="none" stroke="var(--chart-wait, #e8590c)" stroke-width="2.5"/>`
      : '') +
    waitPts
      .map(
        ([px, py]) => `<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3.5" fill="var(--chart-wait, #e8590c)"/>`,
      )
      .join('') +
    legend +
    `</svg>`
  );
}
