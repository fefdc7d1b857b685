// model-evaluation: the controller. The engine worker cross-validates the chosen model one fold at a
// time, scores the held-out test set, builds the ROC / precision–recall / calibration view and the
// threshold table, grows the learning curve and runs the bias–variance experiment; this page keeps
// the setup in the URL hash, cancels stale runs when a control moves, and draws what comes back.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { EvalBiasVarianceResult, EvalBinaryResult, EvalCvResult, EvalModelKind, EvalSetup, EvalSplit } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { HashState, choiceField, intField, textField } from '../../web/site/hash-state';
import { csvInput } from '../../web/widgets/csv-input';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { BiasVarianceView } from './bias-variance-view';
import { drawCurves } from './curve-plot';
import { drawConfusion, drawFoldTable, drawPerClass, drawSplit, fixed } from './results-view';
import './model-evaluation.css';

type Source = 'iris' | 'wine' | 'cancer' | 'titanic' | 'own';
const DATA: Record<Exclude<Source, 'own'>, { url: string; target: string; drop: string[]; credit: string }> = {
  iris: { url: 'data/sklearn/iris.csv', target: 'species', drop: [], credit: 'Data: Iris (R. A. Fisher, 1936; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.' },
  wine: { url: 'data/sklearn/wine.csv', target: 'cultivar', drop: [], credit: 'Data: Wine recognition (Forina et al.; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.' },
  cancer: {
    url: 'data/sklearn/breast-cancer.csv',
    target: 'diagnosis',
    drop: [],
    credit: 'Data: Breast Cancer Wisconsin (Diagnostic) (Wolberg, Street & Mangasarian; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
  titanic: {
    url: 'data/titanic/titanic.csv',
    target: 'survived',
    drop: ['country'],
    credit: 'Data: Titanic passengers and crew (2207 people; facts from Encyclopedia Titanica), from Debian r-cran-stablelearner 0.1-4 (GPL-2+). The country column is left out; empty ages and fares are filled with the median.',
  },
};
const LOGREG = { lr: 0.5, epochs: 200 };
const CURVE_POINTS = 8;
const BV = { datasets: 200, grid: 101, keep: 20, seed: 0 };


const hash = new HashState({
  data: choiceField<Source>('cancer', ['iris', 'wine', 'cancer', 'titanic', 'own']),
  target: textField('', 200),
  model: choiceField<EvalModelKind>('logreg', ['logreg', 'knn', 'gnb', 'svm', 'tree', 'forest']),
  l2: choiceField('0.01', ['0', '0.001', '0.01', '0.1', '1']),
  k: intField(5, 1, 1000),
  C: choiceField('1', ['0.01', '0.1', '1', '10', '100']),
  depth: intField(3, 0, 15),
  trees: intField(50, 1, 500),
  folds: intField(5, 2, 20),
  strat: intField(1, 0, 1),
  test: intField(20, 0, 40),
  seed: intField(0, 0, 1_000_000_000),
  pos: intField(1, 0, 100),
  t: intField(50, 0, 100),
  deg: intField(3, 1, 12),
  noise: intField(30, 0, 100),
  pts: choiceField('20', ['15', '20', '40', '100']),
});
type State = ReturnType<typeof hash.read>;
const state = hash.read();
/** The last settings the engine accepted: a refused change goes back to these. */
let good: State = { ...state };

const $ = <T extends HTMLElement>(testId: string) => document.querySelector<T>(`[data-testid="${testId}"]`)!;
const status = $('me-status');
const dataMessage = $('me-data-message');
const say = (el: HTMLElement, text: string, kind: 'info' | 'error' = 'info') => {
  el.textContent = text;
  el.dataset.state = kind;
};
const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '–');

const engine = EngineClient.shared();
let csv: string | null = null;
let header: string[] = [];
let ownOpen = state.data === 'own';
let cv: EvalCvResult | null = null;
let binary: EvalBinaryResult | null = null;
let bv: EvalBiasVarianceResult | null = null;
const bvView = new BiasVarianceView();
let running: AbortController | null = null;

