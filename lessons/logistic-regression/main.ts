// logistic-regression: the controller. The engine worker reads the CSV into stratified, standardized
// training and test rows and trains a LogisticRegression by gradient descent, streaming loss, accuracy
// and the probability map; this page keeps the setup in the URL hash, sends settings and clicks, and
// draws what comes back.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { LogisticRegressionData, LogisticRegressionProgress, LogisticRegressionResult } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { engineQueue } from '../../web/site/engine-queue';
import { HashState, choiceField, decimalHash, intField, textField } from '../../web/site/hash-state';
import { csvInput } from '../../web/widgets/csv-input';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { ProbabilityMap, classColor } from './probability-map';
import './logistic-regression.css';

type Source = 'iris' | 'cancer' | 'own';
const FILES: Record<Exclude<Source, 'own'>, { path: string; target: string; x: string; y: string; credit: string }> = {
  iris: {
    path: 'data/sklearn/iris.csv',
    target: 'species',
    x: 'petal_length',
    y: 'petal_width',
    credit: 'Data: Iris (R. A. Fisher, 1936; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
  cancer: {
    path: 'data/sklearn/breast-cancer.csv',
    target: 'diagnosis',
    x: 'mean_radius',
    y: 'mean_texture',
    credit: 'Data: Breast Cancer Wisconsin (Diagnostic) (Wolberg, Street & Mangasarian; UCI, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
};
const SEED = 1, TEST_FRACTION = 0.2, GRID = 120;
const TRAIN_COLOR = '#2563eb', TEST_COLOR = '#f97316';

const hash = new HashState({
  source: choiceField<Source>('iris', ['iris', 'cancer', 'own']),
  target: textField('species', 200),
  x: textField('petal_length', 200),
  y: textField('petal_width', 200),
  all: intField(0, 0, 1),
  lr: decimalHash(0.5, 1e-6, 100),
  epochs: intField(300, 1, 100_000),
  l2: decimalHash(0, 0, 100),
});
const state = hash.read();
const saveState = () => hash.write(state);

const sourceSelect = $<HTMLSelectElement>('lg-source');
const targetSelect = $<HTMLSelectElement>('lg-target');
const xSelect = $<HTMLSelectElement>('lg-x');
const ySelect = $<HTMLSelectElement>('lg-y');
const allBox = $<HTMLInputElement>('lg-all');
const trainButton = $<HTMLButtonElement>('lg-train');
const csvText = $<HTMLTextAreaElement>('lg-csv-text');
const csvMessage = $<HTMLElement>('lg-csv-message');
const mapCanvas = $<HTMLCanvasElement>('lg-map');
const map = new ProbabilityMap(mapCanvas);

const lossChart = new LineChart($<HTMLElement>('lg-loss-chart'), {
  x: { label: 'epoch' },
  y: { label: 'cross-entropy' },
  series: [
    { label: 'training (with penalty)', color: TRAIN_COLOR },
    { label: 'test', color: TEST_COLOR },
  ],
  height: 190,
  description: 'Training and test cross-entropy loss against the epoch.',
});
const accChart = new LineChart($<HTMLElement>('lg-acc-chart'), {
  x: { label: 'epoch' },
  y: { label: 'accuracy', range: [0, 1] },
  series: [
    { label: 'training', color: TRAIN_COLOR },
    { label: 'test', color: TEST_COLOR },
  ],
  height: 190,
  description: 'Training and test accuracy against the epoch.',
});

const engine = EngineClient.shared();
const texts = new Map<string, string>();
let csv: string | null = null;
let data: LogisticRegressionData | null = null;
let goodLoad: Parameters<typeof engine.run<'logisticRegression.load'>>[1] | null = null;
let result: LogisticRegressionResult | null = null;
let running: AbortController | null = null;
let box: [number, number, number, number] = [0, 1, 0, 1];
let probe: [number, number] | null = null;
let curves = { epoch: [] as number[], trainLoss: [] as number[], testLoss: [] as number[], trainAcc: [] as number[], testAcc: [] as number[] };

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  const el = $('lg-status');
  el.textContent = text;
  el.dataset.state = kind;
};
const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const twoD = () => state.all === 0 && data !== null && data.features.length === 2;

// ---- fields ---------------------------------------------------------------------------------------

const lrField = decimalField($<HTMLInputElement>('lg-lr'), document.getElementById('lg-lr-message')!, {
  label: 'Learning rate',
  quote: 'not',
  format: formatSignificant6,
  min: 0.000001,
  max: 100,
  onChange(value) {
    state.lr = value;
    saveState();
    retrain();
  },
});
const epochsField = numberField($<HTMLInputElement>('lg-epochs'), document.getElementById('lg-epochs-message')!, {
  label: 'Epochs',
  min: 1,
  max: 100_000,
  onChange(value) {
    state.epochs = value;
    saveState();
    retrain();
  },
});
const l2Field = decimalField($<HTMLInputElement>('lg-l2'), document.getElementById('lg-l2-message')!, {
  label: 'L2 penalty',
  quote: 'not',
  format: formatSignificant6,
  min: 0,
  max: 100,
  onChange(value) {
    state.l2 = value;
    saveState();
    retrain();
  },
});

// ---- one engine operation at a time -----------------------------------------------------------------

const { serial, latest } = engineQueue((error) => say(`The engine said: ${error.message}`, 'error'));
function schedule(fn: () => Promise<void>): void {
  running?.abort();
  latest(fn);
}
const retrain = () => schedule(train);
const reload = () =>
  schedule(async () => {
    if (csv !== null && (await load(csv, state.target, features()))) await train();
  });

/** A fresh worker (after an engine error) gets the data again before the task is retried. */
async function withData<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!/no data loaded/.test((error as Error).message) || !goodLoad) throw error;
    await engine.run('logisticRegression.load', goodLoad);
    return fn();
  }
}

