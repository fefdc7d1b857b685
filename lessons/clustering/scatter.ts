// The clustering scatter: points coloured by cluster, DBSCAN's core points large, border points small
// and noise as grey crosses, and a Gaussian mixture's components as 1σ and 2σ ellipses. Pure drawing:
// labels, kinds, means and covariances all come from the engine.

import { clearCanvas, drawAxes, paddedBounds } from '../../web/widgets/canvas-axes';

export const COLORS = ['#2563eb', '#ea580c', '#16a34a', '#dc2626', '#9333ea', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];
export const color = (j: number) => COLORS[j % COLORS.length];

export interface Ellipse {
  /** Centre and the 2 × 2 covariance [sxx, sxy, syy] in the plotted axes. */
  cx: number;
  cy: number;
  sxx: number;
  sxy: number;
  syy: number;
  color: string;
}

export interface ScatterView {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Cluster per point; −1 is noise. */
  labels: ArrayLike<number>;
  /** DBSCAN: 0 noise, 1 border, 2 core (empty: all drawn alike). */
  kinds?: ArrayLike<number>;
  ellipses?: Ellipse[];
  xLabel: string;
  yLabel: string;
}

const PAD = { left: 50, right: 12, top: 10, bottom: 40 };

export class Scatter {
  private view: ScatterView | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  show(view: ScatterView): void {
    this.view = view;
    this.draw();
  }

  private draw(): void {
    const { canvas, view } = this;
    const frame = clearCanvas(canvas);
    if (!frame) return;
    const { g, width, height } = frame;
    if (!view || view.x.length === 0) return;
    const { x0, x1, y0, y1 } = paddedBounds(view.x, view.y, 0.06);
    const w = width - PAD.left - PAD.right, h = height - PAD.top - PAD.bottom;
    const px = (v: number) => PAD.left + ((v - x0) / (x1 - x0)) * w;
    const py = (v: number) => PAD.top + (1 - (v - y0) / (y1 - y0)) * h;
    drawAxes(g, { left: PAD.left, top: PAD.top, w, h, x0, x1, y0, y1 }, height, {
      xTitle: view.xLabel, yTitle: view.yLabel, xSpacing: 80, ySpacing: 45, xTitleInset: 5, yTitleX: 11,
    });
    g.save();
    g.beginPath(), g.rect(PAD.left, PAD.top, w, h), g.clip();
    const base = view.x.length > 800 ? 2 : 3;
    for (let i = 0; i < view.x.length; i++) {
      const kind = view.kinds && view.kinds.length ? view.kinds[i] : 2;
      const [cx, cy] = [px(view.x[i]), py(view.y[i])];
      if (view.labels[i] < 0 || kind === 0) {
        g.strokeStyle = '#94a3b8';
        g.lineWidth = 1.5;
        g.beginPath(), g.moveTo(cx - 3, cy - 3), g.lineTo(cx + 3, cy + 3), g.moveTo(cx + 3, cy - 3), g.lineTo(cx - 3, cy + 3), g.stroke();
        continue;
      }
      g.fillStyle = color(view.labels[i]);
      g.globalAlpha = kind === 1 ? 0.55 : 0.85;
      g.beginPath(), g.arc(cx, cy, kind === 1 ? base - 0.8 : base, 0, 2 * Math.PI), g.fill();
    }
    g.globalAlpha = 1;
    for (const e of view.ellipses ?? []) {
      // Axes of the ellipse: the eigenvectors of the 2 × 2 covariance, half-lengths √λ per σ.
      const tr = e.sxx + e.syy, det = e.sxx * e.syy - e.sxy * e.sxy;
      const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
      const l1 = tr / 2 + disc, l2 = Math.max(0, tr / 2 - disc);
      const angle = Math.abs(e.sxy) < 1e-12 ? (e.sxx >= e.syy ? 0 : Math.PI / 2) : Math.atan2(l1 - e.sxx, e.sxy);
      for (const [sigmas, dash] of [[1, [] as number[]], [2, [5, 4]]] as [number, number[]][]) {
        g.strokeStyle = e.color;
        g.lineWidth = 2;
        g.setLineDash(dash);
        g.beginPath();
        for (let t = 0; t <= 64; t++) {
          const a = (2 * Math.PI * t) / 64;
          const u = sigmas * Math.sqrt(l1) * Math.cos(a), v = sigmas * Math.sqrt(l2) * Math.sin(a);
          const X = e.cx + u * Math.cos(angle) - v * Math.sin(angle), Y = e.cy + u * Math.sin(angle) + v * Math.cos(angle);
          if (t) g.lineTo(px(X), py(Y));
          else g.moveTo(px(X), py(Y));
        }
        g.stroke();
      }
      g.setLineDash([]);
      g.fillStyle = '#0f172a';
      g.beginPath(), g.arc(px(e.cx), py(e.cy), 3.5, 0, 2 * Math.PI), g.fill();
    }
    g.restore();
  }
}
