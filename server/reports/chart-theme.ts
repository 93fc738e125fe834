// The one look of every chart in the hall (dashboard, back office, printed report), drawn by ECharts
// (Apache-2.0): colours, font, zh-CN/English words and the options every chart shares. Pure and
// browser-safe: the browser draws these options with display/src/shared/hall-chart.ts, the server with
// chart-svg.ts. Options carry only numbers and the hall's own labels.
import type { EChartsOption } from 'echarts';

export type ChartLang = 'zh' | 'en';

export const CHART_COLORS = {
  arrivals: '#5b8def',
  served: '#3cb371',
  usual: '#888888',
  wait: '#e8590c',
  satisfaction: '#2e7d32',
  evaluation: '#1f5fae',
  text: '#333333',
} as const;

/** The hall's screens and the printed report use the same fonts (fonts-wqy-microhei on the hall PCs). */
export const CHART_FONT = '"WenQuanYi Micro Hei","Noto Sans CJK SC","Microsoft YaHei",sans-serif';

/** ECharts' own words (tooltips, the aria description) follow the page's language. */
export const CHART_LOCALE: Record<ChartLang, 'ZH' | 'EN'> = { zh: 'ZH', en: 'EN' };

export interface ChartText {
  arrivals: string;
  served: string;
  usual: string;
  wait: string;
  satisfaction: string;
  evaluationRate: string;
}

export const CHART_TEXT: Record<ChartLang, ChartText> = {
  zh: {
    arrivals: '取号',
    served: '办结',
    usual: '同期平均取号',
    wait: '平均等候(分)',
    satisfaction: '满意率',
    evaluationRate: '参评率',
  },
  en: {
    arrivals: 'Arrivals',
    served: 'Served',
    usual: 'Usual arrivals',
    wait: 'Mean wait (min)',
    satisfaction: 'Satisfaction',
    evaluationRate: 'Evaluation rate',
  },
};

/** No animation: a chart redrawn on every live change must not flicker, and a printed one is still. */
export function chartBase(): EChartsOption {
  return {
    animation: false,
    // The aria description reads the chart's data out to a screen reader (and to the tests).
    // (Without the category's index in it: "9:00的数据是3", not "…是0，3".)
    aria: { enabled: true, label: { data: { excludeDimensionId: [0] } } },
    textStyle: { fontFamily: CHART_FONT, color: CHART_COLORS.text },
    tooltip: { trigger: 'axis' },
    legend: { top: 0, textStyle: { fontSize: 12 } },
  };
}

/** A count drawn above its bar; an empty hour or row draws none (a row of zeros says nothing). */
export const countLabel = {
  show: true,
  position: 'top',
  fontSize: 10,
  formatter: (p: { value?: unknown }) => (typeof p.value === 'number' && p.value > 0 ? String(p.value) : ''),
} as const;
