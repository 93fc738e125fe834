// The back office's figures as a chart option: the satisfaction and evaluation rates of each clerk,
// window or service, as percentages (drawn by the shared hall-chart, in the shared look).
import type { EChartsOption } from 'echarts';
import { CHART_COLORS, CHART_TEXT, chartBase, type ChartLang } from '../../../server/reports/chart-theme';

/** Rates are 0–1, null where there is nothing to divide (no visit, no evaluation). */
export interface RateRow {
  label: string;
  satisfactionRate: number | null;
  evaluationRate: number | null;
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function rateChartOption(rows: RateRow[], lang: ChartLang): EChartsOption {
  const text = CHART_TEXT[lang];
  const bar = (name: string, color: string, values: (number | null)[]) => ({
    name,
    type: 'bar' as const,
    barMaxWidth: 28,
    itemStyle: { color },
    label: { show: true, position: 'top' as const, formatter: '{c}%', fontSize: 11 },
    data: values.map(pct),
  });
  return {
    ...chartBase(),
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`),
    },
    grid: { left: 44, right: 16, top: 34, bottom: 28 },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      bar(
        text.satisfaction,
        CHART_COLORS.satisfaction,
        rows.map((r) => r.satisfactionRate),
      ),
      bar(
        text.evaluationRate,
        CHART_COLORS.evaluation,
        rows.map((r) => r.evaluationRate),
      ),
    ],
  };
}
