// Two canvas pictures of the ab-testing lesson: the arms' conversion rates as bars with their
// intervals, and the N(0, 1) density of z under H0 with the rejection region and the observed z.
// Pure drawing: every number (rates, intervals, densities, z, the critical value) comes from the engine.

export const COLOR_A = '#2563eb';
export const COLOR_B = '#ea580c';
const INK = '#0f172a', MUTED = '#475569', GRID = '#e2e8f0';

/** A canvas sized to its CSS box at the device pixel ratio, redrawn when the box changes. */
abstract class CanvasPicture<T> {
  private data: T | null = null;

  constructor(protected readonly canvas: HTMLCanvasElement) {
    new ResizeObserver(() => this.redraw()).observe(canvas);
  }

  set(data: T): void {
    this.data = data;
    this.redraw();
  }

  private redraw(): void {
    const dpr = window.devicePixelRatio || 1;
    const width = this.canvas.clientWidth, height = this.canvas.clientHeight;
    if (width === 0 || height === 0) return;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    const g = this.canvas.getContext('2d')!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);
    g.font = '12px system-ui, sans-serif';
    if (this.data) this.draw(g, this.data, width, height);
  }

  protected abstract draw(g: CanvasRenderingContext2D, data: T, width: number, height: number): void;
}

/** About `count` round tick values covering [lo, hi]. */
function ticks(lo: number, hi: number, count: number): number[] {
  const raw = (hi - lo) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push(Math.abs(t) < step * 1e-9 ? 0 : t);
  return out;
}

const trim = (v: number, digits: number) => String(+v.toFixed(digits));

export interface RateBar {
  label: string;
  rate: number;
  low: number;
  high: number;
  color: string;
}

/** Bars from 0 to each rate, whiskers over its interval; the y axis in percent. */
export class RateBars extends CanvasPicture<RateBar[]> {
  protected draw(g: CanvasRenderingContext2D, bars: RateBar[], width: number, height: number): void {
    const pad = { left: 48, right: 12, top: 12, bottom: 30 };
    const w = width - pad.left - pad.right, h = height - pad.top - pad.bottom;
    const top = Math.max(1e-6, ...bars.map((b) => Math.min(1, b.high))) * 1.15;
    const py = (v: number) => pad.top + (1 - Math.max(0, v) / top) * h;
    const marks = ticks(0, top, Math.max(2, Math.floor(h / 40)));
    g.lineWidth = 1;
    for (const t of marks) {
      g.strokeStyle = GRID;
      g.beginPath(), g.moveTo(pad.left, py(t)), g.lineTo(pad.left + w, py(t)), g.stroke();
      g.fillStyle = MUTED;
      g.textAlign = 'right';
      g.fillText(`${trim(t * 100, 3)}%`, pad.left - 6, py(t) + 4);
    }
    const slot = w / bars.length;
    bars.forEach((b, i) => {
      const centre = pad.left + slot * (i + 0.5);
      const half = Math.min(slot * 0.28, 60);
      g.fillStyle = b.color + '33';
      g.strokeStyle = b.color;
      g.lineWidth = 1.5;
      g.fillRect(centre - half, py(b.rate), 2 * half, py(0) - py(b.rate));
      g.strokeRect(centre - half, py(b.rate), 2 * half, py(0) - py(b.rate));
      // The interval: a whisker with caps.
      g.strokeStyle = INK;
      g.lineWidth = 2;
      const cap = half * 0.4;
      g.beginPath();
      g.moveTo(centre, py(b.low)), g.lineTo(centre, py(b.high));
      g.moveTo(centre - cap, py(b.low)), g.lineTo(centre + cap, py(b.low));
      g.moveTo(centre - cap, py(b.high)), g.lineTo(centre + cap, py(b.high));
      g.stroke();
      g.fillStyle = INK;
      g.textAlign = 'center';
      g.fillText(b.label, centre, height - 10);
    });
  }
}

export interface NullPicture {
  x: ArrayLike<number>;
  density: ArrayLike<number>;
  z: number;
  zCritical: number;
}

/** φ(x) with the rejection region |x| > z_critical tinted and the tails beyond |z| (the p-value) filled. */
export class NullDensity extends CanvasPicture<NullPicture> {
  protected draw(g: CanvasRenderingContext2D, d: NullPicture, width: number, height: number): void {
    const pad = { left: 12, right: 12, top: 22, bottom: 30 };
    const w = width - pad.left - pad.right, h = height - pad.top - pad.bottom;
    const n = d.x.length;
    if (n < 2) return;
    const x0 = d.x[0], x1 = d.x[n - 1];
    let peak = 0;
    for (let i = 0; i < n; i++) peak = Math.max(peak, d.density[i]);
    const px = (v: number) => pad.left + ((v - x0) / (x1 - x0)) * w;
    const py = (v: number) => pad.top + (1 - v / (peak * 1.08)) * h;

    // Areas under the curve where `keep(x)` holds.
    const fill = (keep: (x: number) => boolean, color: string) => {
      g.fillStyle = color;
      let open = false;
      g.beginPath();
      for (let i = 0; i < n; i++) {
        const inside = keep(d.x[i]);
        if (inside && !open) g.moveTo(px(d.x[i]), py(0)), (open = true);
        if (inside) g.lineTo(px(d.x[i]), py(d.density[i]));
        if (open && (!inside || i === n - 1)) {
          g.lineTo(px(d.x[inside ? i : i - 1]), py(0));
          g.closePath();
          open = false;
        }
      }
      g.fill();
    };
    fill((x) => Math.abs(x) >= d.zCritical, 'rgba(220, 38, 38, 0.16)');
    fill((x) => Math.abs(x) >= Math.abs(d.z), 'rgba(234, 88, 12, 0.55)');

    g.strokeStyle = INK;
    g.lineWidth = 2;
    g.beginPath();
    for (let i = 0; i < n; i++) (i === 0 ? g.moveTo : g.lineTo).call(g, px(d.x[i]), py(d.density[i]));
    g.stroke();
    g.strokeStyle = GRID;
    g.lineWidth = 1;
    g.beginPath(), g.moveTo(pad.left, py(0)), g.lineTo(pad.left + w, py(0)), g.stroke();

    g.fillStyle = MUTED;
    g.textAlign = 'center';
    for (const t of ticks(x0, x1, Math.max(2, Math.floor(w / 60)))) g.fillText(trim(t, 2), px(t), height - 12);
    // ±z_critical, dashed, and the observed z, solid.
    g.setLineDash([5, 4]);
    g.strokeStyle = '#dc2626';
    g.lineWidth = 1.2;
    for (const c of [-d.zCritical, d.zCritical]) g.beginPath(), g.moveTo(px(c), pad.top), g.lineTo(px(c), py(0)), g.stroke();
    g.setLineDash([]);
    g.strokeStyle = COLOR_B;
    g.lineWidth = 2.5;
    g.beginPath(), g.moveTo(px(d.z), pad.top - 4), g.lineTo(px(d.z), py(0)), g.stroke();
    g.fillStyle = INK;
    const text = `z = ${d.z.toFixed(2)}`;
    const textWidth = g.measureText(text).width;
    g.textAlign = 'left';
    g.fillText(text, Math.min(Math.max(px(d.z) + 4, pad.left), width - pad.right - textWidth), pad.top - 8);
  }
}
