// derivatives: the controller. The engine worker parses f(x), samples f and its central-difference
// derivative, finds and classifies the critical points, and for the point a gives the tangent and
// the error-vs-step sweep; this page draws them and keeps the setup in the URL hash.
import { EngineClient } from '../../web/engine/client';
import type { DerivativesCurve, DerivativesInvalid, DerivativesPointResult } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { HashState, choiceField, type Field } from '../../web/site/hash-state';
import { setupExercise } from '../../web/widgets/exercise';
import { decimalField, formatDecimal, parseDecimal } from '../../web/widgets/decimal-field';
import './derivatives.css';
import { FunctionPlot, type Marker } from './function-plot';

const DEFAULT_EXPRESSION = 'x^3 - 3*x + 1';
const SAMPLES = 801;
const RATES = ['0.01', '0.05', '0.2', '0.5', '0.9'] as const;
/** Longest roll; a roll is shown at up to 12 steps a second, in at most 4 seconds. */
const ROLL_STEPS = 500;
const LIMIT = 1e6;
const KIND_COLOR = { max: '#dc2626', min: '#16a34a', inflection: '#7c3aed' } as const;
const POINT_COLOR = '#ea580c';
const ERROR_LOW = 1e-17;
const ERROR_HIGH = 1e3;

const textField = (defaultValue: string, maxLength: number): Field<string> => ({
  defaultValue,
  parse: (text) => (text.trim() !== '' && text.length <= maxLength ? text : undefined),
  format: (value) => value,
});
const numberHashField = (defaultValue: number, min: number, max: number): Field<number> => ({
  defaultValue,
  parse(text) {
    const value = parseDecimal(text);
    return value !== undefined && value >= min && value <= max ? value : undefined;
  },
  format: formatDecimal,
});

const hash = new HashState({
  f: textField(DEFAULT_EXPRESSION, 1000),
  from: numberHashField(-3, -LIMIT, LIMIT),
  to: numberHashField(3, -LIMIT, LIMIT),
  a: numberHashField(2, -LIMIT, LIMIT),
  /** log10 of the step h, in halves: -5 is h = 1e-5. */
  h: numberHashField(-5, -15, 0),
  /** Step η of the ball rolling downhill. */
  lr: choiceField<(typeof RATES)[number]>('0.05', RATES),
});

const expressionInput = $<HTMLInputElement>('deriv-expr');
const expressionMessage = $<HTMLElement>('deriv-expr-message');
const presetSelect = $<HTMLSelectElement>('deriv-preset');
const stepInput = $<HTMLInputElement>('deriv-h');
const plotArea = $<HTMLElement>('deriv-fplot');
const status = $<HTMLElement>('deriv-status');

const engine = EngineClient.shared();
const state = hash.read();
if (!(state.from < state.to)) Object.assign(state, { from: -3, to: 3 });
if (state.a < state.from || state.a > state.to) state.a = (state.from + state.to) / 2;
state.h = Math.round(state.h * 2) / 2;
let curve: DerivativesCurve | null = null;
let point: DerivativesPointResult | null = null;

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};
const saveState = () => hash.write(state);
const h = () => 10 ** state.h;

/** Numbers for people: 6 significant digits; dust next to 0 (relative to `scale`) shown as 0. */
function show(value: number, scale = 1): string {
  if (Number.isNaN(value)) return 'undefined';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (Math.abs(value) < 1e-9 * scale) return '0';
  const abs = Math.abs(value);
  const text = abs >= 1e6 || abs < 1e-4 ? value.toExponential(3) : String(+value.toPrecision(6));
  return text.replace('-', '−');
}
const showStep = (exponent: number) => (Number.isInteger(exponent) ? `1e${exponent}` : (10 ** exponent).toExponential(1));

// ---- plots ------------------------------------------------------------------------------------