const curveChart = new LineChart($('me-learning-curve'), {
  x: { label: 'training rows' },
  y: { label: 'accuracy' },
  series: [
    { label: 'training score', color: '#2563eb', points: true },
    { label: 'validation score', color: '#f97316', points: true },
  ],
  height: 240,
  description: 'Learning curve: mean training and validation accuracy over the folds against the number of training rows.',
});

// ---- fields ---------------------------------------------------------------------------------------

const kField = numberField($<HTMLInputElement>('me-k'), document.getElementById('me-k-message')!, {
  label: 'Neighbours k',
  min: 1,
  max: 1000,
  onChange(value) {
    state.k = value;
    changed();
  },
});
const treesField = numberField($<HTMLInputElement>('me-trees'), document.getElementById('me-trees-message')!, {
  label: 'Trees',
  min: 1,
  max: 500,
  onChange(value) {
    state.trees = value;
    changed();
  },
});
const seedField = numberField($<HTMLInputElement>('me-seed'), document.getElementById('me-seed-message')!, {
  label: 'Seed',
  min: 0,
  max: 1_000_000_000,
  onChange(value) {
    state.seed = value;
    changed();
  },
});

// ---- the cross-validation run ------------------------------------------------------------------------

function targetOf(): string {
  return state.data === 'own' ? state.target : DATA[state.data].target;
}

function setupParams(): EvalSetup {
  return {
    csv: csv!,
    target: targetOf(),
    drop: state.data === 'own' ? [] : DATA[state.data].drop,
    missing: 'fill',
    model: {
      kind: state.model,
      lr: LOGREG.lr,
      epochs: LOGREG.epochs,
      l2: Number(state.l2),
      k: state.k,
      C: Number(state.C),
      gamma: 0,
      maxDepth: state.depth,
      trees: state.trees,
    },
    folds: state.folds,
    stratified: state.strat === 1,
    testFraction: state.test / 100,
    seed: state.seed,
  };
}

function changed(): void {
  showControls();
  void evaluate();
}

/** Cross-validates, then the two-class view and the learning curve; a newer call cancels this one. */
async function evaluate(): Promise<void> {
  if (csv === null) return;
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const stale = () => running !== controller;
  const params = setupParams();
  say(status, 'Cross-validating…');
  say($('me-curve-status'), '');
  let split: EvalSplit | null = null;
  try {
    const r = await engine.run('modelEvaluation.cv', params, {
      signal: controller.signal,
      onProgress(p) {
        if (stale()) return;
        if (p.split) {
          split = p.split;
          drawSplit(split, state.strat === 1);
        }
        if (!split) return;
        drawFoldTable(split, p.perFold, null);
        const folds = split.foldClassCounts.length / split.classes.length;
        say(status, p.done < folds ? `Fitting fold ${p.done + 1} of ${folds}…` : p.done < p.total ? 'Fitting the final model on all cross-validated rows, for the test set…' : 'Scoring…');
      },
    });
    if (stale() || r.stopped) return;
    cv = r;
    good = { ...state };
    dataMessage.textContent = '';
    hash.write(state);
    showResult(r);
    await showBinary();
    if (stale()) return;
    await runCurve(controller, params).catch((error: Error) => {
      if (!stale()) say($('me-curve-status'), `No learning curve for this setup: ${error.message}.`, 'error');
    });
  } catch (error) {
    if (stale()) return;
    const message = (error as Error).message;
    dataMessage.textContent = `The engine could not evaluate this setup: ${message}.${cv ? ' The results shown are still the last ones that worked.' : ''}`;
    if (cv) {
      Object.assign(state, { ...good, pos: state.pos, t: state.t, deg: state.deg, noise: state.noise, pts: state.pts });
      hash.write(state);
      showControls();
      showResult(cv);
      drawBinary();
      say(status, 'Kept the previous settings.');
    } else {
      say(status, 'Nothing to show yet: fix the data or the settings above.', 'error');
    }
  }
}

