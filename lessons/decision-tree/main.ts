// decision-tree: the controller. The engine worker reads the CSV, splits it, grows the tree, sweeps
// the depth, walks the held-out rows and predicts the regions; this page keeps the setup in the URL
// hash, sends the data and draws what comes back (tree.ts draws the tree, regions-plot.ts the
// decision regions, node-details.ts the chosen node and the held-out walk).
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { DecisionTreeResult, TreeCriterion, TreeMissing } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { HashState, choiceField, intField, textField } from '../../web/site/hash-state';
import { classColor } from '../../web/widgets/class-regions';
import { csvInput } from '../../web/widgets/csv-input';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { showHeldOutWalk, showNodeDetails } from './node-details';
import { drawRegions } from './regions-plot';
import { TreeView } from './tree';
import './decision-tree.css';

type Source = 'titanic' | 'iris' | 'own';
const DATA: Record<Exclude<Source, 'own'>, { url: string; target: string; credit: string }> = {
  titanic: {
    url: 'data/titanic/titanic.csv',
    target: 'survived',
    credit: 'Data: Titanic passengers and crew (2207 people; facts from Encyclopedia Titanica), from Debian r-cran-stablelearner 0.1-4 (GPL-2+).',
  },
  iris: {
    url: 'data/sklearn/iris.csv',
    target: 'species',
    credit: 'Data: Iris (R. A. Fisher, 1936; UCI Machine Learning Repository, CC BY 4.0), from Debian python3-sklearn 1.2.1.',
  },
};
const TITANIC_DROP = 'country,fare';
const SWEEP_DEPTH = 15;
const GRID = 160;
const SEED = 0;
const TEST_FRACTION = 0.2;

const hash = new HashState({
  source: choiceField<Source>('titanic', ['titanic', 'iris', 'own']),
  irisX: textField('petal_length', 300),
  irisY: textField('petal_width', 300),
  target: textField('', 300),
  drop: textField(TITANIC_DROP, 300),
  criterion: choiceField<TreeCriterion>('gini', ['gini', 'entropy']),
  depth: intField(3, 0, 15),
  minSplit: intField(2, 2, 100_000),
  minLeaf: intField(1, 1, 100_000),
  missing: choiceField<TreeMissing>('fill', ['fill', 'drop', 'error']),
  walk: intField(1, 1, 100_000),
});
type State = ReturnType<typeof hash.read>;
const state = hash.read();
/** The last settings the engine accepted: a refused change goes back to these. */
let good: State = { ...state };

const sourceSelect = $<HTMLSelectElement>('dt-source');
const irisX = $<HTMLSelectElement>('dt-iris-x');
const irisY = $<HTMLSelectElement>('dt-iris-y');
const targetSelect = $<HTMLSelectElement>('dt-target');
const criterionSelect = $<HTMLSelectElement>('dt-criterion');
const depthSlider = $<HTMLInputElement>('dt-depth');
const missingSelect = $<HTMLSelectElement>('dt-missing');
const featureList = document.querySelector<HTMLElement>('.dt-feature-list')!;
const dataMessage = $<HTMLElement>('dt-data-message');
const status = $<HTMLElement>('dt-status');

const engine = EngineClient.shared();
const treeView = new TreeView($<HTMLElement>('dt-tree'), (id) => showNode(id));
const depthChart = new LineChart($<HTMLElement>('dt-depth-plot'), {
  x: { label: 'max depth', range: [1, SWEEP_DEPTH] },
  y: { label: 'accuracy' },
  series: [
    { label: 'training accuracy', color: '#2563eb', points: true },
    { label: 'test accuracy', color: '#f97316', points: true },
  ],
  height: 240,
  description: 'Training and test accuracy of trees with max depth 1 to 15.',
});

let csv: string | null = null;
let result: DecisionTreeResult | null = null;
/** The paste/upload panel is open (the data shown may still be a bundled set until a CSV loads). */
let ownOpen = state.source === 'own';

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

// ---- fields ---------------------------------------------------------------------------------

