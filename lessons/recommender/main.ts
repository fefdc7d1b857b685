// recommender: the controller. The engine worker downloads and parses the MovieLens ratings, finds
// the users most like you by three similarities, predicts and ranks movies, evaluates everything on
// held-out ratings and trains the matrix factorization; this page keeps your ratings and the settings
// in the URL hash, and draws what comes back (matrix factorization: factorization-panel.ts).
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { RecommenderCatalog, RecommenderData, RecommenderMethod, RecommenderSimilarity } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { engineQueue } from '../../web/site/engine-queue';
import { type Field, HashState, choiceField, decimalHash, intField } from '../../web/site/hash-state';
import { setupExercise } from '../../web/widgets/exercise';
import { numberField } from '../../web/widgets/number-field';
import { FactorizationPanel } from './factorization-panel';
import { STARS, movieLabel, predictionItems, ratingItem, searchTitles } from './movie-list';
import { ScatterView } from './scatter-view';
import './recommender.css';

const SIMILARITIES = ['dot', 'cosine', 'centered'] as const satisfies readonly RecommenderSimilarity[];
const SIM_NAMES: Record<RecommenderSimilarity, string> = { dot: 'dot product', cosine: 'cosine', centered: 'centred cosine' };
const TOP = 10, NEIGHBOURS = 10, POPULAR = 12, SEARCH_RESULTS = 8;
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

const status = $('rec-status');
const search = $<HTMLInputElement>('rec-search');
const simSelect = $<HTMLSelectElement>('rec-sim');
const scatter = new ScatterView($<HTMLCanvasElement>('rec-scatter'));
const engine = EngineClient.shared();
let catalog: RecommenderCatalog | null = null;
const indexOf = new Map<number, number>(); // movie id → position in the catalog
let recommendation: RecommenderMethod[] | null = null;

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};
const count = (n: number) => n.toLocaleString('en-US');

// ---- movies and your ratings ----------------------------------------------------------------------

/** Your ratings of movies in the catalog, in the order you rated them. */
function yourRatings(): { movieIds: number[]; ratings: number[] } {
  const movieIds = [...state.r.keys()].filter((id) => indexOf.has(id));
  return { movieIds, ratings: movieIds.map((id) => state.r.get(id)!) };
}

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

// Recommendations and the held-out table: of several quick requests only the newest runs. Training
// has its own queue in the panel, so a long training never holds up the recommendations.
const cfQueue = engineQueue((error) => say(`The engine said: ${error.message}`, 'error'));

const factorization = new FactorizationPanel({
  engine,
  data: DATA,
  top: TOP,
  similarityNames: SIM_NAMES,
  yourRatings: () => (catalog ? yourRatings() : null),
  titleOf,
  save: saveState,
}, state);

function ratingsChanged(): void {
  cfQueue.latest(refreshRecommendations);
  factorization.retrain();
}

// ---- user–user collaborative filtering -------------------------------------------------------------

async function refreshRecommendations(): Promise<void> {
  if (!catalog) return;
  const { movieIds: ids, ratings } = yourRatings();
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
    ratings,
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
  say(`Recommendations for your ${ids.length} rating${ids.length === 1 ? '' : 's'}.`);
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

// ---- controls ---------------------------------------------------------------------------------

const kField = numberField($<HTMLInputElement>('rec-k'), document.getElementById('rec-k-message')!, {
  label: 'Neighbours per movie k',
  min: 1,
  max: 500,
  onChange(value) {
    state.k = value;
    saveState();
    cfQueue.latest(async () => {
      await refreshRecommendations();
      await factorization.evaluate();
    });
  },
});
const supportField = numberField($<HTMLInputElement>('rec-support'), document.getElementById('rec-support-message')!, {
  label: 'Least neighbours behind a pick',
  min: 1,
  max: 500,
  onChange(value) {
    state.support = value;
    saveState();
    cfQueue.latest(refreshRecommendations);
  },
});

search.addEventListener('input', renderSearch);
simSelect.addEventListener('change', () => {
  state.sim = simSelect.value as RecommenderSimilarity;
  saveState();
  renderNeighbours();
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
  say('Loading MovieLens dataset…');
  catalog = await engine.run('recommender.load', DATA, {
    onProgress(p) {
      if (p.stage === 'parse') {
        progressBar.removeAttribute('value');
        say('Reading the ratings into a sparse matrix…');
      } else if (p.total > 0) {
        progressBar.value = p.loaded / p.total;
        say(`Downloading the ratings: ${(p.loaded / 1e6).toFixed(1)} of ${(p.total / 1e6).toFixed(1)} MB…`);
      }
    },
  });
  catalog.ids.forEach((id, i) => indexOf.set(id, i));
  $('rec-loading').hidden = true;
  search.disabled = false;
  say(`Loaded ${count(catalog.ratings)} ratings from ${count(catalog.users)} users on ${count(catalog.movies)} movies.`);
  $('rec-popular').replaceChildren(...Array.from({ length: POPULAR }, (_, i) => movieItem(i)));
  for (const id of state.r.keys()) if (!indexOf.has(id)) state.r.delete(id);
  renderMine();
  renderSearch();
}

async function start(): Promise<void> {
  kField.set(state.k);
  supportField.set(state.support);
  simSelect.value = state.sim;
  factorization.showSettings();
  saveState();
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  try {
    await load();
  } catch (error) {
    say(`Could not load the ratings: ${(error as Error).message}. Reload the page to try again.`, 'error');
    return;
  }
  factorization.enable();
  // Recommendations first (what the learner came for), then the held-out table, then training.
  cfQueue.latest(async () => {
    await refreshRecommendations();
    await factorization.evaluate();
    factorization.retrain();
  });
}

setupExercise('recommender', $<HTMLElement>('exercise'));
void start();
