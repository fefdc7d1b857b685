// ensembles: the controller for four demos. The engine worker runs the bias–variance experiment, the
// Titanic forest, AdaBoost on 2D points and gradient boosting on Ames (streamed); this page keeps the
// setup in the URL hash and draws what comes back.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { EnsembleAdaBoostResult, EnsembleBiasVarianceResult, EnsembleBoostProgress } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { HashState, choiceField, intField } from '../../web/site/hash-state';
import { drawAxes } from '../../web/widgets/canvas-axes';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import './ensembles.css';

const TITANIC = 'data/titanic/titanic.csv';
const AMES = 'data/ames/ames.csv';
const TITANIC_CREDIT = 'Data: Titanic passengers and crew (Encyclopedia Titanica), from Debian r-cran-stablelearner 0.1-4 (GPL-2+); country and fare left out, 2 empty ages filled with the median.';
const AMES_CREDIT = "Data: Ames, Iowa house sales 2006–2010 (De Cock 2011), from Debian r-cran-modeldata 1.1.0 (MIT); predicting Sale_Price from 73 columns (314 features after one-hot encoding).";
const CLASS_COLORS = ['#2563eb', '#f97316'];
const ADA_ROUNDS = 60;

const hash = new HashState({
  noise: choiceField<'0.1' | '0.3' | '0.6'>('0.3', ['0.1', '0.3', '0.6']),
  bvTrees: intField(30, 1, 100),
  bvSeed: intField(0, 0, 1_000_000),
  trees: intField(100, 1, 300),
  features: choiceField<'sqrt' | 'log2' | '0.5' | 'all'>('sqrt', ['sqrt', 'log2', '0.5', 'all']),
  leaf: intField(3, 1, 1000),
  ada: choiceField<'moons' | 'circles'>('moons', ['moons', 'circles']),
  adaDepth: intField(1, 1, 2),
  round: intField(1, 1, ADA_ROUNDS),
  gbTrees: intField(200, 1, 2000),
  lr: choiceField<'1' | '0.5' | '0.1' | '0.03'>('0.1', ['1', '0.5', '0.1', '0.03']),
  depth: intField(3, 1, 8),
});
const state = hash.read();
const save = () => hash.write(state);

const engine = EngineClient.shared();
const fmt = (v: number) => (Math.abs(v) >= 1e3 ? Math.round(v).toLocaleString('en-US') : String(+v.toPrecision(3)));
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

// One engine call at a time, in order.
let queue: Promise<void> = Promise.resolve();
const serial = (fn: () => Promise<void>, status?: HTMLElement) => {
  queue = queue.then(fn).catch((error: Error) => {
    if (status) {
      status.textContent = `The engine said: ${error.message}`;
      status.dataset.state = 'error';
    }
  });
  return queue;
};
const fetchText = async (url: string) => {
  const response = await fetch(new URL(url, siteRoot()));
  if (!response.ok) throw new Error(`could not fetch ${url}: HTTP ${response.status}`);
  return response.text();
};

// ---- a small canvas plot helper --------------------------------------------------------------

function canvas2d(canvas: HTMLCanvasElement) {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 400, height = canvas.clientHeight || 260;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const g = canvas.getContext('2d')!;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, height);
  return { g, width, height };
}

// ---- 1 · bias and variance --------------------------------------------------------------------

