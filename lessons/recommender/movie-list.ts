// Lists of movies: a movie with its rating menu, title search, and a ranked list of predictions.
// Drawing and wiring only; the scores come from the engine.
import type { RecommenderCatalog, RecommenderPredictionList } from '../../web/engine/protocol';

/** The star ratings MovieLens uses. */
export const STARS = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

/** "Matrix, The (1999)" for catalog entry i. */
export function movieLabel(catalog: RecommenderCatalog, i: number): string {
  const year = catalog.years[i];
  return year > 0 ? `${catalog.titles[i]} (${year})` : catalog.titles[i];
}

/** One movie with its rating menu ("–" for not rated). Every copy of a movie's menu on the page
 *  carries data-movie, so the page can keep them in step. */
export function ratingItem(catalog: RecommenderCatalog, i: number, rating: number | undefined, onRate: (stars: number | null) => void): HTMLLIElement {
  const label = movieLabel(catalog, i);
  const item = document.createElement('li');
  item.dataset.movie = String(catalog.ids[i]);
  const text = document.createElement('span');
  text.className = 'rec-movie-text';
  const title = document.createElement('span');
  title.className = 'rec-title';
  title.textContent = label;
  const meta = document.createElement('span');
  meta.className = 'rec-meta';
  meta.textContent = `${catalog.counts[i].toLocaleString('en-US')} ratings · mean ${catalog.means[i].toFixed(1)}`;
  text.append(title, meta);
  const select = document.createElement('select');
  select.setAttribute('aria-label', `Your rating for ${label}`);
  select.append(new Option('–', ''), ...STARS.map((s) => new Option(`${s} ★`, String(s))));
  select.value = rating === undefined ? '' : String(rating);
  select.addEventListener('change', () => onRate(select.value === '' ? null : Number(select.value)));
  item.append(text, select);
  return item;
}

/** Catalog entries (most rated first) whose title contains the query; "the matrix" also finds
 *  "Matrix, The", as MovieLens writes it. */
export function searchTitles(catalog: RecommenderCatalog, query: string, limit: number): number[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  const forms = [q];
  const article = /^(the|a|an) (.+)$/.exec(q);
  if (article) forms.push(`${article[2]}, ${article[1]}`);
  const found: number[] = [];
  for (let i = 0; i < catalog.titles.length && found.length < limit; i++) {
    const title = catalog.titles[i].toLowerCase();
    if (forms.some((f) => title.includes(f))) found.push(i);
  }
  return found;
}

/** A ranked list: title, then "4.56 ★ · <support>". */
export function predictionItems(
  items: RecommenderPredictionList,
  titleOf: (movieId: number) => string,
  supportText: (support: number) => string,
): HTMLLIElement[] {
  return Array.from(items.movieIds, (id, r) => {
    const item = document.createElement('li');
    item.dataset.movie = String(id);
    const title = document.createElement('span');
    title.className = 'rec-title';
    title.textContent = titleOf(id);
    const score = document.createElement('span');
    score.className = 'rec-score';
    score.dataset.score = String(items.scores[r]);
    score.textContent = `${items.scores[r].toFixed(2)} ★ · ${supportText(items.supports[r])}`;
    item.append(title, score);
    return item;
  });
}