// ---- data ---------------------------------------------------------------------------------------------

/** The feature columns the state asks for: two, or every column (null). */
function features(): string[] | null {
  return state.all === 1 ? null : [state.x, state.y];
}

async function fetchText(path: string): Promise<string> {
  const cached = texts.get(path);
  if (cached) return cached;
  const response = await fetch(new URL(path, siteRoot()));
  if (!response.ok) throw new Error(`could not fetch ${path}: HTTP ${response.status}`);
  const text = await response.text();
  texts.set(path, text);
  return text;
}

async function load(text: string, target: string | null, chosen: string[] | null): Promise<boolean> {
  const params = { text, target, features: chosen, testFraction: TEST_FRACTION, seed: SEED };
  try {
    data = await engine.run('logisticRegression.load', params);
    csv = text;
    goodLoad = params;
    state.target = data.target;
    if (data.chosen.length === 2 && chosen !== null) [state.x, state.y] = data.chosen;
    csvMessage.textContent = '';
    showData();
    return true;
  } catch (error) {
    const keep = data ? ` Keeping the current data (${data.rows} rows, classes ${data.classes.join(', ')}).` : '';
    csvMessage.textContent = `Could not load the data: ${(error as Error).message}.${keep}`;
    if (goodLoad) await engine.run('logisticRegression.load', goodLoad).catch(() => undefined);
    if (data) showData();
    return false;
  }
}

function showData(): void {
  if (!data) return;
  const d = data;
  const option = (name: string, chosen: string) => new Option(name, name, false, name === chosen);
  targetSelect.replaceChildren(...d.columns.map((c) => option(c.name, d.target)));
  const numeric = d.columns.filter((c) => c.numeric && c.name !== d.target).map((c) => c.name);
  xSelect.replaceChildren(...numeric.map((n) => option(n, state.x)));
  ySelect.replaceChildren(...numeric.map((n) => option(n, state.y)));
  allBox.checked = state.all === 1;
  $('lg-legend').replaceChildren(
    ...d.classes.map((c, k) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.style.background = classColor(k);
      item.append(swatch, `${c} (${d.classCounts[k]})`);
      return item;
    }),
  );
  $('lg-credit').textContent = state.source === 'own' ? '' : FILES[state.source].credit;
  $('lg-map-note').hidden = twoD();
  if (twoD()) {
    // The map shows the data's range plus a margin.
    const pad = (lo: number, hi: number) => [lo - 0.08 * (hi - lo || 1), hi + 0.08 * (hi - lo || 1)];
    const [x0, x1] = pad(d.min[0], d.max[0]);
    const [y0, y1] = pad(d.min[1], d.max[1]);
    box = [x0, x1, y0, y1];
    map.setFrame(box, { x: d.features[0], y: d.features[1] });
  }
}

// ---- training -----------------------------------------------------------------------------------------

async function train(): Promise<void> {
  if (!data) return;
  const controller = new AbortController();
  running = controller;
  trainButton.textContent = 'Stop';
  curves = { epoch: [], trainLoss: [], testLoss: [], trainAcc: [], testAcc: [] };
  const kind = data.classes.length === 2 ? 'sigmoid' : 'softmax';
  say(`Training the ${kind} model on ${data.trainRows} rows (${data.features.length} features)…`);
  try {
    result = await withData(() =>
      engine.run(
        'logisticRegression.train',
        { lr: state.lr, l2: state.l2, epochs: state.epochs, gridSize: twoD() ? GRID : 0, box },
        { signal: controller.signal, onProgress: showProgress },
      ),
    );
    showProgress(result);
    showResult(result);
  } finally {
    if (running === controller) {
      running = null;
      trainButton.textContent = 'Train';
    }
  }
}

