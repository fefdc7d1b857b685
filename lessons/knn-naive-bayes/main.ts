// knn-naive-bayes: the controller. The engine worker reads the CSV, splits and standardizes it, fits
// k-nearest neighbours and Gaussian naive Bayes, classifies every cell of the region grid and sweeps
// k; this page keeps the setup (drawn points included) in the URL hash, sends it and draws the result.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { KnnMetric, KnnNbResult, KnnWeights } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { engineQueue } from '../../web/site/engine-queue';
import { type Field, HashState, choiceField, intField, textField } from '../../web/site/hash-state';
import { decimalField, formatFixed3 } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { CLASS_COLORS, RegionsPlot } from './regions-plot';
import './knn-naive-bayes.css';

type DataName = 'iris' | 'wine' | 'drawn';
const SETS = {
  iris: {
    path: 'data/sklearn/iris.csv',
    target: 'species',
    x: 'petal_length',
    y: 'petal_width',
    credit: 'Data: Iris (R. A. Fisher, 1936; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
  wine: {
    path: 'data/sklearn/wine.csv',
    target: 'cultivar',
    x: 'flavanoids',
    y: 'color_intensity',
    credit: 'Data: Wine recognition (Forina et al.; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
} as const;
/** The chosen table (Iris or wine); only called when the data is not drawn. */
const table = () => SETS[state.data === 'wine' ? 'wine' : 'iris'];
const DRAWN_CLASSES = ['A', 'B', 'C'];
const DRAWN_BOUNDS: [number, number, number, number] = [0, 10, 0, 10];
const MAX_POINTS = 300;
const K_MAX = 30;
const GRID = 120;
const TRAIN_COLOR = '#2563eb', TEST_COLOR = '#f97316', ALL_COLOR = '#16a34a';

interface DrawnPoint {
  x: number;
  y: number;
  c: number;
}

/** Drawn points as "x,y,c;x,y,c…" with x, y in [0, 10] and c a class index. */
const pointsField: Field<DrawnPoint[]> = {
  defaultValue: [],
  parse(text) {
    if (text === '') return [];
    const points: DrawnPoint[] = [];
    for (const item of text.split(';').slice(0, MAX_POINTS)) {
      const [x, y, c] = item.split(',').map(Number);
      if (!(x >= 0 && x <= 10 && y >= 0 && y <= 10 && Number.isInteger(c) && c >= 0 && c < DRAWN_CLASSES.length)) return undefined;
      points.push({ x, y, c });
    }
    return points;
  },
  format: (points) => points.map((p) => `${formatFixed3(p.x)},${formatFixed3(p.y)},${p.c}`).join(';'),
};

const hash = new HashState({
  data: choiceField<DataName>('iris', ['iris', 'wine', 'drawn']),
  x: textField('', 100),
  y: textField('', 100),
  std: intField(1, 0, 1),
  k: intField(5, 1, K_MAX),
  metric: choiceField<KnnMetric>('euclidean', ['euclidean', 'manhattan', 'cosine']),
  weights: choiceField<KnnWeights>('uniform', ['uniform', 'distance']),
  test: intField(30, 0, 50),
  seed: intField(0, 0, 1_000_000_000),
  points: pointsField,
});
const state = hash.read();
const saveState = () => hash.write(state);

const dataSelect = $<HTMLSelectElement>('kn-data');
const xSelect = $<HTMLSelectElement>('kn-x');
const ySelect = $<HTMLSelectElement>('kn-y');
const standardizeBox = $<HTMLInputElement>('kn-standardize');
const kSlider = $<HTMLInputElement>('kn-k');
const metricSelect = $<HTMLSelectElement>('kn-metric');
const weightsSelect = $<HTMLSelectElement>('kn-weights');
const testSlider = $<HTMLInputElement>('kn-test');
const classSelect = $<HTMLSelectElement>('kn-class');
const status = $<HTMLElement>('kn-status');
const pointMessage = $<HTMLElement>('kn-point-message');

const knnPlot = new RegionsPlot($<HTMLCanvasElement>('kn-knn-plot'));
const gnbPlot = new RegionsPlot($<HTMLCanvasElement>('kn-gnb-plot'));
const curveChart = new LineChart($<HTMLElement>('kn-curve'), {
  x: { label: 'k (neighbours that vote)' },
  y: { label: 'accuracy' },
  series: [
    { label: 'training (2 features)', color: TRAIN_COLOR },
    { label: 'test (2 features)', color: TEST_COLOR },
    { label: 'test (all features)', color: ALL_COLOR, dash: [6, 4] },
  ],
  height: 240,
  description: 'k-NN training and test accuracy on the two plotted features, and test accuracy on all features, against k.',
});

const engine = EngineClient.shared();
const csvCache = new Map<DataName, string>();

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};
const score = (right: number, total: number, acc: number) =>
  Number.isFinite(acc) ? `${(100 * acc).toFixed(1)}% (${right}/${total})` : '– (no test set)';
const percent = (acc: number) => (Number.isFinite(acc) ? `${(100 * acc).toFixed(1)}%` : '– (no test set)');

// ---- fields --------------------------------------------------------------------------------------

const seedField = numberField($<HTMLInputElement>('kn-seed'), document.getElementById('kn-seed-message')!, {
  label: 'Split seed',
  min: 0,
  max: 1_000_000_000,
  onChange(value) {
    state.seed = value;
    changed();
  },
});
const pxField = decimalField($<HTMLInputElement>('kn-px'), pointMessage, { label: 'x', min: 0, max: 10, quote: 'not', format: formatFixed3, onChange() {} });
const pyField = decimalField($<HTMLInputElement>('kn-py'), pointMessage, { label: 'y', min: 0, max: 10, quote: 'not', format: formatFixed3, onChange() {} });

// ---- one engine call at a time; of several quick requests only the newest runs -------------------

const { latest } = engineQueue((error) => say(`The engine said: ${error.message}`, 'error'));
function refresh(): void {
  latest(fit);
}

function changed(): void {
  saveState();
  showControls();
  refresh();
}

function showControls(): void {
  const drawn = state.data === 'drawn';
  $('kn-k-value').textContent = String(state.k);
  $('kn-test-value').textContent = `${state.test}%`;
  $('kn-draw').hidden = !drawn;
  for (const select of [xSelect, ySelect]) select.closest('label')!.hidden = drawn;
  standardizeBox.closest('label')!.hidden = drawn;
  for (const canvas of [$('kn-knn-plot'), $('kn-gnb-plot')]) canvas.classList.toggle('kn-drawing', drawn);
  $('kn-count').textContent = String(state.points.length);
  $('kn-credit').textContent = drawn ? '' : table().credit;
}

async function csvOf(name: DataName): Promise<string> {
  if (name === 'drawn') {
    return `x,y,class\n${state.points.map((p) => `${p.x},${p.y},${DRAWN_CLASSES[p.c]}`).join('\n')}\n`;
  }
  const cached = csvCache.get(name);
  if (cached) return cached;
  const response = await fetch(new URL(SETS[name].path, siteRoot()));
  if (!response.ok) throw new Error(`could not fetch ${SETS[name].path}: HTTP ${response.status}`);
  const text = await response.text();
  csvCache.set(name, text);
  return text;
}

// ---- fitting and drawing ----------------------------------------------------------------------------

async function fit(): Promise<void> {
  const drawn = state.data === 'drawn';
  if (drawn) {
    const present = new Set(state.points.map((p) => p.c));
    if (present.size < 2) {
      drawPointsOnly();
      say(`Add points of at least two classes (${state.points.length} drawn so far): click a picture or use the form.`);
      return;
    }
  }
  say('Fitting…');
  const csv = await csvOf(state.data);
  const run = () => engine.run('knnNaiveBayes.fit', {
    csv,
    target: drawn ? 'class' : table().target,
    x: drawn ? 'x' : state.x,
    y: drawn ? 'y' : state.y,
    standardize: !drawn && state.std === 1,
    testFraction: state.test / 100,
    seed: state.seed,
    k: state.k,
    metric: state.metric,
    weights: state.weights,
    kMax: K_MAX,
    grid: GRID,
    bounds: drawn ? DRAWN_BOUNDS : null,
  });
  let r: KnnNbResult;
  try {
    r = await run();
  } catch (error) {
    // A link naming a feature the data lacks: fall back to the data set's default pair.
    if (drawn || !/has no feature/.test((error as Error).message)) throw error;
    state.x = table().x;
    state.y = table().y;
    r = await run();
  }
  if (!drawn) {
    state.x = r.x;
    state.y = r.y;
    fillFeatures(r.featureNames);
    saveState();
  }
  show(r);
}

function fillFeatures(names: string[]): void {
  for (const [select, chosen] of [[xSelect, state.x], [ySelect, state.y]] as const) {
    if (select.options.length !== names.length || Array.from(select.options).some((o, i) => o.value !== names[i])) {
      select.replaceChildren(...names.map((name) => new Option(name, name)));
    }
    select.value = chosen;
  }
}

/** Colour index of class `c` of the current result: drawn classes keep their letter's colour. */
function colorOf(classes: string[]): (c: number) => number {
  return state.data === 'drawn' ? (c) => Math.max(0, DRAWN_CLASSES.indexOf(classes[c])) : (c) => c;
}

function show(r: KnnNbResult): void {
  const color = colorOf(r.classes);
  const drawn = state.data === 'drawn';
  const unit = !drawn && state.std === 1 ? ' (standardized)' : '';
  const base = { bounds: r.bounds, grid: r.grid, classes: r.classes.length, colorOf: color, points: r.points, pointLabels: r.labels, isTest: r.isTest };
  knnPlot.setData({ ...base, labels: r.knn.regions.labels, confidence: r.knn.regions.confidence }, r.x + unit, r.y + unit);
  gnbPlot.setData(
    { ...base, labels: r.gnb.regions.labels, confidence: r.gnb.regions.confidence, gaussians: { theta: r.gnb.theta, var: r.gnb.var } },
    r.x + unit,
    r.y + unit,
  );
  $('kn-legend').replaceChildren(
    ...r.classes.map((name, c) => {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'kn-swatch';
      swatch.style.background = CLASS_COLORS[color(c) % CLASS_COLORS.length];
      item.append(swatch, name);
      return item;
    }),
  );
  $('kn-knn-train').textContent = score(r.knn.trainRight, r.trainRows, r.knn.trainAccuracy);
  $('kn-knn-test').textContent = score(r.knn.testRight, r.testRows, r.knn.testAccuracy);
  $('kn-knn-all').textContent = drawn ? '– (2 features only)' : percent(r.knn.allTestAccuracy);
  $('kn-gnb-train').textContent = score(r.gnb.trainRight, r.trainRows, r.gnb.trainAccuracy);
  $('kn-gnb-test').textContent = score(r.gnb.testRight, r.testRows, r.gnb.testAccuracy);
  $('kn-gnb-all').textContent = drawn ? '– (2 features only)' : percent(r.gnb.allTestAccuracy);
  $('kn-k-note').textContent =
    r.knn.k < state.k ? `k = ${state.k} is more than the ${r.trainRows} training points; using k = ${r.knn.k}.` : '';
  document.getElementById('kn-th-x')!.textContent = `θ ${r.x}`;
  document.getElementById('kn-th-y')!.textContent = `θ ${r.y}`;
  const rows = r.classes.map((name, c) => {
    const row = document.createElement('tr');
    const cells = [name, r.gnb.prior[c].toFixed(3), ...[r.gnb.theta[2 * c], r.gnb.theta[2 * c + 1], Math.sqrt(r.gnb.var[2 * c]), Math.sqrt(r.gnb.var[2 * c + 1])].map((v) => v.toPrecision(4))];
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.setAttribute('scope', 'row');
      cell.textContent = text;
      row.append(cell);
    });
    return row;
  });
  $('kn-gaussians').querySelector('tbody')!.replaceChildren(...rows);
  const ks = Array.from(r.curve.train, (_, i) => i + 1);
  const nulls = ks.map(() => null);
  curveChart.setData(ks, [Array.from(r.curve.train), r.curve.test ? Array.from(r.curve.test) : nulls, r.curve.allTest && !drawn ? Array.from(r.curve.allTest) : nulls]);
  const split = r.testRows > 0 ? `${r.trainRows} training and ${r.testRows} test points` : `${r.trainRows} training points, no test set`;
  say(`Done: k = ${r.knn.k}, ${state.metric} distance, ${state.weights} votes; ${split}.`);
}

