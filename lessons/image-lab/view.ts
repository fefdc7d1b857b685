// Drawing only: the warped pictures, the corner handles, the zoom box and the live matrices.

/** Matrix entries: 3 decimals, tiny projective terms in scientific notation, no "-0". */
export function formatEntry(value: number): string {
  if (Math.abs(value) < 1e-12) return '0'; // rounding noise from the solve
  if (Math.abs(value) < 0.01) return value.toExponential(2);
  const text = String(Number(value.toFixed(3)));
  return text === '-0' ? '0' : text;
}

export function showMatrix(element: HTMLElement, entries: ArrayLike<number>, label: string): void {
  const cells = Array.from({ length: 9 }, (_, k) => {
    const cell = document.createElement('span');
    cell.dataset.entry = String(k);
    cell.textContent = formatEntry(entries[k]);
    return cell;
  });
  element.replaceChildren(...cells);
  const rows = [0, 1, 2].map((r) => [0, 1, 2].map((c) => formatEntry(entries[3 * r + c])).join(', '));
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', `${label}: rows ${rows.join('; ')}`);
}

export function showSystem(table: HTMLTableElement, a: number[], b: number[]): void {
  const rows = Array.from({ length: 8 }, (_, r) => {
    const tr = document.createElement('tr');
    for (let c = 0; c < 9; c++) {
      const td = document.createElement('td');
      const value = c < 8 ? a[8 * r + c] : b[r];
      td.textContent = formatEntry(value);
      if (c === 8) td.className = 'il-b';
      tr.append(td);
    }
    return tr;
  });
  table.replaceChildren(...rows);
}

/** Sets the canvas to the image's size plus `margin` pixels all round and draws it in the middle. */
export function drawImage(canvas: HTMLCanvasElement, image: ImageData, margin = 0): void {
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  } else {
    canvas.getContext('2d')!.clearRect(0, 0, width, height);
  }
  canvas.getContext('2d')!.putImageData(image, margin, margin);
}

/** Room around the picture for the corner handles: about 4% of its longer side. */
export const handleMargin = (width: number, height: number) => Math.max(8, Math.round(0.04 * Math.max(width, height)));

/** Canvas pixels per CSS pixel, so overlays keep one on-screen size whatever the picture's size. */
export function pixelRatio(canvas: HTMLCanvasElement): number {
  const rect = canvas.getBoundingClientRect();
  return rect.width > 0 ? canvas.width / rect.width : 1;
}

/** The quadrilateral through the corners and a numbered handle on each; `selected` is ringed. */
export function drawHandles(canvas: HTMLCanvasElement, corners: number[], selected: number, margin: number): void {
  const ctx = canvas.getContext('2d')!;
  const k = pixelRatio(canvas);
  const width = canvas.width - 2 * margin;
  const height = canvas.height - 2 * margin;
  const points = [0, 1, 2, 3].map((i) => [margin + corners[2 * i] * width, margin + corners[2 * i + 1] * height]);
  ctx.save();
  ctx.lineWidth = 2 * k;
  ctx.strokeStyle = 'rgba(37, 99, 235, 0.9)';
  ctx.setLineDash([6 * k, 4 * k]);
  ctx.beginPath();
  points.forEach(([x, y], i) => (i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)));
  ctx.closePath();
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.font = `${Math.round(11 * k)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  points.forEach(([x, y], i) => {
    ctx.beginPath();
    ctx.arc(x, y, 9 * k, 0, 2 * Math.PI);
    ctx.fillStyle = i === selected ? '#1d4ed8' : 'rgba(37, 99, 235, 0.85)';
    ctx.fill();
    ctx.lineWidth = (i === selected ? 3 : 1.5) * k;
    ctx.strokeStyle = i === selected ? '#fbbf24' : '#fff';
    ctx.stroke();
    ctx.fillStyle = '#fff';
    ctx.fillText(String(i + 1), x, y);
  });
  ctx.restore();
}

export const ZOOM_SIZE = 32;

/** The ZOOM_SIZE × ZOOM_SIZE box centred on `centre` (output pixels), kept inside the canvas. */
export function zoomBox(width: number, height: number, zoom: number[]): { x: number; y: number; w: number; h: number } {
  const w = Math.min(ZOOM_SIZE, width);
  const h = Math.min(ZOOM_SIZE, height);
  const x = Math.min(Math.max(0, Math.round(zoom[0] * width - w / 2)), width - w);
  const y = Math.min(Math.max(0, Math.round(zoom[1] * height - h / 2)), height - h);
  return { x, y, w, h };
}

/** Copies the box of `image` into `target` enlarged with no smoothing: every pixel a visible block. */
export function drawZoom(target: HTMLCanvasElement, image: ImageData, box: { x: number; y: number; w: number; h: number }): void {
  const crop = new OffscreenCanvas(box.w, box.h);
  crop.getContext('2d')!.putImageData(image, -box.x, -box.y);
  const ctx = target.getContext('2d')!;
  ctx.clearRect(0, 0, target.width, target.height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(crop, 0, 0, box.w, box.h, 0, 0, target.width, target.height);
}

export function drawZoomFrame(canvas: HTMLCanvasElement, box: { x: number; y: number; w: number; h: number }): void {
  const ctx = canvas.getContext('2d')!;
  const k = pixelRatio(canvas);
  ctx.save();
  ctx.lineWidth = 2 * k;
  ctx.strokeStyle = '#f97316';
  ctx.strokeRect(box.x, box.y, box.w, box.h);
  ctx.restore();
}
