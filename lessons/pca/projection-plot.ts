// The projection scatter: samples placed by two component scores and coloured by class, with the
// picked sample ringed. Pointer (click or drag) and arrow keys pick a sample. Pure drawing: the
// scores come from the engine.

import { clearCanvas, drawAxes, paddedBounds } from '../../web/widgets/canvas-axes';

export const CLASS_COLORS = [
  '#2563eb', '#ea580c', '#16a34a', '#dc2626', '#9333ea', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d',
  '#1e3a8a', '#9a3412', '#14532d', '#7f1d1d', '#581c87', '#164e63', '#713f12', '#831843', '#111827', '#365314',
];

export interface ProjectionData {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Class index per sample (empty: one colour). */
  labels: ArrayLike<number>;
  xLabel: string;
  yLabel: string;
}

const PAD = { left: 48, right: 12, top: 10, bottom: 38 };

export class ProjectionPlot {
  private data: ProjectionData | null = null;
  private picked = -1;
  private view = { x0: 0, x1: 1, y0: 0, y1: 1, w: 1, h: 1 };

  constructor(private readonly canvas: HTMLCanvasElement, private readonly onPick: (index: number) => void) {
    new ResizeObserver(() => this.draw()).observe(canvas);
    const pick = (event: PointerEvent) => {
      const index = this.nearest(event.offsetX, event.offsetY);
      if (index >= 0 && index !== this.picked) this.onPick(index);
    };
    canvas.addEventListener('pointerdown', (event) => {
      canvas.setPointerCapture?.(event.pointerId);
      pick(event);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (event.buttons & 1) pick(event);
    });
    canvas.addEventListener('keydown', (event) => {
      if (!this.data) return;
      const n = this.data.x.length;
      const step = event.key === 'ArrowRight' || event.key === 'ArrowUp' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -1 : 0;
      if (step === 0) return;
      event.preventDefault();
      this.onPick((Math.max(this.picked, 0) + step + n) % n);
    });
  }

  setData(data: ProjectionData): void {
    this.data = data;
    this.draw();
  }

  setPicked(index: number): void {
    this.picked = index;
    this.draw();
  }

  /** Canvas position (CSS pixels) of sample i, for tests and the focus ring. */
  position(i: number): [number, number] {
    const { x0, x1, y0, y1, w, h } = this.view;
    return [PAD.left + ((this.data!.x[i] - x0) / (x1 - x0)) * w, PAD.top + (1 - (this.data!.y[i] - y0) / (y1 - y0)) * h];
  }

  private nearest(px: number, py: number): number {
    if (!this.data) return -1;
    let best = -1, bestD = Infinity;
    for (let i = 0; i < this.data.x.length; i++) {
      const [qx, qy] = this.position(i);
      const d = (qx - px) ** 2 + (qy - py) ** 2;
      if (d < bestD) (best = i), (bestD = d);
    }
    return bestD <= 30 * 30 ? best : -1;
  }

  private draw(): void {
    const { canvas, data } = this;
    const frame = clearCanvas(canvas);
    if (!frame) return;
    const { g, width, height } = frame;
    if (!data || data.x.length === 0) return;
    const { x0, x1, y0, y1 } = paddedBounds(data.x, data.y, 0.05);
    const w = width - PAD.left - PAD.right, h = height - PAD.top - PAD.bottom;
    this.view = { x0, x1, y0, y1, w, h };
    const px = (v: number) => PAD.left + ((v - x0) / (x1 - x0)) * w;
    const py = (v: number) => PAD.top + (1 - (v - y0) / (y1 - y0)) * h;

    drawAxes(g, { left: PAD.left, top: PAD.top, w, h, x0, x1, y0, y1 }, height, {
      xTitle: data.xLabel,
      yTitle: data.yLabel,
      xSpacing: 80,
      ySpacing: 45,
      xTitleInset: 5,
      yTitleX: 11,
    });

    const r = data.x.length > 1000 ? 1.5 : data.x.length > 300 ? 2 : 3;
    g.globalAlpha = data.x.length > 1000 ? 0.7 : 1;
    for (let i = 0; i < data.x.length; i++) {
      g.fillStyle = data.labels.length ? CLASS_COLORS[data.labels[i] % CLASS_COLORS.length] : CLASS_COLORS[0];
      g.beginPath(), g.arc(px(data.x[i]), py(data.y[i]), r, 0, 2 * Math.PI), g.fill();
    }
    g.globalAlpha = 1;
    if (this.picked >= 0 && this.picked < data.x.length) {
      const [qx, qy] = [px(data.x[this.picked]), py(data.y[this.picked])];
      g.strokeStyle = '#0f172a';
      g.lineWidth = 2;
      g.beginPath(), g.arc(qx, qy, 7, 0, 2 * Math.PI), g.stroke();
    }
  }
}
