// clustering: the controller. The engine worker generates or loads the data and runs DBSCAN,
// agglomerative clustering (cut where the learner clicks the dendrogram), a Gaussian mixture by EM
// (streamed one iteration at a time for the ellipses) and k-means for comparison; this page keeps the
// setup in the URL hash and draws.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { ClusteringData, ClusteringLinkage, ClusteringLoadParams, ClusteringShape, GmmState } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { HashState, choiceField, decimalHash, intField } from '../../web/site/hash-state';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { Dendrogram } from './dendrogram';
import { type Ellipse, Scatter, color } from './scatter';
import './clustering.css';

const SOURCES = ['moons', 'circles', 'blobs', 'iris'] as const;
type Source = (typeof SOURCES)[number];
const METHODS = ['dbscan', 'hclust', 'gmm', 'kmeans'] as const;
type Method = (typeof METHODS)[number];
const LINKAGES = ['single', 'complete', 'average', 'ward'] as const satisfies readonly ClusteringLinkage[];
const IRIS = 'data/sklearn/iris.csv';
const IRIS_CREDIT = 'Data: Iris (R. A. Fisher, 1936; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn.';
const SHAPE_CREDIT = 'Data: points drawn by the engine (make_moons, make_circles, make_blobs after scikit-learn) with Gaussian noise.';
const BIC_K = 6, SEED = 0;
const EXPLAIN: Record<Method, string> = {
  dbscan: 'A point with at least “min samples” points within eps (itself included) is a core point (large dot). Clusters grow from core point to core point; a point near a core point but not dense itself is a border point (small dot); the rest is noise (grey ×). DBSCAN finds the number of clusters itself.',
  hclust: '',
  gmm: '',
  kmeans: 'k-means gives every point to its nearest centroid, so every border is a straight line halfway between two centroids: it cannot follow a curved moon or a ring, however it starts.',
};

const hash = new HashState({
  source: choiceField<Source>('moons', SOURCES),
  method: choiceField<Method>('dbscan', METHODS),
  n: intField(300, 10, 2000),
  noise: decimalHash(0.06, 0, 2),
  seed: intField(1, 0, 1_000_000_000),
  eps: decimalHash(0.2, 0.001, 100),
  min: intField(5, 1, 100),
  linkage: choiceField<ClusteringLinkage>('single', LINKAGES),
  k: intField(2, 1, 10),
  standardize: intField(0, 0, 1),
  x: intField(0, 0, 100),
  y: intField(1, 0, 100),
});
const state = hash.read();
const saveState = () => hash.write(state);

const sourceSelect = $<HTMLSelectElement>('cl-source');
const methodSelect = $<HTMLSelectElement>('cl-method');
const linkageSelect = $<HTMLSelectElement>('cl-linkage');
const standardizeBox = $<HTMLInputElement>('cl-standardize');
const xSelect = $<HTMLSelectElement>('cl-x');
const ySelect = $<HTMLSelectElement>('cl-y');
const runButton = $<HTMLButtonElement>('cl-run');
const status = $<HTMLElement>('cl-status');
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

const engine = EngineClient.shared();
const scatter = new Scatter($<HTMLCanvasElement>('cl-plot'));
const dendrogram = new Dendrogram($<HTMLCanvasElement>('cl-dendrogram'), color, (height) => void cutAt(height));
const loglikChart = new LineChart($<HTMLElement>('cl-loglik-plot'), {
  x: { label: 'EM iteration' },
  y: { label: 'log L per point' },
  series: [{ label: 'mean log-likelihood', color: '#2563eb', points: true }],
  height: 200,
  description: 'The mean log-likelihood of the data under the mixture after each EM iteration.',
});
const bicChart = new LineChart($<HTMLElement>('cl-bic-plot'), {
  x: { label: 'components k', range: [1, BIC_K] },
  y: { label: 'BIC' },
  series: [{ label: 'BIC', color: '#ea580c', points: true }],
  height: 200,
  description: 'The Bayesian information criterion of Gaussian mixtures with 1 to 6 components; lower is better.',
});

