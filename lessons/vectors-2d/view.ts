// A canvas showing a rectangle of the plane, y up: grid, axes, outlines and arrows in world units.
// It only draws what the engine computed; its one conversion is world units ↔ canvas pixels.

export interface Bounds {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface StrokeStyle {
  stroke: string;
  fill?: string;
  width?: number;
  dash?: number[];
}

export class WorldView {
  readonly context: CanvasRenderingContext2D;
  private pixelsPerUnit = 1;
  private ratio = 1;
  private onResize: (() => void) | null = null;

  constructor(readonly canvas: HTMLCanvasElement, readonly bounds: Bounds) {
    this.context = canvas.getContext('2d')!;
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.resize();
  }

  /** Called after the canvas changes size (redraw then). */
  resized(callback: () => void): void {
    this.onResize = callback;
  }

  /** Canvas pixels (device) of a world point. */
  toCanvas(x: number, y: number): [number, number] {
    return [(x - this.bounds.xMin) * this.pixelsPerUnit, (this.bounds.yMax - y) * this.pixelsPerUnit];
  }

  /** World units per CSS pixel, for turning a mouse drag into a move. */
  unitsPerCssPixel(): number {
    return this.ratio / this.pixelsPerUnit;
  }

  /** A CSS-pixel offset inside the canvas, in device pixels (for isPointInPath). */
  devicePoint(event: { offsetX: number; offsetY: number }): [number, number] {
    return [event.offsetX * this.ratio, event.offsetY * this.ratio];
  }

  clear(background = '#ffffff'): void {
    const c = this.context;
    c.setLineDash([]);
    c.fillStyle = background;
    c.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  grid(color = '#e2e8f0', axis = '#94a3b8'): void {
    const c = this.context;
    const { xMin, xMax, yMin, yMax } = this.bounds;
    c.lineWidth = this.ratio;
    c.setLineDash([]);
    for (let x = Math.ceil(xMin); x <= xMax; x++) this.line(x, yMin, x, yMax, x === 0 ? axis : color);
    for (let y = Math.ceil(yMin); y <= yMax; y++) this.line(xMin, y, xMax, y, y === 0 ? axis : color);
  }

  /** A closed outline through the points xy[2·first …], `count` of them. Returns its path. */
  polygon(xy: ArrayLike<number>, style: StrokeStyle, first = 0, count = xy.length / 2 - first): Path2D {
    const path = new Path2D();
    for (let k = 0; k < count; k++) {
      const [px, py] = this.toCanvas(xy[2 * (first + k)], xy[2 * (first + k) + 1]);
      if (k === 0) path.moveTo(px, py);
      else path.lineTo(px, py);
    }
    path.closePath();
    const c = this.context;
    if (style.fill) {
      c.fillStyle = style.fill;
      c.fill(path);
    }
    c.strokeStyle = style.stroke;
    c.lineWidth = (style.width ?? 2) * this.ratio;
    c.lineJoin = 'round';
    c.setLineDash((style.dash ?? []).map((d) => d * this.ratio));
    c.stroke(path);
    c.setLineDash([]);
    return path;
  }

  /** An arrow from (x0, y0) to (x1, y1), with a label at its tip. */
  arrow(x0: number, y0: number, x1: number, y1: number, color: string, label = ''): void {
    const c = this.context;
    const [ax, ay] = this.toCanvas(x0, y0);
    const [bx, by] = this.toCanvas(x1, y1);
    c.strokeStyle = color;
    c.fillStyle = color;
    c.lineWidth = 2 * this.ratio;
    c.beginPath();
    c.moveTo(ax, ay);
    c.lineTo(bx, by);
    c.stroke();
    // The head is drawn in pixel space, so its size does not depend on the zoom.
    const length = Math.hypot(bx - ax, by - ay);
    if (length > 1) {
      const ux = (bx - ax) / length;
      const uy = (by - ay) / length;
      const head = 9 * this.ratio;
      c.beginPath();
      c.moveTo(bx, by);
      c.lineTo(bx - head * ux - (head / 2) * uy, by - head * uy + (head / 2) * ux);
      c.lineTo(bx - head * ux + (head / 2) * uy, by - head * uy - (head / 2) * ux);
      c.closePath();
      c.fill();
    }
    if (label) this.label(x1, y1, label, color);
  }

  dot(x: number, y: number, color: string, radius = 3): void {
    const [px, py] = this.toCanvas(x, y);
    const c = this.context;
    c.fillStyle = color;
    c.beginPath();
    c.arc(px, py, radius * this.ratio, 0, 2 * Math.PI);
    c.fill();
  }

  label(x: number, y: number, text: string, color: string): void {
    const [px, py] = this.toCanvas(x, y);
    const c = this.context;
    c.fillStyle = color;
    c.font = `${12 * this.ratio}px system-ui, sans-serif`;
    c.fillText(text, px + 4 * this.ratio, py - 4 * this.ratio);
  }

  private line(x0: number, y0: number, x1: number, y1: number, color: string): void {
    const c = this.context;
    const [ax, ay] = this.toCanvas(x0, y0);
    const [bx, by] = this.toCanvas(x1, y1);
    c.strokeStyle = color;
    c.beginPath();
    c.moveTo(ax, ay);
    c.lineTo(bx, by);
    c.stroke();
  }

  private resize(): void {
    const { xMin, xMax, yMin, yMax } = this.bounds;
    this.ratio = window.devicePixelRatio || 1;
    const cssWidth = this.canvas.clientWidth || 300;
    const width = Math.round(cssWidth * this.ratio);
    const height = Math.round((width * (yMax - yMin)) / (xMax - xMin));
    if (width === this.canvas.width && height === this.canvas.height) return;
    this.canvas.width = width;
    this.canvas.height = height;
    this.pixelsPerUnit = width / (xMax - xMin);
    this.onResize?.();
  }
}
