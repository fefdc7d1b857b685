// kmeans: the controller. The engine worker loads or generates the data, runs Lloyd's algorithm one
// iteration per request (so this page can animate it), fits every k for the elbow and silhouette
// plots, and quantizes photos; this page keeps the setup in the URL hash, paces the animation and draws.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { KMeansData, KMeansInitName, KMeansLoadParams, KMeansState, KMeansStepResult, KMeansSummary, KMeansSweepRow } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { HashState, choiceField, decimalHash, intField } from '../../web/site/hash-state';
import { csvInput } from '../../web/widgets/csv-input';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { numberField } from '../../web/widgets/number-field';
import { ClusterPlot } from './cluster-plot';
import { QuantizePanel } from './quantize-panel';
import { fmt, showLog, showReadouts, showSummary } from './run-view';
import { SweepCharts } from './sweep-charts';
import './kmeans.css';

const SOURCES = ['blobs', 'iris', 'wine', 'csv'] as const;
type Source = (typeof SOURCES)[number];
const INITS = ['kmeans++', 'random'] as const satisfies readonly KMeansInitName[];
const SPEEDS = { slow: 900, normal: 450, fast: 120 } as const;
type Speed = keyof typeof SPEEDS;
const FILES: Partial<Record<Source, { file: string; credit: string }>> = {
  iris: { file: 'data/sklearn/iris.csv', credit: 'Data: Iris (R. A. Fisher, 1936; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn.' },
  wine: { file: 'data/sklearn/wine.csv', credit: 'Data: Wine recognition (Forina et al.; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn.' },
};
const BLOBS_CREDIT = 'Data: blobs drawn by the engine: centres uniform in [−10, 10]², points normal around them with standard deviation σ.';
const MAX_K = 20, SWEEP_K = 10, SWEEP_RUNS = 5, MAX_ITER = 300, TOL = 1e-4;

const hash = new HashState({
  source: choiceField<Source>('blobs', SOURCES),
  k: intField(4, 1, MAX_K),
  init: choiceField<KMeansInitName>('kmeans++', INITS),
  seed: intField(1, 0, 1_000_000_000),
  standardize: intField(0, 0, 1),
  n: intField(400, 10, 5000),
  centers: intField(4, 1, 12),
  spread: decimalHash(1, 0.05, 10),
  blobSeed: intField(25, 0, 1_000_000_000),
  x: intField(0, 0, 500),
  y: intField(1, 0, 500),
  speed: choiceField<Speed>('normal', ['slow', 'normal', 'fast']),
  colors: intField(16, 2, 64),
  qinit: choiceField<KMeansInitName>('kmeans++', INITS),
});
const state = hash.read();
const saveState = () => hash.write(state);

const sourceSelect = $<HTMLSelectElement>('km-source');
const initSelect = $<HTMLSelectElement>('km-init');
const standardizeBox = $<HTMLInputElement>('km-standardize');
const speedSelect = $<HTMLSelectElement>('km-speed');
const xSelect = $<HTMLSelectElement>('km-x');
const ySelect = $<HTMLSelectElement>('km-y');
const runButton = $<HTMLButtonElement>('km-run');
const stepButton = $<HTMLButtonElement>('km-step');
const restartButton = $<HTMLButtonElement>('km-restart');
const csvText = $<HTMLTextAreaElement>('km-csv-text');
const csvMessage = $<HTMLElement>('km-csv-message');
const status = $<HTMLElement>('km-status');

const engine = EngineClient.shared();
const plot = new ClusterPlot($<HTMLCanvasElement>('km-plot'));
const sweepCharts = new SweepCharts(SWEEP_K);
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

let data: KMeansData | null = null;
/** Every state of the current run (iteration 0 first): the table and the centroid paths. */
let states: KMeansState[] = [];
let summary: KMeansSummary | null = null;
let playing = false;
let runGeneration = 0;

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};

// ---- one engine operation at a time ------------------------------------------------------------

let queue: Promise<unknown> = Promise.resolve();
function serial<T>(fn: () => Promise<T>): Promise<T> {
  const next = queue.then(fn);
  queue = next.catch(() => undefined);
  return next;
}

