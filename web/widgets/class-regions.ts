// Class colours and the decision-region picture the classifier lessons paint: an n × n grid of
// predicted classes, each cell tinted with its class's colour (a stronger tint where the model is
// surer), scaled onto the plot area of a canvas.

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
