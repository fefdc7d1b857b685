// svm.example / svm.fit / svm.grid: the svm lesson. The engine generates the example sets, fits the
// SVM by SMO (and the linear primal by sub-gradient descent) and predicts the decision grid; the grid
// search scores one (C, γ) cell per step, streaming the heat map and stopping when cancelled.
import type { Task } from '.';
import type { SvmSetup } from '../protocol';
import { wholeNumber } from './check';

const KERNELS = ['linear', 'rbf', 'poly'];
const EXAMPLES = ['blobs', 'overlap', 'moons', 'circles'];

function positive(task: string, name: string, value: unknown, max = 1e9): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw new Error(`${task}: ${name} must be a number > 0 and at most ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkSetup(task: string, p: SvmSetup): void {
  if (typeof p.csv !== 'string' || typeof p.target !== 'string' || typeof p.x !== 'string' || typeof p.y !== 'string') {
    throw new Error(`${task}: csv, target, x and y must be strings`);
  }
  if (!KERNELS.includes(p.kernel)) throw new Error(`${task}: kernel must be linear, rbf or poly, got ${JSON.stringify(p.kernel)}`);
  positive(task, 'C', p.C);
  positive(task, 'gamma', p.gamma);
  wholeNumber(task, 'degree', p.degree, 1, 10);
  if (typeof p.coef0 !== 'number' || !Number.isFinite(p.coef0)) throw new Error(`${task}: coef0 must be a number`);
  wholeNumber(task, 'seed', p.seed, 0, 2 ** 32);
}

export const svmExample: Task<'svm.example'> = async ({ name, seed }, { engine }) => {
  if (!EXAMPLES.includes(name)) throw new Error(`svm.example: name must be one of ${EXAMPLES.join(', ')}, got ${JSON.stringify(name)}`);
  return { csv: engine.svmExampleCsv(name, wholeNumber('svm.example', 'seed', seed, 0, 2 ** 32)) };
};

export const svmFit: Task<'svm.fit'> = async (params, { engine }) => {
  const task = 'svm.fit';
  checkSetup(task, params);
  const t = params.testFraction;
  if (typeof t !== 'number' || !(t >= 0 && t < 1)) throw new Error(`${task}: testFraction must be in [0, 1), got ${JSON.stringify(t)}`);
  wholeNumber(task, 'grid', params.grid, 2, 400);
  positive(task, 'lr', params.lr, 100);
  wholeNumber(task, 'epochs', params.epochs, 1, 100_000);
  return engine.svmFit({ ...params, hard: Boolean(params.hard) });
};

export const svmGrid: Task<'svm.grid'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const task = 'svm.grid';
  checkSetup(task, params);
  if (!Array.isArray(params.Cs) || !Array.isArray(params.gammas) || params.Cs.length * params.gammas.length > 400) {
    throw new Error(`${task}: Cs and gammas must be lists of at most 400 cells together`);
  }
  params.Cs.forEach((C) => positive(task, 'every C', C));
  params.gammas.forEach((g) => positive(task, 'every gamma', g));
  wholeNumber(task, 'folds', params.folds, 2, 20);
  const t = params.testFraction;
  if (typeof t !== 'number' || !(t >= 0 && t < 1)) throw new Error(`${task}: testFraction must be in [0, 1), got ${JSON.stringify(t)}`);
  const search = new engine.SvmGridSearch({ ...params, hard: false });
  try {
    const total = params.Cs.length * params.gammas.length;
    let stopped = false;
    while (search.step()) {
      progress({ done: search.done(), total, mean: search.result().mean });
      await pause();
      if (cancelled()) {
        stopped = true;
        break;
      }
    }
    const r = search.result();
    return { done: search.done(), total, mean: r.mean, std: r.std, bestC: r.bestC, bestGamma: r.bestGamma, stopped };
  } finally {
    search.delete();
  }
};