function showProgress(p: LogisticRegressionProgress): void {
  if (curves.epoch[curves.epoch.length - 1] !== p.epoch) {
    curves.epoch.push(p.epoch);
    curves.trainLoss.push(p.trainLoss);
    curves.testLoss.push(p.testLoss);
    curves.trainAcc.push(p.trainAccuracy);
    curves.testAcc.push(p.testAccuracy);
    lossChart.setData(curves.epoch, [curves.trainLoss, curves.testLoss]);
    accChart.setData(curves.epoch, [curves.trainAcc, curves.testAcc]);
  }
  $('lg-epoch').textContent = p.epoch.toLocaleString('en-US');
  $('lg-train-loss').textContent = Number.isFinite(p.trainLoss) ? p.trainLoss.toFixed(4) : '∞';
  $('lg-test-loss').textContent = Number.isFinite(p.testLoss) ? p.testLoss.toFixed(4) : '∞';
  $('lg-train-acc').textContent = percent(p.trainAccuracy);
  $('lg-test-acc').textContent = percent(p.testAccuracy);
  if (p.surface && data) map.setSurface(p.surface, GRID, data.classes.length);
}

function showResult(r: LogisticRegressionResult): void {
  if (!data) return;
  const k = data.classes.length;
  const table = $('lg-confusion');
  const head = document.createElement('tr');
  head.append(document.createElement('th'), ...data.classes.map((c) => Object.assign(document.createElement('th'), { scope: 'col', textContent: c })));
  const rows = data.classes.map((c, i) => {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('th'), { scope: 'row', textContent: c }));
    for (let j = 0; j < k; j++) {
      const td = document.createElement('td');
      const count = r.confusion[i * k + j];
      td.textContent = String(count);
      td.className = i === j ? 'lg-right' : count > 0 ? 'lg-wrong' : '';
      td.dataset.cell = `${i},${j}`;
      tr.append(td);
    }
    return tr;
  });
  table.replaceChildren(head, ...rows);
  if (twoD()) {
    map.setPoints([
      { x: r.trainX, labels: r.trainLabels, test: false },
      { x: r.testX, labels: r.testLabels, predicted: r.testPredicted, test: true },
    ]);
  } else {
    map.setSurface(null, 0, 0);
    map.setPoints([]);
    map.setProbe(null);
  }
  const wrong = r.testLabels.length - Math.round(r.testAccuracy * r.testLabels.length);
  const done = `${r.epoch.toLocaleString('en-US')} epochs`;
  if (r.reason === 'diverged') say(`Diverged after ${done}: the loss stopped being finite. Lower the learning rate.`, 'error');
  else if (r.reason === 'stopped') say(`Stopped after ${done}.`);
  else say(`Done: ${done}; test accuracy ${percent(r.testAccuracy)} (${wrong} of ${r.testLabels.length} test rows wrong).`);
  if (probe && twoD()) void showProbe(probe);
}

async function showProbe(point: [number, number]): Promise<void> {
  if (!data || !twoD() || !result) return;
  probe = point;
  map.setProbe(point);
  const d = data;
  const { probabilities } = await withData(() => engine.run('logisticRegression.proba', { point }));
  $('lg-probe-point').textContent = `${d.features[0]} = ${+point[0].toPrecision(4)}, ${d.features[1]} = ${+point[1].toPrecision(4)}`;
  $('lg-probs').replaceChildren(
    ...d.classes.map((c, k) => {
      const item = document.createElement('li');
      item.dataset.class = c;
      const name = document.createElement('span');
      const swatch = Object.assign(document.createElement('span'), { className: 'lg-swatch' });
      swatch.style.background = classColor(k);
      name.append(swatch, c);
      const bar = Object.assign(document.createElement('div'), { className: 'lg-bar' });
      const fill = document.createElement('div');
      fill.style.width = `${(100 * probabilities[k]).toFixed(1)}%`;
      fill.style.background = classColor(k);
      bar.append(fill);
      bar.setAttribute('role', 'presentation');
      const value = Object.assign(document.createElement('span'), { textContent: percent(probabilities[k]) });
      value.dataset.testid = `lg-prob-${k}`;
      item.append(name, bar, value);
      return item;
    }),
  );
}

// ---- controls ------------------------------------------------------------------------------------------

