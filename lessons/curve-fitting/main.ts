// curve-fitting: the controller. The engine worker reads the CSV, splits the points, trains the
// chosen model with Adam (streaming the losses) and solves the normal equations; this page keeps the
// setup in the URL hash, sends the data and draws what comes back.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { CurveFittingData, CurveFittingModel, CurveFittingProgress, CurveFittingResult } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { engineQueue } from '../../web/site/engine-queue';
import { type Field, HashState, choiceField, decimalHash, intField } from '../../web/site/hash-state';
import { csvInput } from '../../web/widgets/csv-input';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { ScatterPlot } from './scatter-plot';
import './curve-fitting.css';

const SEATTLE = 'data/weather/seattle-weather.csv';
const SEATTLE_CREDIT = 'Data: Seattle daily weather 2012–2015 (NOAA, US-Government public domain), from npm vega-datasets 3.2.1.';
const MODELS = ['line', 'poly', 'exp', 'sinusoid'] as const satisfies readonly CurveFittingModel[];
const SEED = 1;
const TRAIN_COLOR = '#2563eb', VALIDATION_COLOR = '#f97316';

function textField(defaultValue: string): Field<string> {
  return { defaultValue, parse: (t) => (t.length > 0 && t.length <= 200 ? t : undefined), format: (v) => v };
}

const hash = new HashState({
  source: choiceField<'seattle' | 'own'>('seattle', ['seattle', 'own']),
  x: textField('date'),
  y: textField('temp_max'),
  model: choiceField<(typeof MODELS)[number]>('sinusoid', MODELS),
  degree: intField(3, 0, 12),
  steps: intField(2000, 1, 100_000),
  lr: decimalHash(0.02, 1e-5, 1),
  period: decimalHash(365, 0, 1e12),
  train: intField(80, 10, 90),
  holdout: choiceField<'random' | 'end'>('random', ['random', 'end']),
});
const state = hash.read();
const saveState = () => hash.write(state);

const sourceSelect = $<HTMLSelectElement>('cf-source');
const xSelect = $<HTMLSelectElement>('cf-x');
const ySelect = $<HTMLSelectElement>('cf-y');
const modelSelect = $<HTMLSelectElement>('cf-model');
const degreeSlider = $<HTMLInputElement>('cf-degree');
const trainSlider = $<HTMLInputElement>('cf-train');
const holdoutSelect = $<HTMLSelectElement>('cf-holdout');
const fitButton = $<HTMLButtonElement>('cf-fit');
const csvText = $<HTMLTextAreaElement>('cf-csv-text');
const csvMessage = $<HTMLElement>('cf-csv-message');
const status = $<HTMLElement>('cf-status');

const fitPlot = new ScatterPlot($<HTMLCanvasElement>('cf-plot'), { x: 'x', y: 'y' }, [VALIDATION_COLOR, TRAIN_COLOR]);
const residualPlot = new ScatterPlot($<HTMLCanvasElement>('cf-residuals'), { x: 'x', y: 'y − ŷ' }, [VALIDATION_COLOR, TRAIN_COLOR]);
const lossChart = new LineChart($<HTMLElement>('cf-loss-plot'), {
  x: { label: 'step' },
  y: { label: 'MSE', log: true },
  series: [
    { label: 'training MSE', color: TRAIN_COLOR },
    { label: 'validation MSE', color: VALIDATION_COLOR },
  ],
  height: 220,
  description: 'Training and validation mean squared error against the gradient-descent step, on a log scale.',
});
const degreeChart = new LineChart($<HTMLElement>('cf-degree-plot'), {
  x: { label: 'polynomial degree K', range: [0, 12] },
  y: { label: 'MSE', log: true },
  series: [
    { label: 'training MSE', color: TRAIN_COLOR },
    { label: 'validation MSE', color: VALIDATION_COLOR },
  ],
  height: 220,
  description: 'Closed-form training and validation mean squared error for polynomial degrees 0 to 12.',
});

const engine = EngineClient.shared();
let csv: string | null = null;
let data: CurveFittingData | null = null;
let running: AbortController | null = null;
let losses = { step: [] as number[], train: [] as (number | null)[], validation: [] as (number | null)[] };
// NOTE: uPlot's log axis fails ("Invalid array length") on values near 0, so a perfect fit's
// MSE below 1e-12 is drawn as a gap.
const positive = (v: number) => (Number.isFinite(v) && v > 1e-12 ? v : null);

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};
const mse = (v: number) => (Number.isNaN(v) ? '–' : !Number.isFinite(v) ? String(v) : v >= 1e5 || v < 1e-3 ? v.toExponential(3) : v.toPrecision(5));
const sci = (v: number) => (Number.isFinite(v) ? v.toExponential(1) : '∞ (singular)');

