// The travelling salesman's map: cities in the unit square and the current tour. The learner clicks
// to add a city, drags one to move it, and double-clicks one to remove it; `onEdit` gets the new
// coordinates when an edit is finished (after a drag, not during it).

const PAD = 14;
const HIT = 12; // px: how close a pointer must be to grab a city

export class TourCanvas {
  private xy: number[] = [];
  private tour: number[] = [];
  private drag: { index: number; moved: boolean } | null = null;
  private readonly g: CanvasRenderingContext2D;

  constructor(private readonly canvas: HTMLCanvasElement, private readonly onEdit: (xy: number[]) => void) {
    this.g = canvas.getContext('2d')!;
    new ResizeObserver(() => this.draw()).observe(canvas);
    canvas.addEventListener('pointerdown', (e) => this.down(e));
    canvas.addEventListener('pointermove', (e) => this.move(e));
    canvas.addEventListener('pointerup', (e) => this.up(e));
    canvas.addEventListener('pointercancel', () => (this.drag = null));
    canvas.addEventListener('dblclick', (e) => {
      const hit = this.hit(e);
      if (hit >= 0 && this.xy.length > 2) {
        this.xy.splice(2 * hit, 2);
        this.tour = [];
        this.draw();
        this.onEdit([...this.xy]);
      }
    });
  }

  /** Shows these cities (and forgets the tour, which belonged to the old ones). */
  setCities(xy: number[]): void {
    this.xy = [...xy];
    this.tour = [];
    this.draw();
  }

  setTour(tour: number[]): void {
    this.tour = tour.length * 2 === this.xy.length ? tour : [];
    this.draw();
  }

  private size() {
    const rect = this.canvas.getBoundingClientRect();
    return { w: Math.max(rect.width - 2 * PAD, 1), h: Math.max(rect.height - 2 * PAD, 1) };
  }
  private toCanvas(x: number, y: number): [number, number] {
    const { w, h } = this.size();
    return [PAD + x * w, PAD + (1 - y) * h];
  }
  private fromEvent(e: MouseEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    const { w, h } = this.size();
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    return [clamp((e.clientX - rect.left - PAD) / w), clamp(1 - (e.clientY - rect.top - PAD) / h)];
  }
  private hit(e: MouseEvent): number {
    const rect = this.canvas.getBoundingClientRect();
    let best = -1, bestDist = HIT;
    for (let i = 0; i < this.xy.length / 2; i++) {
      const [cx, cy] = this.toCanvas(this.xy[2 * i], this.xy[2 * i + 1]);
      const d = Math.hypot(e.clientX - rect.left - cx, e.clientY - rect.top - cy);
      if (d < bestDist) (best = i), (bestDist = d);
    }
    return best;
  }

  private down(e: PointerEvent): void {
    const hit = this.hit(e);
    if (hit >= 0) {
      this.drag = { index: hit, moved: false };
      this.canvas.setPointerCapture(e.pointerId);
    } else if (e.detail <= 1) {
      const [x, y] = this.fromEvent(e);
      this.xy.push(round3(x), round3(y));
      this.tour = [];
      this.draw();
      this.onEdit([...this.xy]);
    }
  }
  private move(e: PointerEvent): void {
    if (!this.drag) {
      this.canvas.style.cursor = this.hit(e) >= 0 ? 'grab' : 'crosshair';
      return;
    }
    const [x, y] = this.fromEvent(e);
    this.xy[2 * this.drag.index] = round3(x);
    this.xy[2 * this.drag.index + 1] = round3(y);
    this.drag.moved = true;
    this.draw();
  }
  private up(e: PointerEvent): void {
    if (!this.drag) return;
    const moved = this.drag.moved;
    this.drag = null;
    this.canvas.releasePointerCapture(e.pointerId);
    if (moved) {
      this.tour = [];
      this.onEdit([...this.xy]);
    }
  }

  draw(): void {
    const rect = this.canvas.getBoundingClientRect();
    const dpr = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(rect.width * dpr);
    this.canvas.height = Math.round(rect.height * dpr);
    const g = this.g;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, rect.width, rect.height);
    g.strokeStyle = '#e2e8f0';
    g.strokeRect(PAD, PAD, rect.width - 2 * PAD, rect.height - 2 * PAD);
    if (this.tour.length > 1) {
      g.beginPath();
      this.tour.forEach((city, k) => {
        const [x, y] = this.toCanvas(this.xy[2 * city], this.xy[2 * city + 1]);
        if (k === 0) g.moveTo(x, y);
        else g.lineTo(x, y);
      });
      g.closePath();
      g.strokeStyle = '#2563eb';
      g.lineWidth = 2;
      g.stroke();
    }
    for (let i = 0; i < this.xy.length / 2; i++) {
      const [x, y] = this.toCanvas(this.xy[2 * i], this.xy[2 * i + 1]);
      g.beginPath();
      g.arc(x, y, this.drag?.index === i ? 7 : 5, 0, 2 * Math.PI);
      g.fillStyle = '#f97316';
      g.fill();
      g.strokeStyle = '#7c2d12';
      g.lineWidth = 1;
      g.stroke();
    }
  }
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;