let bv: EnsembleBiasVarianceResult | null = null;
function drawBiasVariance(): void {
  if (!bv) return;
  const r = bv;
  const plots: [string, Float64Array, Float64Array][] = [
    ['en-bv-tree-plot', r.treePredictions, r.treeMean],
    ['en-bv-forest-plot', r.forestPredictions, r.forestMean],
  ];
  for (const [id, predictions, mean] of plots) {
    const { g, width, height } = canvas2d($<HTMLCanvasElement>(id));
    const area = { left: 40, top: 8, w: width - 50, h: height - 40, x0: 0, x1: 6, y0: -2.2, y1: 2.2 };
    drawAxes(g, area, height, { xTitle: 'x', yTitle: 'y', xSpacing: 60, ySpacing: 40, xTitleInset: 2, yTitleX: 10 });
    const px = (v: number) => area.left + (v / 6) * area.w;
    const py = (v: number) => area.top + (1 - (v - area.y0) / (area.y1 - area.y0)) * area.h;
    const line = (ys: ArrayLike<number>, offset: number, color: string, width: number) => {
      g.beginPath();
      for (let i = 0; i < r.x.length; i++) (i ? g.lineTo : g.moveTo).call(g, px(r.x[i]), py(ys[offset + i]));
      g.strokeStyle = color;
      g.lineWidth = width;
      g.stroke();
    };
    g.fillStyle = '#94a3b8';
    for (let i = 0; i < r.sampleX.length; i++) g.fillRect(px(r.sampleX[i]) - 1.5, py(r.sampleY[i]) - 1.5, 3, 3);
    const sets = predictions.length / r.x.length;
    for (let d = 0; d < sets; d++) line(predictions, d * r.x.length, 'rgba(37, 99, 235, 0.22)', 1);
    line(r.truth, 0, '#0f172a', 2);
    line(mean, 0, '#dc2626', 2);
  }
  $('en-bv-tree-bias').textContent = r.treeBias2.toFixed(4);
  $('en-bv-tree-var').textContent = r.treeVariance.toFixed(4);
  $('en-bv-forest-bias').textContent = r.forestBias2.toFixed(4);
  $('en-bv-forest-var').textContent = r.forestVariance.toFixed(4);
}
function runBiasVariance(): Promise<void> {
  return serial(async () => {
    bv = await engine.run('ensembles.biasVariance', {
      datasets: 20, points: 80, noise: Number(state.noise), forestTrees: state.bvTrees, maxDepth: 0, seed: state.bvSeed,
    });
    drawBiasVariance();
  });
}

// ---- 2 · forest ---------------------------------------------------------------------------------

let titanic: string | null = null;
const rfStatus = $('en-rf-status');
const rfChart = new LineChart($('en-rf-plot'), {
  x: { label: 'trees' },
  y: { label: 'error rate' },
  series: [
    { label: 'out-of-bag error', color: '#2563eb' },
    { label: 'test error', color: '#f97316' },
    { label: 'one deep tree (test)', color: '#64748b', dash: [6, 4] },
  ],
  height: 240,
  description: 'Out-of-bag and test error rate of the forest against the number of trees, and one deep tree for comparison.',
});
function runForest(): Promise<void> {
  return serial(async () => {
    rfStatus.textContent = 'Growing the forest…';
    rfStatus.dataset.state = 'info';
    titanic ??= await fetchText(TITANIC);
    const r = await engine.run('ensembles.forest', {
      csv: titanic, target: 'survived', drop: ['country', 'fare'], missing: 'fill', regression: false, trees: state.trees,
      maxFeatures: state.features, maxDepth: 0, minSamplesLeaf: state.leaf, testFraction: 0.2, seed: 0,
    });
    const n = r.oobHistory.length;
    $('en-rf-oob').textContent = pct(r.oobHistory[n - 1]);
    $('en-rf-test').textContent = pct(r.testHistory[n - 1]);
    $('en-rf-single').textContent = pct(r.singleTreeTestError);
    $('en-rf-m').textContent = `${r.maxFeatures} of ${r.features}`;
    const xs = Array.from({ length: n }, (_, i) => i + 1);
    rfChart.setData(xs, [Array.from(r.oobHistory, (v) => (Number.isFinite(v) ? v : null)), Array.from(r.testHistory), xs.map(() => r.singleTreeTestError)]);
    $('en-rf-importances').replaceChildren(
      ...r.importances.names.map((name, i) => {
        const item = document.createElement('li');
        item.textContent = `${name}: ${r.importances.values[i].toFixed(3)}`;
        return item;
      }),
    );
    rfStatus.textContent = `${n} trees on ${r.trainRows} passengers; tested on ${r.testRows}.`;
  }, rfStatus);
}
const leafField = numberField($<HTMLInputElement>('en-rf-leaf'), document.getElementById('en-rf-leaf-message')!, {
  label: 'Min samples leaf',
  min: 1,
  max: 1000,
  onChange(value) {
    state.leaf = value;
    save();
    void runForest();
  },
});

// ---- 3 · AdaBoost -------------------------------------------------------------------------------

