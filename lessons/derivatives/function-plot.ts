// A plot of curves y(x) over a fixed x interval (uPlot), with what this lesson draws on top: a line
// segment (the tangent), labelled markers (critical and inflection points, the chosen point) and a
// zero line. NaN values are gaps. Clicking the plot reports the x under the pointer; the page turns
// it into a new point. All the numbers come from the engine; this file only draws them.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface CurveSpec {
  label: string;
  color: string;
  width?: number;
  dash?: number[];
}

export interface Marker {
  x: number;
  y: number;
  color: string;
  /** 'dot' filled circle, 'ring' open circle, 'diamond'. */
  shape: 'dot' | 'ring' | 'diamond';
  label?: string;
}

export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  color: string;
  label?: string;
}

export interface FunctionPlotOptions {
  xLabel: string;
  yLabel: string;
  curves: CurveSpec[];
  height?: number;
  /** Draw the line y = 0. */
  zeroLine?: boolean;
  /** Logarithmic axes, with a tick every decade or every few decades as space allows. */
  log?: boolean;
  onPick?: (x: number) => void;
}

const toGaps = (values: ArrayLike<number>) => Array.from(values, (v) => (Number.isFinite(v) ? v : null));

export class FunctionPlot {
  private plot: uPlot;
  private xRange: [number, number] = [-1, 1];
  private yRange: [number, number] = [-1, 1];
  private markers: Marker[] = [];
  private segments: Segment[] = [];

  constructor(container: HTMLElement, private readonly options: FunctionPlotOptions) {
    const axis = { stroke: '#475569', grid: { stroke: '#e2e8f0', width: 1 }, ticks: { stroke: '#cbd5e1', width: 1 } };
    const height = options.height ?? 280;
    const plotOptions: uPlot.Options = {
      width: Math.max(container.clientWidth, 240),
      height,
      scales: {
        x: { time: false, range: () => this.xRange, ...(options.log ? { distr: 3, log: 10 } : {}) },
        y: { range: () => this.yRange, ...(options.log ? { distr: 3, log: 10 } : {}) },
      },
      axes: [
        { ...axis, label: options.xLabel, values: (_u, ticks) => ticks.map(formatTick), ...(options.log ? decades(60) : {}) },
        { ...axis, label: options.yLabel, size: 56, values: (_u, ticks) => ticks.map(formatTick), ...(options.log ? decades(24) : {}) },
      ],
      series: [
        { label: 'x' },
        ...options.curves.map((c) => ({ label: c.label, stroke: c.color, width: c.width ?? 2, dash: c.dash, points: { show: false } })),
      ],
      legend: { show: false },
      cursor: { show: false },
      hooks: { draw: [(u: uPlot) => this.drawOverlay(u)] },
    };
    this.plot = new uPlot(plotOptions, [[], ...options.curves.map(() => [])], container);
    container.append(legend(options.curves));
    new ResizeObserver(() => this.plot.setSize({ width: Math.max(container.clientWidth, 240), height })).observe(container);
    if (options.onPick) {
      const over = this.plot.over;
      over.style.cursor = 'crosshair';
      over.addEventListener('click', (event) => {
        const rect = over.getBoundingClientRect();
        options.onPick!(this.plot.posToVal(event.clientX - rect.left, 'x'));
      });
    }
  }

  /** New curves over [from, to], y shown over [low, high]. */
  setData(from: number, to: number, low: number, high: number, x: ArrayLike<number>, ys: ArrayLike<number>[]): void {
    this.xRange = [from, to];
    this.yRange = [low, high];
    this.plot.setData([Array.from(x), ...ys.map(toGaps)] as uPlot.AlignedData);
  }

  setOverlay(markers: Marker[], segments: Segment[]): void {
    this.markers = markers;
    this.segments = segments;
    this.plot.redraw(false, false);
  }

