// A canvas scatter plot for the linear-regression lesson: points coloured by group (training / test),
// with an optional diagonal y = x, a zero line, and straight or dashed line overlays. Pure drawing:
// every number it shows comes from the engine.
import { clearCanvas, drawAxes } from '../../web/widgets/canvas-axes';

export interface Overlay {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  dash?: number[];
}

export interface ScatterGroup {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
}

const PAD = { left: 64, right: 12, top: 10, bottom: 40 };

export class Scatter {
  private groups: ScatterGroup[] = [];
  private overlays: Overlay[] = [];
  private readonly observer: ResizeObserver;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private labels: { x: string; y: string },
    private readonly options: { diagonal?: boolean; zero?: boolean } = {},
  ) {
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(canvas);
  }

  set(groups: ScatterGroup[], overlays: Overlay[] = [], labels?: { x: string; y: string }): void {
    this.groups = groups;
    this.overlays = overlays;
    if (labels) this.labels = labels;
    this.draw();
  }

  private draw(): void {
    const { canvas } = this;
    const frame = clearCanvas(canvas);
    if (!frame) return;
    const { g, width, height } = frame;
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const s of this.groups) {
      for (let i = 0; i < s.x.length; i++) {
        if (!Number.isFinite(s.x[i]) || !Number.isFinite(s.y[i])) continue;
        (x0 = Math.min(x0, s.x[i])), (x1 = Math.max(x1, s.x[i])), (y0 = Math.min(y0, s.y[i])), (y1 = Math.max(y1, s.y[i]));
      }
    }
    if (!Number.isFinite(x0)) return;
    if (this.options.diagonal) (x0 = y0 = Math.min(x0, y0)), (x1 = y1 = Math.max(x1, y1));
    if (this.options.zero) (y0 = Math.min(y0, 0)), (y1 = Math.max(y1, 0));
    if (x1 === x0) (x0 -= 1), (x1 += 1);
    if (y1 === y0) (y0 -= 1), (y1 += 1);
    const mx = (x1 - x0) * 0.04, my = (y1 - y0) * 0.06;
    (x0 -= mx), (x1 += mx), (y0 -= my), (y1 += my);
    const w = width - PAD.left - PAD.right, h = height - PAD.top - PAD.bottom;
    const px = (v: number) => PAD.left + ((v - x0) / (x1 - x0)) * w;
    const py = (v: number) => PAD.top + (1 - (v - y0) / (y1 - y0)) * h;
    drawAxes(g, { left: PAD.left, top: PAD.top, w, h, x0, x1, y0, y1 }, height, {
      xTitle: this.labels.x,
      yTitle: this.labels.y,
      xSpacing: 90,
      ySpacing: 45,
      xTitleInset: 6,
      yTitleX: 12,
    });
    g.save();
    g.beginPath(), g.rect(PAD.left, PAD.top, w, h), g.clip();
    g.strokeStyle = '#0f172a';
    g.lineWidth = 1;
    if (this.options.diagonal) g.beginPath(), g.moveTo(px(x0), py(x0)), g.lineTo(px(x1), py(x1)), g.stroke();
    if (this.options.zero) g.beginPath(), g.moveTo(PAD.left, py(0)), g.lineTo(PAD.left + w, py(0)), g.stroke();
    const count = this.groups.reduce((n, s) => n + s.x.length, 0);
    const r = count > 1000 ? 1.7 : 2.6;
    g.globalAlpha = count > 1000 ? 0.6 : 0.85;
    for (const s of this.groups) {
      g.fillStyle = s.color;
      for (let i = 0; i < s.x.length; i++) {
        if (!Number.isFinite(s.y[i])) continue;
        g.beginPath(), g.arc(px(s.x[i]), py(s.y[i]), r, 0, 2 * Math.PI), g.fill();
      }
    }
    g.globalAlpha = 1;
    for (const line of this.overlays) {
      g.strokeStyle = line.color;
      g.lineWidth = 2.5;
      g.setLineDash(line.dash ?? []);
      g.beginPath();
      for (let i = 0; i < line.x.length; i++) (i ? g.lineTo : g.moveTo).call(g, px(line.x[i]), py(line.y[i]));
      g.stroke();
    }
    g.restore();
  }
}
