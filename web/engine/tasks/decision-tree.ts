// decisionTree.fit: the decision-tree lesson. The engine reads the CSV (errors name the row and
// column), splits it, grows the tree and sweeps the depth; this task only checks the parameters.
import type { Task } from '.';
import { wholeNumber } from './check';

const CRITERIA = ['gini', 'entropy'];
const MISSING = ['error', 'drop', 'fill'];

function names(task: string, key: string, value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new Error(`${task}: ${key} must be a list of column names`);
  return value;
}

/** The CSV's column names (the engine's reader: errors name the row). */
export const decisionTreeHeader: Task<'decisionTree.header'> = async ({ csv }, { engine }) => {
  if (typeof csv !== 'string' || csv.trim() === '') throw new Error('the CSV is empty; paste a header row and data rows');
  return engine.csvHeader(csv);
};

export const decisionTreeFit: Task<'decisionTree.fit'> = async (params, { engine }) => {
  const task = 'decisionTree.fit';
  if (typeof params.csv !== 'string' || params.csv.trim() === '') throw new Error(`${task}: csv must be non-empty CSV text`);
  if (typeof params.target !== 'string' || params.target === '') throw new Error(`${task}: target must name the label column`);
  if (!CRITERIA.includes(params.criterion)) throw new Error(`${task}: criterion must be gini or entropy, got ${JSON.stringify(params.criterion)}`);
  if (!MISSING.includes(params.missing)) throw new Error(`${task}: missing must be error, drop or fill, got ${JSON.stringify(params.missing)}`);
  const testFraction = params.testFraction;
  if (typeof testFraction !== 'number' || !(testFraction >= 0.05 && testFraction <= 0.9)) {
    throw new Error(`${task}: testFraction must be a number from 0.05 to 0.9, got ${JSON.stringify(testFraction)}`);
  }
  return engine.fitDecisionTree(params.csv, {
    target: params.target,
    features: names(task, 'features', params.features),
    drop: names(task, 'drop', params.drop),
    missing: params.missing,
    criterion: params.criterion,
    maxDepth: wholeNumber(task, 'maxDepth', params.maxDepth, 0, 64),
    minSamplesSplit: wholeNumber(task, 'minSamplesSplit', params.minSamplesSplit, 2, 1_000_000),
    minSamplesLeaf: wholeNumber(task, 'minSamplesLeaf', params.minSamplesLeaf, 1, 1_000_000),
    testFraction,
    seed: wholeNumber(task, 'seed', params.seed, 0, 2 ** 32),
    sweepDepth: wholeNumber(task, 'sweepDepth', params.sweepDepth, 0, 30),
    gridSize: wholeNumber(task, 'gridSize', params.gridSize, 0, 400),
  });
};