let binaryRun = 0;
/** The ROC / PR / calibration view of the current out-of-fold probabilities for the positive class. */
async function showBinary(): Promise<void> {
  if (!cv) return;
  const mine = ++binaryRun;
  const k = cv.split.classes.length;
  if (state.pos >= k) state.pos = k === 2 ? 1 : 0;
  fillPositive(cv.split.classes);
  const r = await engine.run('modelEvaluation.binary', {
    proba: cv.oofProba,
    labels: cv.split.labels,
    classes: k,
    positive: state.pos,
    bins: 10,
    steps: 100,
  });
  if (mine !== binaryRun) return;
  binary = r;
  hash.write(state);
  drawBinary();
}

async function runCurve(controller: AbortController, params: EvalSetup): Promise<void> {
  const curveStatus = $('me-curve-status');
  say(curveStatus, 'Growing the learning curve…');
  const r = await engine.run(
    'modelEvaluation.curve',
    { ...params, points: CURVE_POINTS },
    {
      signal: controller.signal,
      onProgress(p) {
        if (running !== controller) return;
        drawCurve(p.curve.sizes, p.curve.trainMean, p.curve.validationMean);
        say(curveStatus, `Trained on ${p.curve.sizes[p.done - 1]} rows (${p.done} of ${p.total} sizes)…`);
      },
    },
  );
  if (running !== controller || r.stopped) return;
  running = null;
  drawCurve(r.curve.sizes, r.curve.trainMean, r.curve.validationMean);
  const last = r.curve.sizes.length - 1;
  say(curveStatus, `Done: with ${r.curve.sizes[last]} training rows, ${pct(r.curve.trainMean[last])} on them and ${pct(r.curve.validationMean[last])} on the held-out folds (sd ${pct(r.curve.validationSd[last])}).`);
}

// ---- drawing: scores, confusion matrix ---------------------------------------------------------------------

function showResult(r: EvalCvResult): void {
  const s = r.split;
  drawSplit(s, state.strat === 1);
  drawFoldTable(s, r.perFold, r);
  $('me-accuracy').textContent = `${pct(r.mean.accuracy)} ± ${pct(r.sd.accuracy)}`;
  $('me-f1').textContent = fixed(r.mean.f1);
  $('me-auc').textContent = fixed(r.mean.rocAuc);
  $('me-logloss').textContent = fixed(r.mean.logLoss);
  $('me-holdout').textContent = r.holdout ? pct(r.holdout.accuracy) : '– (no test set)';
  drawConfusion(r);
  drawPerClass(r);
  const folds = s.foldClassCounts.length / s.classes.length;
  say(status, `Done: ${s.model}, ${folds} ${state.strat ? 'stratified' : 'plain'} folds of ${s.cvRows} rows; accuracy ${pct(r.mean.accuracy)} ± ${pct(r.sd.accuracy)}.`);
}

// ---- drawing: the two-class view ---------------------------------------------------------------------------

function fillPositive(classes: string[]): void {
  const select = $<HTMLSelectElement>('me-positive');
  if (select.options.length !== classes.length || Array.from(select.options).some((o, i) => o.text !== classes[i])) {
    select.replaceChildren(...classes.map((c, i) => new Option(c, String(i))));
  }
  select.value = String(state.pos);
}

