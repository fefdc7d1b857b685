// vectors-2d: the controller. The engine worker builds every matrix and transforms every corner;
// this page keeps the shapes' settings (in the URL hash), reads keyboard and mouse, and draws.
import { EngineClient } from '../../web/engine/client';
import type { Vectors2dShapeSpec, Vectors2dTransformResult, Vectors2dTransformed } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { setupExercise } from '../../web/widgets/exercise';
import { setupGame } from './game';
import { showMatrix } from './matrix-view';
import { formatFixed3, decimalField, type DecimalField } from '../../web/widgets/decimal-field';
import { DEFAULT_SHAPES, LIMITS, MAX_SHAPES, ORDERS, SHAPES, hash, readState, type Order, type SceneShape } from './state';
import './styles.css';
import { WorldView } from './view';

const BOUNDS = { xMin: -6, xMax: 6, yMin: -4.5, yMax: 4.5 };
const PALETTE = ['#2563eb', '#ea580c', '#16a34a', '#9333ea', '#0891b2', '#db2777', '#ca8a04', '#475569'];
const STEP_WORDS: Record<string, string> = { s: 'scale', r: 'rotate', t: 'translate' };
const STEP_LETTERS: Record<string, string> = { s: 'S', r: 'R', t: 'T' };
const ROTATE_STEP = 15;
const SCALE_STEP = 1.1;

const engine = EngineClient.shared();
const state = readState();
const status = $('v2d-status');
const sceneCanvas = $<HTMLCanvasElement>('v2d-scene');
const scene = new WorldView(sceneCanvas, BOUNDS);
const panels = {
  left: { view: new WorldView($<HTMLCanvasElement>('v2d-canvas-left'), BOUNDS), select: $<HTMLSelectElement>('v2d-order-left') },
  right: { view: new WorldView($<HTMLCanvasElement>('v2d-canvas-right'), BOUNDS), select: $<HTMLSelectElement>('v2d-order-right') },
};
const selectedSelect = $<HTMLSelectElement>('v2d-selected');
const addKind = $<HTMLSelectElement>('v2d-add-kind');

let latest: Vectors2dTransformResult | null = null;
let scenePaths: Path2D[] = [];

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};
const selected = (): SceneShape => state.shapes[state.selected];
const round = (value: number) => Number(value.toFixed(3));
const clamp = (value: number, [min, max]: readonly [number, number]) => Math.min(max, Math.max(min, value));
const orderText = (order: string) => order.split('').map((l) => STEP_WORDS[l]).join(' → ');
const formulaText = (order: string) => `M = ${order.split('').reverse().map((l) => STEP_LETTERS[l]).join(' · ')}`;

// ---- talking to the engine: one call per redraw, the latest settings win ------------------------

let inFlight = false;
let again = false;

function spec(shape: SceneShape, order: string): Vectors2dShapeSpec {
  return { ...shape, order };
}

async function update(): Promise<void> {
  if (inFlight) {
    again = true;
    return;
  }
  inFlight = true;
  try {
    do {
      again = false;
      const items = [...state.shapes.map((s) => spec(s, 'srt')), spec(selected(), state.left), spec(selected(), state.right)];
      latest = await engine.run('vectors2d.transform', { items });
      draw();
    } while (again);
    if (status.dataset.state === 'error') say('');
  } catch (error) {
    say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
  } finally {
    inFlight = false;
  }
}

/** Something changed: save the link, show the selected shape's numbers, recompute. */
function changed(): void {
  hash.write(state);
  syncControls();
  void update();
}

// ---- drawing ---------------------------------------------------------------------------------------

function draw(): void {
  if (!latest || latest.items.length !== state.shapes.length + 2) return;
  drawScene(latest.items.slice(0, state.shapes.length));
  drawMatrices(latest.items[state.selected]);
  drawOrder('left', latest.items[state.shapes.length], state.left);
  drawOrder('right', latest.items[state.shapes.length + 1], state.right);
  const [a, b] = latest.items.slice(state.shapes.length).map((item) => item.matrix.map(formatFixed3).join());
  $('v2d-order-verdict').textContent =
    state.left === state.right
      ? 'Both panels use the same order.'
      : a === b
        ? 'Here the two products are equal: these steps commute (try a non-zero angle with a move).'
        : 'Different orders, different matrices: the shape ends up in a different place.';
}

function drawScene(items: Vectors2dTransformed[]): void {
  scene.clear();
  scene.grid();
  const chosen = items[state.selected];
  scene.polygon(chosen.model, { stroke: '#94a3b8', dash: [5, 4], width: 1.5 });
  scenePaths = items.map((item, i) => {
    const color = PALETTE[i % PALETTE.length];
    return scene.polygon(item.points, { stroke: color, fill: `${color}26`, width: i === state.selected ? 3 : 2 });
  });
  items.forEach((item, i) => scene.label(item.axes[0], item.axes[1], String(i + 1), PALETTE[i % PALETTE.length]));
  const axes = chosen.axes;
  scene.arrow(axes[0], axes[1], axes[2], axes[3], '#dc2626', "x'");
  scene.arrow(axes[0], axes[1], axes[4], axes[5], '#2563eb', "y'");
  scene.dot(axes[0], axes[1], '#0f172a');
}

