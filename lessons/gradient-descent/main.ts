// gradient-descent: the controller. The engine worker builds the surface and its contour map and runs
// each optimizer (the engine's optim::SGD, Adagrad, RMSprop, Adam, AdamW with a scheduler) from the
// start point; this page draws the map, the paths, the loss curves and the table, and keeps the
// setup in the URL hash.
import { EngineClient } from '../../web/engine/client';
import type { GdOptimizerName, GdPath, GdScheduleName, GdSurface, GdSurfaceName } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { HashState, choiceField, intField, type Field } from '../../web/site/hash-state';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { ContourView, type DrawnPath } from './contour-view';
import { decimalField, formatDecimal, parseDecimal } from '../../web/widgets/decimal-field';
import './gradient-descent.css';

const SURFACES = ['bowl', 'ravine', 'rosenbrock', 'saddle', 'himmelblau', 'custom'] as const;
const SCHEDULES = ['constant', 'step', 'cosine', 'warmup'] as const;
const VIEWS = ['1', '2', '3', '5', '10'] as const;
const OPTIMIZERS: { id: GdOptimizerName; label: string; color: string }[] = [
  { id: 'sgd', label: 'GD', color: '#ef4444' },
  { id: 'momentum', label: 'Momentum', color: '#f97316' },
  { id: 'nesterov', label: 'Nesterov', color: '#eab308' },
  { id: 'adagrad', label: 'Adagrad', color: '#22d3ee' },
  { id: 'rmsprop', label: 'RMSprop', color: '#a855f7' },
  { id: 'adam', label: 'Adam', color: '#ffffff' },
  { id: 'adamw', label: 'AdamW', color: '#ec4899' },
];
/** A learning rate that suits each surface at first (any can be changed). */
const DEFAULT_LR: Record<GdSurfaceName, number> = { bowl: 0.1, ravine: 0.03, rosenbrock: 0.001, saddle: 0.05, himmelblau: 0.01, custom: 0.05 };
const DEFAULT_EXPRESSION = 'x^2 + 3*y^2 + sin(2x)';
const LR_MIN = 1e-4;
const LR_MAX = 10;
const RESOLUTION = 161;
const LEVELS = 16;

const decimalHashField = (defaultValue: number, min: number, max: number): Field<number> => ({
  defaultValue,
  parse(text) {
    const value = parseDecimal(text);
    return value !== undefined && value >= min && value <= max ? value : undefined;
  },
  format: formatDecimal,
});
const textField = (defaultValue: string, maxLength: number): Field<string> => ({
  defaultValue,
  parse: (text) => (text.trim() !== '' && text.length <= maxLength ? text : undefined),
  format: (value) => value,
});
/** The racing optimizers as "sgd.momentum.adam" (a subset of OPTIMIZERS, in their order). */
const optimizerSetField: Field<GdOptimizerName[]> = {
  defaultValue: OPTIMIZERS.map((o) => o.id),
  parse(text) {
    if (text === '') return [];
    const names = text.split('.');
    const known = OPTIMIZERS.map((o) => o.id as string);
    return names.every((n) => known.includes(n)) ? OPTIMIZERS.filter((o) => names.includes(o.id)).map((o) => o.id) : undefined;
  },
  format: (value) => value.join('.'),
};

const hash = new HashState({
  s: choiceField<GdSurfaceName>('bowl', SURFACES),
  f: textField(DEFAULT_EXPRESSION, 1000),
  view: choiceField<(typeof VIEWS)[number]>('3', VIEWS),
  lr: decimalHashField(DEFAULT_LR.bowl, LR_MIN, LR_MAX),
  steps: intField(300, 1, 10000),
  sched: choiceField<GdScheduleName>('constant', SCHEDULES),
  opt: optimizerSetField,
  x: decimalHashField(-2.5, -1e4, 1e4),
  y: decimalHashField(2, -1e4, 1e4),
});

const surfaceSelect = $<HTMLSelectElement>('gd-surface');
const scheduleSelect = $<HTMLSelectElement>('gd-schedule');
const viewSelect = $<HTMLSelectElement>('gd-view');
const expressionInput = $<HTMLInputElement>('gd-expr');
const expressionMessage = $<HTMLElement>('gd-expr-message');
const lrSlider = $<HTMLInputElement>('gd-lr');
const status = $<HTMLElement>('gd-status');
const canvas = $<HTMLCanvasElement>('gd-plot');
const MAP_LABEL = canvas.getAttribute('aria-label') ?? '';

const engine = EngineClient.shared();
const state = hash.read();
let surface: GdSurface | null = null;

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};
const saveState = () => hash.write(state);

