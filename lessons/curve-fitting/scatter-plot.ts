// A canvas scatter plot with line overlays and simple axes: the data points (coloured by a group
// index) and fitted curves. Pure drawing: every number it shows comes from the engine.

import { drawAxes } from '../../web/widgets/canvas-axes';

export interface ScatterLine {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  dash?: number[];
}

export interface ScatterData {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Colour index into `colors` per point. */
  group?: ArrayLike<number>;
  lines?: ScatterLine[];
  /** A horizontal reference line (e.g. 0 for residuals). */
  zero?: boolean;
}

const PAD = { left: 52, right: 12, top: 10, bottom: 40 };

export class ScatterPlot {
  private data: ScatterData = { x: [], y: [] };
  private readonly observer: ResizeObserver;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly labels: { x: string; y: string },
    private readonly colors: string[],
  ) {
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(canvas);
  }

  setLabels(x: string, y: string): void {
    this.labels.x = x;
    this.labels.y = y;
  }

  setData(data: ScatterData): void {
    this.data = data;
    this.draw();
  }

  private draw(): void {
    const { canvas } = this;
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (width === 0 || height === 0) return;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const g = canvas.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);
    const { x, y, group, lines = [], zero } = this.data;
    const xs = [...Array.from(x), ...lines.flatMap((l) => Array.from(l.x))].filter(Number.isFinite);
    const ys = [...Array.from(y), ...(zero ? [0] : [])].filter(Number.isFinite);
    if (xs.length === 0 || ys.length === 0) return;
    let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    if (x1 === x0) (x0 -= 1), (x1 += 1);
    if (y1 === y0) (y0 -= 1), (y1 += 1);
    const margin = (y1 - y0) * 0.08;
    (y0 -= margin), (y1 += margin);
    const w = width - PAD.left - PAD.right, h = height - PAD.top - PAD.bottom;
    const px = (v: number) => PAD.left + ((v - x0) / (x1 - x0)) * w;
    const py = (v: number) => PAD.top + (1 - (v - y0) / (y1 - y0)) * h;

    drawAxes(g, { left: PAD.left, top: PAD.top, w, h, x0, x1, y0, y1 }, height, {
      xTitle: this.labels.x,
      yTitle: this.labels.y,
      xSpacing: 80,
      ySpacing: 45,
      xTitleInset: 6,
      yTitleX: 12,
    });
    if (zero) {
      g.strokeStyle = '#0f172a';
      g.beginPath(), g.moveTo(PAD.left, py(0)), g.lineTo(PAD.left + w, py(0)), g.stroke();
    }

    g.save();
    g.beginPath(), g.rect(PAD.left, PAD.top, w, h), g.clip();
    const r = x.length > 600 ? 1.6 : 2.6;
    for (let i = 0; i < x.length; i++) {
      if (!Number.isFinite(y[i])) continue;
      g.fillStyle = this.colors[group ? group[i] : 0] ?? this.colors[0];
      g.beginPath(), g.arc(px(x[i]), py(y[i]), r, 0, 2 * Math.PI), g.fill();
    }
    for (const line of lines) {
      g.strokeStyle = line.color;
      g.lineWidth = 2.5;
      g.setLineDash(line.dash ?? []);
      g.beginPath();
      let pen = false;
      for (let i = 0; i < line.x.length; i++) {
        const v = line.y[i];
        if (!Number.isFinite(v)) {
          pen = false;
          continue;
        }
        // Clamp far-off values so a wild polynomial still draws as a steep line, not a canvas overflow.
        const yy = Math.max(PAD.top - h, Math.min(PAD.top + 2 * h, py(v)));
        if (pen) g.lineTo(px(line.x[i]), yy);
        else g.moveTo(px(line.x[i]), yy);
        pen = true;
      }
      g.stroke();
    }
    g.restore();
  }
}
