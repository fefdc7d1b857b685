// model-evaluation: the controller. The engine worker cross-validates the chosen model one fold at a
// time, scores the held-out test set, builds the ROC / precision–recall / calibration view and the
// threshold table, grows the learning curve and runs the bias–variance experiment; this page keeps
// the setup in the URL hash, cancels stale runs when a control moves, and draws what comes back.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { EvalBiasVarianceResult, EvalBinaryResult, EvalCvResult, EvalModelKind, EvalSetup, EvalSplit } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { HashState, choiceField, intField, textField } from '../../web/site/hash-state';
import { csvInput } from '../../web/widgets/csv-input';
import { setupExercise } from '../../web/widgets/exercise';
import { numberField } from '../../web/widgets/number-field';
import { BiasVarianceView } from './bias-variance-view';
import { DATA_SETS, type Source } from './data-sets';
import { LearningCurveView } from './learning-curve-view';
import { drawConfusion, drawFoldTable, drawPerClass, drawSplit, fixed } from './results-view';
import { drawThresholdView, fillPositive } from './threshold-view';
import './model-evaluation.css';

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
const curveView = new LearningCurveView();
let running: AbortController | null = null;

// ---- fields ---------------------------------------------------------------------------------------

/** A whole-number box for one model or split setting; a valid new value re-evaluates. */
function settingField(testId: string, label: string, min: number, max: number, key: 'k' | 'trees' | 'seed') {
  return numberField($<HTMLInputElement>(testId), document.getElementById(`${testId}-message`)!, {
    label,
    min,
    max,
    onChange(value) {
      state[key] = value;
      changed();
    },
  });
}
const kField = settingField('me-k', 'Neighbours k', 1, 1000, 'k');
const treesField = settingField('me-trees', 'Trees', 1, 500, 'trees');
const seedField = settingField('me-seed', 'Seed', 0, 1_000_000_000, 'seed');

// ---- the cross-validation run ------------------------------------------------------------------------

function targetOf(): string {
  return state.data === 'own' ? state.target : DATA_SETS[state.data].target;
}

function setupParams(): EvalSetup {
  return {
    csv: csv!,
    target: targetOf(),
    drop: state.data === 'own' ? [] : DATA_SETS[state.data].drop,
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
  fillPositive(cv.split.classes, state.pos);
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
        curveView.draw(p.curve);
        say(curveStatus, `Trained on ${p.curve.sizes[p.done - 1]} rows (${p.done} of ${p.total} sizes)…`);
      },
    },
  );
  if (running !== controller || r.stopped) return;
  running = null;
  curveView.draw(r.curve);
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

function drawBinary(): void {
  if (binary && cv) drawThresholdView(binary, cv.split.classes[state.pos], state.t);
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
  $('me-credit').textContent = state.data === 'own' ? 'Data: your own CSV (it stays in this browser tab).' : DATA_SETS[state.data].credit;
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
  const response = await fetch(new URL(DATA_SETS[source].url, siteRoot()));
  if (!response.ok) throw new Error(`could not fetch ${DATA_SETS[source].url}: HTTP ${response.status}`);
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
