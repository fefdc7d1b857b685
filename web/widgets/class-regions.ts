// Class colours and the decision-region picture the classifier lessons paint: an n × n grid of
// predicted classes, each cell tinted with its class's colour (a stronger tint where the model is
// surer), scaled onto the plot area of a canvas, with axes for the chosen feature pair and the
// samples on top (training dots filled, test dots as rings).
import { type PlotArea, drawAxes } from './canvas-axes';

export const CLASS_COLORS = ['#2563eb', '#f97316', '#16a34a', '#9333ea', '#dc2626', '#0891b2', '#ca8a04', '#db2777'];

export function classColor(index: number): string {
  return CLASS_COLORS[index % CLASS_COLORS.length];
}

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Paints cell i (row-major, row 0 at the top) of an n × n grid in classColor(colorOf(i)) mixed with
 * white by tint(i) ∈ [0, 1], stretched over the rectangle (left, top, w, h). */
export function drawClassGrid(
  g: CanvasRenderingContext2D,
  n: number,
  colorOf: (i: number) => number,
  tint: (i: number) => number,
  rect: { left: number; top: number; w: number; h: number },
  smooth: boolean,
): void {
  const image = new ImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    const [r, gg, b] = rgb(classColor(colorOf(i)));
    const alpha = tint(i);
    image.data[4 * i] = Math.round(255 + (r - 255) * alpha);
    image.data[4 * i + 1] = Math.round(255 + (gg - 255) * alpha);
    image.data[4 * i + 2] = Math.round(255 + (b - 255) * alpha);
    image.data[4 * i + 3] = 255;
  }
  const tile = document.createElement('canvas');
  tile.width = tile.height = n;
  tile.getContext('2d')!.putImageData(image, 0, 0);
  g.imageSmoothingEnabled = smooth;
  g.drawImage(tile, rect.left, rect.top, rect.w, rect.h);
}

/** The plot area inside `pad` of a `width` × `height` canvas showing bounds = [x0, x1, y0, y1], and
 *  the maps from data to canvas pixels. */
export function regionArea(
  width: number,
  height: number,
  pad: { left: number; right: number; top: number; bottom: number },
  bounds: [number, number, number, number],
): PlotArea & { px: (v: number) => number; py: (v: number) => number } {
  const [x0, x1, y0, y1] = bounds;
  const w = width - pad.left - pad.right, h = height - pad.top - pad.bottom;
  return {
    left: pad.left, top: pad.top, w, h, x0, x1, y0, y1,
    px: (v) => pad.left + ((v - x0) / (x1 - x0)) * w,
    py: (v) => pad.top + (1 - (v - y0) / (y1 - y0)) * h,
  };
}

/** Grid, ticks and the two feature names as titles over a region picture on a canvas of height `height`. */
export function drawRegionAxes(g: CanvasRenderingContext2D, area: PlotArea, height: number, titles: { x: string; y: string }): void {
  drawAxes(g, area, height, { xTitle: titles.x, yTitle: titles.y, xSpacing: 70, ySpacing: 45, xTitleInset: 6, yTitleX: 12 });
}

/** One sample at (cx, cy): a training row as a dot of its class colour with a white edge, a test row
 *  as a white dot ringed in that colour. */
export function drawSample(g: CanvasRenderingContext2D, cx: number, cy: number, radius: number, color: string, test: boolean): void {
  g.beginPath(), g.arc(cx, cy, radius, 0, 2 * Math.PI);
  if (test) {
    g.fillStyle = '#ffffff';
    g.fill();
    g.strokeStyle = color;
    g.lineWidth = 2.2;
  } else {
    g.fillStyle = color;
    g.fill();
    g.strokeStyle = '#ffffff';
    g.lineWidth = 1;
  }
  g.stroke();
}