  private drawOverlay(u: uPlot): void {
    const ctx = u.ctx;
    const ratio = uPlot.pxRatio;
    const { left, top, width, height } = u.bbox;
    const px = (x: number) => u.valToPos(x, 'x', true);
    const py = (y: number) => u.valToPos(y, 'y', true);
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    if (this.options.zeroLine && this.yRange[0] < 0 && this.yRange[1] > 0) {
      ctx.strokeStyle = '#64748b';
      ctx.lineWidth = ratio;
      ctx.beginPath();
      ctx.moveTo(left, py(0));
      ctx.lineTo(left + width, py(0));
      ctx.stroke();
    }
    for (const s of this.segments) {
      if (![s.x0, s.y0, s.x1, s.y1].every(Number.isFinite)) continue;
      ctx.strokeStyle = s.color;
      ctx.lineWidth = 2 * ratio;
      ctx.setLineDash([8 * ratio, 5 * ratio]);
      ctx.beginPath();
      ctx.moveTo(px(s.x0), py(s.y0));
      ctx.lineTo(px(s.x1), py(s.y1));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.font = `${12 * ratio}px system-ui, sans-serif`;
    ctx.textBaseline = 'bottom';
    ctx.textAlign = 'left'; // uPlot leaves it centred after drawing the axes
    const labels: { text: string; x: number; y: number; r: number }[] = [];
    for (const m of this.markers) {
      if (!Number.isFinite(m.x) || !Number.isFinite(m.y)) continue;
      const x = px(m.x);
      const y = py(m.y);
      const r = 5 * ratio;
      ctx.fillStyle = m.color;
      ctx.strokeStyle = m.color;
      ctx.lineWidth = 2 * ratio;
      ctx.beginPath();
      if (m.shape === 'diamond') {
        ctx.moveTo(x, y - r * 1.3);
        ctx.lineTo(x + r * 1.3, y);
        ctx.lineTo(x, y + r * 1.3);
        ctx.lineTo(x - r * 1.3, y);
        ctx.closePath();
      } else {
        ctx.arc(x, y, r, 0, 2 * Math.PI);
      }
      if (m.shape === 'ring') {
        ctx.fillStyle = '#ffffff';
        ctx.fill();
        ctx.stroke();
      } else {
        ctx.fill();
      }
      if (m.label) labels.push({ text: m.label, x, y, r });
    }
    // Labels last, on a light backing, so no marker is drawn over one.
    for (const { text, x, y, r } of labels) {
      const textWidth = ctx.measureText(text).width;
      const tx = Math.min(Math.max(x - textWidth / 2, left + 2), left + width - textWidth - 2);
      const ty = y - r * 1.6 < top + 14 * ratio ? y + r * 1.6 + 14 * ratio : y - r * 1.6;
      ctx.fillStyle = 'rgba(255, 255, 255, 0.65)';
      ctx.fillRect(tx - 2 * ratio, ty - 13 * ratio, textWidth + 4 * ratio, 14 * ratio);
      ctx.fillStyle = '#0f172a';
      ctx.fillText(text, tx, ty);
    }
    ctx.restore();
  }
}

/** Ticks at powers of ten, every decade or every 2, 3, 5 … decades so labels are `space` CSS px apart. */
function decades(space: number): Partial<uPlot.Axis> {
  return {
    splits: (u, axisIndex, min, max) => {
      const first = Math.ceil(Math.log10(min) - 1e-9);
      const last = Math.floor(Math.log10(max) + 1e-9);
      const length = axisIndex === 0 ? u.bbox.width : u.bbox.height;
      const fits = Math.max(1, Math.floor(length / uPlot.pxRatio / space));
      const stride = [1, 2, 3, 4, 5, 10].find((s) => (last - first) / s <= fits) ?? 10;
      const ticks: number[] = [];
      for (let k = Math.ceil(first / stride) * stride; k <= last; k += stride) ticks.push(10 ** k);
      return ticks;
    },
  };
}

function legend(curves: CurveSpec[]): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'chart-legend';
  for (const c of curves) {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'chart-swatch';
    swatch.style.borderTopColor = c.color;
    swatch.style.borderTopStyle = c.dash ? 'dashed' : 'solid';
    item.append(swatch, c.label);
    list.append(item);
  }
  return list;
}

function formatTick(value: number | null): string {
  if (value == null || !Number.isFinite(value)) return '';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  const decade = Math.round(Math.log10(abs));
  if ((abs >= 1e5 || abs < 1e-3) && Math.abs(abs / 10 ** decade - 1) < 1e-6) return `${value < 0 ? '-' : ''}1e${decade}`;
  if (abs >= 1e5 || abs < 1e-3) return value.toExponential(1);
  return String(+value.toPrecision(4));
}
