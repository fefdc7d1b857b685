// recommender: the controller. The engine worker downloads and parses the MovieLens ratings, finds
// the users most like you by three similarities, predicts and ranks movies, evaluates everything on
// held-out ratings and trains the matrix factorization; this page keeps your ratings and the settings
// in the URL hash, and draws what comes back.
import { EngineClient, siteRoot } from '../../web/engine/client';
import type {
  RecommenderCatalog,
  RecommenderData,
  RecommenderEvaluateResult,
  RecommenderMethod,
  RecommenderSimilarity,
  RecommenderTrainProgress,
  RecommenderTrainResult,
} from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { type Field, HashState, choiceField, decimalHash, intField } from '../../web/site/hash-state';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { STARS, movieLabel, predictionItems, ratingItem, searchTitles } from './movie-list';
import { ScatterView } from './scatter-view';
import './recommender.css';

const SIMILARITIES = ['dot', 'cosine', 'centered'] as const satisfies readonly RecommenderSimilarity[];
const SIM_NAMES: Record<RecommenderSimilarity, string> = { dot: 'dot product', cosine: 'cosine', centered: 'centred cosine' };
const TOP = 10, NEIGHBOURS = 10, POPULAR = 12, SEARCH_RESULTS = 8;
const TEST_FRACTION = 0.1, SEED = 1, MF_MIN_RATINGS = 10;
const DATA: RecommenderData = {
  ratingsUrl: new URL('data/movielens/ratings.csv', siteRoot()).href,
  moviesUrl: new URL('data/movielens/movies.csv', siteRoot()).href,
};

/** Your ratings in the hash: "2571:5,1721:2,1:4" (movie id: stars), in the order you rated them. */
function ratingsField(defaultValue: Map<number, number>): Field<Map<number, number>> {
  return {
    defaultValue,
    parse(text) {
      const out = new Map<number, number>();
      for (const item of text.split(',').filter((s) => s !== '')) {
        const [id, stars] = item.split(':').map(Number);
        if (!Number.isInteger(id) || id < 0 || !STARS.includes(stars) || out.has(id) || out.size >= 500) return undefined;
        out.set(id, stars);
      }
      return out;
    },
    format: (value) => [...value].map(([id, stars]) => `${id}:${stars}`).join(','),
  };
}

// The Matrix 5, Titanic 2, Toy Story 4: the ratings of the project's example session.
const hash = new HashState({
  r: ratingsField(new Map([[2571, 5], [1721, 2], [1, 4]])),
  sim: choiceField<RecommenderSimilarity>('dot', SIMILARITIES),
  k: intField(30, 1, 500),
  support: intField(10, 1, 500),
  factors: intField(20, 1, 200),
  epochs: intField(20, 1, 1000),
  lr: decimalHash(0.01, 0.0001, 0.5),
  reg: decimalHash(0.05, 0, 5),
  center: choiceField<'1' | '0'>('1', ['1', '0']),
});
const state = hash.read();
const saveState = () => hash.write(state);

const $ = <T extends HTMLElement>(testId: string) => document.querySelector<T>(`[data-testid="${testId}"]`)!;
const status = $('rec-status');
const mfStatus = $('rec-mf-status');
const search = $<HTMLInputElement>('rec-search');
const simSelect = $<HTMLSelectElement>('rec-sim');
const centerBox = $<HTMLInputElement>('rec-center');
const trainButton = $<HTMLButtonElement>('rec-train');
const scatter = new ScatterView($<HTMLCanvasElement>('rec-scatter'));
const lossChart = new LineChart($<HTMLElement>('rec-loss'), {
  x: { label: 'epoch' },
  y: { label: 'RMSE (stars)' },
  series: [
    { label: 'training RMSE', color: '#2563eb' },
    { label: 'held-out RMSE', color: '#ea580c' },
    { label: 'baseline μ + b_u + b_i (held out)', color: '#0f172a', dash: [6, 4], width: 1.5 },
  ],
  height: 240,
  description: 'Training and held-out root mean squared error of the matrix factorization against the epoch, with the held-out error of the mean-and-biases baseline as a dashed line.',
});