/** Without two classes there is nothing to fit: show the drawn points alone. */
function drawPointsOnly(): void {
  const points = Float64Array.from(state.points.flatMap((p) => [p.x, p.y]));
  const labels = Int32Array.from(state.points, (p) => p.c);
  const data = { bounds: DRAWN_BOUNDS, grid: 0, labels: null, confidence: null, classes: 3, colorOf: (c: number) => c, points, pointLabels: labels, isTest: null };
  knnPlot.setData(data, 'x', 'y');
  gnbPlot.setData(data, 'x', 'y');
  for (const id of ['kn-knn-train', 'kn-knn-test', 'kn-knn-all', 'kn-gnb-train', 'kn-gnb-test', 'kn-gnb-all']) $(id).textContent = '–';
  $('kn-legend').replaceChildren();
  $('kn-gaussians').querySelector('tbody')!.replaceChildren();
  curveChart.setData([], [[], [], []]);
}

// ---- drawing points ----------------------------------------------------------------------------------

function addPoint(x: number, y: number): void {
  if (state.points.length >= MAX_POINTS) {
    pointMessage.textContent = `At most ${MAX_POINTS} points; Undo or Clear to make room.`;
    return;
  }
  pointMessage.textContent = '';
  state.points = [...state.points, { x: Number(x.toFixed(2)), y: Number(y.toFixed(2)), c: DRAWN_CLASSES.indexOf(classSelect.value) }];
  changed();
}

