// distributions: the controller. The engine worker evaluates the chosen family's PDF/PMF, CDF,
// quantile and moments, draws samples with its own samplers and averages of n draws for the central
// limit theorem; this page keeps the setup in the URL hash, sends requests one at a time and draws.
import { EngineClient } from '../../web/engine/client';
import type { DistributionFamily, DistributionsDescription, DistributionsSampleProgress, DistributionsSampleResult } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { engineQueue } from '../../web/site/engine-queue';
import { type Field, HashState, choiceField, intField } from '../../web/site/hash-state';
import { type DecimalField, decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { type Curve, DensityPlot } from './density-plot';
import { FAMILIES, FAMILY_NAMES, type ParamSpec } from './families';
import './distributions.css';

/** n values the CLT animation shows on its way to the chosen n. */
const ANIMATION_STEPS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 125, 150, 200];
const CLT_COUNTS = ['1000', '5000', '20000', '100000'] as const;
const FRAME_MS = 450;
const BAR = 'rgba(37, 99, 235, 0.35)', CURVE = '#0f172a', SAMPLE = '#ea580c', NORMAL = '#be123c';

function decimalHash(defaultValue: number): Field<number> {
  return { defaultValue, parse: (t) => (t.trim() !== '' && Number.isFinite(Number(t)) ? Number(t) : undefined), format: formatSignificant6 };
}

const hash = new HashState({
  family: choiceField<DistributionFamily>('normal', FAMILY_NAMES),
  a: decimalHash(NaN),
  b: decimalHash(NaN),
  count: intField(10000, 10, 1_000_000),
  seed: intField(1, 0, Number.MAX_SAFE_INTEGER),
  x: decimalHash(1),
  p: decimalHash(0.95),
  n: intField(1, 1, 200),
  means: choiceField<(typeof CLT_COUNTS)[number]>('20000', CLT_COUNTS),
});
const state = hash.read();
const saveState = () => hash.write(state);
/** Parameters from the link when they fit the family's controls, else its defaults. */
function settleParams(): void {
  const [pa, pb] = FAMILIES[state.family].params;
  const fits = (v: number, s: ParamSpec | undefined) => s === undefined || (Number.isFinite(v) && v >= s.min && v <= s.max);
  if (!fits(state.a, pa)) state.a = pa.initial;
  if (pb ? !fits(state.b, pb) : true) state.b = pb?.initial ?? 0;
}
settleParams();
if (!(state.p >= 0 && state.p <= 1)) state.p = 0.95;

const familySelect = $<HTMLSelectElement>('dist-family');
const sampleButton = $<HTMLButtonElement>('dist-sample');
const animateButton = $<HTMLButtonElement>('clt-animate');
const nSlider = $<HTMLInputElement>('clt-n');
const meansSelect = $<HTMLSelectElement>('clt-count');
const status = $<HTMLElement>('dist-status');
const cltStatus = $<HTMLElement>('clt-status');
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

const pdfPlot = new DensityPlot($<HTMLCanvasElement>('dist-pdf-plot'), { x: 'x', y: 'density' });
const cdfPlot = new DensityPlot($<HTMLCanvasElement>('dist-cdf-plot'), { x: 'x', y: 'P(X ≤ x)' });
const cltPlot = new DensityPlot($<HTMLCanvasElement>('clt-plot'), { x: 'average of n draws', y: 'density' });
const skewChart = new LineChart($<HTMLElement>('clt-skew-plot'), {
  x: { label: 'draws per average, n', log: true, range: [1, 200] },
  y: { label: 'skewness of the average' },
  series: [
    { label: 'theory γ/√n', color: CURVE, dash: [6, 4] },
    { label: 'your averages', color: SAMPLE },
    { label: '', color: 'transparent', width: 0, helper: true }, // zeros: keeps 0 on the y axis
  ],
  height: 240,
  description: 'Skewness of the average of n draws against n on a log axis: the theory curve gamma over root n and the skewness measured on the simulated averages.',
});

const engine = EngineClient.shared();
let described: DistributionsDescription | null = null;
let sampled: DistributionsSampleResult | null = null;
let skewHistory = new Map<number, { theory: number; sample: number }>();

const say = (el: HTMLElement, text: string, kind: 'info' | 'error' = 'info') => {
  el.textContent = text;
  el.dataset.state = kind;
};
const num = (v: number, digits = 4) => (!Number.isFinite(v) ? String(v).replace('Infinity', '∞') : Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(digits - 1) : String(+v.toPrecision(digits)));
const text = (id: string, value: string) => ($(id).textContent = value);

// ---- fields -----------------------------------------------------------------------------------

/** One row per parameter: a slider for exploring and a box for exact values. The box is rebuilt
 *  for each family so its messages name the parameter and its range. */
