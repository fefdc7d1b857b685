// linear-regression: the controller. The engine worker reads the CSV into training and test rows,
// fits the normal equation / ridge / lasso, the coefficient paths and the scaled-vs-raw race, and
// trains by gradient descent (streaming loss and coefficients); this page keeps the setup in the URL
// hash, sends the settings and draws what comes back.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { LinearRegressionAnalysis, LinearRegressionData, LinearRegressionFit, LinearRegressionGdProgress, LinearRegressionPenalty } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { engineQueue } from '../../web/site/engine-queue';
import { HashState, choiceField, decimalHash, intField, textField } from '../../web/site/hash-state';
import { csvInput } from '../../web/widgets/csv-input';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart, type SeriesSpec } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { EXACT_COLOR, TEST_COLOR, TRAIN_COLOR, big, positive, showCoefficients as drawCoefficients, showFitPlots as drawFitPlots, showPaths as drawPaths } from './fit-views';
import { Scatter } from './scatter';
import './linear-regression.css';

const AMES = 'data/ames/ames.csv';
const AMES_CREDIT = 'Data: Ames, Iowa house sales 2006–2010 (De Cock 2011, free for education), from Debian r-cran-modeldata 1.1.0.';
const AMES_FEATURES = ['Gr_Liv_Area', 'Year_Built', 'Total_Bsmt_SF', 'Garage_Cars', 'Full_Bath', 'Lot_Area', 'Neighborhood'];
const SEED = 1;
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];
/** Features drawn with a legend entry; the rest are drawn without one. */
const LEGEND_LIMIT = 8;
const PATH_POINTS = 40, RACE_EPOCHS = 300;

type Source = 'ames' | 'ames1' | 'own';

const hash = new HashState({
  source: choiceField<Source>('ames', ['ames', 'ames1', 'own']),
  target: textField('Sale_Price', 4000),
  /** Feature columns joined by '|'; '' = the source's default. */
  features: textField('', 4000),
  test: intField(20, 10, 50),
  scale: intField(1, 0, 1),
  penalty: choiceField<LinearRegressionPenalty>('none', ['none', 'ridge', 'lasso']),
  ridge: decimalHash(1, 0, 1e12),
  lasso: decimalHash(1000, 0, 1e12),
  method: choiceField<'batch' | 'minibatch'>('batch', ['batch', 'minibatch']),
  lr: decimalHash(0.3, 1e-12, 100),
  epochs: intField(1000, 1, 100_000),
  batch: intField(32, 1, 100_000),
});
const state = hash.read();
const saveState = () => hash.write(state);

const $ = <T extends HTMLElement>(testId: string) => document.querySelector<T>(`[data-testid="${testId}"]`)!;
const sourceSelect = $<HTMLSelectElement>('lr-source');
const targetSelect = $<HTMLSelectElement>('lr-target');
const testSlider = $<HTMLInputElement>('lr-test');
const scaleBox = $<HTMLInputElement>('lr-scale');
const penaltySelect = $<HTMLSelectElement>('lr-penalty');
const methodSelect = $<HTMLSelectElement>('lr-gd-method');
const trainButton = $<HTMLButtonElement>('lr-train');
const featureList = $<HTMLElement>('lr-features');
const csvText = $<HTMLTextAreaElement>('lr-csv-text');
const csvMessage = $<HTMLElement>('lr-csv-message');