for (const plot of [[knnPlot, 'kn-knn-plot'], [gnbPlot, 'kn-gnb-plot']] as const) {
  $(plot[1]).addEventListener('click', (event) => {
    if (state.data !== 'drawn') return;
    const at = plot[0].toData(event.clientX, event.clientY);
    if (at) addPoint(Math.min(10, Math.max(0, at[0])), Math.min(10, Math.max(0, at[1])));
  });
}
$('kn-add').addEventListener('click', () => {
  if (pxField.input.getAttribute('aria-invalid') === 'true' || pyField.input.getAttribute('aria-invalid') === 'true') return;
  addPoint(pxField.value(), pyField.value());
});
$('kn-undo').addEventListener('click', () => {
  state.points = state.points.slice(0, -1);
  changed();
});
$('kn-clear').addEventListener('click', () => {
  state.points = [];
  changed();
});
$('kn-example').addEventListener('click', () => void loadExample());

async function loadExample(): Promise<void> {
  const blobs = await engine.run('knnNaiveBayes.blobs', { count: 45, seed: state.seed });
  state.points = Array.from(blobs.labels, (c, i) => ({ x: blobs.xy[2 * i], y: blobs.xy[2 * i + 1], c }));
  changed();
}

// ---- controls ------------------------------------------------------------------------------------