const paramRows = [0, 1].map((i) => {
  const key = i === 0 ? 'a' : 'b';
  const slider = $<HTMLInputElement>(`dist-${key}-range`);
  slider.addEventListener('input', () => setParam(i, Number(slider.value)));
  return {
    key,
    row: $<HTMLElement>(`dist-param-${key}`),
    slider,
    name: $<HTMLElement>(`dist-param-${key}`).querySelector<HTMLElement>('.dist-param-name')!,
    message: document.getElementById(`dist-${key}-message`)!,
    field: null as DecimalField | null,
    family: null as DistributionFamily | null,
  };
});

/** The label the messages use: "σ (standard deviation)". */
const paramLabel = (i: number) => {
  const spec = FAMILIES[state.family].params[i]!;
  return `${spec.symbol} (${spec.words})`;
};

function paramField(i: number): DecimalField {
  const r = paramRows[i];
  if (r.field && r.family === state.family) return r.field;
  const old = $<HTMLInputElement>(`dist-${r.key}`);
  const input = old.cloneNode() as HTMLInputElement; // drops the last family's listeners
  old.replaceWith(input);
  const spec = FAMILIES[state.family].params[i]!;
  r.family = state.family;
  r.field = decimalField(input, r.message, {
    label: paramLabel(i),
    quote: 'not',
    format: formatSignificant6,
    min: spec.min,
    max: spec.max,
    onChange: (v) => setParam(i, v),
  });
  input.setAttribute('aria-label', `${paramLabel(i)}, exact value`);
  return r.field;
}

function showParams(): void {
  const specs = FAMILIES[state.family].params;
  paramRows.forEach((r, i) => {
    const spec = specs[i];
    r.row.hidden = !spec;
    if (!spec) return;
    const value = i === 0 ? state.a : state.b;
    r.name.textContent = paramLabel(i);
    Object.assign(r.slider, { min: String(spec.min), max: String(spec.max), step: String(spec.step) });
    r.slider.value = String(value);
    r.slider.setAttribute('aria-valuetext', `${spec.symbol} = ${formatSignificant6(value)}`);
    paramField(i).set(value);
  });
}

const countField = numberField($<HTMLInputElement>('dist-count'), document.getElementById('dist-count-message')!, {
  label: 'Draws N',
  min: 10,
  max: 1_000_000,
  onChange(v) {
    state.count = v;
    saveState();
    requestSample();
  },
});
const seedField = numberField($<HTMLInputElement>('dist-seed'), document.getElementById('dist-seed-message')!, {
  label: 'Seed',
  min: 0,
  max: Number.MAX_SAFE_INTEGER,
  onChange(v) {
    state.seed = v;
    saveState();
    requestSample();
    requestClt();
  },
});
const xField = decimalField($<HTMLInputElement>('dist-x'), document.getElementById('dist-x-message')!, {
  label: 'x',
  quote: 'not',
  format: formatSignificant6,
  min: -1e12,
  max: 1e12,
  onChange(v) {
    state.x = v;
    saveState();
    requestDescribe(false);
  },
});
const pField = decimalField($<HTMLInputElement>('dist-p'), document.getElementById('dist-p-message')!, {
  label: 'p',
  quote: 'not',
  format: formatSignificant6,
  min: 0,
  max: 1,
  onChange(v) {
    state.p = v;
    saveState();
    requestDescribe(false);
  },
});

// ---- one engine request at a time; of several quick ones only the newest of each kind runs -----

const { serial } = engineQueue((error) => say(status, `The engine said: ${error.message}`, 'error'));
const generations = { describe: 0, sample: 0, clt: 0 };
let sampleRun: AbortController | null = null;
let cltRun: AbortController | null = null;
let animating: AbortController | null = null;

function latest(kind: keyof typeof generations, fn: () => Promise<void>): void {
  const mine = ++generations[kind];
  void serial(async () => {
    if (mine === generations[kind]) await fn();
  });
}

/** A parameter moved: ask the engine about the new distribution; keep the old one if it says no. */
function setParam(i: number, value: number): void {
  const before = { a: state.a, b: state.b };
  if (i === 0) state.a = value;
  else state.b = value;
  paramRows[i].slider.setAttribute('aria-valuetext', `${FAMILIES[state.family].params[i]!.symbol} = ${formatSignificant6(value)}`);
  if (!paramRows[i].slider.matches(':active')) paramRows[i].slider.value = String(value);
  paramField(i).set(value);
  requestDescribe(true, { index: i, before });
}

