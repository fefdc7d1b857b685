// The dartboard canvas: the unit square, the quarter circle, and the newest darts (blue inside,
// orange outside). Old darts fade a little with every batch so the picture stays live.

const INSIDE = '#2563eb';
const OUTSIDE = '#ea580c';

export class Dartboard {
  private context: CanvasRenderingContext2D;
  private size = 0;
  private readonly fade: boolean;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.context = canvas.getContext('2d', { alpha: false })!;
    this.fade = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.resize();
  }

  clear(): void {
    const c = this.context;
    c.fillStyle = '#ffffff';
    c.fillRect(0, 0, this.size, this.size);
    this.drawFrame();
  }

  /** xy = [x0, y0, x1, y1, …] in the unit square (y up). */
  draw(xy: Float32Array): void {
    const c = this.context;
    const s = this.size;
    if (this.fade) {
      c.fillStyle = 'rgba(255, 255, 255, 0.12)';
      c.fillRect(0, 0, s, s);
    }
    const dot = Math.max(1.5, s / 320);
    for (const inside of [true, false]) {
      c.fillStyle = inside ? INSIDE : OUTSIDE;
      for (let i = 0; i < xy.length; i += 2) {
        const x = xy[i];
        const y = xy[i + 1];
        if (x * x + y * y < 1 !== inside) continue;
        c.fillRect(x * s - dot / 2, (1 - y) * s - dot / 2, dot, dot);
      }
    }
    this.drawFrame();
  }

  private resize(): void {
    const css = this.canvas.clientWidth || 300;
    const size = Math.round(css * (window.devicePixelRatio || 1));
    if (size === this.size) return;
    this.size = size;
    this.canvas.width = size;
    this.canvas.height = size;
    this.clear();
  }

  private drawFrame(): void {
    const c = this.context;
    const s = this.size;
    c.strokeStyle = '#0f172a';
    c.lineWidth = Math.max(1, s / 250);
    c.strokeRect(0, 0, s, s);
    c.beginPath();
    c.arc(0, s, s, -Math.PI / 2, 0);
    c.stroke();
  }
}
