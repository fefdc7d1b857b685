// A canvas of decision regions: the engine's class-per-cell grid painted as an image (stronger colour
// where the model is surer), the samples on top (training dots filled, test dots as rings), and
// optionally one axis-aligned ellipse per class at 1σ and 2σ (Gaussian naive Bayes). Pure drawing:
// every number comes from the engine.
import { CLASS_COLORS, drawClassGrid, drawRegionAxes, drawSample, regionArea } from '../../web/widgets/class-regions';
import { clearCanvas } from '../../web/widgets/canvas-axes';

export { CLASS_COLORS } from '../../web/widgets/class-regions';

export interface RegionsData {
  bounds: [number, number, number, number];
  /** Cells a side; labels/confidence in image order (first row at the top). */
  grid: number;
  labels: Uint8Array | null;
  confidence: Float32Array | null;
  classes: number;
  /** Colour index of each class. */
  colorOf: (cls: number) => number;
  points: Float64Array;
  pointLabels: Int32Array;
  isTest: Uint8Array | null;
  /** θ and σ² (classes × 2) for ellipses. */
  gaussians?: { theta: Float64Array; var: Float64Array };
}

const PAD = { left: 48, right: 10, top: 10, bottom: 40 };

export class RegionsPlot {
  private data: RegionsData | null = null;
  private readonly observer: ResizeObserver;
  private labels = { x: 'x', y: 'y' };

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(canvas);
  }

  setData(data: RegionsData, x: string, y: string): void {
    this.data = data;
    this.labels = { x, y };
    this.draw();
  }

  /** The data coordinates under a client point, or null outside the plot area. */
  toData(clientX: number, clientY: number): [number, number] | null {
    if (!this.data) return null;
    const rect = this.canvas.getBoundingClientRect();
    const w = rect.width - PAD.left - PAD.right, h = rect.height - PAD.top - PAD.bottom;
    const u = (clientX - rect.left - PAD.left) / w, v = (clientY - rect.top - PAD.top) / h;
    if (u < 0 || u > 1 || v < 0 || v > 1) return null;
    const [x0, x1, y0, y1] = this.data.bounds;
    return [x0 + u * (x1 - x0), y1 - v * (y1 - y0)];
  }

  private draw(): void {
    const { data } = this;
    const frame = clearCanvas(this.canvas);
    if (!frame || !data) return;
    const { g, width, height } = frame;
    const area = regionArea(width, height, PAD, data.bounds);
    const { x0, x1, y0, y1, w, h, px, py } = area;

    if (data.labels && data.confidence) {
      const labels = data.labels, confidence = data.confidence;
      const floor = 1 / Math.max(2, data.classes);
      drawClassGrid(g, data.grid, (i) => data.colorOf(labels[i]), (i) => {
        const sure = Math.max(0, Math.min(1, (confidence[i] - floor) / (1 - floor)));
        return 0.12 + 0.33 * sure;
      }, area, false);
    }
    drawRegionAxes(g, area, height, this.labels);

    g.save();
    g.beginPath(), g.rect(PAD.left, PAD.top, w, h), g.clip();
    if (data.gaussians) {
      const { theta, var: variance } = data.gaussians;
      for (let c = 0; c < data.classes; c++) {
        g.strokeStyle = CLASS_COLORS[data.colorOf(c) % CLASS_COLORS.length];
        g.lineWidth = 1.6;
        for (const [sigmas, dash] of [[1, []], [2, [5, 4]]] as [number, number[]][]) {
          const rx = (sigmas * Math.sqrt(variance[2 * c]) / (x1 - x0)) * w;
          const ry = (sigmas * Math.sqrt(variance[2 * c + 1]) / (y1 - y0)) * h;
          g.setLineDash(dash);
          g.beginPath(), g.ellipse(px(theta[2 * c]), py(theta[2 * c + 1]), rx, ry, 0, 0, 2 * Math.PI), g.stroke();
        }
        g.setLineDash([]);
        g.fillStyle = '#0f172a';
        g.beginPath(), g.arc(px(theta[2 * c]), py(theta[2 * c + 1]), 3, 0, 2 * Math.PI), g.fill();
      }
    }
    const { points, pointLabels, isTest } = data;
    const r = points.length > 600 ? 3 : 4;
    for (let i = 0; i < pointLabels.length; i++) {
      const color = CLASS_COLORS[data.colorOf(pointLabels[i]) % CLASS_COLORS.length];
      drawSample(g, px(points[2 * i]), py(points[2 * i + 1]), r, color, Boolean(isTest && isTest[i]));
    }
    g.restore();
  }
}