function drawMatrices(item: Vectors2dTransformed): void {
  // order "srt": steps are S, R, T.
  showMatrix($('v2d-matrix-s'), item.steps[0].matrix, 'S');
  showMatrix($('v2d-matrix-r'), item.steps[1].matrix, 'R');
  showMatrix($('v2d-matrix-t'), item.steps[2].matrix, 'T');
  showMatrix($('v2d-matrix-m'), item.matrix, 'M');
  $('v2d-det').textContent = formatFixed3(item.determinant);
  $('v2d-det-note').textContent =
    item.determinant === 0
      ? '(flattened: zero area)'
      : `(areas × ${formatFixed3(Math.abs(item.determinant))}${item.determinant < 0 ? ', mirrored' : ''})`;
  const rows = [];
  for (let k = 0; k < item.model.length / 2; k++) {
    const row = document.createElement('tr');
    const cells = [
      String(k + 1),
      `(${formatFixed3(item.model[2 * k])}, ${formatFixed3(item.model[2 * k + 1])})`,
      `(${formatFixed3(item.points[2 * k])}, ${formatFixed3(item.points[2 * k + 1])})`,
    ];
    for (const text of cells) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    rows.push(row);
  }
  $('v2d-vertices').replaceChildren(...rows);
}

function drawOrder(side: 'left' | 'right', item: Vectors2dTransformed, order: Order): void {
  const { view } = panels[side];
  view.clear();
  view.grid();
  view.polygon(item.model, { stroke: '#94a3b8', dash: [5, 4], width: 1.5 });
  const n = item.model.length / 2;
  const shades = ['#cbd5e1', '#94a3b8'];
  for (let s = 0; s < 2; s++) view.polygon(item.stages, { stroke: shades[s], dash: [2, 3], width: 1.5 }, s * n, n);
  const color = side === 'left' ? '#2563eb' : '#ea580c';
  view.polygon(item.points, { stroke: color, fill: `${color}26`, width: 2.5 });
  $(`v2d-formula-${side}`).textContent = formulaText(order);
  $(`v2d-steps-${side}`).textContent =
    `dashed: the shape's own points · dotted: after 1. ${STEP_WORDS[order[0]]}, then 2. ${STEP_WORDS[order[1]]} · solid: after 3. ${STEP_WORDS[order[2]]}`;
  showMatrix($(`v2d-matrix-${side}`), item.matrix, `M for ${orderText(order)}`);
}

// ---- controls ---------------------------------------------------------------------------------------

function field(id: string, label: string, limits: readonly [number, number], apply: (s: SceneShape, v: number) => void): DecimalField {
  return decimalField($<HTMLInputElement>(id), document.getElementById(`${id}-message`)!, {
    label,
    min: limits[0],
    max: limits[1],
    quote: 'none',
    format: formatFixed3,
    onChange(value) {
      apply(selected(), value);
      changed();
    },
  });
}

const fields = {
  rotate: field('v2d-rotate', 'Angle', LIMITS.rotate, (s, v) => (s.rotate = v)),
  scaleX: field('v2d-scale-x', 'Scale x', LIMITS.scale, (s, v) => (s.scaleX = v)),
  scaleY: field('v2d-scale-y', 'Scale y', LIMITS.scale, (s, v) => (s.scaleY = v)),
  translateX: field('v2d-translate-x', 'Move x', LIMITS.translate, (s, v) => (s.translateX = v)),
  translateY: field('v2d-translate-y', 'Move y', LIMITS.translate, (s, v) => (s.translateY = v)),
};

function syncControls(): void {
  const s = selected();
  fields.rotate.set(s.rotate);
  fields.scaleX.set(s.scaleX);
  fields.scaleY.set(s.scaleY);
  fields.translateX.set(s.translateX);
  fields.translateY.set(s.translateY);
  selectedSelect.replaceChildren(
    ...state.shapes.map((shape, i) => new Option(`${i + 1} · ${shape.shape}`, String(i), false, i === state.selected)),
  );
  selectedSelect.value = String(state.selected);
  panels.left.select.value = state.left;
  panels.right.select.value = state.right;
  $<HTMLButtonElement>('v2d-add').disabled = state.shapes.length >= MAX_SHAPES;
  $<HTMLButtonElement>('v2d-remove').disabled = state.shapes.length <= 1;
}

function select(index: number): void {
  state.selected = index;
  changed();
}