const actualPlot = new Scatter($<HTMLCanvasElement>('lr-actual-plot'), { x: 'predicted', y: 'actual' }, { diagonal: true });
const residualPlot = new Scatter($<HTMLCanvasElement>('lr-residual-plot'), { x: 'predicted', y: 'actual − predicted' }, { zero: true });
const linePlot = new Scatter($<HTMLCanvasElement>('lr-line-plot'), { x: 'x', y: 'y' });
const lossChart = new LineChart($<HTMLElement>('lr-loss-chart'), {
  x: { label: 'epoch' },
  y: { label: 'MSE', log: true },
  series: [
    { label: 'training MSE', color: TRAIN_COLOR },
    { label: 'test MSE', color: TEST_COLOR },
    { label: 'normal equation (training)', color: EXACT_COLOR, dash: [6, 4] },
  ],
  height: 230,
  description: 'Training and test mean squared error of gradient descent against the epoch, log scale, with the normal equation’s training MSE as a dashed line.',
});
const raceChart = new LineChart($<HTMLElement>('lr-race-chart'), {
  x: { label: 'epoch' },
  y: { label: 'training MSE', log: true },
  series: [
    { label: 'standardized features', color: TRAIN_COLOR },
    { label: 'raw features', color: '#dc2626' },
    { label: 'best possible', color: EXACT_COLOR, dash: [6, 4] },
  ],
  height: 230,
  description: 'Batch gradient descent on standardized and on raw features, each with step 1/L: training MSE per epoch on a log scale.',
});
const pathMseChart = new LineChart($<HTMLElement>('lr-path-mse'), {
  x: { label: 'λ', log: true },
  y: { label: 'test MSE', log: true },
  series: [
    { label: 'ridge', color: '#9333ea', points: true },
    { label: 'lasso', color: '#ea580c', points: true },
  ],
  height: 230,
  description: 'Test mean squared error of ridge and lasso fits against the penalty λ, both axes logarithmic.',
});
let traceChart: LineChart | null = null;
let ridgeChart: LineChart | null = null;
let lassoChart: LineChart | null = null;

const engine = EngineClient.shared();
let csv: string | null = null;
/** Whether `csv` is the Ames file (its default features apply) or the learner's. */
let csvIsAmes = false;
let data: LinearRegressionData | null = null;
/** The last load that worked, replayed into a fresh worker after an engine error. */
let goodLoad: ReturnType<typeof loadParams> | null = null;
let analysis: LinearRegressionAnalysis | null = null;
let gdFit: LinearRegressionFit | null = null;
let running: AbortController | null = null;
let trace: { epoch: number[]; train: (number | null)[]; test: (number | null)[]; coef: number[][] } = { epoch: [], train: [], test: [], coef: [] };

const say = (id: string, text: string, kind: 'info' | 'error' = 'info') => {
  const el = $(id);
  el.textContent = text;
  el.dataset.state = kind;
};
const money = (v: number) => (Number.isFinite(v) ? (Math.abs(v) >= 1e6 ? v.toExponential(4) : v.toPrecision(5)) : '–');
const lambda = () => (state.penalty === 'lasso' ? state.lasso : state.penalty === 'ridge' ? state.ridge : 0);
const gdLambda = () => (state.penalty === 'ridge' ? state.ridge : 0);

// ---- fields -----------------------------------------------------------------------------------

const lambdaField = decimalField($<HTMLInputElement>('lr-lambda'), document.getElementById('lr-lambda-message')!, {
  label: 'λ',
  quote: 'not',
  format: formatSignificant6,
  min: 0,
  max: 1e12,
  onChange(value) {
    if (state.penalty === 'lasso') state.lasso = value;
    else state.ridge = value;
    saveState();
    reanalyze();
  },
});
const lrField = decimalField($<HTMLInputElement>('lr-lr'), document.getElementById('lr-lr-message')!, {
  label: 'Learning rate',
  quote: 'not',
  format: formatSignificant6,
  min: 1e-12,
  max: 100,
  onChange(value) {
    state.lr = value;
    saveState();
    retrain();
  },
});
const epochsField = numberField($<HTMLInputElement>('lr-epochs'), document.getElementById('lr-epochs-message')!, {
  label: 'Epochs',
  min: 1,
  max: 100_000,
  onChange(value) {
    state.epochs = value;
    saveState();
    retrain();
  },
});
const batchField = numberField($<HTMLInputElement>('lr-batch'), document.getElementById('lr-batch-message')!, {
  label: 'Batch size',
  min: 1,
  max: 100_000,
  onChange(value) {
    state.batch = value;
    saveState();
    retrain();
  },
});