const fPlot = new FunctionPlot(plotArea, {
  xLabel: 'x',
  yLabel: 'f(x)',
  curves: [{ label: 'f(x)', color: '#0f172a' }],
  zeroLine: true,
  onPick: (x) => moveTo(x),
});
const dPlot = new FunctionPlot($<HTMLElement>('deriv-dplot'), {
  xLabel: 'x',
  yLabel: "f′(x)",
  curves: [
    { label: 'central difference, step h', color: '#2563eb' },
    { label: 'exact f′ (automatic differentiation)', color: '#64748b', dash: [6, 4], width: 1.5 },
  ],
  zeroLine: true,
});
const errorPlot = new FunctionPlot($<HTMLElement>('deriv-errplot'), {
  xLabel: 'step h',
  yLabel: '|error|',
  log: true,
  height: 320,
  curves: [
    { label: 'central (f(a+h) − f(a−h)) / 2h', color: '#2563eb' },
    { label: 'forward (f(a+h) − f(a)) / h', color: '#9333ea', width: 1.5 },
    { label: 'truncation h²|f‴|/6', color: '#0f172a', dash: [6, 4], width: 1 },
    { label: 'round-off ε|f|/h', color: '#64748b', dash: [2, 3], width: 1.5 },
  ],
});

// ---- drawing ----------------------------------------------------------------------------------

function drawCurve(c: DerivativesCurve): void {
  fPlot.setData(state.from, state.to, c.fLow, c.fHigh, c.x, [c.f]);
  dPlot.setData(state.from, state.to, c.derivativeLow, c.derivativeHigh, c.x, [c.derivative, c.exactDerivative]);
  const scale = state.to - state.from;
  const critical = $<HTMLElement>('deriv-critical');
  critical.replaceChildren(
    ...c.critical.map((p) =>
      pointItem(p.x, `x = ${show(p.x, scale)} · ${p.kind} · f = ${show(p.y)} · f″ = ${show(p.secondDerivative, 1e3)}${
        p.bySecondDerivative ? '' : ' (f″ ≈ 0: the sign of f′ decided)'
      }`, p.kind),
    ),
  );
  if (c.critical.length === 0) critical.append(emptyItem("none: f′ does not reach 0 here"));
  const summary = c.critical.map((p) => `x = ${show(p.x, scale)} (${p.kind})`).join(', ');
  $('deriv-critical-summary').textContent =
    `Critical points found: ${summary || 'none'}${c.truncated ? ' — only the first 50 are listed' : ''}`;
  const inflections = $<HTMLElement>('deriv-inflections');
  inflections.replaceChildren(
    ...c.inflections.map((p) => pointItem(p.x, `x = ${show(p.x, scale)} · f = ${show(p.y)} · slope ${show(p.slope)}`, 'inflection')),
  );
  if (c.inflections.length === 0) inflections.append(emptyItem("none: f″ keeps its sign"));
}

function pointItem(x: number, text: string, kind: keyof typeof KIND_COLOR): HTMLLIElement {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'deriv-point';
  button.dataset.kind = kind;
  button.style.borderLeftColor = KIND_COLOR[kind];
  button.textContent = text;
  button.title = 'Move the point a here';
  button.addEventListener('click', () => moveTo(x, false));
  item.append(button);
  return item;
}

function emptyItem(text: string): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'deriv-none';
  item.textContent = text;
  return item;
}

function drawOverlays(): void {
  if (!curve) return;
  const markers: Marker[] = [
    ...curve.inflections.map((p): Marker => ({ x: p.x, y: p.y, color: KIND_COLOR.inflection, shape: 'ring' })),
    ...curve.critical.map((p): Marker => ({ x: p.x, y: p.y, color: KIND_COLOR[p.kind], shape: 'dot', label: p.kind })),
  ];
  const zeros = curve.critical.map((p): Marker => ({ x: p.x, y: 0, color: KIND_COLOR[p.kind], shape: 'ring' }));
  if (!point) {
    fPlot.setOverlay(markers, []);
    dPlot.setOverlay(zeros, []);
    return;
  }
  const t = point.tangent;
  const label = `slope = ${show(t.slope)}`;
  fPlot.setOverlay([...markers, { x: t.a, y: t.fa, color: POINT_COLOR, shape: 'diamond', label }], [
    { x0: t.x0, y0: t.y0, x1: t.x1, y1: t.y1, color: POINT_COLOR },
  ]);
  dPlot.setOverlay([...zeros, { x: t.a, y: t.slope, color: POINT_COLOR, shape: 'diamond', label: `f′(a) ≈ ${show(t.slope)}` }], []);
}

