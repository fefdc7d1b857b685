// Canvas bar charts of the information-theory lesson: a distribution whose bars the learner drags
// (pointer, or arrow keys on the focused chart), and the per-outcome terms of two sums side by
// side. Pure drawing and input: the probabilities after a drag and every term come from the engine.

const INK = '#0f172a', MUTED = '#475569', GRID = '#e2e8f0';
const PAD = { left: 40, right: 8, top: 14, bottom: 28 };

function prepare(canvas: HTMLCanvasElement): { g: CanvasRenderingContext2D; width: number; height: number } | null {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  if (width === 0 || height === 0) return null;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const g = canvas.getContext('2d')!;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, height);
  g.font = '12px system-ui, sans-serif';
  return { g, width, height };
}

/** A distribution as bars on [0, 1]; dragging bar i to height v calls onEdit(i, v). */
export class DistributionBars {
  private values: ArrayLike<number> = [];
  private selected = 0;
  private dragging = false;
  locked = false;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly name: string,
    private readonly color: string,
    private labels: string[],
    private readonly onEdit: (index: number, value: number) => void,
  ) {
    new ResizeObserver(() => this.draw()).observe(canvas);
    canvas.tabIndex = 0;
    canvas.addEventListener('pointerdown', (e) => {
      if (this.locked) return;
      this.dragging = true;
      canvas.setPointerCapture(e.pointerId);
      this.pick(e);
    });
    canvas.addEventListener('pointermove', (e) => this.dragging && this.pick(e));
    const stop = () => (this.dragging = false);
    canvas.addEventListener('pointerup', stop);
    canvas.addEventListener('pointercancel', stop);
    canvas.addEventListener('keydown', (e) => this.key(e));
    canvas.addEventListener('focus', () => this.draw());
    canvas.addEventListener('blur', () => this.draw());
  }

  set(values: ArrayLike<number>, labels: string[]): void {
    this.values = values;
    this.labels = labels;
    this.selected = Math.min(this.selected, Math.max(0, values.length - 1));
    this.draw();
    const parts = Array.from(values, (v, i) => `${labels[i]} ${v.toFixed(3)}`);
    this.canvas.setAttribute('aria-label', `Distribution ${this.name}: ${parts.join(', ')}.${this.locked ? ' Locked to the true class.' : ' Left and right arrows choose an outcome, up and down change it.'}`);
  }

  private geometry() {
    const width = this.canvas.clientWidth, height = this.canvas.clientHeight;
    const w = width - PAD.left - PAD.right, h = height - PAD.top - PAD.bottom;
    return { w, h, slot: w / Math.max(1, this.values.length) };
  }

  private pick(e: PointerEvent): void {
    const rect = this.canvas.getBoundingClientRect();
    const { h, slot } = this.geometry();
    const index = Math.floor((e.clientX - rect.left - PAD.left) / slot);
    if (index < 0 || index >= this.values.length) return;
    const value = Math.min(1, Math.max(0, 1 - (e.clientY - rect.top - PAD.top) / h));
    this.selected = index;
    this.onEdit(index, Math.round(value * 1000) / 1000);
  }

  private key(e: KeyboardEvent): void {
    if (this.values.length === 0) return;
    const step = e.shiftKey ? 0.01 : 0.05;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      this.selected = (this.selected + (e.key === 'ArrowLeft' ? -1 : 1) + this.values.length) % this.values.length;
      this.draw();
    } else if ((e.key === 'ArrowUp' || e.key === 'ArrowDown') && !this.locked) {
      const v = this.values[this.selected] + (e.key === 'ArrowUp' ? step : -step);
      this.onEdit(this.selected, Math.round(Math.min(1, Math.max(0, v)) * 1000) / 1000);
    } else {
      return;
    }
    e.preventDefault();
  }

  private draw(): void {
    const frame = prepare(this.canvas);
    if (!frame) return;
    const { g, height } = frame;
    const { w, h, slot } = this.geometry();
    const py = (v: number) => PAD.top + (1 - v) * h;
    g.lineWidth = 1;
    for (const t of [0, 0.25, 0.5, 0.75, 1]) {
      g.strokeStyle = GRID;
      g.beginPath(), g.moveTo(PAD.left, py(t)), g.lineTo(PAD.left + w, py(t)), g.stroke();
      g.fillStyle = MUTED;
      g.textAlign = 'right';
      g.fillText(String(t), PAD.left - 6, py(t) + 4);
    }
    const focused = document.activeElement === this.canvas;
    Array.from(this.values).forEach((v, i) => {
      const x = PAD.left + slot * i + slot * 0.15;
      g.fillStyle = this.locked ? '#cbd5e1' : this.color;
      g.fillRect(x, py(v), slot * 0.7, py(0) - py(v));
      if (focused && i === this.selected) {
        g.strokeStyle = INK;
        g.lineWidth = 2;
        g.strokeRect(x - 2, py(v) - 2, slot * 0.7 + 4, py(0) - py(v) + 4);
      }
      g.fillStyle = INK;
      g.textAlign = 'center';
      g.fillText(v.toFixed(2), x + slot * 0.35, Math.max(PAD.top + 10, py(v) - 4));
      g.fillStyle = MUTED;
      g.fillText(this.labels[i] ?? '', x + slot * 0.35, height - 10);
    });
  }
}