const engine = EngineClient.shared();
let catalog: RecommenderCatalog | null = null;
const indexOf = new Map<number, number>(); // movie id → position in the catalog
let recommendation: RecommenderMethod[] | null = null;
let evaluation: RecommenderEvaluateResult | null = null;
let mfResult: RecommenderTrainResult | null = null;
let training: AbortController | null = null;
let curve = { epoch: [] as number[], train: [] as (number | null)[], test: [] as (number | null)[] };

const say = (element: HTMLElement, text: string, kind: 'info' | 'error' = 'info') => {
  element.textContent = text;
  element.dataset.state = kind;
};
const rmse = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));
const count = (n: number) => n.toLocaleString('en-US');
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

// ---- movies and your ratings ----------------------------------------------------------------------

function titleOf(movieId: number): string {
  const i = indexOf.get(movieId);
  return i === undefined ? `movie ${movieId}` : movieLabel(catalog!, i);
}

function movieItem(i: number): HTMLLIElement {
  const id = catalog!.ids[i];
  return ratingItem(catalog!, i, state.r.get(id), (stars) => rate(id, stars));
}

function rate(id: number, stars: number | null): void {
  const wasRated = state.r.has(id);
  if (stars === null) state.r.delete(id);
  else state.r.set(id, stars);
  saveState();
  for (const select of document.querySelectorAll<HTMLSelectElement>(`li[data-movie="${id}"] select`)) {
    select.value = stars === null ? '' : String(stars);
  }
  if (wasRated !== (stars !== null)) renderMine();
  ratingsChanged();
}

function renderMine(): void {
  const list = $('rec-mine');
  const hadFocus = list.contains(document.activeElement);
  list.replaceChildren(...[...state.r.keys()].filter((id) => indexOf.has(id)).map((id) => movieItem(indexOf.get(id)!)));
  $('rec-count').textContent = String(list.children.length);
  $('rec-mine-empty').hidden = list.children.length > 0;
  if (hadFocus) (list.querySelector('select') ?? $('rec-clear')).focus();
}

function renderSearch(): void {
  const results = $('rec-search-results');
  const query = search.value;
  if (!catalog || query.trim().length < 2) {
    results.replaceChildren();
    return;
  }
  const found = searchTitles(catalog, query, SEARCH_RESULTS);
  if (found.length === 0) {
    const none = document.createElement('li');
    none.className = 'rec-none';
    none.textContent = `No title contains “${query.trim()}”.`;
    results.replaceChildren(none);
    return;
  }
  results.replaceChildren(...found.map(movieItem));
}

// ---- one engine job of each kind at a time ---------------------------------------------------------

function queue() {
  let tail: Promise<void> = Promise.resolve();
  let generation = 0;
  /** Runs fn after the jobs before it; of several quick requests only the newest runs. */
  return (fn: () => Promise<void>, onError: (message: string) => void) => {
    const mine = ++generation;
    tail = tail
      .then(() => (mine === generation ? fn() : undefined))
      .catch((error: unknown) => onError((error as Error).message));
    return tail;
  };
}
const cfQueue = queue();
const mfQueue = queue();

function ratingsChanged(): void {
  void cfQueue(refreshRecommendations, (m) => say(status, `The engine said: ${m}`, 'error'));
  retrain();
}

// ---- user–user collaborative filtering -------------------------------------------------------------