function requestDescribe(resample: boolean, change?: { index: number; before: { a: number; b: number } }): void {
  latest('describe', async () => {
    const result = await engine.run('distributions.describe', { family: state.family, a: state.a, b: state.b, x: state.x, p: state.p });
    if (!result.ok) {
      // The engine refused the parameters: say why next to the control, restore the last good ones.
      if (change) {
        Object.assign(state, change.before);
        showParams();
        paramField(change.index).reject(`was refused: ${result.message}`);
      } else {
        say(status, `The engine said: ${result.message}`, 'error');
      }
      return;
    }
    paramRows.forEach((r) => (r.message.textContent = ''));
    paramRows.forEach((r) => r.field?.input.removeAttribute('aria-invalid'));
    described = result;
    saveState();
    showDescription(result);
    if (resample) {
      requestSample();
      requestClt();
    }
  });
}

function requestSample(): void {
  sampleRun?.abort();
  latest('sample', sample);
}

/** Averages for the current n; an animation in progress keeps control unless `force`. */
function requestClt(force = false): void {
  if (animating && !force) return;
  cltRun?.abort();
  latest('clt', async () => {
    await clt(state.n, true);
  });
}

// ---- drawing ----------------------------------------------------------------------------------

function showDescription(d: DistributionsDescription): void {
  text('dist-description', d.description);
  text('dist-sampler', d.sampler);
  text('dist-mean', num(d.mean));
  text('dist-std', num(d.std));
  text('dist-variance', num(d.variance));
  text('dist-skewness', num(d.skewness));
  text('dist-cdf-value', num(d.cdfAtX, 6));
  text('dist-quantile-value', num(d.quantileAtP, 6));
  text('dist-quantile-method', d.quantileClosedForm ? 'closed form' : 'bisection on the CDF');
  pdfPlot.setLabels('x', d.discrete ? 'P(X = x) · histogram density' : 'density f(x)');
  drawPdfAndCdf();
}

function drawPdfAndCdf(): void {
  const d = described;
  if (!d) return;
  const hist = sampled && sampled.drawn > 0 ? sampled.histogram : null;
  pdfPlot.setData({
    range: d.discrete ? [d.range[0] - 0.5, d.range[1] + 0.5] : d.range,
    bars: hist ? { low: hist.low, width: hist.width, heights: hist.density, color: BAR } : undefined,
    curves: [{ x: d.curve.x, y: d.curve.pdf, color: CURVE, style: d.discrete ? 'stems' : 'line' }],
    marker: state.x,
  });
  const curves: Curve[] = [{ x: d.curve.x, y: d.curve.cdf, color: CURVE, style: d.discrete ? 'steps' : 'line' }];
  if (hist) {
    // The empirical CDF: for whole numbers it jumps at each bin's centre (the value itself); for
    // continuous draws it is exact at each bin's right edge, joined by straight lines.
    const start = hist.below / Math.max(1, sampled!.drawn);
    curves.push(
      d.discrete
        ? { x: hist.centers, y: hist.cumulative, color: SAMPLE, style: 'steps', width: 1.8 }
        : { x: [hist.low, ...Array.from(hist.centers, (c) => c + hist.width / 2)], y: [start, ...hist.cumulative], color: SAMPLE, width: 1.8 },
    );
  }
  cdfPlot.setData({ range: d.discrete ? [d.range[0] - 0.5, d.range[1] + 0.5] : d.range, curves, yRange: [0, 1], marker: state.x });
}

function showSample(p: DistributionsSampleProgress | DistributionsSampleResult): void {
  text('dist-sample-mean', num(p.sample.mean));
  text('dist-sample-std', num(p.sample.std));
  text('dist-sample-variance', num(p.sample.variance));
  text('dist-sample-skewness', num(p.sample.skewness));
  text('dist-drawn', p.drawn.toLocaleString('en-US'));
}

async function sample(): Promise<void> {
  if (!described) return;
  const controller = new AbortController();
  sampleRun = controller;
  sampleButton.textContent = 'Stop';
  say(status, `Drawing ${state.count.toLocaleString('en-US')} values by ${described.sampler}…`);
  try {
    const result = await engine.run(
      'distributions.sample',
      { family: state.family, a: state.a, b: state.b, n: 1, count: state.count, seed: state.seed },
      {
        signal: controller.signal,
        onProgress(p) {
          sampled = { ...p, ksToDistribution: NaN, ksToNormal: NaN, proposalsPerDraw: NaN, normal: { x: new Float64Array(), pdf: new Float64Array() }, cancelled: false };
          showSample(p);
          drawPdfAndCdf();
        },
      },
    );
    sampled = result;
    showSample(result);
    drawPdfAndCdf();
    text('dist-ks', num(result.ksToDistribution, 3));
    text('dist-proposals', described.sampler === 'rejection' ? num(result.proposalsPerDraw, 4) : '1 (no rejection)');
    const outside = result.histogram.below + result.histogram.above;
    say(status, `${result.cancelled ? 'Stopped after' : 'Done:'} ${result.drawn.toLocaleString('en-US')} draws by ${described.sampler} (seed ${state.seed})` +
      (outside > 0 ? `; ${outside.toLocaleString('en-US')} fell outside the plotted range.` : '.'));
  } finally {
    if (sampleRun === controller) sampleRun = null;
    sampleButton.textContent = 'Draw again';
  }
}

