// The "who counts as like you" picture: every user as a dot, x = movies they rated (log scale),
// y = their similarity to you; the nearest neighbours drawn on top in orange. Drawing only: the
// engine computed every number.

const DOT = '#94a3b8', NEAR = '#ea580c', AXIS = '#475569', GRID = '#e2e8f0';

export class ScatterView {
  private readonly context: CanvasRenderingContext2D;
  private last: { counts: Int32Array; similarities: Float64Array; near: Int32Array; label: string } | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.context = canvas.getContext('2d')!;
    new ResizeObserver(() => this.redraw()).observe(canvas);
  }

  draw(counts: Int32Array, similarities: Float64Array, near: Int32Array, label: string): void {
    this.last = { counts, similarities, near, label };
    this.redraw();
  }

  private redraw(): void {
    const { canvas, context: g } = this;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (width === 0 || height === 0) return;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    g.clearRect(0, 0, width, height);
    if (!this.last) return;
    const { counts, similarities, near, label } = this.last;
    const left = 54, right = 10, top = 10, bottom = 38;
    let yMin = 0, yMax = 0, xMax = 10;
    for (let u = 0; u < counts.length; u++) {
      yMin = Math.min(yMin, similarities[u]);
      yMax = Math.max(yMax, similarities[u]);
      xMax = Math.max(xMax, counts[u]);
    }
    if (yMax === yMin) yMax = yMin + 1;
    const pad = 0.05 * (yMax - yMin);
    yMin -= yMin < 0 ? pad : 0;
    yMax += pad;
    const xMin = 10;
    const x = (c: number) => left + ((Math.log10(Math.max(c, xMin)) - 1) / (Math.log10(xMax) - 1 || 1)) * (width - left - right);
    const y = (s: number) => top + ((yMax - s) / (yMax - yMin)) * (height - top - bottom);

    g.font = '12px system-ui, sans-serif';
    g.lineWidth = 1;
    g.strokeStyle = GRID;
    g.fillStyle = AXIS;
    g.textAlign = 'center';
    for (let decade = 10; decade <= xMax * 1.0001; decade *= 10) {
      g.beginPath();
      g.moveTo(x(decade), top);
      g.lineTo(x(decade), height - bottom);
      g.stroke();
      g.fillText(String(decade), x(decade), height - bottom + 14);
    }
    g.fillText('movies the user rated (log scale)', left + (width - left - right) / 2, height - 6);
    g.textAlign = 'right';
    for (const s of niceTicks(yMin, yMax)) {
      g.strokeStyle = s === 0 ? AXIS : GRID;
      g.beginPath();
      g.moveTo(left, y(s));
      g.lineTo(width - right, y(s));
      g.stroke();
      g.fillText(formatTick(s), left - 6, y(s) + 4);
    }
    g.save();
    g.translate(14, top + (height - top - bottom) / 2);
    g.rotate(-Math.PI / 2);
    g.textAlign = 'center';
    g.fillText(label, 0, 0);
    g.restore();

    const isNear = new Set(near);
    g.fillStyle = DOT;
    g.globalAlpha = 0.7;
    for (let u = 0; u < counts.length; u++) if (!isNear.has(u)) dot(g, x(counts[u]), y(similarities[u]), 2.5);
    g.globalAlpha = 1;
    g.fillStyle = NEAR;
    for (const u of near) dot(g, x(counts[u]), y(similarities[u]), 4);
  }
}

function dot(g: CanvasRenderingContext2D, cx: number, cy: number, r: number): void {
  g.beginPath();
  g.arc(cx, cy, r, 0, 2 * Math.PI);
  g.fill();
}

/** About five round tick values covering [lo, hi]. */
function niceTicks(lo: number, hi: number): number[] {
  const raw = (hi - lo) / 5;
  const step = [1, 2, 5, 10].map((m) => m * 10 ** Math.floor(Math.log10(raw))).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-12; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return out;
}

function formatTick(v: number): string {
  return Math.abs(v) >= 1000 ? v.toExponential(0) : String(+v.toPrecision(3));
}