// ---- one engine operation at a time --------------------------------------------------------------

const { serial, latest } = engineQueue((error) => say('lr-status', `The engine said: ${error.message}`, 'error'));
/** Of several quick requests only the newest runs. */
function schedule(fn: () => Promise<void>): void {
  running?.abort();
  latest(fn);
}
const reload = () =>
  schedule(async () => {
    if (!(await loadCurrent())) return;
    await analyze();
    await train();
  });
const reanalyze = () =>
  schedule(async () => {
    await analyze();
    await train();
  });
const retrain = () => schedule(train);

/** Runs an analysis/training task; a fresh worker (after an engine error) first gets the data again. */
async function withData<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!/no data loaded/.test((error as Error).message) || !goodLoad) throw error;
    await engine.run('linearRegression.load', goodLoad);
    return fn();
  }
}

// ---- data ---------------------------------------------------------------------------------------

function loadParams(p: { text: string; target: string | null; features: string[] | null }) {
  return { ...p, testFraction: state.test / 100, seed: SEED, standardize: state.scale === 1 };
}

function defaultFeatures(): string[] | null {
  if (state.features !== '') return state.features.split('|');
  if (!csvIsAmes) return null;
  return state.source === 'ames1' ? ['Gr_Liv_Area'] : AMES_FEATURES;
}

/** Loads `text` in the engine; on success it becomes the data, on failure the old data stays. */
async function load(text: string, target: string | null, features: string[] | null): Promise<boolean> {
  const params = loadParams({ text, target, features });
  try {
    data = await engine.run('linearRegression.load', params);
    csv = text;
    csvIsAmes = text === amesText;
    goodLoad = params;
    state.target = data.target;
    csvMessage.textContent = '';
    showData();
    return true;
  } catch (error) {
    const keep = data ? ` Keeping the current data (${data.rows.toLocaleString('en-US')} rows predicting ${data.target}).` : '';
    csvMessage.textContent = `Could not load the data: ${(error as Error).message}.${keep}`;
    if (goodLoad) await engine.run('linearRegression.load', goodLoad).catch(() => undefined);
    if (data) showData();
    return false;
  }
}

let amesText: string | null = null;
async function fetchAmes(): Promise<string> {
  if (amesText) return amesText;
  const response = await fetch(new URL(AMES, siteRoot()));
  if (!response.ok) throw new Error(`could not fetch ${AMES}: HTTP ${response.status}`);
  amesText = await response.text();
  return amesText;
}

/** Loads the data the state names (Ames with its features, or the kept CSV). */
async function loadCurrent(): Promise<boolean> {
  if (!csv) return false;
  return load(csv, state.target, defaultFeatures());
}

function showData(): void {
  if (!data) return;
  const d = data;
  targetSelect.replaceChildren(...d.columns.filter((c) => c.numeric).map((c) => new Option(c.name, c.name, false, c.name === d.target)));
  const chosen = new Set(d.chosen);
  featureList.replaceChildren(
    ...d.columns
      .filter((c) => c.name !== d.target)
      .map((c) => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = chosen.has(c.name);
        box.dataset.column = c.name;
        label.append(box, ` ${c.name}${c.numeric ? '' : ' (text, one-hot)'}`);
        return label;
      }),
  );
  $('lr-features-summary').textContent =
    `${d.chosen.length} of ${d.columns.length - 1} columns → ${d.features.length} feature${d.features.length === 1 ? '' : 's'}; ` +
    `${d.trainRows.toLocaleString('en-US')} training and ${d.testRows.toLocaleString('en-US')} test rows` +
    (d.droppedRows ? ` (${d.droppedRows} rows with missing cells left out)` : '');
  $('lr-kappa-raw').textContent = big(d.hessianRaw.condition);
  $('lr-kappa-scaled').textContent = big(d.hessianScaled.condition);
  const h = state.scale === 1 ? d.hessianScaled : d.hessianRaw;
  $('lr-safe-lr').textContent = big(2 / h.largest);
  $('lr-credit').textContent = state.source === 'own' ? '' : AMES_CREDIT;
  buildFeatureCharts(d.features);
}