let ada: EnsembleAdaBoostResult | null = null;
function drawAda(): void {
  const r = ada;
  if (!r) return;
  const m = Math.min(state.round, r.rounds);
  const { g, width, height } = canvas2d($<HTMLCanvasElement>('en-ada-plot'));
  const area = { left: 40, top: 8, w: width - 50, h: height - 40, x0: r.x0, x1: r.x1, y0: r.y0, y1: r.y1 };
  const image = new ImageData(r.size, r.size);
  const grid = r.grids.subarray((m - 1) * r.size * r.size, m * r.size * r.size);
  for (let i = 0; i < grid.length; i++) image.data.set(grid[i] ? [249, 115, 22, 60] : [37, 99, 235, 60], 4 * i);
  const cells = document.createElement('canvas');
  cells.width = cells.height = r.size;
  cells.getContext('2d')!.putImageData(image, 0, 0);
  g.imageSmoothingEnabled = false;
  g.drawImage(cells, area.left, area.top, area.w, area.h);
  drawAxes(g, area, height, { xTitle: 'x₁', yTitle: 'x₂', xSpacing: 70, ySpacing: 45, xTitleInset: 2, yTitleX: 10 });
  const n = r.x.length;
  const weights = r.weights.subarray((m - 1) * n, m * n);
  for (let i = 0; i < n; i++) {
    const radius = 1.2 + 3 * Math.sqrt(weights[i] * n);
    g.beginPath();
    g.arc(area.left + ((r.x[i] - r.x0) / (r.x1 - r.x0)) * area.w, area.top + (1 - (r.y[i] - r.y0) / (r.y1 - r.y0)) * area.h, radius, 0, 2 * Math.PI);
    g.fillStyle = CLASS_COLORS[r.labels[i]];
    g.globalAlpha = 0.8;
    g.fill();
    g.globalAlpha = 1;
    g.strokeStyle = '#0f172a';
    g.lineWidth = 0.5;
    g.stroke();
  }
  $('en-ada-rounds').textContent = String(r.rounds);
  $('en-ada-round-value').textContent = String(m);
  $('en-ada-error').textContent = r.errors[m - 1].toFixed(3);
  $('en-ada-alpha').textContent = r.alphas[m - 1].toFixed(3);
  $('en-ada-acc').textContent = pct(r.accuracy[m - 1]);
}
function runAda(): Promise<void> {
  return serial(async () => {
    ada = await engine.run('ensembles.adaBoost', {
      dataset: state.ada, points: 200, noise: state.ada === 'moons' ? 0.25 : 0.12, rounds: ADA_ROUNDS, maxDepth: state.adaDepth,
      learningRate: 1, seed: 0, gridSize: 90,
    });
    const slider = $<HTMLInputElement>('en-ada-round');
    slider.max = String(ada.rounds);
    if (state.round > ada.rounds) state.round = ada.rounds;
    slider.value = String(state.round);
    drawAda();
  });
}

// ---- 4 · gradient boosting ------------------------------------------------------------------------

let ames: string | null = null;
let boosting: AbortController | null = null;
const gbStatus = $('en-gb-status');
const gbButton = $<HTMLButtonElement>('en-gb-run');
const gbChart = new LineChart($('en-gb-plot'), {
  x: { label: 'trees' },
  y: { label: 'RMSE ($)', log: true },
  series: [
    { label: 'training RMSE', color: '#2563eb' },
    { label: 'validation RMSE', color: '#f97316' },
  ],
  height: 260,
  description: 'Training and validation root mean squared error of the boosted model against the number of trees.',
});
function showBoost(p: EnsembleBoostProgress): void {
  const train = Array.from(p.trainLoss, Math.sqrt), val = Array.from(p.validationLoss, Math.sqrt);
  gbChart.setData(train.map((_, i) => i), [train, val]);
  let best = 0;
  for (let i = 1; i < val.length; i++) if (val[i] < val[best]) best = i;
  $('en-gb-count').textContent = String(p.trees);
  $('en-gb-train').textContent = fmt(train[train.length - 1]);
  $('en-gb-val').textContent = fmt(val[val.length - 1]);
  $('en-gb-best').textContent = `${fmt(val[best])} · ${best} trees`;
}
function runBoost(): void {
  boosting?.abort();
  void serial(async () => {
    const controller = new AbortController();
    boosting = controller;
    gbButton.textContent = 'Stop';
    gbStatus.textContent = 'Loading Ames and boosting…';
    gbStatus.dataset.state = 'info';
    try {
      ames ??= await fetchText(AMES);
      const r = await engine.run(
        'ensembles.boost',
        { csv: ames, target: 'Sale_Price', drop: [], missing: 'error', trees: state.gbTrees, learningRate: Number(state.lr), maxDepth: state.depth, testFraction: 0.2, seed: 0 },
        { signal: controller.signal, onProgress: showBoost },
      );
      showBoost(r);
      $('en-gb-r2').textContent = r.r2.toFixed(3);
      gbStatus.textContent = `${r.reason === 'stopped' ? 'Stopped' : 'Done'}: ${r.trees} trees of depth ${state.depth} on ${r.trainRows} houses, validated on ${r.testRows}. Starting guess: the mean price, $${fmt(r.init)}.`;
    } finally {
      if (boosting === controller) boosting = null;
      gbButton.textContent = 'Train';
    }
  }, gbStatus);
}
const gbTreesField = numberField($<HTMLInputElement>('en-gb-trees'), document.getElementById('en-gb-trees-message')!, {
  label: 'Trees',
  min: 1,
  max: 2000,
  onChange(value) {
    state.gbTrees = value;
    save();
  },
});

