// Drawing image-shaped vectors: a digit in grey (ink dark), a component in a diverging red/blue map.
// Only scaling for display happens here; the numbers come from the engine.

/** Greyscale: 0 → white, `max` → black. */
export function drawGrey(canvas: HTMLCanvasElement, values: ArrayLike<number>, side: number, max: number): void {
  paint(canvas, side, (i) => {
    const v = Math.max(0, Math.min(1, values[i] / max));
    const c = Math.round(255 * (1 - v));
    return [c, c, c];
  });
}

/** Diverging: negative blue, 0 white, positive red, scaled by the largest magnitude. */
export function drawDiverging(canvas: HTMLCanvasElement, values: ArrayLike<number>, side: number): void {
  let m = 0;
  for (let i = 0; i < side * side; i++) m = Math.max(m, Math.abs(values[i]));
  paint(canvas, side, (i) => {
    const v = m > 0 ? values[i] / m : 0;
    const a = Math.abs(v);
    return v >= 0 ? [255, Math.round(255 * (1 - a * 0.85)), Math.round(255 * (1 - a))] : [Math.round(255 * (1 - a)), Math.round(255 * (1 - a * 0.6)), 255];
  });
}

function paint(canvas: HTMLCanvasElement, side: number, color: (i: number) => [number, number, number]): void {
  canvas.width = side;
  canvas.height = side;
  const g = canvas.getContext('2d')!;
  const image = g.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const [r, gg, b] = color(i);
    image.data.set([r, gg, b, 255], 4 * i);
  }
  g.putImageData(image, 0, 0);
}
