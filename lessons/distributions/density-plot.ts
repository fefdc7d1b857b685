// A canvas plot for the distributions lesson: histogram bars, density curves, PMF stems and step
// CDFs over one x range, with simple axes. Pure drawing: every number comes from the engine.

import { drawAxes } from '../../web/widgets/canvas-axes';

export interface Bars {
  low: number;
  width: number;
  heights: ArrayLike<number>;
  color: string;
}

export interface Curve {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  dash?: number[];
  /** 'line' joins the points; 'stems' draws a dot on a stick at each x (a PMF); 'steps' a
   *  right-continuous staircase (a discrete CDF). */
  style?: 'line' | 'stems' | 'steps';
  width?: number;
}

export interface DensityPlotData {
  range: [number, number];
  bars?: Bars;
  curves: Curve[];
  /** Fixed y range (a CDF: [0, 1]); otherwise from 0 to a little above the tallest bar or finite curve value. */
  yRange?: [number, number];
  /** A vertical marker (the x of a CDF query). */
  marker?: number;
}

const PAD = { left: 48, right: 12, top: 10, bottom: 38 };

export class DensityPlot {
  private data: DensityPlotData | null = null;
  private readonly observer: ResizeObserver;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private labels: { x: string; y: string },
  ) {
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(canvas);
  }

  setLabels(x: string, y: string): void {
    this.labels = { x, y };
  }

  setData(data: DensityPlotData): void {
    this.data = data;
    this.draw();
  }

  private draw(): void {
    const { canvas, data } = this;
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (!data || width === 0 || height === 0) return;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const g = canvas.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);

    const [x0, x1] = data.range;
    const [y0, y1] = data.yRange ?? [0, topOf(data)];
    const w = width - PAD.left - PAD.right, h = height - PAD.top - PAD.bottom;
    const px = (v: number) => PAD.left + ((v - x0) / (x1 - x0)) * w;
    const py = (v: number) => PAD.top + (1 - (v - y0) / (y1 - y0)) * h;
    const clampY = (v: number) => Math.max(PAD.top - 2, Math.min(PAD.top + h, py(v)));

    drawAxes(g, { left: PAD.left, top: PAD.top, w, h, x0, x1, y0, y1 }, height, {
      xTitle: this.labels.x,
      yTitle: this.labels.y,
      xSpacing: 70,
      ySpacing: 40,
      xTitleInset: 4,
      yTitleX: 11,
    });
    g.strokeStyle = '#94a3b8';
    g.beginPath(), g.moveTo(PAD.left, PAD.top + h), g.lineTo(PAD.left + w, PAD.top + h), g.stroke();

    g.save();
    g.beginPath(), g.rect(PAD.left, PAD.top - 2, w, h + 2), g.clip();
    if (data.bars) {
      const { low, width: bw, heights, color } = data.bars;
      g.fillStyle = color;
      for (let i = 0; i < heights.length; i++) {
        if (!(heights[i] > 0)) continue;
        const left = px(low + i * bw), right = px(low + (i + 1) * bw);
        const top = clampY(heights[i]);
        // A hair of gap between bars once they are wide enough to see it.
        const gap = right - left > 4 ? 1 : 0;
        g.fillRect(left, top, Math.max(1, right - left - gap), PAD.top + h - top);
      }
    }
    for (const curve of data.curves) drawCurve(g, curve, px, clampY, x1);
    if (data.marker !== undefined && Number.isFinite(data.marker)) {
      g.strokeStyle = '#0f172a';
      g.setLineDash([3, 3]);
      g.lineWidth = 1.5;
      g.beginPath(), g.moveTo(px(data.marker), PAD.top), g.lineTo(px(data.marker), PAD.top + h), g.stroke();
      g.setLineDash([]);
    }
    g.restore();
  }
}

function drawCurve(g: CanvasRenderingContext2D, curve: Curve, px: (v: number) => number, py: (v: number) => number, xEnd: number): void {
  const { x, y, color, style = 'line' } = curve;
  g.strokeStyle = color;
  g.fillStyle = color;
  g.lineWidth = curve.width ?? 2.5;
  g.setLineDash(curve.dash ?? []);
  if (style === 'stems') {
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(y[i])) continue;
      g.beginPath(), g.moveTo(px(x[i]), py(0)), g.lineTo(px(x[i]), py(y[i])), g.stroke();
      g.beginPath(), g.arc(px(x[i]), py(y[i]), 3.2, 0, 2 * Math.PI), g.fill();
    }
  } else {
    g.beginPath();
    let pen = false;
    for (let i = 0; i < x.length; i++) {
      if (Number.isNaN(y[i])) {
        pen = false;
        continue;
      }
      const X = px(x[i]), Y = py(y[i]);
      if (!pen) g.moveTo(X, Y);
      else if (style === 'steps') g.lineTo(X, py(y[i - 1])), g.lineTo(X, Y);
      else g.lineTo(X, Y);
      pen = true;
    }
    if (style === 'steps' && x.length > 0) g.lineTo(px(xEnd), py(y[x.length - 1]));
    g.stroke();
  }
  g.setLineDash([]);
}

/** A little above the tallest bar and the tallest finite curve value, ignoring a density's
 *  infinite or towering edge (beta and gamma with a parameter below 1) beyond 3× the bulk. */
function topOf(data: DensityPlotData): number {
  const values: number[] = [];
  if (data.bars) values.push(...Array.from(data.bars.heights));
  for (const c of data.curves) values.push(...Array.from(c.y));
  const finite = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (finite.length === 0) return 1;
  const bulk = finite[Math.floor(finite.length * 0.9)];
  return Math.min(finite[finite.length - 1], 3 * bulk) * 1.08;
}