// ---- fields --------------------------------------------------------------------------------------

/** A whole-number box for one setting: `then` runs after each valid new value is stored. */
function settingField(testId: string, label: string, min: number, max: number, key: 'k' | 'seed' | 'n' | 'centers', then: () => void) {
  return numberField($<HTMLInputElement>(testId), document.getElementById(`${testId}-message`)!, {
    label,
    min,
    max,
    onChange(value) {
      state[key] = value;
      then();
    },
  });
}
const rerun = () => {
  saveState();
  void restart(true);
};
const kField = settingField('km-k', 'Clusters k', 1, MAX_K, 'k', rerun);
const seedField = settingField('km-seed', 'Seed', 0, 1_000_000_000, 'seed', rerun);
const nField = settingField('km-n', 'Points', 10, 5000, 'n', blobsChanged);
const centersField = settingField('km-centers', 'Blobs', 1, 12, 'centers', blobsChanged);
const spreadField = decimalField($<HTMLInputElement>('km-spread'), document.getElementById('km-spread-message')!, {
  label: 'Spread σ',
  min: 0.05,
  max: 10,
  format: formatSignificant6,
  onChange(value) {
    state.spread = value;
    blobsChanged();
  },
});

// ---- data ------------------------------------------------------------------------------------------

function showSourceControls(): void {
  $('km-blob-controls').hidden = state.source !== 'blobs';
  $('km-own').hidden = state.source !== 'csv';
  $('km-credit').textContent = state.source === 'blobs' ? BLOBS_CREDIT : (FILES[state.source]?.credit ?? '');
}

async function fetchText(file: string): Promise<string> {
  const response = await fetch(new URL(file, siteRoot()));
  if (!response.ok) throw new Error(`could not fetch ${file}: HTTP ${response.status}`);
  return response.text();
}

/** Loads data in the engine; on failure the old data stays and the message says so. */
async function load(params: KMeansLoadParams): Promise<boolean> {
  await pause();
  try {
    const result = await serial(() => engine.run('kmeans.load', params));
    data = result;
    csvMessage.textContent = '';
    fillAxes();
    return true;
  } catch (error) {
    const keep = data ? ` Keeping the current data (${data.samples} points × ${data.features} features).` : '';
    csvMessage.textContent = `Could not load the data: ${(error as Error).message}.${keep}`;
    return false;
  }
}

function blobParams(): KMeansLoadParams {
  return { source: 'blobs', n: state.n, centers: state.centers, spread: state.spread, seed: state.blobSeed };
}

async function loadSource(): Promise<boolean> {
  showSourceControls();
  if (state.source === 'blobs') return load(blobParams());
  const entry = FILES[state.source];
  if (!entry) return false;
  say(`Loading the ${state.source} data…`);
  return load({ source: 'csv', csv: await fetchText(entry.file), label: '' });
}

function fillAxes(): void {
  if (!data) return;
  const names = data.featureNames;
  state.x = state.x < names.length ? state.x : 0;
  state.y = state.y < names.length ? state.y : Math.min(1, names.length - 1);
  for (const [select, chosen] of [[xSelect, state.x], [ySelect, state.y]] as const) {
    select.replaceChildren(...names.map((name, i) => new Option(name, String(i), false, i === chosen)));
  }
}

/** Loads new data, then runs k-means on it and sweeps k. */
async function dataChanged(params?: KMeansLoadParams): Promise<void> {
  const ok = params ? await load(params) : await loadSource();
  if (!ok) return;
  saveState();
  await restart(true);
  void sweep();
}

function blobsChanged(): void {
  saveState();
  if (state.source === 'blobs') void dataChanged(blobParams());
}

// ---- the run -------------------------------------------------------------------------------------