// ---- fields ---------------------------------------------------------------------------------

const stepsField = numberField($<HTMLInputElement>('cf-steps'), document.getElementById('cf-steps-message')!, {
  label: 'Steps',
  min: 1,
  max: 100_000,
  onChange(value) {
    state.steps = value;
    changed();
  },
});
const lrField = decimalField($<HTMLInputElement>('cf-lr'), document.getElementById('cf-lr-message')!, {
  label: 'Learning rate',
  quote: 'not',
  format: formatSignificant6,
  min: 0.00001,
  max: 1,
  onChange(value) {
    state.lr = value;
    changed();
  },
});
const periodField = decimalField($<HTMLInputElement>('cf-period'), document.getElementById('cf-period-message')!, {
  label: 'Starting period',
  quote: 'not',
  format: formatSignificant6,
  min: 0,
  max: 1e12,
  onChange(value) {
    state.period = value;
    changed();
  },
});

// ---- one engine operation at a time -----------------------------------------------------------

const { serial, latest } = engineQueue((error) => say(`The engine said: ${error.message}`, 'error'));

/** Stops any fit and fits again once the engine is free; of several quick requests only the
 *  newest runs (dragging the degree slider queues one fit, not ten). */
function refit(): void {
  running?.abort();
  latest(fit);
}

/** A setting changed: save the hash, fit again. */
function changed(): void {
  saveState();
  showControls();
  refit();
}

function showControls(): void {
  degreeSlider.closest('label')!.hidden = state.model !== 'poly';
  periodField.input.closest('label')!.hidden = state.model !== 'sinusoid';
  $('cf-degree-value').textContent = String(state.degree);
  $('cf-train-value').textContent = `${state.train}%`;
  $('cf-own').hidden = state.source !== 'own';
  $('cf-credit').textContent = state.source === 'seattle' ? SEATTLE_CREDIT : '';
}

// ---- data ---------------------------------------------------------------------------------------

function fillColumns(header: string[]): void {
  for (const [select, chosen] of [[xSelect, state.x], [ySelect, state.y]] as const) {
    select.replaceChildren(...header.map((name) => new Option(name, name, false, name === chosen)));
  }
}

/** Reads `text` in the engine; on success it becomes the data, on failure the old data stays. */
async function load(text: string, x: string | null, y: string | null): Promise<boolean> {
  try {
    const result = await engine.run('curveFitting.load', { text, x, y });
    csv = text;
    data = result;
    state.x = result.x;
    state.y = result.y;
    fillColumns(result.header);
    csvMessage.textContent = '';
    const xLabel = result.xDates ? `${result.x} (day number, day 0 = ${result.xFirstDate})` : result.x;
    fitPlot.setLabels(xLabel, result.y);
    residualPlot.setLabels(xLabel, `${result.y} − fitted`);
    return true;
  } catch (error) {
    const keep = data ? ` Keeping the current data (${data.xValues.length} points of ${data.y} against ${data.x}).` : '';
    csvMessage.textContent = `Could not load the data: ${(error as Error).message}.${keep}`;
    if (data) fillColumns(data.header);
    return false;
  }
}

async function loadSeattle(): Promise<void> {
  say('Loading the Seattle temperatures…');
  const response = await fetch(new URL(SEATTLE, siteRoot()));
  if (!response.ok) throw new Error(`could not fetch ${SEATTLE}: HTTP ${response.status}`);
  const text = await response.text();
  if (!(await load(text, state.x, state.y))) await load(text, 'date', 'temp_max');
}

// ---- fitting --------------------------------------------------------------------------------------

async function fit(): Promise<void> {
  if (!data) return;
  const controller = new AbortController();
  running = controller;
  fitButton.textContent = 'Stop';
  losses = { step: [], train: [], validation: [] };
  say(`Training the ${state.model === 'poly' ? `degree-${state.degree} polynomial` : state.model}…`);
  try {
    const result = await engine.run(
      'curveFitting.fit',
      {
        x: data.xValues,
        y: data.yValues,
        model: state.model,
        degree: state.degree,
        steps: state.steps,
        lr: state.lr,
        period: state.model === 'sinusoid' ? state.period : 0,
        trainFraction: state.train / 100,
        holdout: state.holdout,
        seed: SEED,
      },
      { signal: controller.signal, onProgress: showProgress },
    );
    showResult(result);
  } finally {
    if (running === controller) {
      running = null;
      fitButton.textContent = 'Fit';
    }
  }
}

function showProgress(p: CurveFittingProgress): void {
  losses.step.push(p.step);
  // A log axis cannot show 0 (a perfect fit): such points become gaps.
  losses.train.push(positive(p.trainLoss));
  losses.validation.push(positive(p.validationLoss));
  lossChart.setData(losses.step, [losses.train, losses.validation]);
  $('cf-step-count').textContent = p.step.toLocaleString('en-US');
  $('cf-train-mse').textContent = mse(p.trainLoss);
  $('cf-val-mse').textContent = mse(p.validationLoss);
}