export interface TermSeries {
  label: string;
  color: string;
  values: ArrayLike<number>;
}

/** Grouped bars per outcome for terms that may be negative or infinite (drawn as an arrow and ∞). */
export class TermBars {
  private data: { series: TermSeries[]; labels: string[] } = { series: [], labels: [] };

  constructor(private readonly canvas: HTMLCanvasElement) {
    new ResizeObserver(() => this.draw()).observe(canvas);
  }

  set(series: TermSeries[], labels: string[]): void {
    this.data = { series, labels };
    this.draw();
  }

  private draw(): void {
    const frame = prepare(this.canvas);
    if (!frame) return;
    const { g, width, height } = frame;
    const { series, labels } = this.data;
    const finite = series.flatMap((s) => Array.from(s.values)).filter(Number.isFinite);
    const top = Math.max(0.1, ...finite) * 1.15, bottom = Math.min(0, ...finite) * 1.15;
    const w = width - PAD.left - PAD.right, h = height - PAD.top - PAD.bottom;
    const py = (v: number) => PAD.top + ((top - v) / (top - bottom)) * h;
    g.strokeStyle = GRID;
    g.fillStyle = MUTED;
    g.textAlign = 'right';
    // Round tick values: a step of 1, 2 or 5 times a power of ten, about 4 of them.
    const raw = (top - bottom) / 4, power = 10 ** Math.floor(Math.log10(raw));
    const step = [1, 2, 5, 10].map((m) => m * power).find((m) => m >= raw)!;
    for (let t = Math.ceil(bottom / step) * step; t <= top; t += step) {
      g.beginPath(), g.moveTo(PAD.left, py(t)), g.lineTo(PAD.left + w, py(t)), g.stroke();
      g.fillText(String(+t.toFixed(6)), PAD.left - 4, py(t) + 4);
    }
    g.strokeStyle = INK;
    g.beginPath(), g.moveTo(PAD.left, py(0)), g.lineTo(PAD.left + w, py(0)), g.stroke();
    const slot = w / Math.max(1, labels.length);
    const bar = (slot * 0.7) / Math.max(1, series.length);
    labels.forEach((label, i) => {
      series.forEach((s, k) => {
        const v = s.values[i];
        const x = PAD.left + slot * i + slot * 0.15 + bar * k;
        g.fillStyle = s.color;
        if (Number.isFinite(v)) {
          g.fillRect(x, Math.min(py(v), py(0)), bar - 1, Math.abs(py(v) - py(0)));
        } else {
          g.fillRect(x, PAD.top, bar - 1, py(0) - PAD.top);
          g.fillStyle = INK;
          g.textAlign = 'center';
          g.fillText('∞', x + bar / 2, PAD.top + 10);
        }
      });
      g.fillStyle = MUTED;
      g.textAlign = 'center';
      g.fillText(label, PAD.left + slot * (i + 0.5), height - 10);
    });
  }
}