function featureSeries(features: string[], dashed = false): SeriesSpec[] {
  return features.map((f, j) => ({
    label: f,
    color: PALETTE[j % PALETTE.length],
    width: 1.5,
    ...(dashed ? { dash: [5, 4], helper: true } : {}),
    ...(j >= LEGEND_LIMIT ? { helper: true } : {}),
  }));
}

function buildFeatureCharts(features: string[]): void {
  traceChart?.destroy(), ridgeChart?.destroy(), lassoChart?.destroy();
  const shown = features.length > LEGEND_LIMIT ? ` (legend: the first ${LEGEND_LIMIT})` : '';
  traceChart = new LineChart($<HTMLElement>('lr-trace-chart'), {
    x: { label: 'epoch' },
    y: { label: 'coefficient per SD' },
    series: [...featureSeries(features), ...featureSeries(features.slice(0, LEGEND_LIMIT), true)],
    height: 230,
    description: `Each coefficient, per standard deviation of its feature, against the gradient-descent epoch${shown}; dashed: the closed-form values.`,
  });
  const path = (el: string, name: string) =>
    new LineChart($<HTMLElement>(el), {
      x: { label: 'λ', log: true },
      y: { label: 'coefficient per SD' },
      series: featureSeries(features),
      height: 230,
      description: `The ${name} coefficient of every feature against the penalty λ (log scale)${shown}.`,
    });
  ridgeChart = path('lr-ridge-path', 'ridge');
  lassoChart = path('lr-lasso-path', 'lasso');
}

// ---- closed form, paths, race ---------------------------------------------------------------------

async function analyze(): Promise<void> {
  if (!data) return;
  say('lr-status', 'Solving…');
  analysis = await withData(() =>
    engine.run('linearRegression.analyze', { penalty: state.penalty, lambda: lambda(), pathPoints: PATH_POINTS, raceEpochs: RACE_EPOCHS }),
  );
  const a = analysis;
  const fit = a.fit;
  for (const [id, value] of [
    ['lr-train-r2', fit?.train.r2], ['lr-test-r2', fit?.test.r2], ['lr-train-mse', fit?.train.mse], ['lr-test-mse', fit?.test.mse],
    ['lr-train-mae', fit?.train.mae], ['lr-test-mae', fit?.test.mae],
  ] as const) {
    $(id).textContent = value === undefined ? '–' : id.includes('r2') ? value.toFixed(4) : money(value);
  }
  $('lr-condition').textContent = fit && Number.isFinite(fit.condition) ? fit.condition.toExponential(2) : '–';
  if (!fit) {
    say('lr-status', `The normal equation has no unique solution: ${a.error}.`, 'error');
  } else {
    const what = state.penalty === 'none' ? 'Normal equation' : state.penalty === 'ridge' ? `Ridge, λ = ${formatSignificant6(state.ridge)}` : `Lasso, λ = ${formatSignificant6(state.lasso)}`;
    say('lr-status', `${what}: ${data.features.length} coefficients from ${data.trainRows.toLocaleString('en-US')} training rows.`);
  }
  if (state.penalty === 'lasso' && fit) {
    $('lr-lasso-kept').textContent = `${fit.coef.filter((c) => c !== 0).length} of ${fit.coef.length} features`;
  } else {
    $('lr-lasso-kept').textContent = '– (choose the lasso penalty)';
  }
  showCoefficients();
  showFitPlots();
  showPaths(a);
  const race = a.race;
  const epochs = Array.from(race.scaled, (_, i) => i);
  raceChart.setData(epochs, [Array.from(race.scaled, positive), Array.from(race.raw, positive), epochs.map(() => positive(race.best))]);
}

function showPaths(a: LinearRegressionAnalysis): void {
  if (data) drawPaths(data.features, a, { ridge: ridgeChart, lasso: lassoChart, testMse: pathMseChart });
}