function drawBinary(): void {
  const b = binary;
  const r = cv;
  if (!b || !r) return;
  const i = state.t;
  const positive = r.split.classes[state.pos];
  $('me-threshold-value').textContent = b.thresholds[i].toFixed(2);
  const table = $('me-binary');
  const cell = (text: string, cls = '', testid = '') => {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    if (testid) td.dataset.testid = testid;
    return td;
  };
  const head = document.createElement('tr');
  head.append(Object.assign(document.createElement('th'), { textContent: `t = ${b.thresholds[i].toFixed(2)}` }));
  head.append(Object.assign(document.createElement('th'), { textContent: `predicted ${positive}`, scope: 'col' }));
  head.append(Object.assign(document.createElement('th'), { textContent: 'predicted rest', scope: 'col' }));
  const row1 = document.createElement('tr');
  row1.append(Object.assign(document.createElement('th'), { textContent: `is ${positive}`, scope: 'row' }), cell(`TP ${b.tp[i]}`, 'me-good', 'me-tp'), cell(`FN ${b.fn[i]}`, 'me-bad', 'me-fn'));
  const row2 = document.createElement('tr');
  row2.append(Object.assign(document.createElement('th'), { textContent: 'is rest', scope: 'row' }), cell(`FP ${b.fp[i]}`, 'me-bad', 'me-fp'), cell(`TN ${b.tn[i]}`, 'me-good', 'me-tn'));
  table.replaceChildren(head, row1, row2);
  $('me-tpr').textContent = fixed(b.tpr[i]);
  $('me-fpr').textContent = fixed(b.fpr[i]);
  $('me-precision').textContent = b.tp[i] + b.fp[i] > 0 ? fixed(b.precision[i]) : '– (none predicted)';
  $('me-f1-t').textContent = fixed(b.f1[i]);
  $('me-roc-auc').textContent = `(AUC ${b.auc.toFixed(3)})`;
  $('me-ap').textContent = `(AP ${b.averagePrecision.toFixed(3)})`;
  const share = b.positives / (b.positives + b.negatives);
  const dot = '#dc2626';
  drawCurves($<HTMLCanvasElement>('me-roc'), {
    xTitle: 'false-positive rate',
    yTitle: 'true-positive rate',
    x0: 0, x1: 1, y0: 0, y1: 1,
    curves: [
      { x: [0, 1], y: [0, 1], color: '#94a3b8', dash: [5, 4], width: 1.5 },
      { x: b.rocFpr, y: b.rocTpr, color: '#2563eb' },
    ],
    dots: [{ x: b.fpr[i], y: b.tpr[i], color: dot, r: 5 }],
  });
  drawCurves($<HTMLCanvasElement>('me-pr'), {
    xTitle: 'recall',
    yTitle: 'precision',
    x0: 0, x1: 1, y0: 0, y1: 1.02,
    curves: [
      { x: [0, 1], y: [share, share], color: '#94a3b8', dash: [5, 4], width: 1.5 },
      { x: b.prRecall, y: b.prPrecision, color: '#7c3aed' },
    ],
    dots: [{ x: b.tpr[i], y: b.precision[i], color: dot, r: 5 }],
  });
  const biggest = Math.max(1, ...Array.from(b.calibrationCounts));
  drawCurves($<HTMLCanvasElement>('me-calibration'), {
    xTitle: `mean predicted p(${positive})`,
    yTitle: `share that is ${positive}`,
    x0: 0, x1: 1, y0: 0, y1: 1,
    curves: [
      { x: [0, 1], y: [0, 1], color: '#94a3b8', dash: [5, 4], width: 1.5 },
      { x: b.calibrationPredicted, y: b.calibrationFraction, color: '#0f766e' },
    ],
    dots: Array.from(b.calibrationPredicted, (x, j) => ({ x, y: b.calibrationFraction[j], color: '#0f766e', r: 2 + 6 * Math.sqrt(b.calibrationCounts[j] / biggest) })),
  });
  $('me-roc').setAttribute('aria-label', `ROC curve for ${positive} against the rest, AUC ${b.auc.toFixed(3)}; at threshold ${b.thresholds[i].toFixed(2)} the true-positive rate is ${fixed(b.tpr[i])} and the false-positive rate ${fixed(b.fpr[i])}.`);
  $('me-pr').setAttribute('aria-label', `Precision–recall curve for ${positive}, average precision ${b.averagePrecision.toFixed(3)}.`);
  $('me-calibration').setAttribute('aria-label', `Calibration of the predicted probability of ${positive} in ${b.calibrationPredicted.length} bins.`);
}

function drawCurve(sizes: Float64Array, train: Float64Array, validation: Float64Array): void {
  curveChart.setData(Array.from(sizes), [Array.from(train, (v) => (Number.isFinite(v) ? v : null)), Array.from(validation, (v) => (Number.isFinite(v) ? v : null))]);
}

// ---- bias and variance -----------------------------------------------------------------------------------