/** Numbers for people: 6 significant digits (as the CLI prints them), Unicode minus. */
function show(value: number): string {
  if (Number.isNaN(value)) return 'undefined';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const abs = Math.abs(value);
  const text = abs !== 0 && (abs >= 1e6 || abs < 1e-4) ? value.toExponential(3) : String(+value.toPrecision(6));
  return text.replaceAll('-', '−');
}
const showLr = (lr: number) => String(+lr.toPrecision(3));
const label = (id: GdOptimizerName) => OPTIMIZERS.find((o) => o.id === id)!.label;

// ---- the map and the loss chart ----------------------------------------------------------------

const view = new ContourView(canvas, (x, y) => moveStart(x, y, true));
let chart: LineChart | null = null;

function drawChart(paths: GdPath[]): void {
  chart?.destroy();
  const container = $<HTMLElement>('gd-loss-plot');
  const losses = paths.flatMap((p) => Array.from(p.loss).filter(Number.isFinite));
  // A log axis while no loss is negative (an exact 0 is drawn as a gap); linear otherwise.
  const positive = losses.some((v) => v > 0) && losses.every((v) => v >= 0);
  const starts = paths.map((p) => p.loss[0]).filter(Number.isFinite);
  const top = Math.max(...starts);
  const bottom = positive ? Math.min(...losses.filter((v) => v > 0)) : Math.min(...losses);
  let range: [number, number] | undefined;
  if (positive && top > 0) range = [Math.max(bottom / 2, top * 1e-16, 1e-300), top * 20];
  else if (Number.isFinite(top) && Number.isFinite(bottom)) {
    const span = Math.max(top - bottom, 1e-9);
    range = [bottom - 0.05 * span, top + 0.5 * span];
  }
  chart = new LineChart(container, {
    x: { label: 'step' },
    y: { label: positive ? 'f (log scale)' : 'f', log: positive, range },
    series: paths.map((p) => {
      const o = OPTIMIZERS.find((q) => q.id === p.optimizer)!;
      return { label: o.label, color: o.id === 'adam' ? '#0f172a' : o.color, dash: o.id === 'adamw' ? [6, 3] : undefined };
    }),
    height: 300,
    description: 'Loss against step for each racing optimizer.',
  });
  const longest = Math.max(1, ...paths.map((p) => p.loss.length));
  const xs = Array.from({ length: longest }, (_, k) => k);
  chart.setData(
    xs,
    paths.map((p) => xs.map((k) => (k < p.loss.length && Number.isFinite(p.loss[k]) && (!positive || p.loss[k] > 0) ? p.loss[k] : null))),
  );
  $('gd-loss-caption').textContent = positive
    ? 'f at each step, on a log scale. A path that blows up stops where it left the map.'
    : 'f at each step (linear scale: f goes below 0 here). A path that blows up stops where it left the map.';
}

function drawTable(paths: GdPath[]): void {
  const body = $<HTMLElement>('gd-results').querySelector('tbody')!;
  body.replaceChildren(
    ...paths.map((p) => {
      const row = document.createElement('tr');
      row.dataset.testid = `gd-row-${p.optimizer}`;
      row.dataset.state = p.diverged ? 'diverged' : 'ok';
      const o = OPTIMIZERS.find((q) => q.id === p.optimizer)!;
      const cell = (text: string, testid: string) => {
        const td = document.createElement('td');
        td.textContent = text;
        td.dataset.testid = testid;
        return td;
      };
      const name = document.createElement('th');
      name.scope = 'row';
      const swatch = document.createElement('span');
      swatch.className = 'gd-swatch';
      swatch.style.background = o.color;
      name.append(swatch, o.label);
      const end = p.x.length - 1;
      row.append(
        name,
        cell(`(${show(p.x[end])}, ${show(p.y[end])})`, `gd-end-${p.optimizer}`),
        cell(show(p.loss[end]), `gd-loss-${p.optimizer}`),
        cell(String(p.stepsTaken), `gd-steps-${p.optimizer}`),
        cell(p.diverged ? `blew up: ${p.reason}` : 'stable', `gd-state-${p.optimizer}`),
      );
      return row;
    }),
  );
}

// ---- engine calls ------------------------------------------------------------------------------

let surfaceSerial = 0;

/** Loads the chosen surface; a malformed f(x, y) is explained under the field and the last good map stays. */
async function loadSurface(): Promise<boolean> {
  const serial = ++surfaceSerial;
  say('Drawing the surface…');
  try {
    const result = await engine.run('gradientDescent.surface', {
      surface: state.s,
      expression: state.f,
      halfWidth: Number(state.view),
      resolution: RESOLUTION,
      levels: LEVELS,
    });
    if (serial !== surfaceSerial) return false;
    if (!result.valid) {
      showExpressionError(state.f, result.message, result.position);
      say('');
      return false;
    }
    clearExpressionError();
    surface = result;
    view.setSurface(result);
    view.setStart(state.x, state.y);
    $('gd-formula').textContent = result.formula;
    return true;
  } catch (error) {
    say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
    return false;
  }
}