// ---- controls -------------------------------------------------------------------------------------

function bindRange(id: string, key: 'bvTrees' | 'trees' | 'round' | 'depth', then: () => void): void {
  const slider = $<HTMLInputElement>(id);
  slider.value = String(state[key]);
  $(`${id}-value`).textContent = String(state[key]);
  slider.addEventListener('input', () => {
    state[key] = Number(slider.value);
    $(`${id}-value`).textContent = slider.value;
    save();
    then();
  });
}
function bindSelect<K extends 'noise' | 'features' | 'ada' | 'lr'>(id: string, key: K, then: () => void): void {
  const select = $<HTMLSelectElement>(id);
  select.value = state[key];
  select.addEventListener('change', () => {
    state[key] = select.value as (typeof state)[K];
    save();
    then();
  });
}
let pendingBv = 0, pendingRf = 0;
const debounce = (fn: () => void, which: 'bv' | 'rf') => {
  const mine = which === 'bv' ? ++pendingBv : ++pendingRf;
  setTimeout(() => mine === (which === 'bv' ? pendingBv : pendingRf) && fn(), 150);
};
bindRange('en-bv-trees', 'bvTrees', () => debounce(() => void runBiasVariance(), 'bv'));
bindSelect('en-bv-noise', 'noise', () => void runBiasVariance());
$('en-bv-redraw').addEventListener('click', () => {
  state.bvSeed += 1;
  save();
  void runBiasVariance();
});
bindRange('en-rf-trees', 'trees', () => debounce(() => void runForest(), 'rf'));
bindSelect('en-rf-features', 'features', () => void runForest());
bindRange('en-ada-round', 'round', drawAda);
bindSelect('en-ada-data', 'ada', () => void runAda());
const adaDepth = $<HTMLSelectElement>('en-ada-depth');
adaDepth.value = String(state.adaDepth);
adaDepth.addEventListener('change', () => {
  state.adaDepth = Number(adaDepth.value);
  save();
  void runAda();
});
bindRange('en-gb-depth', 'depth', () => undefined);
bindSelect('en-gb-lr', 'lr', () => undefined);
gbButton.addEventListener('click', () => (boosting ? boosting.abort() : runBoost()));
window.addEventListener('resize', () => {
  drawBiasVariance();
  drawAda();
});

async function start(): Promise<void> {
  leafField.set(state.leaf);
  gbTreesField.set(state.gbTrees);
  $('en-rf-credit').textContent = TITANIC_CREDIT;
  $('en-gb-credit').textContent = AMES_CREDIT;
  const info = await showEngineStatus();
  if (!info) {
    rfStatus.textContent = 'The engine could not start, so the demos cannot run. Reload the page to try again.';
    rfStatus.dataset.state = 'error';
    return;
  }
  save();
  await runBiasVariance();
  await runForest();
  await runAda();
  runBoost();
}

setupExercise('ensembles', $<HTMLElement>('exercise'));
void start();
