// Pictures of what the engine returns: the probability bars, the 28×28 digit the network sees, the
// first layer's filters and feature maps, the misread test digits and the layer table. Only drawing
// happens here; every number comes from the engine.
import type { MnistLayerInfo, MnistMistakesResult } from '../../web/engine/protocol';

const SIDE = 28;

/** Ten rows, one per digit: a bar and its percentage. */
export class ProbabilityBars {
  private bars: HTMLElement[] = [];
  private values: HTMLElement[] = [];
  private rows: HTMLLIElement[] = [];

  constructor(list: HTMLElement) {
    for (let digit = 0; digit < 10; digit++) {
      const row = document.createElement('li');
      row.dataset.digit = String(digit);
      const label = document.createElement('span');
      label.className = 'md-prob-digit';
      label.textContent = String(digit);
      label.setAttribute('aria-hidden', 'true');
      const track = document.createElement('span');
      track.className = 'md-prob-track';
      const bar = document.createElement('span');
      bar.className = 'md-prob-bar';
      track.append(bar);
      const value = document.createElement('span');
      value.className = 'md-prob-value';
      value.setAttribute('aria-hidden', 'true');
      row.append(label, track, value);
      list.append(row);
      this.rows.push(row);
      this.bars.push(bar);
      this.values.push(value);
    }
    this.clear();
  }

  show(probs: Float32Array, top: number): void {
    for (let digit = 0; digit < 10; digit++) {
      const percent = 100 * probs[digit];
      this.bars[digit].style.width = `${percent.toFixed(2)}%`;
      this.values[digit].textContent = formatPercent(probs[digit]);
      this.rows[digit].classList.toggle('md-top', digit === top);
      this.rows[digit].setAttribute('aria-label', `${digit}: ${formatPercent(probs[digit])}`);
    }
  }

  clear(): void {
    for (let digit = 0; digit < 10; digit++) {
      this.bars[digit].style.width = '0%';
      this.values[digit].textContent = '–';
      this.rows[digit].classList.remove('md-top');
      this.rows[digit].setAttribute('aria-label', `${digit}: no drawing`);
    }
  }
}

/** "97.3%", "0.4%", "<0.1%" for a probability. */
export function formatPercent(p: number): string {
  if (p > 0 && p < 0.001) return '<0.1%';
  return `${(100 * p).toFixed(1)}%`;
}

/** Draws a side×side grey image (values 0–1, 1 = ink) white on black, as MNIST is stored. */
export function drawDigit(canvas: HTMLCanvasElement, values: ArrayLike<number>, scale = 1): void {
  canvas.width = SIDE;
  canvas.height = SIDE;
  const context = canvas.getContext('2d')!;
  const image = context.createImageData(SIDE, SIDE);
  for (let i = 0; i < SIDE * SIDE; i++) {
    const v = Math.round(255 * Math.min(1, Math.max(0, values[i] * scale)));
    image.data.set([v, v, v, 255], i * 4);
  }
  context.putImageData(image, 0, 0);
}

/** A grid of small canvases, reused between updates. */
class TileGrid {
  private canvases: HTMLCanvasElement[] = [];

  constructor(private readonly container: HTMLElement, private readonly label: (i: number) => string) {}

  tiles(count: number, side: number): CanvasRenderingContext2D[] {
    while (this.canvases.length < count) {
      const canvas = document.createElement('canvas');
      canvas.setAttribute('aria-hidden', 'true');
      canvas.title = this.label(this.canvases.length);
      this.container.append(canvas);
      this.canvases.push(canvas);
    }
    while (this.canvases.length > count) this.canvases.pop()!.remove();
    return this.canvases.map((canvas) => {
      if (canvas.width !== side) {
        canvas.width = side;
        canvas.height = side;
      }
      return canvas.getContext('2d')!;
    });
  }
}

/** The first layer's kernels: red positive, blue negative, each scaled to its largest |weight|. */
export class FilterView {
  private grid: TileGrid;