/** Starts a fresh run (iteration 0: the initial centroids and the first assignment). */
async function restart(autoplay: boolean): Promise<void> {
  await pause();
  if (!data) return;
  const mine = ++runGeneration;
  if (state.k > data.samples) {
    say(`k = ${state.k} is more than the ${data.samples} points: k-means needs at least one point per cluster. Lower k.`, 'error');
    return;
  }
  try {
    const first = await serial(() => engine.run('kmeans.start', {
      k: state.k, init: state.init, seed: state.seed, standardize: state.standardize === 1, maxIter: MAX_ITER, tol: TOL,
    }));
    if (mine !== runGeneration) return;
    states = [first];
    summary = null;
    show(first, 0);
    say(`Started from ${state.k} ${state.init === 'random' ? 'random points' : 'k-means++ picks'} (ringed); every point joined its nearest centroid.`);
  } catch (error) {
    say(`The engine said: ${(error as Error).message}`, 'error');
    return;
  }
  if (autoplay) void play();
}

async function stepOnce(): Promise<KMeansStepResult | null> {
  const current = states.at(-1);
  if (!current || current.done) return null;
  const mine = runGeneration;
  const next = await serial(() => engine.run('kmeans.step', {}));
  if (mine !== runGeneration) return null;
  states.push(next);
  if (next.summary) summary = next.summary;
  show(next, reducedMotion.matches ? 0 : Math.min(0.8 * SPEEDS[state.speed], 500));
  if (next.done) finished(next);
  else say(`Iteration ${next.iteration}: ${next.moved.toLocaleString('en-US')} point${next.moved === 1 ? '' : 's'} changed cluster.`);
  return next;
}

async function play(): Promise<void> {
  if (playing) return;
  if (states.at(-1)?.done) {
    await restart(false);
  }
  playing = true;
  setPlaying(true);
  const mine = runGeneration;
  try {
    while (playing && mine === runGeneration) {
      const next = await stepOnce();
      if (!next || next.done) break;
      await sleep(reducedMotion.matches ? 0 : SPEEDS[state.speed]);
    }
  } catch (error) {
    say(`The engine said: ${(error as Error).message}`, 'error');
  } finally {
    if (mine === runGeneration) {
      playing = false;
      setPlaying(false);
    }
  }
}

let wake: (() => void) | null = null;
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => ((wake = null), resolve()), ms);
    wake = () => (clearTimeout(timer), (wake = null), resolve());
  });
}

/** Stops the animation after the step in flight; resolves once nothing more will be drawn. */
async function pause(): Promise<void> {
  playing = false;
  wake?.();
  setPlaying(false);
  await queue;
}

function setPlaying(on: boolean): void {
  runButton.textContent = on ? 'Pause' : 'Run';
  runButton.setAttribute('aria-pressed', String(on));
}

function finished(last: KMeansStepResult): void {
  const why = !last.converged
    ? `Stopped after ${last.iteration} iterations without converging.`
    : last.moved === 0 && last.relocated === 0
      ? `Converged after ${last.iteration} iteration${last.iteration === 1 ? '' : 's'}: no point changed cluster.`
      : `Converged after ${last.iteration} iterations: the centroids moved less than the tolerance (${fmt(last.tolerance)}).`;
  say(why);
}

// ---- drawing -------------------------------------------------------------------------------------

function show(s: KMeansState, glideMs: number): void {
  showReadouts(s, summary);
  draw(glideMs);
  showLog(states);
  showSummary(summary, data);
}

function draw(glideMs = 0, keepRange = false): void {
  if (!data || states.length === 0) return;
  const d = data.features, n = data.samples;
  const xs = new Float32Array(n), ys = new Float32Array(n);
  for (let i = 0; i < n; i++) (xs[i] = data.points[i * d + state.x]), (ys[i] = data.points[i * d + state.y]);
  const k = states[0].centroids.length / d;
  const paths = Array.from({ length: k }, (_, j) =>
    states.map((s) => [s.centroids[j * d + state.x], s.centroids[j * d + state.y]] as [number, number]));
  const last = states.at(-1)!;
  plot.show({ x: xs, y: ys, labels: last.labels, paths, initial: last.initial, xLabel: data.featureNames[state.x], yLabel: data.featureNames[state.y] }, glideMs, keepRange);
}

// ---- the elbow and silhouette sweep ------------------------------------------------------------------