dataSelect.addEventListener('change', () => {
  state.data = dataSelect.value as DataName;
  if (state.data !== 'drawn') {
    state.x = table().x;
    state.y = table().y;
    xSelect.replaceChildren();
    ySelect.replaceChildren();
    changed();
  } else if (state.points.length === 0) {
    showControls();
    void loadExample();
  } else {
    changed();
  }
});
for (const [select, key] of [[xSelect, 'x'], [ySelect, 'y']] as const) {
  select.addEventListener('change', () => {
    state[key] = select.value;
    changed();
  });
}
standardizeBox.addEventListener('change', () => {
  state.std = standardizeBox.checked ? 1 : 0;
  changed();
});
kSlider.addEventListener('input', () => {
  state.k = Number(kSlider.value);
  changed();
});
metricSelect.addEventListener('change', () => {
  state.metric = metricSelect.value as KnnMetric;
  changed();
});
weightsSelect.addEventListener('change', () => {
  state.weights = weightsSelect.value as KnnWeights;
  changed();
});
testSlider.addEventListener('input', () => {
  state.test = Number(testSlider.value);
  changed();
});

async function start(): Promise<void> {
  if (state.data !== 'drawn' && state.x === '' && state.y === '') {
    state.x = table().x;
    state.y = table().y;
  }
  dataSelect.value = state.data;
  standardizeBox.checked = state.std === 1;
  kSlider.value = String(state.k);
  metricSelect.value = state.metric;
  weightsSelect.value = state.weights;
  testSlider.value = String(state.test);
  seedField.set(state.seed);
  showControls();
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  if (state.data === 'drawn' && state.points.length === 0) await loadExample();
  else refresh();
}

setupExercise('knn-naive-bayes', $<HTMLElement>('exercise'));
void start();
