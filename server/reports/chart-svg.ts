// A chart as SVG text on the server (the printed report), by ECharts' server-side renderer: no browser,
// no canvas. ECharts (about 20 MB once loaded) is loaded at the first report, not at the hall's start.
import type { EChartsOption } from 'echarts';
import { CHART_LOCALE, type ChartLang } from './chart-theme';

const load = () => import('echarts');
let loading: ReturnType<typeof load> | null = null;

export async function chartSvg(
  option: EChartsOption,
  lang: ChartLang,
  size = { width: 720, height: 260 },
): Promise<string> {
  const echarts = await (loading ??= load());
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, locale: CHART_LOCALE[lang], ...size });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
