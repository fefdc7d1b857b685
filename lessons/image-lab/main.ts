// image-lab: the controller. The browser decodes the photo; the engine worker builds A, solves the
// 8×8 system for H, and warps the pixels twice (nearest, bilinear); this page draws what comes back,
// lets the learner drag the corners, and keeps the setup in the URL hash.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { ImageLabFlip, ImageLabWarpResult } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { setupExercise } from '../../web/widgets/exercise';
import { decimalField, formatFixed3 } from '../../web/widgets/decimal-field';
import { decodePhoto, MAX_SIDE, NotAnImageError, type Photo } from './photo';
import { CORNER_MAX, CORNER_MIN, DEFAULTS, hash, LIMITS, SQUARE_CORNERS, type LabState } from './state';
import './styles.css';
import { drawHandles, drawImage, drawZoom, drawZoomFrame, formatEntry, handleMargin, showMatrix, showSystem, zoomBox } from './view';

const BUNDLED = 'data/images/nagasaki-boats.jpg';
// Filled in at build time from web/build/data-assets.ts (the mlplay:credit slot in index.html).
const CREDIT = document.getElementById('il-bundled-credit')?.textContent ?? '';

const status = $<HTMLElement>('il-status');
const cornerStatus = $<HTMLElement>('il-corner-status');
const fileInput = $<HTMLInputElement>('il-file');
const fileMessage = $<HTMLElement>('il-file-message');
const photoNote = $<HTMLElement>('il-photo-note');
const nearestCanvas = $<HTMLCanvasElement>('il-nearest');
const bilinearCanvas = $<HTMLCanvasElement>('il-bilinear');
const sourceCanvas = $<HTMLCanvasElement>('il-source');
const flipSelect = $<HTMLSelectElement>('il-flip');

const engine = EngineClient.shared();
// A deep copy: the defaults’ corner and zoom arrays must never be edited in place.
let state: LabState = structuredClone(hash.read());
/** The last state the engine accepted; a refused change falls back to it. */
let goodState: LabState = structuredClone(state);
const sameState = (a: LabState, b: LabState) => JSON.stringify(a) === JSON.stringify(b);
let photo: Photo | null = null;
let result: { nearest: ImageData; bilinear: ImageData; width: number; height: number } | null = null;
let selectedCorner = 0;
let busy = false;
let dirty = false;

const say = (element: HTMLElement, text: string, kind: 'info' | 'error' = 'info') => {
  element.textContent = text;
  element.dataset.state = kind;
};
const saveState = () => hash.write(state);
const size = (w: number, h: number) => `${w} × ${h}`;

// ---- the engine ---------------------------------------------------------------------------

function requestWarp(): void {
  if (!photo) return;
  if (busy) {
    dirty = true;
    return;
  }
  void warp();
}

async function warp(): Promise<void> {
  if (!photo) return;
  busy = true;
  dirty = false;
  const asked = structuredClone(state);
  try {
    const r = await engine.run('imagelab.warp', {
      pixels: photo.pixels,
      width: photo.width,
      height: photo.height,
      rotate: asked.rotate,
      scale: asked.scale,
      shear: asked.shear,
      flip: asked.flip,
      corners: asked.corners,
    });
    goodState = asked;
    show(r);
    if (cornerStatus.dataset.state === 'error') say(cornerStatus, ''); // the engine accepts the corners again
  } catch (error) {
    // The engine names the problem (three corners on a line, an output too large…); keep the last good setup.
    const message = (error as Error).message;
    const cornersChanged = asked.corners.join() !== goodState.corners.join();
    say(cornersChanged ? cornerStatus : status, `${message}. Keeping the last good picture.`, 'error');
    // Before any picture (a bad link), fall back to the defaults and try once more.
    state = structuredClone(result ? goodState : DEFAULTS);
    applyStateToControls();
    saveState();
    redrawOverlays();
    if (!result && !sameState(asked, DEFAULTS)) dirty = true;
  } finally {
    busy = false;
    if (dirty) requestWarp();
  }
}

function show(r: ImageLabWarpResult): void {
  result = {
    nearest: new ImageData(r.nearest, r.width, r.height),
    bilinear: new ImageData(r.bilinear, r.width, r.height),
    width: r.width,
    height: r.height,
  };
  showMatrix($('il-matrix-a'), r.affine, 'A');
  showMatrix($('il-matrix-h'), r.homography, 'H');
  showMatrix($('il-matrix-m'), r.matrix, 'M');
  showMatrix($('il-matrix-inv'), r.inverse, 'M inverse');
  showSystem($<HTMLTableElement>('il-system'), r.systemA, r.systemB);
  $('il-output-size').textContent = size(r.width, r.height);
  $('il-det').textContent = formatEntry(r.affineDeterminant);
  $('il-time-nearest').textContent = `${r.nearestMs.toFixed(1)} ms`;
  $('il-time-bilinear').textContent = `${r.bilinearMs.toFixed(1)} ms`;
  say(status, `Warped ${size(photo!.width, photo!.height)} → ${size(r.width, r.height)} pixels by inverse mapping.`);
  redrawOverlays();
}