async function refreshRecommendations(): Promise<void> {
  if (!catalog) return;
  const ids = [...state.r.keys()].filter((id) => indexOf.has(id));
  if (ids.length === 0) {
    recommendation = null;
    for (const s of SIMILARITIES) {
      $(`rec-list-${s}`).replaceChildren();
      $(`rec-summary-${s}`).textContent = 'Rate at least one movie to find users like you.';
    }
    renderNeighbours();
    return;
  }
  const result = await engine.run('recommender.recommend', {
    data: DATA,
    movieIds: ids,
    ratings: ids.map((id) => state.r.get(id)!),
    k: state.k,
    top: TOP,
    minSupport: state.support,
    neighbours: NEIGHBOURS,
  });
  recommendation = result.methods;
  for (const method of result.methods) {
    const n = method.neighbours;
    $(`rec-summary-${method.similarity}`).textContent =
      `Its 10 nearest users rated ${count(Math.round(n.meanCount))} movies on average (everyone: ${Math.round(method.users.meanCount)}). ` +
      `${count(method.users.positive)} users are similar, ${count(method.users.negative)} opposite.`;
    const list = $(`rec-list-${method.similarity}`);
    list.replaceChildren(...predictionItems(method.items, titleOf, (support) => `${support} neighbours`));
    if (method.items.movieIds.length === 0) {
      const none = document.createElement('li');
      none.className = 'rec-none';
      none.textContent = `No movie has ${state.support} or more similar users behind it: lower “Least neighbours” or rate more movies.`;
      list.replaceChildren(none);
    }
  }
  renderNeighbours();
  say(status, `Recommendations for your ${ids.length} rating${ids.length === 1 ? '' : 's'}.`);
}

