// A line chart over uPlot (fast canvas plotting, log axes, bands), sized to its container.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface SeriesSpec {
  label: string;
  color: string;
  dash?: number[];
  width?: number;
  /** Hidden from the legend (helper series such as a band's floor). */
  helper?: boolean;
  /** Sparse values (e.g. one per epoch): mark each with a dot and join them across the nulls between. */
  points?: boolean;
}

export interface AxisSpec {
  label: string;
  log?: boolean;
  range?: [number, number];
}

export interface LineChartOptions {
  x: AxisSpec;
  y: AxisSpec;
  series: SeriesSpec[];
  /** Shade between two series, by index into `series`. */
  bands?: { upper: number; lower: number; fill: string }[];
  height?: number;
  /** Accessible description of what the chart shows. */
  description: string;
}

export class LineChart {
  private plot: uPlot;
  private observer: ResizeObserver;

  constructor(private readonly container: HTMLElement, options: LineChartOptions) {
    container.setAttribute('role', 'img');
    container.setAttribute('aria-label', options.description);
    const scale = (axis: AxisSpec): uPlot.Scale => ({
      time: false,
      distr: axis.log ? 3 : 1,
      ...(axis.range ? { range: () => axis.range as [number, number] } : {}),
    });
    const axisStyle = { stroke: '#475569', grid: { stroke: '#e2e8f0', width: 1 }, ticks: { stroke: '#cbd5e1', width: 1 } };
    const plotOptions: uPlot.Options = {
      width: Math.max(container.clientWidth, 240),
      height: options.height ?? 260,
      scales: { x: scale(options.x), y: scale(options.y) },
      axes: [
        { ...axisStyle, label: options.x.label, values: (_u, ticks) => ticks.map(formatTick), ...decadesOnly(options.x) },
        { ...axisStyle, label: options.y.label, size: 60, values: (_u, ticks) => ticks.map(formatTick), ...decadesOnly(options.y) },
      ],
      series: [
        { label: options.x.label, value: (_u, v) => (v == null ? '–' : formatTick(v)) },
        ...options.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: s.width ?? 2,
          dash: s.dash,
          points: { show: s.points ?? false, size: 7 },
          spanGaps: s.points ?? false,
          value: (_u: uPlot, v: number | null) => (v == null ? '–' : v.toExponential(2)),
          ...(s.helper ? { label: '', show: true } : {}),
        })),
      ],
      bands: (options.bands ?? []).map((b) => ({ series: [b.upper + 1, b.lower + 1] as [number, number], fill: b.fill })),
      legend: { show: false },
      cursor: { show: false },
    };
    this.plot = new uPlot(plotOptions, [[], ...options.series.map(() => [])], container);
    container.append(legend(options.series));
    this.observer = new ResizeObserver(() => this.plot.setSize({ width: Math.max(container.clientWidth, 240), height: plotOptions.height }));
    this.observer.observe(container);
  }

  setData(x: number[], ys: (number | null)[][]): void {
    this.plot.setData([x, ...ys] as uPlot.AlignedData);
  }

  destroy(): void {
    this.observer.disconnect();
    this.plot.destroy();
    this.container.replaceChildren();
  }
}

/** On a log axis, ticks and grid lines at powers of ten only (uPlot also draws 2×, 3×, … by default). */
function decadesOnly(axis: AxisSpec): Partial<uPlot.Axis> {
  if (!axis.log) return {};
  const isDecade = (v: number) => v > 0 && Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
  const filter = (_u: uPlot, splits: number[]) => splits.map((v) => (v != null && isDecade(v) ? v : null));
  return {
    filter,
    grid: { stroke: '#e2e8f0', width: 1, filter },
    ticks: { stroke: '#cbd5e1', width: 1, filter },
  };
}

function legend(series: SeriesSpec[]): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'chart-legend';
  for (const s of series.filter((s) => !s.helper)) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'chart-swatch';
    swatch.style.borderTopColor = s.color;
    swatch.style.borderTopStyle = s.dash ? 'dashed' : 'solid';
    item.append(swatch, s.label);
    list.append(item);
  }
  return list;
}

function formatTick(value: number | null): string {
  if (value == null || !Number.isFinite(value)) return '';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e4 || abs < 1e-2) {
    const exponent = Math.round(Math.log10(abs));
    if (Math.abs(abs - 10 ** exponent) / 10 ** exponent < 1e-6) return `1e${exponent}`;
    return value.toExponential(0);
  }
  return String(+value.toPrecision(3));
}