let sweepGeneration = 0;
async function sweep(): Promise<void> {
  if (!data) return;
  const mine = ++sweepGeneration;
  const rows: KMeansSweepRow[] = [];
  sweepCharts.show(rows);
  try {
    await serial(() => engine.run('kmeans.sweep', { kMax: SWEEP_K, init: state.init, nInit: SWEEP_RUNS, seed: state.seed, standardize: state.standardize === 1 }, {
      onProgress(row) {
        if (mine !== sweepGeneration) return;
        rows.push(row);
        sweepCharts.show(rows);
      },
    }));
  } catch (error) {
    if (mine === sweepGeneration) say(`The elbow sweep failed: ${(error as Error).message}`, 'error');
  }
  if (mine !== sweepGeneration) return;
  sweepCharts.finish(rows);
}

// ---- colour quantization (quantize-panel.ts) ---------------------------------------------------------

const quantizer = new QuantizePanel(engine, serial, state, saveState);

// ---- controls ----------------------------------------------------------------------------------------

runButton.addEventListener('click', () => void (playing ? pause() : play()));
stepButton.addEventListener('click', async () => {
  await pause();
  if (states.at(-1)?.done) {
    say('This run has already converged: press Restart (or Run) to start again.');
    return;
  }
  try {
    await stepOnce();
  } catch (error) {
    say(`The engine said: ${(error as Error).message}`, 'error');
  }
});
restartButton.addEventListener('click', () => void restart(false));
speedSelect.addEventListener('change', () => {
  state.speed = speedSelect.value as Speed;
  saveState();
});
initSelect.addEventListener('change', () => {
  state.init = initSelect.value as KMeansInitName;
  saveState();
  void restart(true).then(() => sweep());
});
standardizeBox.addEventListener('change', () => {
  state.standardize = standardizeBox.checked ? 1 : 0;
  saveState();
  void restart(true).then(() => sweep());
});
for (const [select, key] of [[xSelect, 'x'], [ySelect, 'y']] as const) {
  select.addEventListener('change', () => {
    state[key] = Number(select.value);
    saveState();
    draw();
  });
}
$('km-regenerate').addEventListener('click', () => {
  state.blobSeed += 1;
  blobsChanged();
});
sourceSelect.addEventListener('change', () => {
  state.source = sourceSelect.value as Source;
  showSourceControls();
  if (state.source === 'csv') {
    saveState();
    say('Paste a CSV or choose a file; until then the current data stays.');
    csvText.focus();
    return;
  }
  if (state.source !== 'blobs') state.standardize = state.source === 'wine' ? 1 : 0;
  standardizeBox.checked = state.standardize === 1;
  if (state.source === 'iris' || state.source === 'wine') state.k = 3;
  kField.set(state.k);
  state.x = 0;
  state.y = 1;
  void dataChanged();
});
function useOwn(text: string): void {
  void dataChanged({ source: 'csv', csv: text, label: '' });
}
csvInput(csvText, $('km-csv-load'), $<HTMLInputElement>('km-csv-file'), useOwn);

async function start(): Promise<void> {
  sourceSelect.value = state.source;
  initSelect.value = state.init;
  standardizeBox.checked = state.standardize === 1;
  speedSelect.value = state.speed;
  kField.set(state.k);
  seedField.set(state.seed);
  nField.set(state.n);
  centersField.set(state.centers);
  spreadField.set(state.spread);
  showSourceControls();
  for (const button of [runButton, stepButton, restartButton]) button.disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  if (state.source === 'csv') {
    state.source = 'blobs';
    await loadSource();
    state.source = 'csv';
    showSourceControls();
    sourceSelect.value = 'csv';
  } else {
    await loadSource();
  }
  saveState();
  for (const button of [runButton, stepButton, restartButton]) button.disabled = false;
  await restart(true);
  if (state.source === 'csv') say('Your own CSV is not kept in the link: showing generated blobs until you paste or upload one.');
  void sweep();
  void quantizer.useBundledPhoto();
}

setupExercise('kmeans', $<HTMLElement>('exercise'));
void start();