let raceBusy = false;
let raceAgain = false;

/** Runs the race; rapid changes (the slider, arrow keys) collapse into the latest one. */
async function race(): Promise<void> {
  if (!surface) return;
  if (raceBusy) {
    raceAgain = true;
    return;
  }
  raceBusy = true;
  try {
    do {
      raceAgain = false;
      if (state.opt.length === 0) {
        view.setPaths([]);
        drawChart([]);
        drawTable([]);
        say('No optimizer is racing: switch one on above.');
        continue;
      }
      say('Racing…');
      const result = await engine.run('gradientDescent.race', {
        surface: state.s,
        expression: state.f,
        halfWidth: Number(state.view),
        optimizers: state.opt,
        lr: state.lr,
        steps: state.steps,
        startX: state.x,
        startY: state.y,
        schedule: state.sched,
      });
      if (raceAgain) continue;
      const drawn: DrawnPath[] = result.paths.map((p) => ({ ...p, color: OPTIMIZERS.find((o) => o.id === p.optimizer)!.color }));
      view.setPaths(drawn);
      drawChart(result.paths);
      drawTable(result.paths);
      const blown = result.paths.filter((p) => p.diverged);
      const best = result.paths.filter((p) => !p.diverged).sort((a, b) => a.loss[a.loss.length - 1] - b.loss[b.loss.length - 1])[0];
      const lead = `${result.paths.length} optimizer${result.paths.length === 1 ? '' : 's'}, η = ${showLr(state.lr)}, ${state.steps} steps, ${state.sched} schedule, from (${show(state.x)}, ${show(state.y)}).`;
      const bestText = best ? ` Lowest loss: ${label(best.optimizer)}, f = ${show(best.loss[best.loss.length - 1])}.` : '';
      const blownText = blown.length
        ? ` Blew up (path stopped): ${blown.map((p) => `${label(p.optimizer)} — ${p.reason}`).join('; ')}. Try a smaller η.`
        : '';
      say(lead + bestText + blownText, blown.length ? 'error' : 'info');
    } while (raceAgain);
  } catch (error) {
    say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
  } finally {
    raceBusy = false;
  }
}

function showExpressionError(expression: string, message: string, position: number): void {
  const characters = Array.from(expression);
  expressionInput.setAttribute('aria-invalid', 'true');
  const text = document.createElement('span');
  const kept = surface ? ` Keeping ${surface.name === 'expression' ? `f(x, y) = ${surface.formula}` : `the ${surface.name} surface`}.` : '';
  text.textContent = `${message}.${kept}`;
  const caret = document.createElement('pre');
  caret.className = 'gd-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.dataset.testid = 'gd-expr-caret';
  caret.textContent = `${characters.join('')}\n${' '.repeat(Math.max(0, position - 1))}^`;
  expressionMessage.replaceChildren(text, caret);
}

function clearExpressionError(): void {
  expressionInput.removeAttribute('aria-invalid');
  expressionMessage.replaceChildren();
}

// ---- controls ----------------------------------------------------------------------------------

function setLr(lr: number, fromSlider = false): void {
  state.lr = lr;
  $('gd-lr-value').textContent = showLr(lr);
  lrSlider.setAttribute('aria-valuetext', `η = ${showLr(lr)}`);
  if (!fromSlider) lrSlider.value = String(Math.log10(lr));
  lrField.set(lr);
}

const lrField = decimalField($<HTMLInputElement>('gd-lr-exact'), document.getElementById('gd-lr-exact-message')!, {
  label: 'η',
  min: LR_MIN,
  max: LR_MAX,
  onChange(value) {
    setLr(value);
    saveState();
    void race();
  },
});
const stepsField = numberField($<HTMLInputElement>('gd-steps'), document.getElementById('gd-steps-message')!, {
  label: 'Steps',
  min: 1,
  max: 10000,
  onChange(value) {
    state.steps = value;
    saveState();
    void race();
  },
});
const startXField = decimalField($<HTMLInputElement>('gd-start-x'), document.getElementById('gd-start-x-message')!, {
  label: 'Start x',
  min: -1e4,
  max: 1e4,
  onChange: (value) => moveStart(value, state.y, false),
});
const startYField = decimalField($<HTMLInputElement>('gd-start-y'), document.getElementById('gd-start-y-message')!, {
  label: 'Start y',
  min: -1e4,
  max: 1e4,
  onChange: (value) => moveStart(state.x, value, false),
});