let bvRun = 0;
async function runBiasVariance(): Promise<void> {
  const mine = ++bvRun;
  const points = Number(state.pts);
  say($('bv-status'), 'Fitting 200 training sets at every degree…');
  try {
    const r = await engine.run('modelEvaluation.biasVariance', { ...BV, points, noise: state.noise / 100, maxDegree: Math.min(12, points - 1) });
    if (mine !== bvRun) return;
    bv = r;
    hash.write(state);
    drawBiasVariance();
  } catch (error) {
    if (mine === bvRun) say($('bv-status'), `The engine said: ${(error as Error).message}`, 'error');
  }
}

function drawBiasVariance(): void {
  if (!bv) return;
  if (state.deg > bv.bias2.length) state.deg = bv.bias2.length;
  $('bv-degree-value').textContent = String(state.deg);
  $('bv-noise-value').textContent = (state.noise / 100).toFixed(2);
  bvView.draw(bv, state.deg);
}

// ---- controls ------------------------------------------------------------------------------------------------

function showControls(): void {
  $<HTMLSelectElement>('me-data').value = ownOpen ? 'own' : state.data;
  $<HTMLSelectElement>('me-model').value = state.model;
  $<HTMLSelectElement>('me-l2').value = state.l2;
  $<HTMLSelectElement>('me-c').value = state.C;
  $<HTMLInputElement>('me-depth').value = String(state.depth);
  $('me-depth-value').textContent = state.depth === 0 ? 'no limit' : String(state.depth);
  kField.set(state.k);
  treesField.set(state.trees);
  seedField.set(state.seed);
  $<HTMLInputElement>('me-folds').value = String(state.folds);
  $('me-folds-value').textContent = String(state.folds);
  $<HTMLInputElement>('me-stratified').checked = state.strat === 1;
  $<HTMLInputElement>('me-test').value = String(state.test);
  $('me-test-value').textContent = `${state.test}%`;
  $<HTMLInputElement>('me-threshold').value = String(state.t);
  $<HTMLInputElement>('bv-degree').value = String(state.deg);
  $<HTMLInputElement>('bv-noise').value = String(state.noise / 100);
  $<HTMLSelectElement>('bv-points').value = state.pts;
  for (const el of document.querySelectorAll<HTMLElement>('.me-param')) el.hidden = el.dataset.model !== state.model;
  for (const el of document.querySelectorAll<HTMLElement>('.me-own-only')) el.hidden = state.data !== 'own';
  $('me-own').hidden = !ownOpen;
  $('me-credit').textContent = state.data === 'own' ? 'Data: your own CSV (it stays in this browser tab).' : DATA[state.data].credit;
}

function fillTargets(): void {
  const select = $<HTMLSelectElement>('me-target');
  select.replaceChildren(...header.map((h) => new Option(h, h, false, h === state.target)));
}

/** Fetches a bundled data set, or takes the learner's CSV, and evaluates. */
async function useSource(source: Source, text?: string): Promise<void> {
  if (source === 'own') {
    if (text === undefined) return;
    let columns: string[];
    try {
      columns = await engine.run('modelEvaluation.header', { csv: text });
    } catch (error) {
      dataMessage.textContent = `Could not read the CSV: ${(error as Error).message}.${cv ? ' Keeping the current data.' : ''}`;
      return;
    }
    const previous = { csv, header, data: state.data, target: state.target };
    const before = cv;
    csv = text;
    header = columns;
    state.data = 'own';
    if (!header.includes(state.target)) state.target = header[header.length - 1];
    fillTargets();
    showControls();
    await evaluate();
    if (cv === before) {
      // The engine refused the new CSV: back to what was shown.
      ({ csv, header } = previous);
      Object.assign(state, { data: previous.data, target: previous.target });
      showControls();
    }
    return;
  }
  say(status, `Loading the ${source} data…`);
  const response = await fetch(new URL(DATA[source].url, siteRoot()));
  if (!response.ok) throw new Error(`could not fetch ${DATA[source].url}: HTTP ${response.status}`);
  csv = await response.text();
  state.data = source;
  showControls();
  await evaluate();
}