function showCoefficients(): void {
  if (data) drawCoefficients($('lr-coef-table').querySelector('tbody')!, data.features, analysis?.fit ?? null, gdFit);
}

function showFitPlots(): void {
  drawFitPlots({ actual: actualPlot, residual: residualPlot, line: linePlot, linePanel: $('lr-line-panel') }, data, analysis?.fit, gdFit);
}

// ---- gradient descent ---------------------------------------------------------------------------------

async function train(): Promise<void> {
  if (!data) return;
  const controller = new AbortController();
  running = controller;
  trainButton.textContent = 'Stop';
  trace = { epoch: [], train: [], test: [], coef: data.features.map(() => []) };
  gdFit = null;
  const batchSize = state.method === 'batch' ? 0 : state.batch;
  say('lr-gd-status', `Training: ${state.method === 'batch' ? 'batch' : `mini-batches of ${state.batch}`}, η = ${formatSignificant6(state.lr)}…`);
  try {
    const result = await withData(() =>
      engine.run(
        'linearRegression.gd',
        { batchSize, lr: state.lr, epochs: state.epochs, lambda: gdLambda(), seed: SEED },
        { signal: controller.signal, onProgress: showProgress },
      ),
    );
    gdFit = result.fit;
    const exact = result.exact;
    let gap = NaN;
    if (exact) {
      gap = 0;
      result.fit.standardizedCoef.forEach((c, j) => (gap = Math.max(gap, Math.abs(c - exact.standardizedCoef[j]))));
    }
    $('lr-gd-gap').textContent = exact ? big(gap) : '– (singular)';
    showCoefficients();
    showFitPlots();
    const done = `${result.epochs.toLocaleString('en-US')} epochs`;
    if (result.reason === 'diverged') {
      const h = state.scale === 1 ? data.hessianScaled : data.hessianRaw;
      if (state.method === 'minibatch') {
        say('lr-gd-status', `Diverged after ${done}: η = ${formatSignificant6(state.lr)} is too large for steps on ${state.batch} rows — a batch's gradient can be much steeper than the full one (a rare one-hot level in a small batch). Lower the learning rate (try 0.01) or use larger batches.`, 'error');
      } else {
        say('lr-gd-status', `Diverged after ${done}: η = ${formatSignificant6(state.lr)} is too large for these features (the safe limit is 2/L = ${big(2 / h.largest)}). ${state.scale === 1 ? 'Lower the learning rate.' : 'Standardize the features or lower the learning rate.'}`, 'error');
      }
    } else if (result.reason === 'stopped') {
      say('lr-gd-status', `Stopped after ${done}.`);
    } else {
      say('lr-gd-status', `Done: ${done} of ${state.method === 'batch' ? 'batch' : 'mini-batch'} gradient descent${gdLambda() > 0 ? ` with the ridge penalty λ = ${formatSignificant6(gdLambda())}` : ''}${state.penalty === 'lasso' ? ' (the lasso is not smooth: descent here minimizes plain least squares)' : ''}.`);
    }
  } finally {
    if (running === controller) {
      running = null;
      trainButton.textContent = 'Train';
    }
  }
}

function showProgress(p: LinearRegressionGdProgress): void {
  trace.epoch.push(p.epoch);
  trace.train.push(positive(p.trainMse));
  trace.test.push(positive(p.testMse));
  p.standardizedCoef.forEach((c, j) => trace.coef[j]?.push(Number.isFinite(c) ? c : NaN));
  const best = analysis?.fit && gdLambda() === lambda() ? analysis.fit.train.mse : null;
  lossChart.setData(trace.epoch, [trace.train, trace.test, trace.epoch.map(() => (best === null ? null : positive(best)))]);
  const exact = analysis?.fit && gdLambda() === lambda() ? analysis.fit.standardizedCoef : null;
  const dashed = trace.coef.slice(0, LEGEND_LIMIT).map((_, j) => trace.epoch.map(() => (exact ? exact[j] : null)));
  traceChart?.setData(trace.epoch, [...trace.coef.map((c) => c.map((v) => (Number.isFinite(v) && Math.abs(v) < 1e12 ? v : null))), ...dashed]);
  $('lr-gd-epoch').textContent = p.epoch.toLocaleString('en-US');
  $('lr-gd-train-mse').textContent = money(p.trainMse);
  $('lr-gd-test-mse').textContent = money(p.testMse);
}

