// One chart on a hall screen: draws an ECharts option (Apache-2.0, bundled by Vite: nothing loads from the
// internet) made by the shared builders (server/reports/chart-theme.ts, hour-chart.ts), into a div inside
// the shadow root, resized with its box. The dashboard and the back office use this one element.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { LitElement, css, html } from 'lit';
import { CHART_LOCALE } from '../../../server/reports/chart-theme';
import { currentLang } from './i18n';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export class HallChart extends LitElement {
  static override properties = { option: { attribute: false } };
  /** Built by a shared builder; replaced whole on each change (no merge with the previous one). */
  declare option: echarts.EChartsCoreOption | null;
  private chart: echarts.ECharts | null = null;
  private resize: ResizeObserver | null = null;

  constructor() {
    super();
    this.option = null;
  }

  static override styles = css`
    :host {
      display: block;
    }
    div {
      width: 100%;
      height: var(--chart-height, 260px);
    }
  `;

  override firstUpdated(): void {
    this.init();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page (a re-render, a tab shown again): draw again into the same div.
    if (this.hasUpdated && !this.chart) this.init();
  }

  private init(): void {
    const el = this.renderRoot.querySelector('div')!;
    this.chart = echarts.init(el, null, { renderer: 'svg', locale: CHART_LOCALE[currentLang()] });
    this.resize = new ResizeObserver(() => this.chart?.resize());
    this.resize.observe(el);
    this.draw();
  }

  override updated(changed: Map<string, unknown>): void {
    if (this.chart && changed.has('option')) this.draw();
  }

  override disconnectedCallback(): void {
    this.resize?.disconnect();
    this.chart?.dispose();
    this.chart = null;
    super.disconnectedCallback();
  }

  private draw(): void {
    if (this.option) this.chart!.setOption(this.option, true);
    else this.chart!.clear();
  }

  override render() {
    return html`<div data-testid="echart"></div>`;
  }
}

customElements.define('hall-chart', HallChart);

declare global {
  interface HTMLElementTagNameMap {
    'hall-chart': HallChart;
  }
}
