// The cluster scatter: points coloured by their cluster, the centroids as crosses with the path each
// has travelled, and rings on the points the initialization picked. Centroids glide from their old
// to their new place over `ms` milliseconds (instantly when motion is reduced). Pure drawing: every
// coordinate, label and centroid comes from the engine.

import { drawAxes, paddedBounds } from '../../web/widgets/canvas-axes';

export const CLUSTER_COLORS = [
  '#2563eb', '#ea580c', '#16a34a', '#dc2626', '#9333ea', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d',
  '#1e3a8a', '#9a3412', '#14532d', '#7f1d1d', '#581c87', '#164e63', '#713f12', '#831843', '#111827', '#365314',
];
export const clusterColor = (j: number) => CLUSTER_COLORS[j % CLUSTER_COLORS.length];

export interface ClusterView {
  /** x and y of every point, and its cluster (−1: not assigned yet). */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  labels: ArrayLike<number>;
  /** Each centroid's path so far, as [x, y] pairs; the last pair is where it is now. */
  paths: [number, number][][];
  /** Points the initialization picked. */
  initial: ArrayLike<number>;
  xLabel: string;
  yLabel: string;
}

const PAD = { left: 50, right: 12, top: 10, bottom: 40 };

export class ClusterPlot {
  private view: ClusterView | null = null;
  private from: [number, number][] | null = null;
  private glide = { start: 0, ms: 0 };
  private frame = 0;
  private range = { x0: 0, x1: 1, y0: 0, y1: 1 };

  constructor(private readonly canvas: HTMLCanvasElement) {
    new ResizeObserver(() => this.draw(1)).observe(canvas);
  }

  /** Shows `view`; the centroids glide from where they were over `ms` milliseconds. */
  show(view: ClusterView, ms = 0, keepRange = false): void {
    const previous = this.view?.paths.map((p) => p[p.length - 1]) ?? null;
    this.from = ms > 0 && previous && previous.length === view.paths.length ? previous : null;
    this.view = view;
    if (!keepRange) this.fitRange();
    cancelAnimationFrame(this.frame);
    this.glide = { start: performance.now(), ms };
    const tick = () => {
      const t = this.from ? Math.min(1, (performance.now() - this.glide.start) / this.glide.ms) : 1;
      this.draw(t);
      if (t < 1) this.frame = requestAnimationFrame(tick);
    };
    tick();
  }

  private fitRange(): void {
    this.range = paddedBounds(this.view!.x, this.view!.y, 0.05);
  }

  private draw(t: number): void {
    const { canvas, view } = this;
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (width === 0 || height === 0) return;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const g = canvas.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);
    if (!view) return;
    const { x0, x1, y0, y1 } = this.range;
    const w = width - PAD.left - PAD.right, h = height - PAD.top - PAD.bottom;
    const px = (v: number) => PAD.left + ((v - x0) / (x1 - x0)) * w;
    const py = (v: number) => PAD.top + (1 - (v - y0) / (y1 - y0)) * h;
    drawAxes(g, { left: PAD.left, top: PAD.top, w, h, x0, x1, y0, y1 }, height, {
      xTitle: view.xLabel, yTitle: view.yLabel, xSpacing: 80, ySpacing: 45, xTitleInset: 5, yTitleX: 11,
    });
    g.save();
    g.beginPath(), g.rect(PAD.left, PAD.top, w, h), g.clip();
    const n = view.x.length;
    const r = n > 1500 ? 1.6 : n > 400 ? 2.3 : 3;
    g.globalAlpha = 0.8;
    for (let i = 0; i < n; i++) {
      g.fillStyle = view.labels[i] >= 0 ? clusterColor(view.labels[i]) : '#94a3b8';
      g.beginPath(), g.arc(px(view.x[i]), py(view.y[i]), r, 0, 2 * Math.PI), g.fill();
    }
    g.globalAlpha = 1;
    g.strokeStyle = '#0f172a';
    g.lineWidth = 1.2;
    for (let s = 0; s < view.initial.length; s++) {
      const i = view.initial[s];
      g.beginPath(), g.arc(px(view.x[i]), py(view.y[i]), r + 4, 0, 2 * Math.PI), g.stroke();
    }
    view.paths.forEach((path, j) => {
      const end = path[path.length - 1];
      const start = this.from?.[j] ?? end;
      const at: [number, number] = [start[0] + (end[0] - start[0]) * t, start[1] + (end[1] - start[1]) * t];
      // The path travelled (up to where the centroid is now drawn).
      g.strokeStyle = clusterColor(j);
      g.lineWidth = 2;
      g.beginPath();
      const shown = this.from ? [...path.slice(0, -1), at] : path;
      shown.forEach(([a, b], k) => (k ? g.lineTo(px(a), py(b)) : g.moveTo(px(a), py(b))));
      g.stroke();
      drawCross(g, px(at[0]), py(at[1]), clusterColor(j));
    });
    g.restore();
  }
}

/** A centroid: a thick cross with a white halo so it stands out over the points. */
function drawCross(g: CanvasRenderingContext2D, x: number, y: number, color: string): void {
  const s = 7;
  for (const [style, width] of [['#ffffff', 6], [color, 3]] as const) {
    g.strokeStyle = style;
    g.lineWidth = width;
    g.beginPath();
    g.moveTo(x - s, y - s), g.lineTo(x + s, y + s);
    g.moveTo(x + s, y - s), g.lineTo(x - s, y + s);
    g.stroke();
  }
}