/** Moves the start; clicks are rounded to a thousandth of the map's width so the link stays short. */
function moveStart(x: number, y: number, round: boolean): void {
  if (round && surface) {
    const digits = Math.min(12, Math.max(0, Math.ceil(-Math.log10((surface.bounds[1] - surface.bounds[0]) / 1000))));
    x = +x.toFixed(digits);
    y = +y.toFixed(digits);
  }
  state.x = x;
  state.y = y;
  startXField.set(x);
  startYField.set(y);
  canvas.setAttribute('aria-label', `${MAP_LABEL} Start: (${show(x)}, ${show(y)}).`);
  view.setStart(x, y);
  saveState();
  void race();
}

function resetToSurfaceDefaults(): void {
  if (!surface) return;
  setLr(DEFAULT_LR[state.s]);
  moveStart(surface.start[0], surface.start[1], false);
}

surfaceSelect.addEventListener('change', async () => {
  const previous = state.s;
  state.s = surfaceSelect.value as GdSurfaceName;
  if (await loadSurface()) {
    saveState();
    resetToSurfaceDefaults();
  } else {
    state.s = previous;
    surfaceSelect.value = previous;
  }
});

$<HTMLFormElement>('gd-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const previous = { s: state.s, f: state.f };
  state.f = expressionInput.value;
  state.s = 'custom';
  if (await loadSurface()) {
    surfaceSelect.value = 'custom';
    saveState();
    resetToSurfaceDefaults();
  } else {
    Object.assign(state, previous);
  }
});

viewSelect.addEventListener('change', async () => {
  const previous = state.view;
  state.view = viewSelect.value as (typeof VIEWS)[number];
  if (state.s !== 'custom') {
    saveState();
    return;
  }
  if (await loadSurface()) {
    saveState();
    resetToSurfaceDefaults();
  } else {
    state.view = previous;
    viewSelect.value = previous;
  }
});

scheduleSelect.addEventListener('change', () => {
  state.sched = scheduleSelect.value as GdScheduleName;
  saveState();
  void race();
});

lrSlider.addEventListener('input', () => {
  setLr(+(10 ** Number(lrSlider.value)).toPrecision(3), true);
  saveState();
  void race();
});

function buildToggles(): void {
  const box = $<HTMLElement>('gd-optimizers');
  for (const o of OPTIMIZERS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'gd-toggle';
    button.dataset.testid = `gd-opt-${o.id}`;
    button.style.setProperty('--swatch', o.color);
    button.innerHTML = '<span class="gd-swatch"></span>';
    button.append(o.label);
    const sync = () => button.setAttribute('aria-pressed', String(state.opt.includes(o.id)));
    sync();
    button.addEventListener('click', () => {
      state.opt = state.opt.includes(o.id) ? state.opt.filter((id) => id !== o.id) : OPTIMIZERS.filter((q) => q.id === o.id || state.opt.includes(q.id)).map((q) => q.id);
      sync();
      saveState();
      void race();
    });
    box.append(button);
  }
}

canvas.addEventListener('keydown', (event) => {
  if (!surface) return;
  const [x0, x1, y0, y1] = surface.bounds;
  const step = (event.shiftKey ? 0.1 : 0.02) * (x1 - x0);
  const moves: Record<string, () => [number, number]> = {
    ArrowLeft: () => [state.x - step, state.y],
    ArrowRight: () => [state.x + step, state.y],
    ArrowUp: () => [state.x, state.y + step],
    ArrowDown: () => [state.x, state.y - step],
  };
  if (event.key === 'Enter') {
    event.preventDefault();
    void race();
    return;
  }
  const move = moves[event.key];
  if (!move) return;
  event.preventDefault();
  const [x, y] = move();
  moveStart(Math.min(x1, Math.max(x0, x)), Math.min(y1, Math.max(y0, y)), true);
});

async function start(): Promise<void> {
  surfaceSelect.value = state.s;
  scheduleSelect.value = state.sched;
  viewSelect.value = state.view;
  expressionInput.value = state.f;
  stepsField.set(state.steps);
  setLr(state.lr);
  startXField.set(state.x);
  startYField.set(state.y);
  buildToggles();
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  if (!(await loadSurface())) {
    // The link carried an f(x, y) the engine rejects: show the bowl, and explain the rejected text.
    const rejected = state.f;
    const problem = expressionMessage.cloneNode(true) as HTMLElement;
    Object.assign(state, { s: 'bowl', f: DEFAULT_EXPRESSION });
    surfaceSelect.value = 'bowl';
    await loadSurface();
    expressionInput.value = rejected;
    expressionMessage.replaceChildren(...Array.from(problem.childNodes));
    expressionInput.setAttribute('aria-invalid', 'true');
    resetToSurfaceDefaults();
    return;
  }
  saveState();
  await race();
}

setupExercise('gradient-descent', $<HTMLElement>('exercise'));
void start();