mapCanvas.addEventListener('click', (event) => {
  const rect = mapCanvas.getBoundingClientRect();
  const point = map.toData(event.clientX - rect.left, event.clientY - rect.top);
  if (point) void serial(() => showProbe(point));
});
let probeQueued = false;
mapCanvas.addEventListener('keydown', (event) => {
  const steps: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
  const step = steps[event.key];
  if (!step || !twoD()) return;
  event.preventDefault();
  const [x0, x1, y0, y1] = box;
  const from = probe ?? [(x0 + x1) / 2, (y0 + y1) / 2];
  const next: [number, number] = [
    Math.min(x1, Math.max(x0, from[0] + (step[0] * (x1 - x0)) / 40)),
    Math.min(y1, Math.max(y0, from[1] + (step[1] * (y1 - y0)) / 40)),
  ];
  // Move at once (keys repeat faster than the engine answers); the probabilities follow, for the
  // newest point only: presses that arrive while a request is queued are folded into it.
  probe = next;
  map.setProbe(next);
  if (probeQueued) return;
  probeQueued = true;
  void serial(() => {
    probeQueued = false;
    return probe ? showProbe(probe) : Promise.resolve();
  });
});
trainButton.addEventListener('click', () => {
  if (running) running.abort();
  else retrain();
});
for (const [select, key] of [[xSelect, 'x'], [ySelect, 'y']] as const) {
  select.addEventListener('change', () => {
    state[key] = select.value;
    if (state.x === state.y) {
      say('Choose two different features for the map.', 'error');
      return;
    }
    probe = null;
    saveState();
    reload();
  });
}
allBox.addEventListener('change', () => {
  state.all = allBox.checked ? 1 : 0;
  saveState();
  reload();
});
targetSelect.addEventListener('change', () => {
  state.target = targetSelect.value;
  if (state.x === state.target || state.y === state.target) state.all = 1;
  saveState();
  reload();
});
sourceSelect.addEventListener('change', () => {
  state.source = sourceSelect.value as Source;
  $('lg-own').hidden = state.source !== 'own';
  probe = null;
  if (state.source === 'own') {
    saveState();
    say('Paste a CSV or choose a file; until then the current data stays.');
    csvText.focus();
    return;
  }
  const file = FILES[state.source];
  Object.assign(state, { target: file.target, x: file.x, y: file.y });
  saveState();
  schedule(async () => {
    if (await load(await fetchText(file.path), state.target, features())) await train();
  });
});

function useOwn(text: string): void {
  schedule(async () => {
    probe = null;
    // Two numeric columns for the map when there are at least two; else every feature.
    const columns = await engine.run('logisticRegression.load', { text, target: null, features: null, testFraction: TEST_FRACTION, seed: SEED })
      .then((d) => d)
      .catch((error: Error) => error);
    if (columns instanceof Error) {
      csvMessage.textContent = `Could not load the data: ${columns.message}.${data ? ` Keeping the current data (${data.rows} rows, classes ${data.classes.join(', ')}).` : ''}`;
      if (goodLoad) await engine.run('logisticRegression.load', goodLoad).catch(() => undefined);
      return;
    }
    const numeric = columns.columns.filter((c) => c.numeric && c.name !== columns.target).map((c) => c.name);
    if (numeric.length >= 2) [state.x, state.y, state.all] = [numeric[0], numeric[1], 0];
    else state.all = 1;
    if (await load(text, columns.target, features())) {
      saveState();
      await train();
    }
  });
}
csvInput(csvText, $('lg-csv-load'), $<HTMLInputElement>('lg-csv-file'), useOwn);

async function start(): Promise<void> {
  sourceSelect.value = state.source;
  lrField.set(state.lr);
  epochsField.set(state.epochs);
  l2Field.set(state.l2);
  $('lg-own').hidden = state.source !== 'own';
  trainButton.disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  await serial(async () => {
    const source = state.source === 'own' ? 'iris' : state.source;
    if (state.source === 'own') {
      say('Your own CSV is not kept in the link: showing the Iris flowers until you paste or upload one.');
      Object.assign(state, { target: FILES.iris.target, x: FILES.iris.x, y: FILES.iris.y });
    }
    const text = await fetchText(FILES[source].path);
    if (!(await load(text, state.target, features()))) {
      Object.assign(state, { target: FILES[source].target, x: FILES[source].x, y: FILES[source].y, all: 0 });
      await load(text, state.target, features());
    }
    saveState();
    trainButton.disabled = false;
    await train();
  });
}

setupExercise('logistic-regression', $<HTMLElement>('exercise'));
void start();