let data: ClusteringData | null = null;
let labels: Int32Array | null = null;
let kinds: Int32Array | null = null;
let ellipses: Ellipse[] = [];
let tree: { a: Float64Array; b: Float64Array; height: Float64Array; order: Int32Array; cut: number } | null = null;
let running: AbortController | null = null;

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn);
  queue = next.catch(() => undefined);
  return next;
}

// ---- fields --------------------------------------------------------------------------------------

const nField = numberField($<HTMLInputElement>('cl-n'), document.getElementById('cl-n-message')!, {
  label: 'Points', min: 10, max: 2000, onChange: (v) => ((state.n = v), void dataChanged()),
});
const noiseField = decimalField($<HTMLInputElement>('cl-noise'), document.getElementById('cl-noise-message')!, {
  label: 'Noise', min: 0, max: 2, format: formatSignificant6, onChange: (v) => ((state.noise = v), void dataChanged()),
});
const epsField = decimalField($<HTMLInputElement>('cl-eps'), document.getElementById('cl-eps-message')!, {
  label: 'eps', min: 0.001, max: 100, format: formatSignificant6, onChange: (v) => ((state.eps = v), changed()),
});
const minField = numberField($<HTMLInputElement>('cl-min'), document.getElementById('cl-min-message')!, {
  label: 'min samples', min: 1, max: 100, onChange: (v) => ((state.min = v), changed()),
});
const kField = numberField($<HTMLInputElement>('cl-k'), document.getElementById('cl-k-message')!, {
  label: 'Clusters k', min: 1, max: 10, onChange: (v) => ((state.k = v), changed()),
});

// ---- data ------------------------------------------------------------------------------------------

function showControls(): void {
  $('cl-shape-controls').hidden = state.source === 'iris';
  $('cl-credit').textContent = state.source === 'iris' ? IRIS_CREDIT : SHAPE_CREDIT;
  for (const element of document.querySelectorAll<HTMLElement>('[data-method]')) {
    element.hidden = !element.dataset.method!.split(' ').includes(state.method);
  }
  $('cl-explain').textContent = EXPLAIN[state.method];
}

async function loadParams(): Promise<ClusteringLoadParams> {
  if (state.source === 'iris') {
    const response = await fetch(new URL(IRIS, siteRoot()));
    if (!response.ok) throw new Error(`could not fetch ${IRIS}: HTTP ${response.status}`);
    return { source: 'csv', csv: await response.text(), label: '' };
  }
  return { source: 'shape', shape: state.source as ClusteringShape, n: state.n, noise: state.noise, seed: state.seed };
}

async function dataChanged(): Promise<void> {
  running?.abort();
  saveState();
  showControls();
  try {
    const params = await loadParams();
    data = await serial(() => engine.run('clustering.load', params));
  } catch (error) {
    say(`Could not load the data: ${(error as Error).message}`, 'error');
    return;
  }
  const names = data.featureNames;
  state.x = state.x < names.length ? state.x : 0;
  state.y = state.y < names.length ? state.y : Math.min(1, names.length - 1);
  for (const [select, chosen] of [[xSelect, state.x], [ySelect, state.y]] as const) {
    select.replaceChildren(...names.map((name, i) => new Option(name, String(i), false, i === chosen)));
  }
  bicChart.setData([], [[]]);
  $('cl-bic-plot').dataset.values = '';
  await run();
}

function changed(): void {
  saveState();
  showControls();
  void run();
}

// ---- running a method ----------------------------------------------------------------------------------

