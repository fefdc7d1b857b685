// The contour canvas: the engine's shaded grid as a heat map, its contour segments, the known minima,
// the start point and each optimizer's path (drawn step by step unless reduced motion is asked for).
// Coordinates: surface (x, y) with y up; the canvas is square.
import type { GdPath, GdSurface } from '../../web/engine/protocol';

/** A dark-to-light ramp (low f dark): viridis, sampled at 9 stops. */
const RAMP = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

function rampColor(t: number): [number, number, number] {
  const scaled = Math.min(1, Math.max(0, t)) * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(scaled));
  const f = scaled - i;
  const a = RAMP[i], b = RAMP[i + 1];
  const channel = (hex: string, k: number) => parseInt(hex.slice(1 + 2 * k, 3 + 2 * k), 16);
  return [0, 1, 2].map((k) => Math.round(channel(a, k) * (1 - f) + channel(b, k) * f)) as [number, number, number];
}

export interface DrawnPath extends GdPath {
  color: string;
}

export class ContourView {
  private context: CanvasRenderingContext2D;
  private size = 0;
  private surface: GdSurface | null = null;
  private heat: HTMLCanvasElement = document.createElement('canvas');
  private paths: DrawnPath[] = [];
  private start: [number, number] = [0, 0];
  private shown = Infinity; // steps drawn so far (animation)
  private frame = 0;
  private readonly animate: boolean;

  constructor(private readonly canvas: HTMLCanvasElement, private readonly onPick: (x: number, y: number) => void) {
    this.context = canvas.getContext('2d')!;
    this.animate = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    new ResizeObserver(() => this.resize()).observe(canvas);
    canvas.addEventListener('click', (event) => {
      if (!this.surface) return;
      const rect = canvas.getBoundingClientRect();
      const [x0, x1, y0, y1] = this.surface.bounds;
      const u = (event.clientX - rect.left) / rect.width;
      const v = (event.clientY - rect.top) / rect.height;
      this.onPick(x0 + u * (x1 - x0), y1 - v * (y1 - y0));
    });
    this.resize();
  }

  setSurface(surface: GdSurface): void {
    this.surface = surface;
    const { columns, rows, shade } = surface;
    this.heat.width = columns;
    this.heat.height = rows;
    const image = new ImageData(columns, rows);
    for (let j = 0; j < rows; j++) {
      for (let i = 0; i < columns; i++) {
        const t = shade[j * columns + i];
        const o = 4 * ((rows - 1 - j) * columns + i); // row 0 of the grid is y_min: the bottom
        if (Number.isNaN(t)) {
          image.data.set([226, 232, 240, 255], o); // undefined: light grey
        } else {
          const [r, g, b] = rampColor(t);
          image.data.set([r, g, b, 255], o);
        }
      }
    }
    this.heat.getContext('2d')!.putImageData(image, 0, 0);
    this.paths = [];
    this.draw();
  }

  setStart(x: number, y: number): void {
    this.start = [x, y];
    this.draw();
  }

  /** Shows the paths; animated over about 1.5 s unless reduced motion is preferred. */
  setPaths(paths: DrawnPath[]): void {
    this.paths = paths;
    cancelAnimationFrame(this.frame);
    const longest = Math.max(0, ...paths.map((p) => p.x.length - 1));
    if (!this.animate || longest === 0) {
      this.shown = Infinity;
      this.draw();
      return;
    }
    const began = performance.now();
    const tick = (now: number) => {
      this.shown = Math.ceil(((now - began) / 1500) * longest);
      this.draw();
      if (this.shown < longest) this.frame = requestAnimationFrame(tick);
      else this.shown = Infinity;
    };
    this.shown = 0;
    this.frame = requestAnimationFrame(tick);
  }

  private resize(): void {
    const css = this.canvas.clientWidth || 300;
    const size = Math.round(css * (window.devicePixelRatio || 1));
    if (size === this.size) return;
    this.size = size;
    this.canvas.width = size;
    this.canvas.height = size;
    this.draw();
  }

