// The drawing canvas: pointer events (mouse, touch, pen) draw round strokes whose width is a fixed
// share of the canvas side, so a drawing looks the same at any size. Strokes are kept as points in
// [0, 1]² and also drawn onto a small offscreen canvas whose alpha channel is the ink the engine reads.

export interface Point {
  x: number;
  y: number;
}

/** Brush widths as a share of the canvas side. */
export const BRUSHES = { thin: 0.045, medium: 0.07, thick: 0.1 } as const;
export type BrushName = keyof typeof BRUSHES;

/** Side of the ink image sent to the engine (small, so each message is small). */
export const INK_SIDE = 140;
const INK_COLOR = '#0f172a';

interface Stroke {
  width: number;
  points: Point[];
}

export interface SketchpadEvents {
  /** The drawing changed; `final` when a stroke just ended (or after clear/undo). */
  onChange(final: boolean): void;
}

export class Sketchpad {
  private readonly view: CanvasRenderingContext2D;
  private readonly ink: CanvasRenderingContext2D;
  private strokes: Stroke[] = [];
  private active: { id: number; stroke: Stroke } | null = null;
  private side = 0;
  brush: BrushName = 'medium';

  constructor(private readonly canvas: HTMLCanvasElement, private readonly events: SketchpadEvents) {
    this.view = canvas.getContext('2d')!;
    const inkCanvas = document.createElement('canvas');
    inkCanvas.width = INK_SIDE;
    inkCanvas.height = INK_SIDE;
    this.ink = inkCanvas.getContext('2d', { willReadFrequently: true })!;
    canvas.addEventListener('pointerdown', (event) => this.down(event));
    canvas.addEventListener('pointermove', (event) => this.move(event));
    canvas.addEventListener('pointerup', (event) => this.up(event));
    canvas.addEventListener('pointercancel', (event) => this.up(event));
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.resize();
  }

  isEmpty(): boolean {
    return this.strokes.length === 0;
  }

  clear(): void {
    this.strokes = [];
    this.active = null;
    this.redraw();
    this.events.onChange(true);
  }

  undo(): void {
    if (this.strokes.length === 0) return;
    this.strokes.pop();
    this.active = null;
    this.redraw();
    this.events.onChange(true);
  }

  /** The ink as INK_SIDE² values in [0, 1] (0 = paper), row by row. */
  inkValues(): Float32Array {
    const { data } = this.ink.getImageData(0, 0, INK_SIDE, INK_SIDE);
    const values = new Float32Array(INK_SIDE * INK_SIDE);
    for (let i = 0; i < values.length; i++) values[i] = data[i * 4 + 3] / 255;
    return values;
  }

  private point(event: PointerEvent): Point {
    const rect = this.canvas.getBoundingClientRect();
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    return { x: clamp((event.clientX - rect.left) / rect.width), y: clamp((event.clientY - rect.top) / rect.height) };
  }

  private down(event: PointerEvent): void {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    if (this.active) return; // one stroke at a time (a second finger is ignored)
    this.canvas.setPointerCapture(event.pointerId);
    const stroke: Stroke = { width: BRUSHES[this.brush], points: [this.point(event)] };
    this.strokes.push(stroke);
    this.active = { id: event.pointerId, stroke };
    this.drawDot(stroke.points[0], stroke.width);
    this.events.onChange(false);
  }

  private move(event: PointerEvent): void {
    if (!this.active || event.pointerId !== this.active.id) return;
    const { stroke } = this.active;
    const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    for (const e of events.length > 0 ? events : [event]) {
      const next = this.point(e);
      const last = stroke.points[stroke.points.length - 1];
      if (Math.hypot(next.x - last.x, next.y - last.y) < 0.002) continue;
      stroke.points.push(next);
      this.drawSegment(last, next, stroke.width);
    }
    this.events.onChange(false);
  }

  private up(event: PointerEvent): void {
    if (!this.active || event.pointerId !== this.active.id) return;
    this.active = null;
    if (this.canvas.hasPointerCapture(event.pointerId)) this.canvas.releasePointerCapture(event.pointerId);
    this.events.onChange(true);
  }

  private targets(): [CanvasRenderingContext2D, number][] {
    return [
      [this.view, this.side],
      [this.ink, INK_SIDE],
    ];
  }

  private drawDot(p: Point, width: number): void {
    for (const [c, side] of this.targets()) {
      c.fillStyle = INK_COLOR;
      c.beginPath();
      c.arc(p.x * side, p.y * side, (width * side) / 2, 0, 2 * Math.PI);
      c.fill();
    }
  }

  private drawSegment(a: Point, b: Point, width: number): void {
    for (const [c, side] of this.targets()) {
      c.strokeStyle = INK_COLOR;
      c.lineWidth = width * side;
      c.lineCap = 'round';
      c.lineJoin = 'round';
      c.beginPath();
      c.moveTo(a.x * side, a.y * side);
      c.lineTo(b.x * side, b.y * side);
      c.stroke();
    }
  }

  private redraw(): void {
    this.view.clearRect(0, 0, this.side, this.side);
    this.ink.clearRect(0, 0, INK_SIDE, INK_SIDE);
    for (const stroke of this.strokes) {
      this.drawDot(stroke.points[0], stroke.width);
      for (let i = 1; i < stroke.points.length; i++) this.drawSegment(stroke.points[i - 1], stroke.points[i], stroke.width);
    }
  }

  private resize(): void {
    const css = this.canvas.clientWidth || 280;
    const side = Math.round(css * (window.devicePixelRatio || 1));
    if (side === this.side) return;
    this.side = side;
    this.canvas.width = side;
    this.canvas.height = side;
    this.redraw();
  }
}
