// modelEvaluation.*: the model-evaluation lesson. The engine cross-validates one fold per step
// (streaming per-fold scores, stopping when cancelled), scores the held-out test set, builds the
// two-class view of the out-of-fold probabilities, grows the learning curve one size per step, and
// runs the polynomial bias–variance experiment.
import type { Task } from '.';
import type { EvalSetup } from '../protocol';
import { wholeNumber } from './check';

const MODELS = ['logreg', 'knn', 'gnb', 'svm', 'tree', 'forest'];
const MISSING = ['error', 'drop', 'fill'];

function finite(task: string, name: string, value: unknown, min: number, max: number, open = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (open && value === min)) {
    throw new Error(`${task}: ${name} must be a number ${open ? '>' : '≥'} ${min} and at most ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkSetup(task: string, p: EvalSetup): void {
  if (typeof p.csv !== 'string' || typeof p.target !== 'string') throw new Error(`${task}: csv and target must be strings`);
  if (!Array.isArray(p.drop) || p.drop.some((d) => typeof d !== 'string')) throw new Error(`${task}: drop must be a list of column names`);
  if (!MISSING.includes(p.missing)) throw new Error(`${task}: missing must be error, drop or fill, got ${JSON.stringify(p.missing)}`);
  const m = p.model;
  if (!m || !MODELS.includes(m.kind)) throw new Error(`${task}: model must be one of ${MODELS.join(', ')}, got ${JSON.stringify(m?.kind)}`);
  finite(task, 'lr', m.lr, 0, 100, true);
  wholeNumber(task, 'epochs', m.epochs, 1, 100_000);
  finite(task, 'l2', m.l2, 0, 1e6);
  wholeNumber(task, 'k', m.k, 1, 100_000);
  finite(task, 'C', m.C, 0, 1e9, true);
  finite(task, 'gamma', m.gamma, 0, 1e9);
  wholeNumber(task, 'maxDepth', m.maxDepth, 0, 64);
  wholeNumber(task, 'trees', m.trees, 1, 10_000);
  wholeNumber(task, 'folds', p.folds, 2, 100);
  if (typeof p.stratified !== 'boolean') throw new Error(`${task}: stratified must be true or false`);
  finite(task, 'testFraction', p.testFraction, 0, 0.5);
  wholeNumber(task, 'seed', p.seed, 0, 2 ** 32);
}

export const modelEvaluationHeader: Task<'modelEvaluation.header'> = async ({ csv }, { engine }) => {
  if (typeof csv !== 'string') throw new Error('modelEvaluation.header: csv must be a string');
  return engine.modelEvalHeader(csv);
};

export const modelEvaluationCv: Task<'modelEvaluation.cv'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  checkSetup('modelEvaluation.cv', params);
  const cv = new engine.ModelEvalCv(params);
  try {
    const split = cv.setup();
    progress({ split, done: 0, total: cv.total(), perFold: cv.perFold() });
    let stopped = false;
    await pause();
    while (!cancelled()) {
      if (!cv.step()) break;
      progress({ done: cv.done(), total: cv.total(), perFold: cv.perFold() });
      await pause();
    }
    if (cancelled()) stopped = true;
    return { ...cv.result(), split, stopped };
  } finally {
    cv.delete();
  }
};

export const modelEvaluationBinary: Task<'modelEvaluation.binary'> = async (params, { engine }) => {
  const task = 'modelEvaluation.binary';
  wholeNumber(task, 'classes', params.classes, 2, 1000);
  wholeNumber(task, 'positive', params.positive, 0, params.classes - 1);
  wholeNumber(task, 'bins', params.bins, 2, 100);
  wholeNumber(task, 'steps', params.steps, 1, 10_000);
  if (!(params.proba instanceof Float64Array) || !(params.labels instanceof Int32Array) || params.proba.length !== params.labels.length * params.classes) {
    throw new Error(`${task}: proba must be a Float64Array of labels × classes values`);
  }
  return engine.modelEvalBinary(params);
};

export const modelEvaluationCurve: Task<'modelEvaluation.curve'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  checkSetup('modelEvaluation.curve', params);
  wholeNumber('modelEvaluation.curve', 'points', params.points, 2, 50);
  const run = new engine.ModelEvalCurve(params);
  try {
    let stopped = false;
    while (true) {
      await pause();
      if (cancelled()) {
        stopped = true;
        break;
      }
      if (!run.step()) break;
      progress({ done: run.done(), total: run.total(), curve: run.result() });
    }
    return { done: run.done(), total: run.total(), curve: run.result(), stopped };
  } finally {
    run.delete();
  }
};

export const modelEvaluationBiasVariance: Task<'modelEvaluation.biasVariance'> = async (p, { engine }) => {
  const task = 'modelEvaluation.biasVariance';
  wholeNumber(task, 'datasets', p.datasets, 2, 2000);
  wholeNumber(task, 'points', p.points, 3, 1000);
  finite(task, 'noise', p.noise, 0, 10);
  wholeNumber(task, 'maxDegree', p.maxDegree, 1, 12);
  wholeNumber(task, 'grid', p.grid, 2, 2000);
  wholeNumber(task, 'keep', p.keep, 0, p.datasets);
  wholeNumber(task, 'seed', p.seed, 0, 2 ** 32);
  return engine.modelEvalBiasVariance(p);
};
