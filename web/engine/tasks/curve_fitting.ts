// curveFitting.load / curveFitting.fit: the curve-fitting lesson. The engine reads the CSV (errors
// name the row and column), splits train/validation, trains the model with Adam in chunks of
// steps — streaming the losses and checking for Stop between chunks — and solves the normal
// equations for the closed-form polynomial and the degree sweep.
import type { Task } from '.';
import type { MlplayModule } from '../../../bindings/mlplay';
import type { CurveFittingModel } from '../protocol';
import { wholeNumber } from './check';

const MODELS: readonly CurveFittingModel[] = ['line', 'poly', 'exp', 'sinusoid'];
const MAX_DEGREE = 12;
const CURVE_POINTS = 300;
/** Report at most this often, so a fast model does not flood the page with messages. */
const REPORT_MS = 40;

function finiteNumber(task: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${task}: ${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function works(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch {
    return false;
  }
}

/** The requested columns when the header has them, else the first date-or-number x and number y. */
function pickColumns(engine: MlplayModule, text: string, header: string[], x: string | null, y: string | null): [string, string] {
  if (x !== null && y !== null && header.includes(x) && header.includes(y)) return [x, y];
  const numeric = header.filter((c) => works(() => engine.csvColumns(text, c, c)));
  const xs = numeric.length === 0 ? [] : header.filter((c) => works(() => engine.csvColumns(text, c, numeric.find((n) => n !== c) ?? c)));
  const pickX = xs[0];
  const pickY = numeric.find((c) => c !== pickX);
  if (pickX !== undefined && pickY !== undefined) return [pickX, pickY];
  if (header.length < 2) throw new Error(`curveFitting.load: the CSV needs at least two columns; it has ${header.length} (${header.join(', ')})`);
  return [header[0], header[1]]; // let the engine say which row and column is wrong
}

export const curveFittingLoad: Task<'curveFitting.load'> = async ({ text, x, y }, { engine }) => {
  if (typeof text !== 'string') throw new Error('curveFitting.load: text must be a string');
  const header = engine.csvHeader(text);
  const [xName, yName] = pickColumns(engine, text, header, x, y);
  if (xName === yName) throw new Error(`curveFitting.load: choose two different columns, not '${xName}' twice`);
  const columns = engine.csvColumns(text, xName, yName);
  return { header, x: xName, y: yName, xValues: columns.x, yValues: columns.y, xDates: columns.xDates, xFirstDate: columns.xFirstDate };
};

function pick(values: Float64Array, index: Int32Array): Float64Array {
  return Float64Array.from(index, (i) => values[i]);
}

export const curveFittingFit: Task<'curveFitting.fit'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const task = 'curveFitting.fit';
  const { x, y } = params;
  if (!(x instanceof Float64Array) || !(y instanceof Float64Array) || x.length !== y.length) {
    throw new Error(`${task}: x and y must be Float64Arrays of the same length`);
  }
  if (!MODELS.includes(params.model)) throw new Error(`${task}: model must be one of ${MODELS.join(', ')}, got ${JSON.stringify(params.model)}`);
  const degree = wholeNumber(task, 'degree', params.degree, 0, MAX_DEGREE);
  const steps = wholeNumber(task, 'steps', params.steps, 1, 1_000_000);
  const lr = finiteNumber(task, 'lr', params.lr, 1e-6, 10);
  const period = finiteNumber(task, 'period', params.period, 0, 1e300);
  const trainFraction = finiteNumber(task, 'trainFraction', params.trainFraction, 0.01, 0.99);
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 32);
  const model = params.model === 'poly' ? `poly:${degree}` : params.model;

  const split = engine.splitTrainValidation(x.length, trainFraction, params.holdout === 'end', seed);
  const xt = pick(x, split.train), yt = pick(y, split.train), xv = pick(x, split.validation), yv = pick(y, split.validation);
  const fitter = new engine.CurveFitter(model, xt, yt, lr, period);
  try {
    let reported = performance.now();
    let reason: 'done' | 'stopped' | 'diverged' = 'done';
    progress({ step: 0, trainLoss: fitter.loss(), validationLoss: fitter.mse(xv, yv) });
    while (fitter.steps() < steps) {
      const trainLoss = fitter.step(Math.min(10, steps - fitter.steps()));
      if (fitter.diverged()) {
        reason = 'diverged';
        break;
      }
      const now = performance.now();
      if (now - reported >= REPORT_MS || fitter.steps() >= steps) {
        progress({ step: fitter.steps(), trainLoss, validationLoss: fitter.mse(xv, yv) });
        reported = now;
        await pause();
        if (cancelled()) {
          reason = 'stopped';
          break;
        }
      }
    }
    let lo = Infinity, hi = -Infinity;
    for (const v of x) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    const curveX = Float64Array.from({ length: CURVE_POINTS }, (_, i) => lo + ((hi - lo) * i) / (CURVE_POINTS - 1));
    const names = fitter.parameters();
    const isTrain = new Uint8Array(x.length);
    for (const i of split.train) isTrain[i] = 1;
    let closedForm = null;
    if (params.model === 'line' || params.model === 'poly') {
      const c = engine.fitPolynomial(xt, yt, xv, yv, params.model === 'line' ? 1 : degree, curveX);
      closedForm = { ...c, curveY: c.prediction };
    }
    const result = {
      reason,
      steps: fitter.steps(),
      formula: fitter.formula(),
      parameters: names.names.map((name, i) => ({ name, value: names.values[i] })),
      trainMse: fitter.loss(),
      validationMse: fitter.mse(xv, yv),
      isTrain,
      residuals: fitter.residuals(x, y),
      curveX,
      curveY: fitter.predict(curveX),
      closedForm: closedForm && {
        coefficients: closedForm.coefficients,
        trainMse: closedForm.trainMse,
        validationMse: closedForm.validationMse,
        conditionScaled: closedForm.conditionScaled,
        conditionRaw: closedForm.conditionRaw,
        curveY: closedForm.curveY,
      },
      sweep: engine.degreeSweep(xt, yt, xv, yv, MAX_DEGREE),
    };
    return result;
  } finally {
    fitter.delete();
  }
};
