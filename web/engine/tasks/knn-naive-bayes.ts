// knnNaiveBayes.fit / knnNaiveBayes.blobs: the knn-naive-bayes lesson. The engine reads the CSV
// (errors name the row and column), splits and standardizes it, fits k-nearest neighbours and
// Gaussian naive Bayes, predicts every cell of the decision-region grid and sweeps k.
import type { Task } from '.';
import { wholeNumber } from './check';

const METRICS = ['euclidean', 'manhattan', 'cosine'];
const WEIGHTS = ['uniform', 'distance'];

export const knnNaiveBayesFit: Task<'knnNaiveBayes.fit'> = async (params, { engine }) => {
  const task = 'knnNaiveBayes.fit';
  if (typeof params.csv !== 'string' || typeof params.target !== 'string') throw new Error(`${task}: csv and target must be strings`);
  if (typeof params.x !== 'string' || typeof params.y !== 'string') throw new Error(`${task}: x and y must be feature names`);
  if (!METRICS.includes(params.metric)) throw new Error(`${task}: metric must be one of ${METRICS.join(', ')}, got ${JSON.stringify(params.metric)}`);
  if (!WEIGHTS.includes(params.weights)) throw new Error(`${task}: weights must be uniform or distance, got ${JSON.stringify(params.weights)}`);
  const t = params.testFraction;
  if (typeof t !== 'number' || !(t >= 0 && t < 1)) throw new Error(`${task}: testFraction must be a number in [0, 1), got ${JSON.stringify(t)}`);
  wholeNumber(task, 'k', params.k, 1, 100_000);
  wholeNumber(task, 'kMax', params.kMax, 1, 1000);
  wholeNumber(task, 'grid', params.grid, 2, 400);
  wholeNumber(task, 'seed', params.seed, 0, 2 ** 32);
  const b = params.bounds;
  if (b !== null && !(Array.isArray(b) && b.length === 4 && b.every(Number.isFinite))) throw new Error(`${task}: bounds must be null or [x0, x1, y0, y1]`);
  return engine.knnNaiveBayes({ ...params, standardize: Boolean(params.standardize) });
};

export const knnNaiveBayesBlobs: Task<'knnNaiveBayes.blobs'> = async (params, { engine }) => {
  const task = 'knnNaiveBayes.blobs';
  return engine.classifyExampleBlobs(wholeNumber(task, 'count', params.count, 3, 300), wholeNumber(task, 'seed', params.seed, 0, 2 ** 32));
};