function drawPoint(p: DerivativesPointResult): void {
  const t = p.tangent;
  $('deriv-fa').textContent = show(t.fa);
  $('deriv-slope').textContent = show(t.slope);
  $('deriv-exact').textContent = show(t.exactSlope);
  $('deriv-error').textContent = Number.isFinite(t.error) ? t.error.toExponential(1) : 'undefined';
  $('deriv-second').textContent = show(t.secondDerivative);
  plotArea.setAttribute('aria-valuenow', String(state.a));
  plotArea.setAttribute('aria-valuetext', `a = ${show(state.a)}, f(a) = ${show(t.fa)}, slope ${show(t.slope)}`);
  const s = p.sweep;
  // 0 (an exact result) has no place on a log axis: drawn as a gap, like NaN.
  const positive = (values: Float32Array) => values.map((v) => (v > 0 ? v : NaN));
  errorPlot.setData(1e-16, 1, ERROR_LOW, ERROR_HIGH, s.h, [positive(s.central), positive(s.forward), positive(s.truncation), positive(s.roundoff)]);
  const yourError = Math.min(Math.max(t.error, ERROR_LOW), ERROR_HIGH);
  errorPlot.setOverlay(
    [{ x: h(), y: yourError, color: POINT_COLOR, shape: 'diamond', label: `your h: ${Number.isFinite(t.error) ? t.error.toExponential(1) : 'undefined'}` }],
    [{ x0: h(), y0: ERROR_LOW, x1: h(), y1: ERROR_HIGH, color: POINT_COLOR }],
  );
  $('deriv-best-h').textContent = s.bestH > 0 ? s.bestH.toExponential(1) : '–';
  $('deriv-model-h').textContent = s.modelBestH > 0 ? s.modelBestH.toExponential(1) : '– (needs f(a) ≠ 0 and f‴(a) ≠ 0)';
  drawOverlays();
}

// ---- engine calls -----------------------------------------------------------------------------

let plotSerial = 0;

/** Plots `expression`; a malformed one is explained under the field and the last good plot stays. */
async function plot(expression: string): Promise<DerivativesInvalid | null> {
  const serial = ++plotSerial;
  say('Computing…');
  try {
    const result = await engine.run('derivatives.plot', { expression, from: state.from, to: state.to, h: h(), samples: SAMPLES });
    if (serial !== plotSerial) return null;
    if (!result.valid) {
      showExpressionError(expression, result.message, result.position);
      say('');
      return result;
    }
    clearExpressionError();
    state.f = expression;
    saveState();
    curve = result;
    $('deriv-parsed').textContent = result.parsed;
    drawCurve(result);
    drawOverlays();
    const gaps = result.undefined > 0 ? ` f is undefined at ${result.undefined} of ${SAMPLES} sample points (shown as gaps).` : '';
    say(`Plotted f(x) = ${result.parsed} on [${show(state.from)}, ${show(state.to)}].${gaps}`);
    await updatePoint();
  } catch (error) {
    say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
  }
  return null;
}

let pointBusy = false;
let pointAgain = false;

/** The tangent and the error sweep at a; rapid moves (arrow keys) collapse into the latest one. */
async function updatePoint(): Promise<void> {
  if (!curve) return;
  if (pointBusy) {
    pointAgain = true;
    return;
  }
  pointBusy = true;
  try {
    do {
      pointAgain = false;
      point = await engine.run('derivatives.point', { expression: state.f, a: state.a, h: h(), from: state.from, to: state.to });
      drawPoint(point);
    } while (pointAgain);
  } catch (error) {
    say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
  } finally {
    pointBusy = false;
  }
}

