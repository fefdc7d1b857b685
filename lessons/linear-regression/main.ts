// linear-regression: the controller. The engine worker reads the CSV into training and test rows,
// fits the normal equation / ridge / lasso, the coefficient paths and the scaled-vs-raw race, and
// trains by gradient descent (streaming loss and coefficients); this page keeps the setup in the URL
// hash, sends the settings and draws what comes back.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { LinearRegressionAnalysis, LinearRegressionData, LinearRegressionFit, LinearRegressionGdProgress, LinearRegressionPenalty } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { engineQueue } from '../../web/site/engine-queue';
import { HashState, choiceField, decimalHash, intField, textField } from '../../web/site/hash-state';
import { csvInput } from '../../web/widgets/csv-input';
import { setupExercise } from '../../web/widgets/exercise';
import { numberField } from '../../web/widgets/number-field';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { checkedColumns, showDataPanel } from './data-panel';
import { big, showCoefficients as drawCoefficients, showFitPlots as drawFitPlots } from './fit-views';
import { RegressionCharts } from './regression-charts';
import { Scatter } from './scatter';
import './linear-regression.css';

const AMES = 'data/ames/ames.csv';
const AMES_CREDIT = 'Data: Ames, Iowa house sales 2006–2010 (De Cock 2011, free for education), from Debian r-cran-modeldata 1.1.0.';
const AMES_FEATURES = ['Gr_Liv_Area', 'Year_Built', 'Total_Bsmt_SF', 'Garage_Cars', 'Full_Bath', 'Lot_Area', 'Neighborhood'];
const SEED = 1;
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
const charts = new RegressionCharts();

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
/** A whole-number box for one gradient-descent setting; a valid new value retrains. */
function trainingField(testId: string, label: string, key: 'epochs' | 'batch') {
  return numberField($<HTMLInputElement>(testId), document.getElementById(`${testId}-message`)!, {
    label,
    min: 1,
    max: 100_000,
    onChange(value) {
      state[key] = value;
      saveState();
      retrain();
    },
  });
}
const epochsField = trainingField('lr-epochs', 'Epochs', 'epochs');
const batchField = trainingField('lr-batch', 'Batch size', 'batch');

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
  showDataPanel(data, state.scale === 1, state.source === 'own' ? '' : AMES_CREDIT);
  charts.setFeatures(data.features);
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
  charts.showPaths(data.features, a);
  charts.showRace(a.race);
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
  charts.startTraining(data.features.length);
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
  // The closed-form answer is drawn for comparison only when it solves the same problem.
  const same = analysis?.fit && gdLambda() === lambda() ? analysis.fit : null;
  charts.addProgress(p, same ? same.train.mse : null, same ? same.standardizedCoef : null);
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
  const chosen = checkedColumns();
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
