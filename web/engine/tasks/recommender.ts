// recommender.load / .recommend / .evaluate / .train: the recommender lesson. The worker fetches the
// two MovieLens CSV files itself (streaming download progress), the engine parses them into a sparse
// rating matrix that stays in this worker, and the other tasks run on it. A fresh worker (after an
// error) reloads the files on its first task, since every task names them.
import type { Task } from '.';
import type { MlplayModule, Recommender } from '../../../bindings/mlplay';
import type { RecommenderData, RecommenderLoadProgress, RecommenderSimilarity } from '../protocol';
import { wholeNumber } from './check';

const SIMILARITIES: readonly RecommenderSimilarity[] = ['dot', 'cosine', 'centered'];
const REPORT_MS = 50;

let loaded: { key: string; recommender: Promise<Recommender> } | null = null;

function finiteNumber(task: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${task}: ${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkRatings(task: string, movieIds: unknown, ratings: unknown): { movieIds: number[]; ratings: number[] } {
  if (!Array.isArray(movieIds) || !Array.isArray(ratings) || movieIds.length !== ratings.length) {
    throw new Error(`${task}: movieIds and ratings must be arrays of the same length`);
  }
  movieIds.forEach((id, i) => wholeNumber(task, `movieIds[${i}]`, id, 0, 2 ** 31 - 1));
  ratings.forEach((r, i) => finiteNumber(task, `ratings[${i}]`, r, 0, 10));
  return { movieIds, ratings };
}

/** Downloads a text file, calling onBytes with the bytes received so far. */
async function download(url: string, onBytes: (bytes: number, total: number) => void): Promise<string> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`recommender.load: could not fetch ${url}: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    text += decoder.decode(value, { stream: true });
    onBytes(bytes, total);
  }
  return text + decoder.decode();
}

/** The engine's Recommender for these files, loading them when this worker has not yet (tasks that
 *  arrive while a load is under way wait for that same load). */
function recommenderFor(
  engine: MlplayModule,
  data: RecommenderData,
  report: (p: RecommenderLoadProgress) => void = () => {},
): Promise<Recommender> {
  if (typeof data?.ratingsUrl !== 'string' || typeof data?.moviesUrl !== 'string') {
    throw new Error('recommender: data must name ratingsUrl and moviesUrl');
  }
  const key = `${data.ratingsUrl}\n${data.moviesUrl}`;
  if (loaded?.key === key) return loaded.recommender;
  const previous = loaded?.recommender;
  const recommender = load(engine, data, report);
  loaded = { key, recommender };
  recommender.then(
    () => previous?.then((old) => old.delete(), () => {}),
    () => {
      if (loaded?.recommender === recommender) loaded = null;
    },
  );
  return recommender;
}

async function load(engine: MlplayModule, data: RecommenderData, report: (p: RecommenderLoadProgress) => void): Promise<Recommender> {
  const bytes = [0, 0], totals = [0, 0];
  let last = 0;
  const onBytes = (file: number) => (n: number, total: number) => {
    bytes[file] = n;
    totals[file] = total;
    const now = performance.now();
    if (now - last < REPORT_MS) return;
    last = now;
    report({ stage: 'download', loaded: bytes[0] + bytes[1], total: totals[0] && totals[1] ? totals[0] + totals[1] : 0 });
  };
  const [ratings, movies] = await Promise.all([download(data.ratingsUrl, onBytes(0)), download(data.moviesUrl, onBytes(1))]);
  report({ stage: 'parse', loaded: bytes[0] + bytes[1], total: bytes[0] + bytes[1] });
  return new engine.Recommender(ratings, movies);
}

export const recommenderLoad: Task<'recommender.load'> = async (params, { engine, progress }) => {
  const recommender = await recommenderFor(engine, params, progress);
  const summary = recommender.summary();
  return { ...summary, ...recommender.movies() };
};

export const recommenderRecommend: Task<'recommender.recommend'> = async (params, { engine }) => {
  const task = 'recommender.recommend';
  const { movieIds, ratings } = checkRatings(task, params.movieIds, params.ratings);
  const k = wholeNumber(task, 'k', params.k, 1, 500);
  const top = wholeNumber(task, 'top', params.top, 1, 100);
  const minSupport = wholeNumber(task, 'minSupport', params.minSupport, 1, 500);
  const neighbours = wholeNumber(task, 'neighbours', params.neighbours, 0, 1000);
  const recommender = await recommenderFor(engine, params.data);
  const methods = SIMILARITIES.map((similarity) => ({
    similarity,
    ...recommender.recommend(movieIds, ratings, similarity, k, top, minSupport, neighbours),
  }));
  return { methods };
};

export const recommenderEvaluate: Task<'recommender.evaluate'> = async (params, { engine, cancelled, yield: pause }) => {
  const task = 'recommender.evaluate';
  const k = wholeNumber(task, 'k', params.k, 1, 500);
  const testFraction = finiteNumber(task, 'testFraction', params.testFraction, 0.01, 0.5);
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 32);
  const recommender = await recommenderFor(engine, params.data);
  const { train, test, ...baselines } = recommender.baselines(testFraction, seed);
  const knn = [];
  for (const similarity of SIMILARITIES) {
    await pause();
    if (cancelled()) break;
    knn.push({ similarity, ...recommender.evaluate(similarity, k, testFraction, seed) });
  }
  return { train, test, baselines, knn };
};

export const recommenderTrain: Task<'recommender.train'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const task = 'recommender.train';
  const { movieIds, ratings } = checkRatings(task, params.movieIds, params.ratings);
  const factors = wholeNumber(task, 'factors', params.factors, 1, 200);
  const epochs = wholeNumber(task, 'epochs', params.epochs, 1, 1000);
  const lr = finiteNumber(task, 'lr', params.lr, 1e-6, 1);
  const reg = finiteNumber(task, 'reg', params.reg, 0, 10);
  const testFraction = finiteNumber(task, 'testFraction', params.testFraction, 0.01, 0.5);
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 32);
  const top = wholeNumber(task, 'top', params.top, 1, 100);
  const minRatings = wholeNumber(task, 'minRatings', params.minRatings, 1, 10_000);
  const paceMs = finiteNumber(task, 'paceMs', params.paceMs, 0, 1000);
  const recommender = await recommenderFor(engine, params.data);
  const model = new engine.MatrixFactorization(recommender, movieIds, ratings, factors, lr, reg, params.centered === true, testFraction, seed);
  try {
    let reason: 'done' | 'stopped' | 'diverged' = 'done';
    progress({ epoch: 0, trainRmse: model.trainRmse(), testRmse: model.testRmse() });
    while (model.epochs() < epochs) {
      const started = performance.now();
      const trainRmse = model.epoch();
      if (model.diverged()) {
        reason = 'diverged';
        progress({ epoch: model.epochs(), trainRmse, testRmse: model.testRmse() });
        break;
      }
      progress({ epoch: model.epochs(), trainRmse, testRmse: model.testRmse() });
      const wait = paceMs - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await pause();
      if (cancelled()) {
        reason = 'stopped';
        break;
      }
    }
    const empty = { movieIds: new Int32Array(0), scores: new Float64Array(0), supports: new Int32Array(0) };
    return {
      reason,
      epochs: model.epochs(),
      trainRmse: model.trainRmse(),
      testRmse: model.testRmse(),
      items: movieIds.length > 0 && reason !== 'diverged' ? model.recommend(top, minRatings) : empty,
    };
  } finally {
    model.delete();
  }
};
