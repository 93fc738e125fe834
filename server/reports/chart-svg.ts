// A chart as SVG text on the server (the printed report), by ECharts' server-side renderer: no browser,
// no canvas. ECharts is loaded at the first report, not at the hall's start, and as its one-file CommonJS
// build (about half a second and 30 MB once; its ES modules took four times as long to load).
import type * as Echarts from 'echarts';
import { CHART_LOCALE, type ChartLang } from './chart-theme';

let echarts: typeof Echarts | null = null;

export function chartSvg(option: Echarts.EChartsOption, lang: ChartLang, size = { width: 720, height: 260 }): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  echarts ??= require('echarts') as typeof Echarts;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, locale: CHART_LOCALE[lang], ...size });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