const minSplitField = numberField($<HTMLInputElement>('dt-min-split'), document.getElementById('dt-min-split-message')!, {
  label: 'Min samples split',
  min: 2,
  max: 100_000,
  onChange(value) {
    state.minSplit = value;
    changed();
  },
});
const minLeafField = numberField($<HTMLInputElement>('dt-min-leaf'), document.getElementById('dt-min-leaf-message')!, {
  label: 'Min samples leaf',
  min: 1,
  max: 100_000,
  onChange(value) {
    state.minLeaf = value;
    changed();
  },
});
const walkField = numberField($<HTMLInputElement>('dt-walk-row'), document.getElementById('dt-walk-row-message')!, {
  label: 'Held-out row',
  min: 1,
  max: 100_000,
  onChange(value) {
    state.walk = value;
    hash.write(state);
    showWalk();
  },
});

// ---- one engine operation at a time ---------------------------------------------------------------

let queue: Promise<void> = Promise.resolve();
let generation = 0;
function refit(): void {
  const mine = ++generation;
  queue = queue.then(async () => {
    if (mine === generation) await fit();
  });
}
function changed(): void {
  showControls();
  refit();
}

function dropList(): string[] {
  return state.drop.split(',').filter((name) => name !== '');
}

function targetOf(): string {
  return state.source === 'own' ? state.target : DATA[state.source].target;
}

async function fit(): Promise<void> {
  if (csv === null) return;
  say('Growing the tree…');
  const features = state.source === 'iris' ? [state.irisX, state.irisY] : [];
  try {
    const r = await engine.run('decisionTree.fit', {
      csv,
      target: targetOf(),
      features,
      drop: state.source === 'iris' ? [] : dropList(),
      missing: state.missing,
      criterion: state.criterion,
      maxDepth: state.depth,
      minSamplesSplit: state.minSplit,
      minSamplesLeaf: state.minLeaf,
      testFraction: TEST_FRACTION,
      seed: SEED,
      sweepDepth: SWEEP_DEPTH,
      gridSize: GRID,
    });
    result = r;
    good = { ...state };
    dataMessage.textContent = '';
    hash.write(state);
    show(r);
  } catch (error) {
    const message = (error as Error).message;
    const kept = result ? ' The tree shown is still the last one that worked.' : '';
    dataMessage.textContent = `The engine could not grow this tree: ${message}.${kept}`;
    if (result) {
      Object.assign(state, good);
      showControls();
      say('Kept the previous settings.');
    } else {
      say('No tree yet: fix the data or the settings above.', 'error');
    }
  }
}

// ---- drawing -----------------------------------------------------------------------------------

function show(r: DecisionTreeResult): void {
  $('dt-train-acc').textContent = pct(r.trainAccuracy);
  $('dt-test-acc').textContent = pct(r.testAccuracy);
  $('dt-tree-depth').textContent = String(r.depth);
  $('dt-leaves').textContent = String(r.leaves);
  $('dt-rows').textContent = `${r.trainRows} · ${r.testRows}`;
  const notes: string[] = [];
  const counts = r.classes.map((c, i) => `${r.classCounts[i]} ${c}`).join(', ');
  notes.push(`${r.rows} rows (${counts}); ${r.featureNames.length} features after one-hot encoding.`);
  if (r.droppedRows) notes.push(`Left out ${r.droppedRows} rows with empty cells.`);
  for (const f of r.filled) notes.push(`Filled ${f.cells} empty '${f.column}' cells with ${f.value}.`);
  $('dt-data-note').textContent = notes.join(' ');
  treeView.draw(r);
  $('dt-legend').replaceChildren(
    ...r.classes.map((c, i) => {
      const item = document.createElement('span');
      const swatch = document.createElement('span');
      swatch.className = 'dt-swatch';
      swatch.style.background = classColor(i);
      item.append(swatch, `${r.target} = ${c}`);
      return item;
    }),
  );
  showImportances(r);
  depthChart.setData(
    Array.from(r.sweep.trainAccuracy, (_, i) => i + 1),
    [Array.from(r.sweep.trainAccuracy), Array.from(r.sweep.testAccuracy)],
  );
  drawRegions(r, { x: state.irisX, y: state.irisY });
  walkField.setMax(r.testRows);
  if (state.walk > r.testRows) state.walk = 1;
  walkField.set(state.walk);
  showWalk();
  say(`Grew a ${state.criterion === 'gini' ? 'Gini' : 'entropy'} tree of depth ${r.depth} with ${r.leaves} leaves on ${r.trainRows} training rows.`);
}