function showResult(r: CurveFittingResult): void {
  if (!data) return;
  $('cf-step-count').textContent = r.steps.toLocaleString('en-US');
  $('cf-train-mse').textContent = mse(r.trainMse);
  $('cf-val-mse').textContent = mse(r.validationMse);
  $('cf-formula').textContent = r.formula;
  $('cf-params').replaceChildren(
    ...r.parameters.map((p) => {
      const item = document.createElement('li');
      item.dataset.param = p.name;
      item.textContent = `${p.name} = ${Number.isFinite(p.value) ? String(+p.value.toPrecision(6)) : String(p.value)}`;
      return item;
    }),
  );
  const c = r.closedForm;
  $('cf-closed-train').textContent = c ? mse(c.trainMse) : '–';
  $('cf-closed-val').textContent = c ? mse(c.validationMse) : '–';
  $('cf-condition').textContent = c ? `${sci(c.conditionScaled)} · ${sci(c.conditionRaw)}` : '–';
  const lines = [{ x: r.curveX, y: r.curveY, color: '#0f172a' }];
  if (c) lines.push({ x: r.curveX, y: c.curveY, color: '#16a34a', dash: [7, 5] } as (typeof lines)[number]);
  fitPlot.setData({ x: data.xValues, y: data.yValues, group: r.isTrain, lines });
  residualPlot.setData({ x: data.xValues, y: r.residuals, group: r.isTrain, zero: true });
  const degrees = Array.from(r.sweep.train, (_, k) => k);
  degreeChart.setData(degrees, [Array.from(r.sweep.train, positive), Array.from(r.sweep.validation, positive)]);
  const done = `${r.steps.toLocaleString('en-US')} steps`;
  if (r.reason === 'diverged') {
    say(`Diverged after ${done}: the loss stopped being finite. Lower the learning rate and fit again.`, 'error');
  } else if (r.reason === 'stopped') {
    say(`Stopped after ${done}.`);
  } else {
    say(`Done: ${done} of Adam on ${Math.round((data.xValues.length * state.train) / 100)} training points.`);
  }
}

// ---- controls ----------------------------------------------------------------------------------

fitButton.addEventListener('click', () => {
  if (running) running.abort();
  else refit();
});
modelSelect.addEventListener('change', () => {
  state.model = modelSelect.value as CurveFittingModel;
  changed();
});
degreeSlider.addEventListener('input', () => {
  state.degree = Number(degreeSlider.value);
  changed();
});
trainSlider.addEventListener('input', () => {
  state.train = Number(trainSlider.value);
  changed();
});
holdoutSelect.addEventListener('change', () => {
  state.holdout = holdoutSelect.value as 'random' | 'end';
  changed();
});
for (const [select, key] of [[xSelect, 'x'], [ySelect, 'y']] as const) {
  select.addEventListener('change', () => {
    const text = csv;
    if (!text) return;
    running?.abort();
    void serial(async () => {
      const x = key === 'x' ? select.value : state.x;
      const y = key === 'y' ? select.value : state.y;
      if (await load(text, x, y)) {
        saveState();
        await fit();
      }
    });
  });
}
sourceSelect.addEventListener('change', () => {
  state.source = sourceSelect.value as 'seattle' | 'own';
  showControls();
  if (state.source === 'seattle') {
    state.x = 'date';
    state.y = 'temp_max';
    running?.abort();
    void serial(async () => {
      await loadSeattle();
      saveState();
      await fit();
    });
  } else {
    saveState();
    say('Paste a CSV or choose a file; until then the current data stays.');
    csvText.focus();
  }
});

function useOwn(text: string): void {
  running?.abort();
  void serial(async () => {
    if (await load(text, null, null)) {
      saveState();
      await fit();
    }
  });
}
csvInput(csvText, $('cf-csv-load'), $<HTMLInputElement>('cf-csv-file'), useOwn);

async function start(): Promise<void> {
  sourceSelect.value = state.source;
  modelSelect.value = state.model;
  degreeSlider.value = String(state.degree);
  trainSlider.value = String(state.train);
  holdoutSelect.value = state.holdout;
  stepsField.set(state.steps);
  lrField.set(state.lr);
  periodField.set(state.period);
  fitButton.disabled = true;
  showControls();
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  await serial(async () => {
    await loadSeattle();
    if (state.source === 'own') say('Your own CSV is not kept in the link: showing the Seattle data until you paste or upload one.');
    saveState();
    fitButton.disabled = false;
    await fit();
  });
}

setupExercise('curve-fitting', $<HTMLElement>('exercise'));
void start();