function showExpressionError(expression: string, message: string, position: number): void {
  const characters = Array.from(expression);
  expressionInput.setAttribute('aria-invalid', 'true');
  const text = document.createElement('span');
  text.textContent = `${message}. Keeping f(x) = ${state.f}.`;
  const caret = document.createElement('pre');
  caret.className = 'deriv-caret';
  caret.setAttribute('aria-hidden', 'true');
  caret.dataset.testid = 'deriv-expr-caret';
  caret.textContent = `${characters.join('')}\n${' '.repeat(Math.max(0, position - 1))}^`;
  expressionMessage.replaceChildren(text, caret);
  // Select the offending character so the learner can fix it in place.
  const start = characters.slice(0, position - 1).join('').length;
  const length = characters[position - 1]?.length ?? 0;
  if (document.activeElement === expressionInput) expressionInput.setSelectionRange(start, start + length);
}

function clearExpressionError(): void {
  expressionInput.removeAttribute('aria-invalid');
  expressionMessage.replaceChildren();
}

// ---- controls ---------------------------------------------------------------------------------

const fromField = decimalField($<HTMLInputElement>('deriv-from'), document.getElementById('deriv-from-message')!, {
  label: 'From',
  min: -LIMIT,
  max: LIMIT,
  check: (value) => (value < state.to ? null : `must be less than To (${formatDecimal(state.to)})`),
  onChange(value) {
    state.from = value;
    intervalChanged();
  },
});
const toField = decimalField($<HTMLInputElement>('deriv-to'), document.getElementById('deriv-to-message')!, {
  label: 'To',
  min: -LIMIT,
  max: LIMIT,
  check: (value) => (value > state.from ? null : `must be greater than From (${formatDecimal(state.from)})`),
  onChange(value) {
    state.to = value;
    intervalChanged();
  },
});
const aField = decimalField($<HTMLInputElement>('deriv-a'), document.getElementById('deriv-a-message')!, {
  label: 'Point a',
  min: -LIMIT,
  max: LIMIT,
  check: (value) =>
    value >= state.from && value <= state.to ? null : `must lie in the plotted interval [${formatDecimal(state.from)}, ${formatDecimal(state.to)}]`,
  onChange(value) {
    state.a = value;
    saveState();
    void updatePoint();
  },
});

function intervalChanged(): void {
  if (state.a < state.from || state.a > state.to) moveTo((state.from + state.to) / 2, false);
  plotArea.setAttribute('aria-valuemin', String(state.from));
  plotArea.setAttribute('aria-valuemax', String(state.to));
  saveState();
  void plot(state.f);
}

/** Moves the point a. Clicks are rounded to the decimal digit that resolves a thousandth of the
 *  interval (3 decimals on [-3, 3]), so the link and the field show 1.5, not 1.4999871. */
function moveTo(x: number, round = true): void {
  const digits = Math.min(12, Math.max(0, Math.ceil(-Math.log10((state.to - state.from) / 1000))));
  const a = Math.min(state.to, Math.max(state.from, round ? +x.toFixed(digits) : +x.toPrecision(10)));
  state.a = a;
  aField.set(a);
  saveState();
  void updatePoint();
}

function setStep(exponent: number): void {
  state.h = exponent;
  stepInput.value = String(exponent);
  $('deriv-h-value').textContent = showStep(exponent);
  stepInput.setAttribute('aria-valuetext', `h = ${showStep(exponent)}`);
}

// ---- rolling downhill: x ← x − η f'(x), a preview of gradient descent ----------------------------

const rollButton = $<HTMLButtonElement>('deriv-roll');
const rateSelect = $<HTMLSelectElement>('deriv-lr');
let rolling: { stop: boolean } | null = null;

const ROLL_ENDINGS = {
  flat: 'and stopped where the slope is about 0',
  'left the interval': 'and left the plotted interval: the slope kept pushing it out, or η·f′ jumped too far',
  undefined: 'and reached a point where f or f′ is undefined',
  'step limit': `and was still moving after ${ROLL_STEPS} steps: try a larger η`,
} as const;