function showImportances(r: DecisionTreeResult): void {
  const order = Array.from(r.importances, (v, i) => [v, i] as const)
    .filter(([v]) => v > 0)
    .sort((a, b) => b[0] - a[0]);
  const list = $('dt-importances');
  if (order.length === 0) {
    const item = document.createElement('li');
    item.textContent = 'The tree is a single leaf: no feature is used.';
    list.replaceChildren(item);
    return;
  }
  list.replaceChildren(
    ...order.map(([v, i]) => {
      const item = document.createElement('li');
      item.dataset.feature = r.featureNames[i];
      const name = document.createElement('span');
      name.className = 'dt-imp-name';
      name.textContent = r.featureNames[i];
      const bar = document.createElement('span');
      bar.className = 'dt-imp-bar';
      bar.style.width = `${(100 * v) / order[0][0]}%`;
      const value = document.createElement('span');
      value.className = 'dt-imp-value';
      value.textContent = v.toFixed(3);
      const track = document.createElement('span');
      track.className = 'dt-imp-track';
      track.append(bar);
      item.append(name, track, value);
      return item;
    }),
  );
}

/** The details of node `id` under the tree, and its path lit up. */
function showNode(id: number): void {
  if (!result) return;
  treeView.select(id);
  showNodeDetails(result, id, state.criterion);
}

function showWalk(): void {
  if (!result) return;
  showNode(showHeldOutWalk(result, state.walk, state.source === 'titanic' ? 'passenger' : 'row'));
}

// ---- controls ----------------------------------------------------------------------------------

function showControls(): void {
  sourceSelect.value = ownOpen ? 'own' : state.source;
  criterionSelect.value = state.criterion;
  depthSlider.value = String(state.depth);
  $('dt-depth-value').textContent = state.depth === 0 ? 'no limit' : String(state.depth);
  missingSelect.value = state.missing;
  minSplitField.set(state.minSplit);
  minLeafField.set(state.minLeaf);
  for (const el of document.querySelectorAll<HTMLElement>('.dt-iris')) el.hidden = state.source !== 'iris';
  for (const el of document.querySelectorAll<HTMLElement>('.dt-own-only')) el.hidden = state.source !== 'own';
  $('dt-own').hidden = !ownOpen;
  $('dt-features').hidden = state.source === 'iris';
  $('dt-credit').textContent = state.source === 'own' ? '' : DATA[state.source].credit;
  if (state.source === 'iris') {
    irisX.value = state.irisX;
    irisY.value = state.irisY;
  }
  showFeatureBoxes();
}

let header: string[] = [];
function showFeatureBoxes(): void {
  const target = targetOf();
  const dropped = new Set(dropList());
  featureList.replaceChildren(
    ...header
      .filter((h) => h !== target)
      .map((h) => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = !dropped.has(h);
        box.dataset.column = h;
        box.addEventListener('change', () => {
          const now = new Set(dropList());
          if (box.checked) now.delete(h);
          else now.add(h);
          state.drop = header.filter((c) => now.has(c)).join(',');
          changed();
        });
        label.append(box, ` ${h}`);
        return label;
      }),
  );
}

function fillSelect(select: HTMLSelectElement, names: string[], chosen: string): void {
  select.replaceChildren(...names.map((name) => new Option(name, name, false, name === chosen)));
}