function redrawOverlays(): void {
  if (!result) return;
  const margin = handleMargin(result.width, result.height);
  drawImage(bilinearCanvas, result.bilinear, margin);
  drawHandles(bilinearCanvas, state.corners, selectedCorner, margin);
  drawImage(nearestCanvas, result.nearest);
  const box = zoomBox(result.width, result.height, state.zoom);
  drawZoomFrame(nearestCanvas, box);
  drawZoom($<HTMLCanvasElement>('il-zoom-nearest'), result.nearest, box);
  drawZoom($<HTMLCanvasElement>('il-zoom-bilinear'), result.bilinear, box);
  $('il-zoom-where').textContent = `Zoom box: output pixels x ${box.x}–${box.x + box.w - 1}, y ${box.y}–${box.y + box.h - 1}.`;
}

// ---- the photo ----------------------------------------------------------------------------

async function usePhoto(blob: Blob, name: string, credit: string): Promise<void> {
  say(fileMessage, '');
  let decoded: Photo;
  try {
    decoded = await decodePhoto(blob, name);
  } catch (error) {
    const text = error instanceof NotAnImageError ? error.message : `Could not read “${name}”: ${(error as Error).message}`;
    say(fileMessage, `${text} The current photo stays.`, 'error');
    return;
  }
  photo = decoded;
  const scaled = decoded.width !== decoded.originalWidth || decoded.height !== decoded.originalHeight;
  photoNote.textContent = scaled
    ? `“${name}” is ${size(decoded.originalWidth, decoded.originalHeight)} pixels; it was downscaled to ${size(decoded.width, decoded.height)} (longest side ${MAX_SIDE}) so the warps stay quick.`
    : `“${name}”, ${size(decoded.width, decoded.height)} pixels.`;
  $('il-source-size').textContent = size(decoded.width, decoded.height);
  $('il-credit').textContent = credit;
  drawImage(sourceCanvas, new ImageData(decoded.pixels, decoded.width, decoded.height));
  requestWarp();
}

async function useBundled(): Promise<void> {
  say(status, 'Loading the bundled photo…');
  try {
    const response = await fetch(new URL(BUNDLED, siteRoot()));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    await usePhoto(await response.blob(), 'Boats in River, Nagasaki', CREDIT);
  } catch (error) {
    say(status, `Could not load the bundled photo (${(error as Error).message}). Open one of your own instead.`, 'error');
  }
}

fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void usePhoto(file, file.name, `Your photo “${file.name}”: it stays in this browser, nothing is uploaded.`);
  fileInput.value = '';
});
$('il-bundled').addEventListener('click', () => void useBundled());
// A photo dropped anywhere on the demo is used.
const dropZone = document.querySelector<HTMLElement>('section.demo')!;
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.classList.add('il-dragover');
});
dropZone.addEventListener('dragleave', (event) => {
  if (!dropZone.contains(event.relatedTarget as Node | null)) dropZone.classList.remove('il-dragover');
});
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropZone.classList.remove('il-dragover');
  const file = event.dataTransfer?.files[0];
  if (file) void usePhoto(file, file.name, `Your photo “${file.name}”: it stays in this browser, nothing is uploaded.`);
});

// ---- the controls -------------------------------------------------------------------------

function changed(): void {
  saveState();
  requestWarp();
}

const rotateField = decimalField($<HTMLInputElement>('il-rotate'), document.getElementById('il-rotate-message')!, {
  label: 'Rotate θ',
  ...LIMITS.rotate,
  quote: 'none',
  format: formatFixed3,
  onChange: (value) => ((state.rotate = value), changed()),
});
const scaleField = decimalField($<HTMLInputElement>('il-scale'), document.getElementById('il-scale-message')!, {
  label: 'Scale s',
  ...LIMITS.scale,
  quote: 'none',
  format: formatFixed3,
  onChange: (value) => ((state.scale = value), changed()),
});
const shearField = decimalField($<HTMLInputElement>('il-shear'), document.getElementById('il-shear-message')!, {
  label: 'Shear k',
  ...LIMITS.shear,
  quote: 'none',
  format: formatFixed3,
  onChange: (value) => ((state.shear = value), changed()),
});
flipSelect.addEventListener('change', () => {
  state.flip = flipSelect.value as ImageLabFlip;
  changed();
});

function applyStateToControls(): void {
  rotateField.set(state.rotate);
  scaleField.set(state.scale);
  shearField.set(state.shear);
  flipSelect.value = state.flip;
}

$('il-reset').addEventListener('click', () => {
  state = structuredClone(DEFAULTS);
  applyStateToControls();
  changed();
});
$('il-corners-reset').addEventListener('click', () => {
  state.corners = [...SQUARE_CORNERS];
  changed();
});

// ---- dragging the corners (pointer and keyboard) ------------------------------------------

