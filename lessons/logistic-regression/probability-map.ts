// The probability map of the logistic-regression lesson: a grid of class probabilities from the engine
// painted as a blend of class colours, the training (circles) and test (squares) points on top, and a
// probe marker. Pure drawing: every number comes from the engine.
import { drawAxes } from '../../web/widgets/canvas-axes';

export const CLASS_COLORS: [number, number, number][] = [
  [37, 99, 235], [234, 88, 12], [22, 163, 74], [147, 51, 234], [219, 39, 119], [8, 145, 178], [202, 138, 4], [75, 85, 99],
];
export const classColor = (k: number, alpha = 1) => {
  const [r, g, b] = CLASS_COLORS[k % CLASS_COLORS.length];
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
};

export interface MapPoints {
  /** rows × 2, original units. */
  x: Float64Array;
  labels: Int32Array;
  /** Predicted classes (test points: a ring marks a mistake). */
  predicted?: Int32Array;
  test: boolean;
}

const PAD = { left: 52, right: 10, top: 10, bottom: 40 };

export class ProbabilityMap {
  private box: [number, number, number, number] = [0, 1, 0, 1];
  private surface: { probs: Float64Array; size: number; classes: number } | null = null;
  private points: MapPoints[] = [];
  private probe: [number, number] | null = null;
  private labels = { x: 'x', y: 'y' };
  private readonly image = document.createElement('canvas');
  private readonly observer: ResizeObserver;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(canvas);
  }

  setFrame(box: [number, number, number, number], labels: { x: string; y: string }): void {
    this.box = box;
    this.labels = labels;
  }
  setSurface(probs: Float64Array | null, size: number, classes: number): void {
    this.surface = probs ? { probs, size, classes } : null;
    if (this.surface) this.paint();
    this.draw();
  }
  setPoints(points: MapPoints[]): void {
    this.points = points;
    this.draw();
  }
  setProbe(point: [number, number] | null): void {
    this.probe = point;
    this.draw();
  }

  /** The data coordinates under a canvas-relative pixel, or null outside the plot area. */
  toData(px: number, py: number): [number, number] | null {
    const { w, h } = this.area();
    const u = (px - PAD.left) / w, v = (py - PAD.top) / h;
    if (u < 0 || u > 1 || v < 0 || v > 1) return null;
    const [x0, x1, y0, y1] = this.box;
    return [x0 + u * (x1 - x0), y1 - v * (y1 - y0)];
  }

  private area() {
    return { w: this.canvas.clientWidth - PAD.left - PAD.right, h: this.canvas.clientHeight - PAD.top - PAD.bottom };
  }

  /** Renders the probability grid into an offscreen canvas (one pixel per grid cell). */
  private paint(): void {
    const { probs, size, classes } = this.surface!;
    this.image.width = size;
    this.image.height = size;
    const g = this.image.getContext('2d')!;
    const pixels = g.createImageData(size, size);
    for (let i = 0; i < size * size; i++) {
      let r = 0, gg = 0, b = 0;
      for (let k = 0; k < classes; k++) {
        const p = probs[i * classes + k];
        const c = CLASS_COLORS[k % CLASS_COLORS.length];
        (r += p * c[0]), (gg += p * c[1]), (b += p * c[2]);
      }
      // Blend with white so the points stay readable.
      pixels.data.set([255 - 0.45 * (255 - r), 255 - 0.45 * (255 - gg), 255 - 0.45 * (255 - b), 255], i * 4);
    }
    g.putImageData(pixels, 0, 0);
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
    const { w, h } = this.area();
    const [x0, x1, y0, y1] = this.box;
    if (this.surface) {
      g.imageSmoothingEnabled = true;
      g.drawImage(this.image, PAD.left, PAD.top, w, h);
    }
    drawAxes(g, { left: PAD.left, top: PAD.top, w, h, x0, x1, y0, y1 }, height, {
      xTitle: this.labels.x,
      yTitle: this.labels.y,
      xSpacing: 70,
      ySpacing: 45,
      xTitleInset: 6,
      yTitleX: 12,
    });
    const px = (v: number) => PAD.left + ((v - x0) / (x1 - x0)) * w;
    const py = (v: number) => PAD.top + (1 - (v - y0) / (y1 - y0)) * h;
    g.save();
    g.beginPath(), g.rect(PAD.left, PAD.top, w, h), g.clip();
    for (const set of this.points) {
      for (let i = 0; i < set.labels.length; i++) {
        const cx = px(set.x[2 * i]), cy = py(set.x[2 * i + 1]);
        g.fillStyle = classColor(set.labels[i]);
        g.strokeStyle = '#0f172a';
        g.lineWidth = 1;
        g.beginPath();
        if (set.test) g.rect(cx - 4, cy - 4, 8, 8);
        else g.arc(cx, cy, 3.5, 0, 2 * Math.PI);
        g.fill(), g.stroke();
        if (set.predicted && set.predicted[i] !== set.labels[i]) {
          g.strokeStyle = '#dc2626';
          g.lineWidth = 2;
          g.beginPath(), g.arc(cx, cy, 9, 0, 2 * Math.PI), g.stroke();
        }
      }
    }
    if (this.probe) {
      const cx = px(this.probe[0]), cy = py(this.probe[1]);
      g.strokeStyle = '#0f172a';
      g.lineWidth = 2;
      g.beginPath(), g.moveTo(cx - 10, cy), g.lineTo(cx + 10, cy), g.moveTo(cx, cy - 10), g.lineTo(cx, cy + 10), g.stroke();
    }
    g.restore();
  }
}