addKind.replaceChildren(...SHAPES.map((name) => new Option(name, name)));
for (const side of ['left', 'right'] as const) {
  const { select: menu } = panels[side];
  menu.replaceChildren(...ORDERS.map((order) => new Option(`${orderText(order)}`, order)));
  menu.addEventListener('change', () => {
    state[side] = menu.value as Order;
    changed();
  });
}
selectedSelect.addEventListener('change', () => select(Number(selectedSelect.value)));
$('v2d-add').addEventListener('click', () => {
  if (state.shapes.length >= MAX_SHAPES) return;
  state.shapes.push({ shape: addKind.value as SceneShape['shape'], rotate: 0, scaleX: 1, scaleY: 1, translateX: 0, translateY: 0 });
  say(`Added shape ${state.shapes.length}, a ${addKind.value}, at the origin with M = I. Move it with the keys or the mouse.`);
  select(state.shapes.length - 1);
});
$('v2d-remove').addEventListener('click', () => {
  if (state.shapes.length <= 1) return;
  state.shapes.splice(state.selected, 1);
  say('');
  select(Math.min(state.selected, state.shapes.length - 1));
});
$('v2d-reset').addEventListener('click', () => {
  state.shapes = DEFAULT_SHAPES.map((s) => ({ ...s }));
  say('');
  select(0);
});

// ---- keyboard and mouse on the scene -----------------------------------------------------------------

sceneCanvas.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return; // leave Ctrl+R, Ctrl+S … to the browser
  const s = selected();
  const move = event.shiftKey ? 1 : 0.25;
  switch (event.key) {
    case 'r':
    case 'R': {
      let angle = s.rotate + (event.shiftKey ? -ROTATE_STEP : ROTATE_STEP);
      if (angle > 180) angle -= 360;
      if (angle <= -180) angle += 360;
      s.rotate = round(angle);
      break;
    }
    case 's':
    case 'S': {
      const factor = event.shiftKey ? 1 / SCALE_STEP : SCALE_STEP;
      s.scaleX = round(clamp(s.scaleX * factor, LIMITS.scale));
      s.scaleY = round(clamp(s.scaleY * factor, LIMITS.scale));
      break;
    }
    case 'ArrowLeft':
      s.translateX = round(clamp(s.translateX - move, LIMITS.translate));
      break;
    case 'ArrowRight':
      s.translateX = round(clamp(s.translateX + move, LIMITS.translate));
      break;
    case 'ArrowUp':
      s.translateY = round(clamp(s.translateY + move, LIMITS.translate));
      break;
    case 'ArrowDown':
      s.translateY = round(clamp(s.translateY - move, LIMITS.translate));
      break;
    case 'n':
    case 'N':
      select((state.selected + 1) % state.shapes.length);
      event.preventDefault();
      return;
    default:
      return;
  }
  event.preventDefault();
  changed();
});

let drag: { pointer: number; x: number; y: number } | null = null;
sceneCanvas.addEventListener('pointerdown', (event) => {
  const [px, py] = scene.devicePoint(event);
  // Topmost shape under the pointer, tested on the outline the page drew.
  for (let i = scenePaths.length - 1; i >= 0; i--) {
    if (scene.context.isPointInPath(scenePaths[i], px, py)) {
      if (i !== state.selected) select(i);
      drag = { pointer: event.pointerId, x: event.clientX, y: event.clientY };
      sceneCanvas.setPointerCapture(event.pointerId);
      event.preventDefault();
      sceneCanvas.focus();
      return;
    }
  }
});
sceneCanvas.addEventListener('pointermove', (event) => {
  if (!drag || event.pointerId !== drag.pointer) return;
  const units = scene.unitsPerCssPixel();
  const s = selected();
  s.translateX = round(clamp(s.translateX + (event.clientX - drag.x) * units, LIMITS.translate));
  s.translateY = round(clamp(s.translateY - (event.clientY - drag.y) * units, LIMITS.translate));
  drag.x = event.clientX;
  drag.y = event.clientY;
  changed();
});
const endDrag = () => (drag = null);
sceneCanvas.addEventListener('pointerup', endDrag);
sceneCanvas.addEventListener('pointercancel', endDrag);
sceneCanvas.addEventListener(
  'wheel',
  (event) => {
    if (document.activeElement !== sceneCanvas) return; // scroll the page unless the scene has focus
    event.preventDefault();
    const s = selected();
    const factor = event.deltaY < 0 ? SCALE_STEP : 1 / SCALE_STEP;
    s.scaleX = round(clamp(s.scaleX * factor, LIMITS.scale));
    s.scaleY = round(clamp(s.scaleY * factor, LIMITS.scale));
    changed();
  },
  { passive: false },
);

scene.resized(draw);
panels.left.view.resized(draw);
panels.right.view.resized(draw);

async function start(): Promise<void> {
  syncControls();
  hash.write(state);
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  await update();
}

setupExercise('vectors-2d', $<HTMLElement>('exercise'));
setupGame(engine, state, () => hash.write(state));
void start();
