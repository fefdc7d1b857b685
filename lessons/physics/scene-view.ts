// The physics canvas: the box, the springs, the balls (anchors dark, selected balls ringed and
// numbered). It only draws what the engine computed, and maps pointer positions to metres.

const BALL = '#2563eb';
const ANCHOR = '#0f172a';
const SELECTED = '#ea580c';
const SPRING = '#64748b';
const BLOWN_UP = '#dc2626';

export interface SceneShape {
  width: number;
  height: number;
  /** 7 per ball: x, y, vx, vy, mass, radius, fixed. Only radius and fixed are read here. */
  balls: Float64Array;
  /** 4 per spring: a, b, stiffness, rest length. Only a and b are read here. */
  springs: Float64Array;
}

export class SceneView {
  private context: CanvasRenderingContext2D;
  private pixelWidth = 0;
  private shape: SceneShape | null = null;
  private positions: Float32Array = new Float32Array();
  private selected: number[] = [];
  private blownUp = false;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.context = canvas.getContext('2d')!;
    new ResizeObserver(() => this.resize()).observe(canvas);
    this.resize();
  }

  /** A new world (scene, edit): its size, balls and springs. */
  setShape(shape: SceneShape, positions: Float32Array): void {
    this.shape = shape;
    this.canvas.style.aspectRatio = `${shape.width} / ${shape.height}`;
    this.draw(positions);
  }

  setSelection(selected: number[]): void {
    this.selected = selected;
    this.render();
  }

  setBlownUp(on: boolean): void {
    this.blownUp = on;
    this.render();
  }

  /** Positions [x0, y0, …] of the latest frame, in metres. */
  draw(positions: Float32Array): void {
    this.positions = positions;
    this.render();
  }

  /** The ball under a pointer event (within its radius plus a few pixels), or -1. */
  ballAt(event: MouseEvent): number {
    const { x, y } = this.toWorld(event);
    const slack = 6 / this.scale();
    const balls = this.shape?.balls ?? new Float64Array();
    let best = -1;
    let bestGap = Infinity;
    for (let i = 0; 2 * i + 1 < this.positions.length; i++) {
      const gap = Math.hypot(this.positions[2 * i] - x, this.positions[2 * i + 1] - y) - balls[7 * i + 5];
      if (gap < slack && gap < bestGap) {
        best = i;
        bestGap = gap;
      }
    }
    return best;
  }

  /** Pointer position in metres (y up). */
  toWorld(event: MouseEvent): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    const scale = rect.width / (this.shape?.width ?? 1);
    return { x: (event.clientX - rect.left) / scale, y: (rect.bottom - event.clientY) / scale };
  }

  private scale(): number {
    return this.pixelWidth / (this.shape?.width ?? 1);
  }

  private resize(): void {
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round((this.canvas.clientWidth || 600) * ratio);
    const height = Math.round((this.canvas.clientHeight || 375) * ratio);
    if (width === this.canvas.width && height === this.canvas.height) return;
    this.canvas.width = width;
    this.canvas.height = height;
    this.pixelWidth = width;
    this.render();
  }

  private render(): void {
    const c = this.context;
    const w = this.canvas.width;
    const h = this.canvas.height;
    c.fillStyle = '#ffffff';
    c.fillRect(0, 0, w, h);
    const shape = this.shape;
    if (!shape) return;
    const s = this.scale();
    const px = (x: number) => x * s;
    const py = (y: number) => h - y * s;
    const p = this.positions;

    c.lineWidth = Math.max(1.5, s * 0.03);
    c.strokeStyle = this.blownUp ? BLOWN_UP : SPRING;
    c.beginPath();
    for (let i = 0; i + 1 < shape.springs.length; i += 4) {
      const a = shape.springs[i];
      const b = shape.springs[i + 1];
      c.moveTo(px(p[2 * a]), py(p[2 * a + 1]));
      c.lineTo(px(p[2 * b]), py(p[2 * b + 1]));
    }
    c.stroke();

    for (let i = 0; 2 * i + 1 < p.length; i++) {
      const radius = shape.balls[7 * i + 5] * s;
      const fixed = shape.balls[7 * i + 6] === 1;
      c.beginPath();
      c.arc(px(p[2 * i]), py(p[2 * i + 1]), radius, 0, 2 * Math.PI);
      c.fillStyle = fixed ? ANCHOR : this.blownUp ? BLOWN_UP : BALL;
      c.fill();
      const order = this.selected.indexOf(i);
      if (order >= 0) {
        c.lineWidth = Math.max(2, s * 0.04);
        c.strokeStyle = SELECTED;
        c.beginPath();
        c.arc(px(p[2 * i]), py(p[2 * i + 1]), radius + c.lineWidth, 0, 2 * Math.PI);
        c.stroke();
        c.fillStyle = '#ffffff';
        c.font = `600 ${Math.max(11, radius)}px system-ui, sans-serif`;
        c.textAlign = 'center';
        c.textBaseline = 'middle';
        c.fillText(String(order + 1), px(p[2 * i]), py(p[2 * i + 1]));
      }
    }
    c.lineWidth = Math.max(2, s * 0.03);
    c.strokeStyle = '#0f172a';
    c.strokeRect(0, 0, w, h);
  }
}
