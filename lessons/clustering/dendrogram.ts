// The dendrogram: leaves along the bottom in the engine's order, each merge a ⊓ joining its two
// children at its height. Clicking (or Enter on a focused canvas with the arrow keys moving the cut)
// picks a cut height; the page asks the engine how many clusters that leaves. Pure drawing.

import { niceTicks, tickLabel } from '../../web/widgets/canvas-axes';

export interface Tree {
  a: ArrayLike<number>;
  b: ArrayLike<number>;
  height: ArrayLike<number>;
  order: ArrayLike<number>;
  /** Cluster of each point at the current cut, for colouring the leaves. */
  labels: ArrayLike<number>;
  /** The cut: drawn as a dashed line. */
  cut: number;
}

const PAD = { left: 50, right: 10, top: 10, bottom: 14 };

export class Dendrogram {
  private tree: Tree | null = null;
  private top = 1;

  constructor(private readonly canvas: HTMLCanvasElement, colors: (j: number) => string, onCut: (height: number) => void) {
    this.colors = colors;
    new ResizeObserver(() => this.draw()).observe(canvas);
    canvas.addEventListener('pointerdown', (event) => {
      const h = this.heightAt(event.offsetY);
      if (h !== null) onCut(h);
    });
    canvas.addEventListener('keydown', (event) => {
      if (!this.tree) return;
      const step = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0;
      if (!step) return;
      event.preventDefault();
      // Move the cut to just above the next merge height up or down.
      const heights = Array.from(this.tree.height).sort((p, q) => p - q);
      const cut = this.tree.cut;
      const next = step > 0 ? heights.find((v) => v > cut + 1e-12) : [...heights].reverse().find((v) => v < cut - 1e-12);
      if (next !== undefined) onCut(step > 0 ? next + 1e-9 * (1 + next) : Math.max(1e-12, next - 1e-9 * (1 + next)));
    });
  }

  private readonly colors: (j: number) => string;

  show(tree: Tree): void {
    this.tree = tree;
    this.draw();
  }

  /** The height at canvas y (CSS pixels), or null outside the plot. */
  heightAt(y: number): number | null {
    const h = this.canvas.clientHeight - PAD.top - PAD.bottom;
    if (!this.tree || y < PAD.top || y > PAD.top + h) return null;
    return Math.max(1e-12, (1 - (y - PAD.top) / h) * this.top);
  }

  /** Canvas y of a height, for tests. */
  yOf(height: number): number {
    const h = this.canvas.clientHeight - PAD.top - PAD.bottom;
    return PAD.top + (1 - height / this.top) * h;
  }

  private draw(): void {
    const { canvas, tree } = this;
    const dpr = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (width === 0 || height === 0) return;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const g = canvas.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);
    if (!tree) return;
    const n = tree.order.length;
    const max = Math.max(...Array.from(tree.height));
    this.top = max > 0 ? max * 1.05 : 1;
    const w = width - PAD.left - PAD.right, h = height - PAD.top - PAD.bottom;
    const py = (v: number) => PAD.top + (1 - v / this.top) * h;
    g.font = '11px system-ui, sans-serif';
    g.fillStyle = '#475569';
    g.strokeStyle = '#e2e8f0';
    g.textAlign = 'right';
    for (const t of niceTicks(0, this.top, Math.max(2, Math.floor(h / 40)))) {
      g.beginPath(), g.moveTo(PAD.left, py(t)), g.lineTo(PAD.left + w, py(t)), g.stroke();
      g.fillText(tickLabel(t), PAD.left - 6, py(t) + 4);
    }
    g.save(), g.translate(11, PAD.top + h / 2), g.rotate(-Math.PI / 2), g.textAlign = 'center', g.fillText('merge height', 0, 0), g.restore();
    // x of every leaf and every merge; a merge's colour is its points' cluster when they share one.
    const x = new Float64Array(2 * n - 1), cluster = new Int32Array(2 * n - 1);
    for (let p = 0; p < n; p++) (x[tree.order[p]] = PAD.left + ((p + 0.5) / n) * w), (cluster[tree.order[p]] = tree.labels[tree.order[p]]);
    for (let m = 0; m < n - 1; m++) {
      const a = tree.a[m], b = tree.b[m], id = n + m;
      x[id] = (x[a] + x[b]) / 2;
      cluster[id] = cluster[a] === cluster[b] ? cluster[a] : -1;
      const ya = a < n ? py(0) : py(tree.height[a - n]), yb = b < n ? py(0) : py(tree.height[b - n]), ym = py(tree.height[m]);
      g.strokeStyle = cluster[id] >= 0 ? this.colors(cluster[id]) : '#334155';
      g.lineWidth = n > 300 ? 1 : 1.5;
      g.beginPath(), g.moveTo(x[a], ya), g.lineTo(x[a], ym), g.lineTo(x[b], ym), g.lineTo(x[b], yb), g.stroke();
    }
    g.strokeStyle = '#dc2626';
    g.lineWidth = 1.5;
    g.setLineDash([6, 4]);
    g.beginPath(), g.moveTo(PAD.left, py(tree.cut)), g.lineTo(PAD.left + w, py(tree.cut)), g.stroke();
    g.setLineDash([]);
  }
}