  constructor(container: HTMLElement) {
    this.grid = new TileGrid(container, (i) => `filter ${i + 1}`);
  }

  show(filters: Float32Array, channels: number, size: number): void {
    const contexts = this.grid.tiles(channels, size);
    const cells = size * size;
    contexts.forEach((context, c) => {
      const kernel = filters.subarray(c * cells, (c + 1) * cells);
      let peak = 0;
      for (const w of kernel) peak = Math.max(peak, Math.abs(w));
      const image = context.createImageData(size, size);
      for (let i = 0; i < cells; i++) {
        const t = peak > 0 ? kernel[i] / peak : 0; // −1 … 1
        const [r, g, b] = diverging(t);
        image.data.set([r, g, b, 255], i * 4);
      }
      context.putImageData(image, 0, 0);
    });
  }
}

/** White at 0, red towards +1, blue towards −1. */
function diverging(t: number): [number, number, number] {
  const a = Math.min(1, Math.abs(t));
  const [r, g, b] = t >= 0 ? [185, 28, 28] : [29, 78, 216];
  return [Math.round(255 + (r - 255) * a), Math.round(255 + (g - 255) * a), Math.round(255 + (b - 255) * a)];
}

/** The first layer's feature maps (channels × 28 × 28), each scaled to its own maximum. */
export class FeatureMapView {
  private grid: TileGrid;

  constructor(container: HTMLElement) {
    this.grid = new TileGrid(container, (i) => `feature map ${i + 1}`);
  }

  show(maps: Float32Array, channels: number): void {
    const contexts = this.grid.tiles(channels, SIDE);
    const cells = SIDE * SIDE;
    contexts.forEach((context, c) => {
      const map = maps.subarray(c * cells, (c + 1) * cells);
      let peak = 0;
      for (const v of map) peak = Math.max(peak, v);
      const image = context.createImageData(SIDE, SIDE);
      for (let i = 0; i < cells; i++) {
        const [r, g, b] = heat(peak > 0 ? map[i] / peak : 0);
        image.data.set([r, g, b, 255], i * 4);
      }
      context.putImageData(image, 0, 0);
    });
  }

  clear(channels: number): void {
    this.show(new Float32Array(channels * SIDE * SIDE), channels);
  }
}

/** Dark navy → amber → pale yellow. */
function heat(t: number): [number, number, number] {
  const stops: [number, number, number][] = [
    [15, 23, 42],
    [124, 45, 18],
    [245, 158, 11],
    [254, 249, 195],
  ];
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const [a, b] = [stops[i], stops[i + 1]];
  return [0, 1, 2].map((k) => Math.round(a[k] + (b[k] - a[k]) * f)) as [number, number, number];
}

/** The misread test digits, each with its true label, the guess and the confidence. */
export function showMistakes(list: HTMLElement, result: MnistMistakesResult): void {
  list.replaceChildren();
  const count = result.labels.length;
  for (let i = 0; i < count; i++) {
    const item = document.createElement('li');
    const canvas = document.createElement('canvas');
    const pixels = result.images.subarray(i * SIDE * SIDE, (i + 1) * SIDE * SIDE);
    drawDigit(canvas, pixels, 1 / 255);
    const label = result.labels[i];
    const guess = result.guesses[i];
    const confidence = formatPercent(result.confidence[i]);
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', `Test digit ${result.indices[i]}: a ${label}, read as ${guess} with ${confidence} confidence`);
    const caption = document.createElement('span');
    caption.innerHTML = `<b>${label}</b> → <b class="md-guess">${guess}</b> <small>${confidence}</small>`;
    item.title = `test digit #${result.indices[i]}`;
    item.append(canvas, caption);
    list.append(item);
  }
}

export function showLayers(body: HTMLTableSectionElement, layers: MnistLayerInfo[]): void {
  body.replaceChildren(
    ...layers.map((layer) => {
      const row = document.createElement('tr');
      for (const text of [layer.name, layer.description, layer.shape.join(' × ')]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
}
