// The SVM picture: the engine's decision values on a grid painted as classes (paler near the
// boundary), the boundary f = 0 and the margins f = ±1 traced by marching squares, the samples
// (training dots filled, test dots as rings) and the support vectors circled (α = C in red). Pure
// drawing: every number comes from the engine.
import { CLASS_COLORS, drawClassGrid, drawRegionAxes, drawSample, regionArea } from '../../web/widgets/class-regions';
import { clearCanvas } from '../../web/widgets/canvas-axes';

export { CLASS_COLORS } from '../../web/widgets/class-regions';

export interface SvmPicture {
  bounds: [number, number, number, number];
  grid: number;
  /** f per cell (two classes) or the largest one-vs-rest f; image order. */
  values: Float32Array;
  regions: Uint8Array;
  binary: boolean;
  points: Float64Array;
  labels: Int32Array;
  isTest: Uint8Array;
  /** Rows that are support vectors, and which of them sit at α = C. */
  support: Set<number>;
  atC: Set<number>;
  /** A second boundary w·x + b = 0 (the sub-gradient solution), dashed. */
  line?: { w: Float64Array; b: number };
}

const PAD = { left: 44, right: 10, top: 10, bottom: 40 };

/** Segments where the grid function crosses `level`, in grid-cell coordinates (cell centres at i + 0.5). */
function contour(values: Float32Array, n: number, level: number): number[] {
  const out: number[] = [];
  const at = (r: number, c: number) => values[r * n + c] - level;
  for (let r = 0; r + 1 < n; r++) {
    for (let c = 0; c + 1 < n; c++) {
      const corners = [at(r, c), at(r, c + 1), at(r + 1, c + 1), at(r + 1, c)];
      const xy = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
      const hits: number[] = [];
      for (let e = 0; e < 4; e++) {
        const a = corners[e], b = corners[(e + 1) % 4];
        if ((a < 0) !== (b < 0)) {
          const t = a / (a - b);
          const [x0, y0] = xy[e], [x1, y1] = xy[(e + 1) % 4];
          hits.push(x0 + t * (x1 - x0) + 0.5, y0 + t * (y1 - y0) + 0.5);
        }
      }
      for (let h = 0; h + 3 < hits.length; h += 4) out.push(hits[h], hits[h + 1], hits[h + 2], hits[h + 3]);
    }
  }
  return out;
}

export class SvmPlot {
  private data: SvmPicture | null = null;
  private labels = { x: 'x', y: 'y' };
  private readonly observer: ResizeObserver;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.observer = new ResizeObserver(() => this.draw());
    this.observer.observe(canvas);
  }

  setData(data: SvmPicture, x: string, y: string): void {
    this.data = data;
    this.labels = { x, y };
    this.draw();
  }

  private draw(): void {
    const { data } = this;
    const frame = clearCanvas(this.canvas);
    if (!frame || !data) return;
    const { g, width, height } = frame;
    const area = regionArea(width, height, PAD, data.bounds);
    const { x0, x1, y0, y1, w, h, px, py } = area;
    const n = data.grid;

    // Paler inside the margin (|f| < 1) in the two-class picture.
    drawClassGrid(g, n, (i) => data.regions[i], (i) => (data.binary ? 0.12 + 0.22 * Math.min(1, Math.abs(data.values[i])) : 0.28),
      area, true);
    drawRegionAxes(g, area, height, this.labels);

    g.save();
    g.beginPath(), g.rect(PAD.left, PAD.top, w, h), g.clip();
    const cell = (gx: number, gy: number): [number, number] => [PAD.left + (gx / n) * w, PAD.top + (gy / n) * h];
    const stroke = (segments: number[], color: string, width: number, dash: number[]) => {
      g.strokeStyle = color;
      g.lineWidth = width;
      g.setLineDash(dash);
      g.beginPath();
      for (let s = 0; s < segments.length; s += 4) {
        const [ax, ay] = cell(segments[s], segments[s + 1]), [bx, by] = cell(segments[s + 2], segments[s + 3]);
        g.moveTo(ax, ay), g.lineTo(bx, by);
      }
      g.stroke();
    };
    if (data.binary) {
      stroke(contour(data.values, n, 1), '#475569', 1.3, [5, 4]);
      stroke(contour(data.values, n, -1), '#475569', 1.3, [5, 4]);
      stroke(contour(data.values, n, 0), '#0f172a', 2.2, []);
    } else {
      // Where the predicted class changes: each class's indicator crosses ½.
      for (let c = 0; c < 8; c++) {
        const indicator = Float32Array.from(data.regions, (v) => (v === c ? 1 : 0));
        stroke(contour(indicator, n, 0.5), '#0f172a', 1.6, []);
      }
    }
    if (data.line) {
      // w·x + b = 0 across the plot, for the sub-gradient solution.
      const { w: ww, b } = data.line;
      g.strokeStyle = '#be123c';
      g.lineWidth = 2;
      g.setLineDash([3, 3]);
      g.beginPath();
      if (Math.abs(ww[1]) > 1e-12) {
        g.moveTo(px(x0), py(-(b + ww[0] * x0) / ww[1]));
        g.lineTo(px(x1), py(-(b + ww[0] * x1) / ww[1]));
      } else if (Math.abs(ww[0]) > 1e-12) {
        g.moveTo(px(-b / ww[0]), py(y0));
        g.lineTo(px(-b / ww[0]), py(y1));
      }
      g.stroke();
    }
    g.setLineDash([]);
    const { points, labels, isTest } = data;
    for (let i = 0; i < labels.length; i++) {
      const color = CLASS_COLORS[labels[i] % CLASS_COLORS.length];
      const cx = px(points[2 * i]), cy = py(points[2 * i + 1]);
      drawSample(g, cx, cy, 4, color, isTest[i] !== 0);
      if (data.support.has(i)) {
        g.beginPath(), g.arc(cx, cy, 7.5, 0, 2 * Math.PI);
        g.strokeStyle = data.atC.has(i) ? '#dc2626' : '#0f172a';
        g.lineWidth = 1.8;
        g.stroke();
      }
    }
    g.restore();
  }
}