/** One CLT frame: `count` averages of n draws. `draw` false only records the skewness (reduced motion). */
async function clt(n: number, draw: boolean, signal?: AbortSignal): Promise<boolean> {
  const controller = new AbortController();
  cltRun = controller;
  signal?.addEventListener('abort', () => controller.abort());
  const count = Number(state.means);
  say(cltStatus, `Averaging ${n} draw${n === 1 ? '' : 's'}, ${count.toLocaleString('en-US')} times…`);
  try {
    const result = await engine.run(
      'distributions.sample',
      { family: state.family, a: state.a, b: state.b, n, count, seed: state.seed + 1 },
      { signal: controller.signal },
    );
    if (result.cancelled) return false;
    skewHistory.set(n, { theory: result.expected.skewness, sample: result.sample.skewness });
    drawSkewness();
    if (!draw) return true;
    text('clt-n-shown', String(n));
    text('clt-mean', `${num(result.expected.mean)} · ${num(result.sample.mean)}`);
    text('clt-std', `${num(result.expected.std)} · ${num(result.sample.std)}`);
    text('clt-skewness', `${num(result.expected.skewness, 3)} · ${num(result.sample.skewness, 3)}`);
    text('clt-ks', num(result.ksToNormal, 3));
    cltPlot.setData({
      range: result.range,
      bars: { low: result.histogram.low, width: result.histogram.width, heights: result.histogram.density, color: BAR },
      curves: [{ x: result.normal.x, y: result.normal.pdf, color: NORMAL }],
    });
    say(cltStatus, `n = ${n}: ${count.toLocaleString('en-US')} averages; the red curve is N(μ, σ²/n).`);
    return true;
  } finally {
    if (cltRun === controller) cltRun = null;
  }
}

function drawSkewness(): void {
  const ns = [...skewHistory.keys()].sort((a, b) => a - b);
  skewChart.setData(ns, [ns.map((n) => skewHistory.get(n)!.theory), ns.map((n) => skewHistory.get(n)!.sample), ns.map(() => 0)]);
}

async function animate(): Promise<void> {
  if (animating) {
    animating.abort();
    return;
  }
  const controller = new AbortController();
  animating = controller;
  animateButton.textContent = 'Stop';
  const target = state.n;
  const steps = [...ANIMATION_STEPS.filter((n) => n < target), target];
  const quick = reducedMotion.matches;
  try {
    for (const n of steps) {
      if (controller.signal.aborted) break;
      let finished = false;
      await serial(async () => {
        finished = await clt(n, !quick || n === target, controller.signal);
      });
      if (!finished || controller.signal.aborted) break;
      if (!quick && n !== target) {
        nSlider.value = String(n);
        text('clt-n-value', String(n));
        await new Promise((resolve) => setTimeout(resolve, FRAME_MS));
      }
    }
  } finally {
    animating = null;
    animateButton.textContent = 'Animate n = 1 → n';
    nSlider.value = String(state.n);
    text('clt-n-value', String(state.n));
    if (controller.signal.aborted) say(cltStatus, 'Animation stopped.');
  }
}

// ---- events -----------------------------------------------------------------------------------

familySelect.addEventListener('change', () => {
  state.family = familySelect.value as DistributionFamily;
  state.a = state.b = NaN; // a new family starts from its defaults
  settleParams();
  paramRows.forEach((r) => (r.message.textContent = ''));
  showParams();
  skewHistory = new Map();
  drawSkewness();
  sampled = null;
  requestDescribe(true);
});
sampleButton.addEventListener('click', () => {
  if (sampleRun) {
    sampleRun.abort();
    return;
  }
  state.seed += 1;
  seedField.set(state.seed);
  saveState();
  requestSample();
  requestClt();
});
nSlider.addEventListener('input', () => {
  animating?.abort();
  state.n = Number(nSlider.value);
  text('clt-n-value', String(state.n));
  saveState();
  requestClt(true);
});
meansSelect.addEventListener('change', () => {
  state.means = meansSelect.value as (typeof CLT_COUNTS)[number];
  saveState();
  skewHistory = new Map();
  drawSkewness();
  requestClt();
});
animateButton.addEventListener('click', () => void animate());

async function start(): Promise<void> {
  familySelect.value = state.family;
  showParams();
  countField.set(state.count);
  seedField.set(state.seed);
  xField.set(state.x);
  pField.set(state.p);
  nSlider.value = String(state.n);
  text('clt-n-value', String(state.n));
  meansSelect.value = state.means;
  saveState();
  const info = await showEngineStatus();
  if (!info) {
    say(status, 'The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  requestDescribe(true);
}

setupExercise('distributions', $<HTMLElement>('exercise'));
void start();