  private toCanvas(x: number, y: number): [number, number] {
    const [x0, x1, y0, y1] = this.surface!.bounds;
    return [((x - x0) / (x1 - x0)) * this.size, ((y1 - y) / (y1 - y0)) * this.size];
  }

  private draw(): void {
    const c = this.context;
    const s = this.size;
    c.clearRect(0, 0, s, s);
    if (!this.surface) return;
    c.imageSmoothingEnabled = true;
    c.drawImage(this.heat, 0, 0, s, s);
    const scale = s / 500;

    // contour lines: thin, translucent white
    const seg = this.surface.segments;
    c.strokeStyle = 'rgba(255, 255, 255, 0.55)';
    c.lineWidth = Math.max(0.75, scale);
    c.beginPath();
    for (let k = 0; k < seg.length; k += 4) {
      const [ax, ay] = this.toCanvas(seg[k], seg[k + 1]);
      const [bx, by] = this.toCanvas(seg[k + 2], seg[k + 3]);
      c.moveTo(ax, ay);
      c.lineTo(bx, by);
    }
    c.stroke();

    // known minima
    const m = this.surface.minima;
    c.font = `${Math.round(16 * Math.max(scale, 0.8))}px system-ui, sans-serif`;
    c.textAlign = 'center';
    c.textBaseline = 'middle';
    for (let k = 0; k < m.length; k += 2) {
      const [px, py] = this.toCanvas(m[k], m[k + 1]);
      c.fillStyle = '#ffffff';
      c.fillText('★', px, py);
    }

    for (const path of this.paths) this.drawPath(path, scale);

    // the start
    const [sx, sy] = this.toCanvas(this.start[0], this.start[1]);
    c.lineWidth = 2.5 * Math.max(scale, 0.8);
    c.strokeStyle = '#ffffff';
    c.fillStyle = '#0f172a';
    c.beginPath();
    c.arc(sx, sy, 6 * Math.max(scale, 0.8), 0, 2 * Math.PI);
    c.fill();
    c.stroke();
  }

  private drawPath(path: DrawnPath, scale: number): void {
    const c = this.context;
    const last = Math.min(path.x.length - 1, this.shown);
    if (last < 1) return;
    c.strokeStyle = path.color;
    c.lineWidth = 2.2 * Math.max(scale, 0.7);
    c.lineJoin = 'round';
    c.beginPath();
    for (let k = 0; k <= last; k++) {
      // far-off points of a blown-up path are clamped well outside the canvas, which clips them
      const [px, py] = this.toCanvas(path.x[k], path.y[k]).map((v) => Math.max(-1e5, Math.min(1e5, Number.isFinite(v) ? v : 1e5)));
      if (k === 0) c.moveTo(px, py);
      else c.lineTo(px, py);
    }
    c.stroke();
    if (last < path.x.length - 1) return;
    const [ex, ey] = this.toCanvas(path.x[last], path.y[last]);
    const r = 5 * Math.max(scale, 0.8);
    if (path.diverged) {
      // ✕ at the last point still on the map, or at the edge toward where it went
      const clampX = Math.max(r, Math.min(this.size - r, Number.isFinite(ex) ? ex : this.size / 2));
      const clampY = Math.max(r, Math.min(this.size - r, Number.isFinite(ey) ? ey : this.size / 2));
      c.lineWidth = 3 * Math.max(scale, 0.8);
      c.beginPath();
      c.moveTo(clampX - r, clampY - r);
      c.lineTo(clampX + r, clampY + r);
      c.moveTo(clampX + r, clampY - r);
      c.lineTo(clampX - r, clampY + r);
      c.stroke();
    } else {
      c.fillStyle = path.color;
      c.strokeStyle = '#ffffff';
      c.lineWidth = 1.5;
      c.beginPath();
      c.arc(ex, ey, r, 0, 2 * Math.PI);
      c.fill();
      c.stroke();
    }
  }
}
