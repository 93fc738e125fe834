// The hourly chart's option (server/reports/hour-chart.ts), shared by the dashboard and the printed report.
import { describe, expect, it } from 'vitest';
import type { HourPoint } from '../../server/domain/report';
import { chartHours, hourChartDescription, hourChartOption } from '../../server/reports/hour-chart';

const point = (hour: number, arrivals: number, served = 0, meanWaitMin: number | null = null): HourPoint => ({
  hour,
  arrivals,
  served,
  meanWaitMin,
});
const seriesOf = (o: ReturnType<typeof hourChartOption>) =>
  o.series as { name: string; type: string; data: (number | null)[] }[];

describe('hour chart', () => {
  it('covers the opening hours, widened to an hour with visitors outside them', () => {
    expect(chartHours([], { from: 9, to: 17 })).toEqual([9, 10, 11, 12, 13, 14, 15, 16]);
    expect(chartHours([point(8, 1), point(17, 0, 2)], { from: 9, to: 12 })).toEqual([
      8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
    ]);
  });

  it('bars of arrivals and served, the usual line only when there is a usual, the wait with gaps', () => {
    const today = [point(9, 3, 1, 4.5), point(10, 2)];
    const bare = seriesOf(hourChartOption(today, [], { from: 9, to: 11 }, 'zh'));
    expect(bare.map((s) => [s.name, s.type])).toEqual([
      ['取号', 'bar'],
      ['办结', 'bar'],
      ['平均等候(分)', 'line'],
    ]);
    expect(bare[0]!.data).toEqual([3, 2]);
    expect(bare[1]!.data).toEqual([1, 0]);
    expect(bare[2]!.data).toEqual([4.5, null]);
    const withUsual = seriesOf(hourChartOption(today, [point(9, 5)], { from: 9, to: 11 }, 'en'));
    expect(withUsual.map((s) => s.name)).toEqual(['Arrivals', 'Served', 'Usual arrivals', 'Mean wait (min)']);
    expect(withUsual[2]!.data).toEqual([5, 0]);
  });

  it('describes the busy hours in words for a screen reader', () => {
    const today = [point(9, 3, 1, 4.5), point(10, 2)];
    expect(hourChartDescription(today, [9, 10, 11], 'zh')).toBe(
      '分时段取号与办结：9:00 取号 3、办结 1、平均等候 4.5 分钟；10:00 取号 2、办结 0',
    );
    expect(hourChartDescription([], [9], 'en')).toBe('Arrivals and served by hour: none yet');
  });
});
