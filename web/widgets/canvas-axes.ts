// Grid lines, tick labels and axis titles for the lessons' hand-drawn canvas plots (scatter,
// projection, density), so each plot only draws its own marks.

/** "Nice" tick values (steps of 1, 2 or 5 × 10^k) covering [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / count;
  const step10 = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * step10).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

/** A tick value as text: four significant digits, exponent form when very large or small. */
export function tickLabel(v: number): string {
  const a = Math.abs(v);
  return a !== 0 && (a >= 1e5 || a < 1e-3) ? v.toExponential(0) : String(+v.toPrecision(4));
}

/** Where the plot area sits on the canvas and which data range it shows. */
export interface PlotArea {
  left: number;
  top: number;
  /** Width and height of the plot area (inside the padding). */
  w: number;
  h: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface AxesStyle {
  xTitle: string;
  yTitle: string;
  /** Pixels per x / y tick, roughly. */
  xSpacing: number;
  ySpacing: number;
  /** Baseline of the x title above the canvas bottom, and x of the (rotated) y title. */
  xTitleInset: number;
  yTitleX: number;
}

/** Draws the grid, tick labels and axis titles of `area` on a canvas of height `height`. */
export function drawAxes(g: CanvasRenderingContext2D, area: PlotArea, height: number, style: AxesStyle): void {
  const { left, top, w, h, x0, x1, y0, y1 } = area;
  const px = (v: number) => left + ((v - x0) / (x1 - x0)) * w;
  const py = (v: number) => top + (1 - (v - y0) / (y1 - y0)) * h;
  g.font = '11px system-ui, sans-serif';
  g.fillStyle = '#475569';
  g.strokeStyle = '#e2e8f0';
  g.lineWidth = 1;
  for (const t of niceTicks(x0, x1, Math.max(2, Math.floor(w / style.xSpacing)))) {
    g.beginPath(), g.moveTo(px(t), top), g.lineTo(px(t), top + h), g.stroke();
    g.textAlign = 'center';
    g.fillText(tickLabel(t), px(t), top + h + 14);
  }
  for (const t of niceTicks(y0, y1, Math.max(2, Math.floor(h / style.ySpacing)))) {
    g.beginPath(), g.moveTo(left, py(t)), g.lineTo(left + w, py(t)), g.stroke();
    g.textAlign = 'right';
    g.fillText(tickLabel(t), left - 6, py(t) + 4);
  }
  g.textAlign = 'center';
  g.fillText(style.xTitle, left + w / 2, height - style.xTitleInset);
  g.save(), g.translate(style.yTitleX, top + h / 2), g.rotate(-Math.PI / 2), g.fillText(style.yTitle, 0, 0), g.restore();
}

/** Sizes `canvas` to its box at the screen's pixel ratio and clears it; null while it has no size. */
export function clearCanvas(canvas: HTMLCanvasElement): { g: CanvasRenderingContext2D; width: number; height: number } | null {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  if (width === 0 || height === 0) return null;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const g = canvas.getContext('2d')!;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, height);
  return { g, width, height };
}

/** The bounds [x0, x1] × [y0, y1] of the points (x[i], y[i]), a range of 2 around a single value, and
 *  `margin` of each range added on both sides so no point sits on the frame. */
export function paddedBounds(x: ArrayLike<number>, y: ArrayLike<number>, margin: number): { x0: number; x1: number; y0: number; y1: number } {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (let i = 0; i < x.length; i++) {
    x0 = Math.min(x0, x[i]), x1 = Math.max(x1, x[i]);
    y0 = Math.min(y0, y[i]), y1 = Math.max(y1, y[i]);
  }
  if (!(x1 > x0)) (x0 -= 1), (x1 += 1);
  if (!(y1 > y0)) (y0 -= 1), (y1 += 1);
  const mx = (x1 - x0) * margin, my = (y1 - y0) * margin;
  return { x0: x0 - mx, x1: x1 + mx, y0: y0 - my, y1: y1 + my };
}