/** A pointer event's position as fractions of the picture drawn `margin` canvas pixels inside the canvas. */
function fractionAt(canvas: HTMLCanvasElement, event: PointerEvent | MouseEvent, margin = 0): [number, number] {
  const rect = canvas.getBoundingClientRect();
  const x = ((event.clientX - rect.left) / rect.width) * canvas.width;
  const y = ((event.clientY - rect.top) / rect.height) * canvas.height;
  return [(x - margin) / (canvas.width - 2 * margin), (y - margin) / (canvas.height - 2 * margin)];
}
const bilinearMargin = () => (result ? handleMargin(result.width, result.height) : 0);

const clampCorner = (v: number) => Math.min(CORNER_MAX, Math.max(CORNER_MIN, v));
let dragging = -1;

bilinearCanvas.addEventListener('pointerdown', (event) => {
  if (!result) return;
  const margin = bilinearMargin();
  const [fx, fy] = fractionAt(bilinearCanvas, event, margin);
  const rect = bilinearCanvas.getBoundingClientRect();
  // Picture size in CSS pixels, to find the handle within 24 CSS pixels of the pointer.
  const cssWidth = (rect.width * (bilinearCanvas.width - 2 * margin)) / bilinearCanvas.width;
  const cssHeight = (rect.height * (bilinearCanvas.height - 2 * margin)) / bilinearCanvas.height;
  let best = -1;
  let bestDistance = 24;
  for (let i = 0; i < 4; i++) {
    const dx = (state.corners[2 * i] - fx) * cssWidth;
    const dy = (state.corners[2 * i + 1] - fy) * cssHeight;
    const distance = Math.hypot(dx, dy);
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  }
  if (best < 0) return;
  dragging = best;
  selectedCorner = best;
  bilinearCanvas.setPointerCapture(event.pointerId);
  event.preventDefault();
  redrawOverlays();
});
bilinearCanvas.addEventListener('pointermove', (event) => {
  if (dragging < 0) return;
  const [fx, fy] = fractionAt(bilinearCanvas, event, bilinearMargin());
  state.corners[2 * dragging] = clampCorner(fx);
  state.corners[2 * dragging + 1] = clampCorner(fy);
  redrawOverlays();
  requestWarp();
});
const endDrag = () => {
  if (dragging < 0) return;
  dragging = -1;
  changed();
};
bilinearCanvas.addEventListener('pointerup', endDrag);
bilinearCanvas.addEventListener('pointercancel', endDrag);

const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

bilinearCanvas.addEventListener('keydown', (event) => {
  if (['1', '2', '3', '4'].includes(event.key)) {
    selectedCorner = Number(event.key) - 1;
    say(cornerStatus, `Corner ${event.key} selected: move it with the arrow keys.`);
    redrawOverlays();
    event.preventDefault();
    return;
  }
  const arrow = ARROWS[event.key];
  if (!arrow) return;
  event.preventDefault();
  const step = event.shiftKey ? 0.05 : 0.01;
  state.corners[2 * selectedCorner] = clampCorner(state.corners[2 * selectedCorner] + arrow[0] * step);
  state.corners[2 * selectedCorner + 1] = clampCorner(state.corners[2 * selectedCorner + 1] + arrow[1] * step);
  redrawOverlays();
  changed();
});

// ---- the zoom box -------------------------------------------------------------------------

nearestCanvas.addEventListener('click', (event) => {
  const [fx, fy] = fractionAt(nearestCanvas, event);
  state.zoom = [Math.min(1, Math.max(0, fx)), Math.min(1, Math.max(0, fy))];
  saveState();
  redrawOverlays();
});
nearestCanvas.addEventListener('keydown', (event) => {
  const arrow = ARROWS[event.key];
  if (!arrow) return;
  event.preventDefault();
  const step = event.shiftKey ? 0.1 : 0.02;
  state.zoom = [0, 1].map((k) => Math.min(1, Math.max(0, state.zoom[k] + arrow[k] * step)));
  saveState();
  redrawOverlays();
});

// ---- saving -------------------------------------------------------------------------------

function save(which: 'nearest' | 'bilinear'): void {
  if (!result) return;
  const image = result[which];
  const canvas = document.createElement('canvas');
  drawImage(canvas, image);
  canvas.toBlob((blob) => {
    if (!blob) return say(status, 'The browser could not encode the PNG.', 'error');
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `image-lab-${which}-${image.width}x${image.height}.png`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    say(status, `Saved the ${which} result as ${link.download}.`);
  }, 'image/png');
}
$('il-save-nearest').addEventListener('click', () => save('nearest'));
$('il-save-bilinear').addEventListener('click', () => save('bilinear'));

window.addEventListener('resize', () => redrawOverlays());

async function start(): Promise<void> {
  applyStateToControls();
  saveState();
  const info = await showEngineStatus();
  if (!info) {
    say(status, 'The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  await useBundled();
}

setupExercise('image-lab', $<HTMLElement>('exercise'));
void start();
