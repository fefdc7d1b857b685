// logisticRegression.load / .train / .proba: the logistic-regression lesson. The engine reads the CSV
// into stratified training and test rows (standardized on the training rows) that stay in this worker;
// train runs batch gradient descent a few epochs at a time, streaming loss, accuracy and now and then
// the probability surface, checking for Stop between chunks; proba gives a clicked point's class
// probabilities. A fresh worker (after an error) has no data: the page loads it again.
import type { Task } from '.';
import type { LogisticRegressionLab } from '../../../bindings/mlplay';
import { wholeNumber } from './check';

const REPORT_MS = 50;
const SURFACE_MS = 200;
let lab: LogisticRegressionLab | null = null;

function finiteNumber(task: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${task}: ${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function loaded(task: string): LogisticRegressionLab {
  if (!lab) throw new Error(`${task}: no data loaded (run logisticRegression.load first)`);
  return lab;
}

export const logisticRegressionLoad: Task<'logisticRegression.load'> = async (params, { engine }) => {
  const task = 'logisticRegression.load';
  if (typeof params.text !== 'string') throw new Error(`${task}: text must be a string`);
  const testFraction = finiteNumber(task, 'testFraction', params.testFraction, 0.05, 0.9);
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 32);
  const columns = engine.csvColumnKinds(params.text);
  const names = columns.map((c) => c.name);
  let target = params.target;
  if (target === null || !names.includes(target)) {
    const text = columns.filter((c) => !c.numeric);
    target = (text[text.length - 1] ?? columns[columns.length - 1])?.name ?? null;
  }
  if (target === null || names.length < 2) throw new Error(`${task}: the CSV needs a class column and at least one feature column`);
  const chosen = (params.features ?? names).filter((f) => f !== target && names.includes(f));
  if (chosen.length === 0) throw new Error(`${task}: choose at least one feature besides the class column '${target}'`);
  const next = new engine.LogisticRegressionLab(params.text, target, chosen, testFraction, seed);
  lab?.delete();
  lab = next;
  return { ...next.info(), columns, target, chosen };
};

export const logisticRegressionTrain: Task<'logisticRegression.train'> = async (params, { progress, cancelled, yield: pause }) => {
  const task = 'logisticRegression.train';
  const data = loaded(task);
  const lr = finiteNumber(task, 'lr', params.lr, 1e-9, 1000);
  const l2 = finiteNumber(task, 'l2', params.l2, 0, 1000);
  const epochs = wholeNumber(task, 'epochs', params.epochs, 1, 1_000_000);
  const gridSize = wholeNumber(task, 'gridSize', params.gridSize, 0, 400);
  const box = params.box;
  if (!Array.isArray(box) || box.length !== 4 || !box.every(Number.isFinite)) throw new Error(`${task}: box must be [x0, x1, y0, y1]`);
  const surface = () => (gridSize > 0 ? data.surface(gridSize, box[0], box[1], box[2], box[3]) : null);
  data.start(lr, l2);
  let state = data.step(0);
  progress({ ...state, surface: surface() });
  let reported = performance.now(), drawn = reported;
  let reason: 'done' | 'stopped' | 'diverged' = 'done';
  while (state.epoch < epochs) {
    state = data.step(Math.min(5, epochs - state.epoch));
    if (state.diverged) {
      reason = 'diverged';
      break;
    }
    // Every chunk's numbers go to the charts; the map and a pause for Stop only every few dozen ms.
    const now = performance.now();
    const drawNow = now - drawn >= SURFACE_MS;
    progress({ ...state, surface: drawNow ? surface() : null });
    if (drawNow) drawn = now;
    if (now - reported >= REPORT_MS) {
      reported = now;
      await pause();
      if (cancelled()) {
        reason = 'stopped';
        break;
      }
    }
  }
  return { ...state, surface: surface(), reason, ...data.result() };
};

export const logisticRegressionProba: Task<'logisticRegression.proba'> = async (params) => {
  const task = 'logisticRegression.proba';
  const data = loaded(task);
  if (!Array.isArray(params.point) || !params.point.every(Number.isFinite)) throw new Error(`${task}: point must be an array of numbers`);
  return data.proba(params.point);
};