async function run(): Promise<void> {
  if (!data) return;
  running?.abort();
  labels = kinds = null;
  ellipses = [];
  const standardize = state.standardize === 1;
  try {
    if (state.method === 'dbscan') {
      const r = await serial(() => engine.run('clustering.dbscan', { eps: state.eps, minSamples: state.min, standardize }));
      labels = r.labels;
      kinds = r.kinds;
      const core = r.kinds.filter((k) => k === 2).length, border = r.kinds.filter((k) => k === 1).length;
      $('cl-clusters').textContent = String(r.clusters);
      $('cl-kinds').textContent = `${core} · ${border} · ${r.noise}`;
      showAgreement(r.agreement);
      say(`DBSCAN found ${r.clusters} cluster${r.clusters === 1 ? '' : 's'} and ${r.noise} noise point${r.noise === 1 ? '' : 's'} (eps ${state.eps}, min samples ${state.min}).`);
      $('cl-plot-caption').textContent = 'Large dots: core points. Small dots: border points. Grey ×: noise.';
    } else if (state.method === 'hclust') {
      if (state.k > data.samples) throw new Error(`k = ${state.k} is more than the ${data.samples} points`);
      const r = await serial(() => engine.run('clustering.hclust', { linkage: state.linkage, standardize, k: state.k }));
      labels = r.labels;
      const n = r.order.length;
      // The cut drawn halfway between the merge that would join the last two clusters and the one below it.
      const below = n - state.k - 1 >= 0 ? r.height[n - state.k - 1] : 0, above = n - state.k <= n - 2 ? r.height[n - state.k] : below;
      tree = { a: r.a, b: r.b, height: r.height, order: r.order, cut: (below + above) / 2 };
      showCut(r.k, r.agreement);
    } else if (state.method === 'gmm') {
      await runGmm(standardize);
      return;
    } else {
      const r = await serial(() => engine.run('clustering.kmeans', { k: state.k, seed: SEED, standardize }));
      labels = r.labels;
      $('cl-clusters').textContent = String(state.k);
      showAgreement(r.agreement);
      say(`k-means with k = ${state.k} (best of 5 runs).`);
      $('cl-plot-caption').textContent = 'Points coloured by their nearest centroid.';
    }
  } catch (error) {
    say(`The engine said: ${(error as Error).message}`, 'error');
  }
  draw();
}

function showAgreement(ari: number): void {
  $('cl-agreement').textContent = Number.isFinite(ari) ? `ARI ${ari.toFixed(3)}` : '–';
}

function showCut(k: number, ari: number): void {
  $('cl-clusters').textContent = String(k);
  showAgreement(ari);
  say(`${LINKAGE_NAMES[state.linkage]} linkage, cut into ${k} cluster${k === 1 ? '' : 's'}: click another height on the dendrogram to cut elsewhere.`);
  $('cl-plot-caption').textContent = 'Points coloured by the branch of the dendrogram they hang from below the cut.';
  if (tree && labels) dendrogram.show({ ...tree, labels });
}
const LINKAGE_NAMES: Record<ClusteringLinkage, string> = { single: 'Single', complete: 'Complete', average: 'Average', ward: 'Ward' };

async function cutAt(height: number): Promise<void> {
  if (!tree) return;
  try {
    const r = await serial(() => engine.run('clustering.cut', { k: 0, height }));
    tree.cut = height;
    labels = r.labels;
    state.k = r.k;
    kField.set(r.k);
    saveState();
    showCut(r.k, r.agreement);
    draw();
  } catch (error) {
    say(`The engine said: ${(error as Error).message}`, 'error');
  }
}

async function runGmm(standardize: boolean): Promise<void> {
  const controller = new AbortController();
  running = controller;
  runButton.textContent = 'Stop';
  const history: number[] = [];
  const frameMs = reducedMotion.matches ? 0 : 250;
  say(`EM with ${state.k} Gaussians, started from k-means…`);
  const show = (s: GmmState) => {
    labels = s.labels;
    ellipses = ellipsesOf(s);
    history.push(s.logLikelihood);
    loglikChart.setData(history.map((_, i) => i), [history]);
    $('cl-iteration').textContent = String(s.iteration);
    $('cl-loglik').textContent = s.logLikelihood.toFixed(4);
    $('cl-bic').textContent = s.bic.toFixed(1);
    $('cl-clusters').textContent = String(state.k);
    draw();
  };
  try {
    const r = await serial(() => engine.run('clustering.gmm', { k: state.k, seed: SEED, standardize, frameMs, maxIter: 300 }, { signal: controller.signal, onProgress: show }));
    labels = r.labels;
    ellipses = ellipsesOf(r);
    showAgreement(r.agreement);
    $('cl-loglik-plot').dataset.values = JSON.stringify(history);
    say(r.reason === 'converged' ? `EM converged after ${r.iteration} iterations: the log-likelihood rose by less than 0.001.`
      : r.reason === 'cancelled' ? `Stopped after ${r.iteration} iterations.` : `Stopped after ${r.iteration} iterations without converging.`);
    $('cl-plot-caption').textContent = 'Points coloured by their most likely component; ellipses at 1σ (solid) and 2σ (dashed) around each mean.';
    draw();
    if (!$('cl-bic-plot').dataset.values) {
      const bic = await serial(() => engine.run('clustering.gmmBic', { kMax: BIC_K, seed: SEED, standardize }));
      const ks = Array.from(bic, (_, i) => i + 1);
      bicChart.setData(ks, [Array.from(bic)]);
      $('cl-bic-plot').dataset.values = JSON.stringify(Array.from(bic));
      $('cl-bic-plot').dataset.best = String(ks[Array.from(bic).indexOf(Math.min(...bic))]);
    }
  } catch (error) {
    say(`The engine said: ${(error as Error).message}`, 'error');
  } finally {
    if (running === controller) running = null;
    runButton.textContent = 'Run';
  }
}

