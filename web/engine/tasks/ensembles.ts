// ensembles.forest / .adaBoost / .boost / .biasVariance: the ensembles lesson. The engine reads the
// CSVs and does all the fitting; gradient boosting grows a few trees at a time so the errors stream
// to the page and Stop is checked in between.
import type { Task } from '.';
import { wholeNumber } from './check';

const REPORT_MS = 60;

function fraction(task: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${task}: ${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const ensemblesForest: Task<'ensembles.forest'> = async (p, { engine }) => {
  const task = 'ensembles.forest';
  if (typeof p.csv !== 'string' || p.csv.trim() === '') throw new Error(`${task}: csv must be non-empty CSV text`);
  return engine.fitForest(p.csv, {
    target: p.target,
    drop: p.drop,
    missing: p.missing,
    regression: p.regression === true,
    trees: wholeNumber(task, 'trees', p.trees, 1, 1000),
    maxFeatures: String(p.maxFeatures),
    maxDepth: wholeNumber(task, 'maxDepth', p.maxDepth, 0, 64),
    minSamplesLeaf: wholeNumber(task, 'minSamplesLeaf', p.minSamplesLeaf, 1, 100_000),
    testFraction: fraction(task, 'testFraction', p.testFraction, 0.05, 0.9),
    seed: wholeNumber(task, 'seed', p.seed, 0, 2 ** 32),
  });
};

export const ensemblesAdaBoost: Task<'ensembles.adaBoost'> = async (p, { engine }) => {
  const task = 'ensembles.adaBoost';
  return engine.adaBoostDemo({
    dataset: p.dataset,
    points: wholeNumber(task, 'points', p.points, 10, 2000),
    noise: fraction(task, 'noise', p.noise, 0, 2),
    rounds: wholeNumber(task, 'rounds', p.rounds, 1, 500),
    maxDepth: wholeNumber(task, 'maxDepth', p.maxDepth, 1, 10),
    learningRate: fraction(task, 'learningRate', p.learningRate, 0.01, 10),
    seed: wholeNumber(task, 'seed', p.seed, 0, 2 ** 32),
    gridSize: wholeNumber(task, 'gridSize', p.gridSize, 2, 200),
  });
};

export const ensemblesBoost: Task<'ensembles.boost'> = async (p, { engine, progress, cancelled, yield: pause }) => {
  const task = 'ensembles.boost';
  if (typeof p.csv !== 'string' || p.csv.trim() === '') throw new Error(`${task}: csv must be non-empty CSV text`);
  const trees = wholeNumber(task, 'trees', p.trees, 1, 2000);
  const booster = new engine.GradientBooster(p.csv, {
    target: p.target,
    drop: p.drop,
    missing: p.missing,
    trees,
    learningRate: fraction(task, 'learningRate', p.learningRate, 0.001, 1),
    maxDepth: wholeNumber(task, 'maxDepth', p.maxDepth, 1, 12),
    testFraction: fraction(task, 'testFraction', p.testFraction, 0.05, 0.9),
    seed: wholeNumber(task, 'seed', p.seed, 0, 2 ** 32),
  });
  try {
    let reason: 'done' | 'stopped' = 'done';
    let reported = performance.now();
    while (booster.trees() < trees) {
      booster.grow(2);
      const now = performance.now();
      if (now - reported >= REPORT_MS) {
        progress({ trees: booster.trees(), trainLoss: booster.trainLoss(), validationLoss: booster.validationLoss() });
        reported = now;
        await pause();
        if (cancelled()) {
          reason = 'stopped';
          break;
        }
      }
    }
    const info = booster.info();
    return {
      reason,
      trees: booster.trees(),
      trainLoss: booster.trainLoss(),
      validationLoss: booster.validationLoss(),
      ...info,
      r2: booster.r2(),
      importances: booster.importances(),
    };
  } finally {
    booster.delete();
  }
};

export const ensemblesBiasVariance: Task<'ensembles.biasVariance'> = async (p, { engine }) => {
  const task = 'ensembles.biasVariance';
  return engine.biasVariance({
    datasets: wholeNumber(task, 'datasets', p.datasets, 2, 200),
    points: wholeNumber(task, 'points', p.points, 5, 5000),
    noise: fraction(task, 'noise', p.noise, 0, 5),
    grid: 200,
    forestTrees: wholeNumber(task, 'forestTrees', p.forestTrees, 1, 500),
    maxDepth: wholeNumber(task, 'maxDepth', p.maxDepth, 0, 64),
    seed: wholeNumber(task, 'seed', p.seed, 0, 2 ** 32),
  });
};
