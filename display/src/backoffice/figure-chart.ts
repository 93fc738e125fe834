// One bar chart drawn by ECharts (Apache-2.0, bundled by Vite: nothing loads from the internet): the
// satisfaction and evaluation rates of each clerk, window or service, as percentages. ECharts draws into
// a div inside the shadow root and is resized with it.
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { LitElement, css, html } from 'lit';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface ChartSeries {
  name: string;
  /** 0–1 ratios, null where there is nothing to divide. */
  values: (number | null)[];
  color: string;
}

export class FigureChart extends LitElement {
  static override properties = { labels: { attribute: false }, series: { attribute: false } };
  declare labels: string[];
  declare series: ChartSeries[];
  private chart: echarts.ECharts | null = null;
  private resize: ResizeObserver | null = null;

  constructor() {
    super();
    this.labels = [];
    this.series = [];
  }

  static override styles = css`
    :host {
      display: block;
    }
    div {
      width: 100%;
      height: 260px;
    }
  `;

  override firstUpdated(): void {
    const el = this.renderRoot.querySelector('div')!;
    this.chart = echarts.init(el, null, { renderer: 'svg' });
    this.resize = new ResizeObserver(() => this.chart?.resize());
    this.resize.observe(el);
    this.draw();
  }

  override updated(changed: Map<string, unknown>): void {
    if (this.chart && (changed.has('labels') || changed.has('series'))) this.draw();
  }

  override disconnectedCallback(): void {
    this.resize?.disconnect();
    this.chart?.dispose();
    this.chart = null;
    super.disconnectedCallback();
  }

  private draw(): void {
    const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
    this.chart!.setOption(
      {
        animation: false,
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${String(v)}%`),
        },
        legend: { top: 0 },
        grid: { left: 44, right: 16, top: 34, bottom: 28 },
        xAxis: { type: 'category', data: this.labels, axisLabel: { interval: 0, hideOverlap: true } },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: this.series.map((s) => ({
          name: s.name,
          type: 'bar',
          barMaxWidth: 28,
          itemStyle: { color: s.color },
          label: { show: true, position: 'top', formatter: '{c}%', fontSize: 11 },
          data: s.values.map(pct),
        })),
      },
      true,
    );
  }

  override render() {
    return html`<div data-testid="echart" role="img" aria-label=${this.series.map((s) => s.name).join(' / ')}></div>`;
  }
}

customElements.define('figure-chart', FigureChart);

declare global {
  interface HTMLElementTagNameMap {
    'figure-chart': FigureChart;
  }
}
