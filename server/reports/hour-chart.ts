// The hourly chart: today's arrivals and served as bars, the same weekday's usual arrivals as a dashed
// line, today's mean wait as a line on its own scale. Pure and browser-safe: the dashboard and the printed
// report draw the same option (chart-theme.ts).
import type { EChartsOption } from 'echarts';
import type { HourPoint } from '../domain/report';
import { CHART_COLORS, CHART_TEXT, chartBase, countLabel, type ChartLang } from './chart-theme';

/** Opening hours, widened to any hour with visitors (extended hours, a late closing). */
export function chartHours(today: HourPoint[], hours: { from: number; to: number }): number[] {
  const busy = today.filter((p) => p.arrivals || p.served).map((p) => p.hour);
  const from = Math.min(hours.from, ...busy);
  const to = Math.max(hours.to, ...busy.map((h) => h + 1));
  return Array.from({ length: Math.max(1, to - from) }, (_, i) => from + i);
}

export function hourChartOption(
  today: HourPoint[],
  usual: HourPoint[],
  hours: { from: number; to: number },
  lang: ChartLang,
): EChartsOption {
  const text = CHART_TEXT[lang];
  const hs = chartHours(today, hours);
  const at = (list: HourPoint[], h: number) => list.find((p) => p.hour === h);
  const points = (value: (h: number) => number | null) => hs.map(value);
  const series: EChartsOption['series'] = [
    {
      name: text.arrivals,
      type: 'bar',
      itemStyle: { color: CHART_COLORS.arrivals },
      label: countLabel,
      data: points((h) => at(today, h)?.arrivals ?? 0),
    },
    {
      name: text.served,
      type: 'bar',
      itemStyle: { color: CHART_COLORS.served },
      label: countLabel,
      data: points((h) => at(today, h)?.served ?? 0),
    },
  ];
  if (usual.some((p) => p.arrivals > 0))
    series.push({
      name: text.usual,
      type: 'line',
      symbol: 'none',
      itemStyle: { color: CHART_COLORS.usual },
      lineStyle: { type: 'dashed', width: 2 },
      data: points((h) => at(usual, h)?.arrivals ?? 0),
    });
  series.push({
    name: text.wait,
    type: 'line',
    yAxisIndex: 1,
    symbolSize: 7,
    itemStyle: { color: CHART_COLORS.wait },
    lineStyle: { width: 2.5 },
    // No wait where nobody was called that hour: a gap, not a zero.
    data: points((h) => at(today, h)?.meanWaitMin ?? null),
  });
  return {
    ...chartBase(),
    aria: { enabled: true, label: { description: hourChartDescription(today, hs, lang) } },
    grid: { left: 40, right: 44, top: 36, bottom: 24 },
    xAxis: { type: 'category', data: hs.map((h) => `${h}:00`), axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      {
        type: 'value',
        minInterval: 1,
        splitLine: { show: false },
        axisLabel: { color: CHART_COLORS.wait },
      },
    ],
    series,
  };
}

/** What a screen reader says of the chart: each hour with visitors, its numbers taken and served and its
 * mean wait ("9:00 取号3、办结1、平均等候4.5分钟"). ECharts' own description reads a gap as "NaN". */
export function hourChartDescription(today: HourPoint[], hs: number[], lang: ChartLang): string {
  const text = CHART_TEXT[lang];
  const zh = lang === 'zh';
  const hours = hs
    .map((h) => today.find((p) => p.hour === h))
    .filter((p): p is HourPoint => !!p && (p.arrivals > 0 || p.served > 0))
    .map((p) => {
      const parts = [`${text.arrivals} ${p.arrivals}`, `${text.served} ${p.served}`];
      if (p.meanWaitMin !== null) parts.push(zh ? `平均等候 ${p.meanWaitMin} 分钟` : `mean wait ${p.meanWaitMin} min`);
      return `${p.hour}:00 ${parts.join(zh ? '、' : ', ')}`;
    });
  const title = zh ? '分时段取号与办结' : 'Arrivals and served by hour';
  if (!hours.length) return `${title}${zh ? '：暂无' : ': none yet'}`;
  return `${title}${zh ? '：' : ': '}${hours.join(zh ? '；' : '; ')}`;
}