async function roll(): Promise<void> {
  if (rolling) {
    rolling.stop = true;
    return;
  }
  if (!curve) return;
  const run = { stop: false };
  rolling = run;
  rollButton.textContent = 'Stop';
  rollButton.setAttribute('aria-pressed', 'true');
  const start = state.a;
  try {
    const path = await engine.run('derivatives.roll', {
      expression: state.f, start, learningRate: Number(state.lr), maxSteps: ROLL_STEPS, from: state.from, to: state.to,
    });
    const steps = path.x.length - 1;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    const frame = Math.min(80, 4000 / Math.max(steps, 1));
    const inside = (x: number) => x >= state.from && x <= state.to;
    for (let k = 1; k <= steps && !reduced && !run.stop && inside(path.x[k]); ++k) {
      moveTo(path.x[k]);
      await new Promise((resolve) => setTimeout(resolve, frame));
    }
    if (run.stop) {
      $('deriv-roll-status').textContent = `Stopped by you at a = ${show(state.a)}.`;
      return;
    }
    const last = path.x[steps];
    if (inside(last)) moveTo(last); // like a click: to a thousandth of the interval
    $('deriv-roll-status').textContent =
      `From a = ${show(start)} the ball took ${steps} step${steps === 1 ? '' : 's'} of η = ${state.lr} ` +
      `${ROLL_ENDINGS[path.reason]}: x = ${show(last)}, f = ${show(path.y[steps])}, f′ = ${show(path.slope[steps])}.`;
  } catch (error) {
    say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
  } finally {
    rolling = null;
    rollButton.textContent = 'Roll downhill from a';
    rollButton.setAttribute('aria-pressed', 'false');
  }
}

rollButton.addEventListener('click', () => void roll());
rateSelect.addEventListener('change', () => {
  state.lr = rateSelect.value as (typeof RATES)[number];
  saveState();
});

$<HTMLFormElement>('deriv-form').addEventListener('submit', (event) => {
  event.preventDefault();
  presetSelect.value = '';
  void plot(expressionInput.value);
});
presetSelect.addEventListener('change', () => {
  if (!presetSelect.value) return;
  expressionInput.value = presetSelect.value;
  void plot(presetSelect.value);
});
stepInput.addEventListener('input', () => {
  setStep(Number(stepInput.value));
  saveState();
  if (curve) void plot(state.f);
});
plotArea.addEventListener('keydown', (event) => {
  const width = state.to - state.from;
  const step = event.shiftKey || event.key === 'PageUp' || event.key === 'PageDown' ? width / 10 : width / 100;
  const moves: Record<string, () => number> = {
    ArrowRight: () => state.a + step,
    ArrowUp: () => state.a + step,
    PageUp: () => state.a + step,
    ArrowLeft: () => state.a - step,
    ArrowDown: () => state.a - step,
    PageDown: () => state.a - step,
    Home: () => state.from,
    End: () => state.to,
  };
  const move = moves[event.key];
  if (!move) return;
  event.preventDefault();
  moveTo(move(), false);
});

async function start(): Promise<void> {
  expressionInput.value = state.f;
  fromField.set(state.from);
  toField.set(state.to);
  aField.set(state.a);
  setStep(state.h);
  rateSelect.value = state.lr;
  plotArea.setAttribute('aria-valuemin', String(state.from));
  plotArea.setAttribute('aria-valuemax', String(state.to));
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  const problem = await plot(state.f);
  if (problem) {
    // The link carried an expression the engine rejects: plot the default, and explain the rejected one.
    const rejected = state.f;
    state.f = DEFAULT_EXPRESSION;
    await plot(state.f);
    expressionInput.value = rejected;
    showExpressionError(rejected, problem.message, problem.position);
  }
}

setupExercise('derivatives', $<HTMLElement>('exercise'));
void start();