/** Each component's mean and covariance restricted to the two plotted features. */
function ellipsesOf(s: GmmState): Ellipse[] {
  const d = data!.features, k = s.weights.length;
  return Array.from({ length: k }, (_, j) => {
    const c = (a: number, b: number) => s.covariances[j * d * d + a * d + b];
    return { cx: s.means[j * d + state.x], cy: s.means[j * d + state.y], sxx: c(state.x, state.x), sxy: c(state.x, state.y), syy: c(state.y, state.y), color: color(j) };
  });
}

function draw(): void {
  if (!data) return;
  const d = data.features, n = data.samples;
  const xs = new Float32Array(n), ys = new Float32Array(n);
  for (let i = 0; i < n; i++) (xs[i] = data.points[i * d + state.x]), (ys[i] = data.points[i * d + state.y]);
  scatter.show({
    x: xs, y: ys, labels: labels ?? new Int32Array(n), kinds: state.method === 'dbscan' ? kinds ?? undefined : undefined,
    ellipses: state.method === 'gmm' ? ellipses : [], xLabel: data.featureNames[state.x], yLabel: data.featureNames[state.y],
  });
}

// ---- controls ----------------------------------------------------------------------------------------

sourceSelect.addEventListener('change', () => {
  const wasIris = state.source === 'iris';
  state.source = sourceSelect.value as Source;
  // Iris is measured in centimetres, the shapes in units of about 1: each gets its own starting scale.
  if (state.source === 'iris' || wasIris) {
    state.eps = state.source === 'iris' ? 0.5 : 0.2;
    state.k = state.source === 'iris' ? 3 : 2;
    epsField.set(state.eps);
    kField.set(state.k);
  }
  state.x = 0;
  state.y = 1;
  void dataChanged();
});
methodSelect.addEventListener('change', () => {
  state.method = methodSelect.value as Method;
  changed();
});
linkageSelect.addEventListener('change', () => {
  state.linkage = linkageSelect.value as ClusteringLinkage;
  changed();
});
standardizeBox.addEventListener('change', () => {
  state.standardize = standardizeBox.checked ? 1 : 0;
  $('cl-bic-plot').dataset.values = '';
  changed();
});
for (const [select, key] of [[xSelect, 'x'], [ySelect, 'y']] as const) {
  select.addEventListener('change', () => {
    state[key] = Number(select.value);
    saveState();
    if (state.method === 'gmm' && ellipses.length) void run();
    else draw();
  });
}
$('cl-regenerate').addEventListener('click', () => {
  state.seed += 1;
  void dataChanged();
});
runButton.addEventListener('click', () => {
  if (running) running.abort();
  else void run();
});

async function start(): Promise<void> {
  sourceSelect.value = state.source;
  methodSelect.value = state.method;
  linkageSelect.value = state.linkage;
  standardizeBox.checked = state.standardize === 1;
  nField.set(state.n);
  noiseField.set(state.noise);
  epsField.set(state.eps);
  minField.set(state.min);
  kField.set(state.k);
  showControls();
  runButton.disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  runButton.disabled = false;
  await dataChanged();
}

setupExercise('clustering', $<HTMLElement>('exercise'));
void start();