function renderNeighbours(): void {
  const body = $('rec-neighbours').querySelector('tbody')!;
  const method = recommendation?.find((m) => m.similarity === state.sim);
  if (!method) {
    body.replaceChildren();
    scatter.draw(new Int32Array(0), new Float64Array(0), new Int32Array(0), 'similarity');
    return;
  }
  const n = method.neighbours;
  body.replaceChildren(
    ...Array.from(n.userIds, (id, r) => {
      const row = document.createElement('tr');
      const sim = n.similarities[r];
      for (const text of [String(id), Math.abs(sim) >= 1 ? String(+sim.toFixed(2)) : sim.toFixed(4), String(n.overlaps[r]), count(n.counts[r])]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }),
  );
  scatter.draw(method.users.counts, method.users.similarities, n.indices, `${SIM_NAMES[method.similarity]} to you`);
}

// ---- held-out evaluation and matrix factorization ---------------------------------------------------

async function evaluate(): Promise<void> {
  const body = $('rec-eval').querySelector('tbody')!;
  body.replaceChildren(row('computing…', ''));
  evaluation = await engine.run('recommender.evaluate', { data: DATA, k: state.k, testFraction: TEST_FRACTION, seed: SEED });
  renderEvaluation();
  $('rec-mf-baseline').textContent = rmse(evaluation.baselines.userItemBias);
  drawCurve();
}

function row(name: string, value: string, key = ''): HTMLTableRowElement {
  const tr = document.createElement('tr');
  if (key) tr.dataset.row = key;
  const a = document.createElement('td');
  a.textContent = name;
  const b = document.createElement('td');
  b.textContent = value;
  tr.append(a, b);
  return tr;
}

function renderEvaluation(): void {
  if (!evaluation) return;
  const b = evaluation.baselines;
  const rows = [
    row('global mean μ', rmse(b.globalMean), 'global'),
    row('each user’s mean', rmse(b.userMean), 'user'),
    row('each movie’s mean', rmse(b.itemMean), 'movie'),
    row('μ + b_u + b_i', rmse(b.userItemBias), 'bias'),
    ...evaluation.knn.map((s) => row(`user–user, ${SIM_NAMES[s.similarity]} (k = ${state.k})`, rmse(s.rmse), `knn-${s.similarity}`)),
  ];
  if (mfResult && mfResult.reason !== 'diverged') {
    rows.push(row(`matrix factorization (${mfResult.epochs} epochs)`, rmse(mfResult.testRmse), 'mf'));
  }
  $('rec-eval').querySelector('tbody')!.replaceChildren(...rows);
  $('rec-eval-note').textContent =
    `Trained on ${count(evaluation.train)} ratings, scored on the other ${count(evaluation.test)} (10% of each user’s). ` +
    `User–user rows predict each held-out rating from the ${state.k} most similar users who rated that movie.`;
}

function drawCurve(): void {
  const base = evaluation?.baselines.userItemBias ?? null;
  lossChart.setData(curve.epoch, [curve.train, curve.test, curve.epoch.map(() => base)]);
}

function retrain(): void {
  training?.abort();
  void mfQueue(train, (m) => say(mfStatus, `The engine said: ${m}`, 'error'));
}

async function train(): Promise<void> {
  if (!catalog) return;
  const controller = new AbortController();
  training = controller;
  trainButton.textContent = 'Stop';
  curve = { epoch: [], train: [], test: [] };
  const ids = [...state.r.keys()].filter((id) => indexOf.has(id));
  say(mfStatus, `Training ${state.factors} factors by SGD…`);
  try {
    const result = await engine.run(
      'recommender.train',
      {
        data: DATA,
        movieIds: ids,
        ratings: ids.map((id) => state.r.get(id)!),
        factors: state.factors,
        epochs: state.epochs,
        lr: state.lr,
        reg: state.reg,
        centered: state.center === '1',
        testFraction: TEST_FRACTION,
        seed: SEED,
        top: TOP,
        minRatings: MF_MIN_RATINGS,
        paceMs: reducedMotion() ? 0 : 40,
      },
      { signal: controller.signal, onProgress: showEpoch },
    );
    mfResult = result;
    showEpoch({ epoch: result.epochs, trainRmse: result.trainRmse, testRmse: result.testRmse });
    const list = $('rec-mf-list');
    list.replaceChildren(...predictionItems(result.items, titleOf, (support) => `${count(support)} ratings`));
    if (ids.length === 0) list.replaceChildren(Object.assign(document.createElement('li'), { className: 'rec-none', textContent: 'Rate a movie to get your own list.' }));
    renderEvaluation();
    const base = evaluation?.baselines.userItemBias;
    const versus = base === undefined ? '' : result.testRmse < base ? ', better than the baseline' : ', not better than the baseline';
    say(
      mfStatus,
      result.reason === 'diverged'
        ? `Diverged after ${result.epochs} epochs: the RMSE is no longer finite. Try a smaller learning rate.`
        : `${result.reason === 'stopped' ? 'Stopped' : 'Done'}: ${result.epochs} epochs, held-out RMSE ${rmse(result.testRmse)}${versus}.`,
      result.reason === 'diverged' ? 'error' : 'info',
    );
  } finally {
    if (training === controller) {
      training = null;
      trainButton.textContent = 'Train';
    }
  }
}

function showEpoch(p: RecommenderTrainProgress): void {
  if (curve.epoch.at(-1) !== p.epoch) {
    curve.epoch.push(p.epoch);
    curve.train.push(Number.isFinite(p.trainRmse) ? p.trainRmse : null);
    curve.test.push(Number.isFinite(p.testRmse) ? p.testRmse : null);
    drawCurve();
  }
  $('rec-mf-epoch').textContent = String(p.epoch);
  $('rec-mf-train').textContent = rmse(p.trainRmse);
  $('rec-mf-test').textContent = rmse(p.testRmse);
}

// ---- controls ---------------------------------------------------------------------------------

const kField = numberField($<HTMLInputElement>('rec-k'), document.getElementById('rec-k-message')!, {
  label: 'Neighbours per movie k',
  min: 1,
  max: 500,
  onChange(value) {
    state.k = value;
    saveState();
    void cfQueue(async () => {
      await refreshRecommendations();
      await evaluate();
    }, (m) => say(status, `The engine said: ${m}`, 'error'));
  },
});
const supportField = numberField($<HTMLInputElement>('rec-support'), document.getElementById('rec-support-message')!, {
  label: 'Least neighbours behind a pick',
  min: 1,
  max: 500,
  onChange(value) {
    state.support = value;
    saveState();
    void cfQueue(refreshRecommendations, (m) => say(status, `The engine said: ${m}`, 'error'));
  },
});
const mfChanged = () => {
  saveState();
  retrain();
};
const factorsField = numberField($<HTMLInputElement>('rec-factors'), document.getElementById('rec-factors-message')!, {
  label: 'Factors',
  min: 1,
  max: 200,
  onChange(value) {
    state.factors = value;
    mfChanged();
  },
});
const epochsField = numberField($<HTMLInputElement>('rec-epochs'), document.getElementById('rec-epochs-message')!, {
  label: 'Epochs',
  min: 1,
  max: 1000,
  onChange(value) {
    state.epochs = value;
    mfChanged();
  },
});
const lrField = decimalField($<HTMLInputElement>('rec-lr'), document.getElementById('rec-lr-message')!, {
  label: 'Learning rate',
  quote: 'not',
  format: formatSignificant6,
  min: 0.0001,
  max: 0.5,
  onChange(value) {
    state.lr = value;
    mfChanged();
  },
});
const regField = decimalField($<HTMLInputElement>('rec-reg'), document.getElementById('rec-reg-message')!, {
  label: 'Penalty λ',
  quote: 'not',
  format: formatSignificant6,
  min: 0,
  max: 5,
  onChange(value) {
    state.reg = value;
    mfChanged();
  },
});

search.addEventListener('input', renderSearch);
simSelect.addEventListener('change', () => {
  state.sim = simSelect.value as RecommenderSimilarity;
  saveState();
  renderNeighbours();
});
centerBox.addEventListener('change', () => {
  state.center = centerBox.checked ? '1' : '0';
  mfChanged();
});
trainButton.addEventListener('click', () => {
  if (training) training.abort();
  else retrain();
});
$('rec-clear').addEventListener('click', () => {
  const ids = [...state.r.keys()];
  state.r.clear();
  saveState();
  for (const id of ids) for (const select of document.querySelectorAll<HTMLSelectElement>(`li[data-movie="${id}"] select`)) select.value = '';
  renderMine();
  ratingsChanged();
});

// ---- start ------------------------------------------------------------------------------------

async function load(): Promise<void> {
  const progressBar = $<HTMLProgressElement>('rec-progress');
  say(status, 'Loading MovieLens dataset…');
  catalog = await engine.run('recommender.load', DATA, {
    onProgress(p) {
      if (p.stage === 'parse') {
        progressBar.removeAttribute('value');
        say(status, 'Reading the ratings into a sparse matrix…');
      } else if (p.total > 0) {
        progressBar.value = p.loaded / p.total;
        say(status, `Downloading the ratings: ${(p.loaded / 1e6).toFixed(1)} of ${(p.total / 1e6).toFixed(1)} MB…`);
      }
    },
  });
  catalog.ids.forEach((id, i) => indexOf.set(id, i));
  $('rec-loading').hidden = true;
  search.disabled = false;
  say(status, `Loaded ${count(catalog.ratings)} ratings from ${count(catalog.users)} users on ${count(catalog.movies)} movies.`);
  $('rec-popular').replaceChildren(...Array.from({ length: POPULAR }, (_, i) => movieItem(i)));
  for (const id of state.r.keys()) if (!indexOf.has(id)) state.r.delete(id);
  renderMine();
  renderSearch();
}

async function start(): Promise<void> {
  kField.set(state.k);
  supportField.set(state.support);
  factorsField.set(state.factors);
  epochsField.set(state.epochs);
  lrField.set(state.lr);
  regField.set(state.reg);
  simSelect.value = state.sim;
  centerBox.checked = state.center === '1';
  saveState();
  trainButton.disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    say(status, 'The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  try {
    await load();
  } catch (error) {
    say(status, `Could not load the ratings: ${(error as Error).message}. Reload the page to try again.`, 'error');
    return;
  }
  trainButton.disabled = false;
  // Recommendations first (what the learner came for), then the held-out table, then training.
  void cfQueue(async () => {
    await refreshRecommendations();
    await evaluate();
    retrain();
  }, (m) => say(status, `The engine said: ${m}`, 'error'));
}

setupExercise('recommender', $<HTMLElement>('exercise'));
void start();