$<HTMLSelectElement>('me-data').addEventListener('change', (event) => {
  const source = (event.target as HTMLSelectElement).value as Source;
  ownOpen = source === 'own';
  // The second class is the positive one: malignant, survived = yes, and for three classes the middle one.
  if (!ownOpen) state.pos = 1;
  if (ownOpen) {
    showControls();
    say(status, 'Paste a CSV or choose a file; until then the current results stay.');
    $<HTMLTextAreaElement>('me-csv-text').focus();
    return;
  }
  useSource(source).catch((error: Error) => say(status, `The engine said: ${error.message}`, 'error'));
});
$<HTMLSelectElement>('me-target').addEventListener('change', (event) => {
  state.target = (event.target as HTMLSelectElement).value;
  changed();
});
$<HTMLSelectElement>('me-model').addEventListener('change', (event) => {
  state.model = (event.target as HTMLSelectElement).value as EvalModelKind;
  changed();
});
$<HTMLSelectElement>('me-l2').addEventListener('change', (event) => {
  state.l2 = (event.target as HTMLSelectElement).value;
  changed();
});
$<HTMLSelectElement>('me-c').addEventListener('change', (event) => {
  state.C = (event.target as HTMLSelectElement).value;
  changed();
});
$<HTMLInputElement>('me-depth').addEventListener('input', (event) => {
  state.depth = Number((event.target as HTMLInputElement).value);
  changed();
});
$<HTMLInputElement>('me-folds').addEventListener('input', (event) => {
  state.folds = Number((event.target as HTMLInputElement).value);
  changed();
});
$<HTMLInputElement>('me-stratified').addEventListener('change', (event) => {
  state.strat = (event.target as HTMLInputElement).checked ? 1 : 0;
  changed();
});
$<HTMLInputElement>('me-test').addEventListener('input', (event) => {
  state.test = Number((event.target as HTMLInputElement).value);
  changed();
});
$<HTMLSelectElement>('me-positive').addEventListener('change', (event) => {
  state.pos = Number((event.target as HTMLSelectElement).value);
  showBinary().catch((error: Error) => say(status, `The engine said: ${error.message}`, 'error'));
});
$<HTMLInputElement>('me-threshold').addEventListener('input', (event) => {
  state.t = Number((event.target as HTMLInputElement).value);
  hash.write(state);
  drawBinary();
});
$<HTMLInputElement>('bv-degree').addEventListener('input', (event) => {
  state.deg = Number((event.target as HTMLInputElement).value);
  hash.write(state);
  drawBiasVariance();
});
$<HTMLInputElement>('bv-noise').addEventListener('input', (event) => {
  state.noise = Math.round(Number((event.target as HTMLInputElement).value) * 100);
  $('bv-noise-value').textContent = (state.noise / 100).toFixed(2);
  void runBiasVariance();
});
$<HTMLSelectElement>('bv-points').addEventListener('change', (event) => {
  state.pts = (event.target as HTMLSelectElement).value;
  void runBiasVariance();
});
function useOwn(text: string): void {
  useSource('own', text).catch((error: Error) => say(status, `The engine said: ${error.message}`, 'error'));
}
csvInput($<HTMLTextAreaElement>('me-csv-text'), $('me-csv-load'), $<HTMLInputElement>('me-csv-file'), useOwn);
window.addEventListener('resize', () => {
  drawBinary();
  drawBiasVariance();
});

async function start(): Promise<void> {
  showControls();
  const info = await showEngineStatus();
  if (!info) {
    say(status, 'The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  const wasOwn = state.data === 'own';
  if (wasOwn) {
    ownOpen = false;
    state.data = 'cancer';
  }
  void runBiasVariance();
  try {
    await useSource(state.data);
  } catch (error) {
    say(status, `The engine said: ${(error as Error).message}`, 'error');
  }
  if (wasOwn) say(status, 'Your own CSV is not kept in the link: showing the breast cancer data until you paste or upload one.');
}

setupExercise('model-evaluation', $<HTMLElement>('exercise'));
void start();