/** Fetches a bundled data set, or reads the pasted CSV, and fits. */
async function useSource(source: Source, text?: string): Promise<void> {
  if (source === 'own') {
    if (text === undefined) return;
    const columns = (await engine.run('decisionTree.header', { csv: text }).catch((error: Error) => {
      dataMessage.textContent = `Could not read the CSV: ${error.message}.${result ? ' Keeping the current tree.' : ''}`;
      return null;
    }));
    if (!columns) return;
    const previous = { csv, header, source: state.source, target: state.target, drop: state.drop };
    csv = text;
    header = columns;
    state.source = 'own';
    if (!header.includes(state.target)) state.target = header[header.length - 1];
    state.drop = '';
    fillSelect(targetSelect, header, state.target);
    showControls();
    await fit();
    if (result === null || good.source !== 'own') {
      // The engine refused the new CSV: back to what was shown.
      ({ csv, header } = previous);
      Object.assign(state, { source: previous.source, target: previous.target, drop: previous.drop });
      showControls();
    }
    return;
  }
  say(`Loading the ${source === 'titanic' ? 'Titanic' : 'Iris'} data…`);
  const response = await fetch(new URL(DATA[source].url, siteRoot()));
  if (!response.ok) throw new Error(`could not fetch ${DATA[source].url}: HTTP ${response.status}`);
  csv = await response.text();
  header = await engine.run('decisionTree.header', { csv });
  state.source = source;
  if (source === 'iris') {
    const features = header.filter((h) => h !== DATA.iris.target);
    if (!features.includes(state.irisX)) state.irisX = 'petal_length';
    if (!features.includes(state.irisY) || state.irisY === state.irisX) state.irisY = features.find((f) => f !== state.irisX)!;
    fillSelect(irisX, features, state.irisX);
    fillSelect(irisY, features, state.irisY);
  }
  showControls();
  await fit();
}

sourceSelect.addEventListener('change', () => {
  const source = sourceSelect.value as Source;
  ownOpen = source === 'own';
  if (source === 'own') {
    showControls();
    say('Paste a CSV or choose a file; until then the current tree stays.');
    $<HTMLTextAreaElement>('dt-csv-text').focus();
    return;
  }
  if (source === 'titanic') state.drop = TITANIC_DROP;
  queue = queue.then(() => useSource(source)).catch((error: Error) => say(`The engine said: ${error.message}`, 'error'));
});
criterionSelect.addEventListener('change', () => {
  state.criterion = criterionSelect.value as TreeCriterion;
  changed();
});
depthSlider.addEventListener('input', () => {
  state.depth = Number(depthSlider.value);
  changed();
});
missingSelect.addEventListener('change', () => {
  state.missing = missingSelect.value as TreeMissing;
  changed();
});
for (const [select, key] of [[irisX, 'irisX'], [irisY, 'irisY']] as const) {
  select.addEventListener('change', () => {
    state[key] = select.value;
    changed();
  });
}
targetSelect.addEventListener('change', () => {
  state.target = targetSelect.value;
  state.drop = '';
  changed();
});
function useOwn(text: string): void {
  queue = queue.then(() => useSource('own', text)).catch((error: Error) => say(`The engine said: ${error.message}`, 'error'));
}
csvInput($<HTMLTextAreaElement>('dt-csv-text'), $('dt-csv-load'), $<HTMLInputElement>('dt-csv-file'), useOwn);
$('dt-walk-random').addEventListener('click', () => {
  if (!result) return;
  // NOTE: which row to show is a UI choice, not model math.
  state.walk = 1 + Math.floor(Math.random() * result.testRows);
  walkField.set(state.walk);
  hash.write(state);
  showWalk();
});
window.addEventListener('resize', () => result && drawRegions(result, { x: state.irisX, y: state.irisY }));

async function start(): Promise<void> {
  showControls();
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  const wasOwn = state.source === 'own';
  const source = wasOwn ? 'titanic' : state.source;
  if (wasOwn) state.drop = TITANIC_DROP;
  queue = queue.then(() => useSource(source)).catch((error: Error) => say(`The engine said: ${error.message}`, 'error'));
  await queue;
  if (wasOwn) say('Your own CSV is not kept in the link: showing the Titanic data until you paste or upload one.');
}

setupExercise('decision-tree', $<HTMLElement>('exercise'));
void start();
