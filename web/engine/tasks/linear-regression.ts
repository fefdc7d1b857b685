// linearRegression.load / .analyze / .gd: the linear-regression lesson. The engine reads the CSV into
// training and test rows that stay in this worker (a LinearRegressionLab); analyze fits the closed
// form (normal equation, ridge or lasso), the coefficient paths and the scaled-vs-raw race; gd trains
// by gradient descent a few epochs at a time, streaming the loss and coefficients and checking for
// Stop between chunks. A fresh worker (after an error) has no data: the page loads it again.
import type { Task } from '.';
import type { LinearRegressionLab, MlplayModule } from '../../../bindings/mlplay';
import type { LinearRegressionFit } from '../protocol';
import { wholeNumber } from './check';

const REPORT_MS = 40;
let lab: LinearRegressionLab | null = null;

function finiteNumber(task: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${task}: ${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function loaded(task: string): LinearRegressionLab {
  if (!lab) throw new Error(`${task}: no data loaded (run linearRegression.load first)`);
  return lab;
}

/** The requested target when it is a numeric column, else the last numeric column. */
function pickTarget(engine: MlplayModule, text: string, target: string | null) {
  const columns = engine.csvColumnKinds(text);
  const numeric = columns.filter((c) => c.numeric).map((c) => c.name);
  if (target !== null && columns.some((c) => c.name === target)) return { columns, target };
  const pick = numeric[numeric.length - 1];
  if (pick === undefined) {
    throw new Error(`linearRegression.load: no column holds only numbers, so there is no target to predict (columns: ${columns.map((c) => c.name).join(', ')})`);
  }
  return { columns, target: pick };
}

export const linearRegressionLoad: Task<'linearRegression.load'> = async (params, { engine }) => {
  const task = 'linearRegression.load';
  if (typeof params.text !== 'string') throw new Error(`${task}: text must be a string`);
  const testFraction = finiteNumber(task, 'testFraction', params.testFraction, 0.05, 0.9);
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 32);
  const { columns, target } = pickTarget(engine, params.text, params.target);
  if (!columns.find((c) => c.name === target)!.numeric) {
    throw new Error(`${task}: the target '${target}' holds text; linear regression predicts a number, so choose a numeric column`);
  }
  const names = columns.map((c) => c.name);
  const chosen = (params.features ?? names).filter((f) => f !== target && names.includes(f));
  if (chosen.length === 0) throw new Error(`${task}: choose at least one feature besides the target '${target}'`);
  const next = new engine.LinearRegressionLab(params.text, target, chosen, testFraction, seed, params.standardize === true);
  lab?.delete();
  lab = next;
  return { ...next.info(), columns, target, chosen };
};

export const linearRegressionAnalyze: Task<'linearRegression.analyze'> = async (params) => {
  const task = 'linearRegression.analyze';
  const data = loaded(task);
  if (!['none', 'ridge', 'lasso'].includes(params.penalty)) throw new Error(`${task}: penalty must be none, ridge or lasso`);
  const lambda = finiteNumber(task, 'lambda', params.lambda, 0, 1e12);
  const pathPoints = wholeNumber(task, 'pathPoints', params.pathPoints, 2, 200);
  const raceEpochs = wholeNumber(task, 'raceEpochs', params.raceEpochs, 1, 100_000);
  let fit: LinearRegressionFit | null = null;
  let error = '';
  try {
    fit = params.penalty === 'lasso' ? data.fit('lasso', lambda) : data.fit('normal', params.penalty === 'ridge' ? lambda : 0);
  } catch (e) {
    error = (e as Error).message;
  }
  return { fit, error, paths: data.paths(pathPoints), race: data.scalingRace(raceEpochs) };
};

export const linearRegressionGd: Task<'linearRegression.gd'> = async (params, { progress, cancelled, yield: pause }) => {
  const task = 'linearRegression.gd';
  const data = loaded(task);
  const batchSize = wholeNumber(task, 'batchSize', params.batchSize, 0, 1_000_000);
  const lr = finiteNumber(task, 'lr', params.lr, 1e-12, 100);
  const epochs = wholeNumber(task, 'epochs', params.epochs, 1, 1_000_000);
  const lambda = finiteNumber(task, 'lambda', params.lambda, 0, 1e12);
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 32);
  data.startGd(lr, batchSize, lambda, seed);
  let reason: 'done' | 'stopped' | 'diverged' = 'done';
  let state = data.gdStep(0);
  progress(state);
  let reported = performance.now();
  // Batch epochs are cheap; a mini-batch epoch takes many steps.
  const chunk = batchSize === 0 ? 5 : 1;
  while (state.epoch < epochs) {
    state = data.gdStep(Math.min(chunk, epochs - state.epoch));
    if (state.diverged) {
      reason = 'diverged';
      progress(state);
      break;
    }
    const now = performance.now();
    if (now - reported >= REPORT_MS || state.epoch >= epochs) {
      progress(state);
      reported = now;
      await pause();
      if (cancelled()) {
        reason = 'stopped';
        break;
      }
    }
  }
  let exact: LinearRegressionFit | null = null;
  try {
    exact = data.fit('normal', lambda);
  } catch {
    exact = null; // singular XᵀX: gradient descent still finds one of the many best fits
  }
  return { reason, epochs: state.epoch, fit: data.gdResult(), exact };
};