// ---- controls ----------------------------------------------------------------------------------

function showControls(): void {
  $('lr-own').hidden = state.source !== 'own';
  $('lr-test-value').textContent = `${state.test}%`;
  lambdaField.input.closest('label')!.hidden = state.penalty === 'none';
  lambdaField.set(state.penalty === 'lasso' ? state.lasso : state.ridge);
  batchField.set(state.batch);
  $<HTMLInputElement>('lr-batch').closest('label')!.hidden = state.method !== 'minibatch';
}

trainButton.addEventListener('click', () => {
  if (running) running.abort();
  else retrain();
});
penaltySelect.addEventListener('change', () => {
  state.penalty = penaltySelect.value as LinearRegressionPenalty;
  saveState();
  showControls();
  reanalyze();
});
methodSelect.addEventListener('change', () => {
  state.method = methodSelect.value as 'batch' | 'minibatch';
  saveState();
  showControls();
  retrain();
});
testSlider.addEventListener('input', () => {
  state.test = Number(testSlider.value);
  saveState();
  showControls();
  reload();
});
scaleBox.addEventListener('change', () => {
  state.scale = scaleBox.checked ? 1 : 0;
  saveState();
  reload();
});
targetSelect.addEventListener('change', () => {
  state.target = targetSelect.value;
  state.features = data ? data.chosen.filter((f) => f !== state.target).join('|') : '';
  saveState();
  reload();
});
featureList.addEventListener('change', () => {
  const chosen = [...featureList.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((b) => b.checked).map((b) => b.dataset.column!);
  if (chosen.length === 0) {
    csvMessage.textContent = 'Keep at least one feature: a model with none predicts the mean for every row.';
    showData();
    return;
  }
  state.features = chosen.join('|');
  saveState();
  reload();
});
sourceSelect.addEventListener('change', () => {
  state.source = sourceSelect.value as Source;
  showControls();
  if (state.source === 'own') {
    saveState();
    say('lr-status', 'Paste a CSV or choose a file; until then the current data stays.');
    csvText.focus();
    return;
  }
  state.target = 'Sale_Price';
  state.features = '';
  saveState();
  schedule(async () => {
    csv = await fetchAmes();
    csvIsAmes = true;
    if (!(await loadCurrent())) return;
    await analyze();
    await train();
  });
});

function useOwn(text: string): void {
  schedule(async () => {
    state.features = '';
    if (await load(text, null, null)) {
      state.features = '';
      saveState();
      await analyze();
      await train();
    }
  });
}
csvInput(csvText, $('lr-csv-load'), $<HTMLInputElement>('lr-csv-file'), useOwn);

async function start(): Promise<void> {
  sourceSelect.value = state.source;
  testSlider.value = String(state.test);
  scaleBox.checked = state.scale === 1;
  penaltySelect.value = state.penalty;
  methodSelect.value = state.method;
  lrField.set(state.lr);
  epochsField.set(state.epochs);
  showControls();
  trainButton.disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    say('lr-status', 'The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  await serial(async () => {
    say('lr-status', 'Loading the Ames houses…');
    csv = await fetchAmes();
    csvIsAmes = true;
    if (state.source === 'own') {
      say('lr-status', 'Your own CSV is not kept in the link: showing the Ames houses until you paste or upload one.');
      state.target = 'Sale_Price';
      state.features = '';
    }
    if (!(await loadCurrent())) {
      state.target = 'Sale_Price';
      state.features = '';
      await loadCurrent();
    }
    saveState();
    trainButton.disabled = false;
    await analyze();
    await train();
  });
}

setupExercise('linear-regression', $<HTMLElement>('exercise'));
void start();
