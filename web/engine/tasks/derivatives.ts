// derivatives.plot / .point / .roll: the derivatives lesson. The engine parses f(x), samples f and
// its central-difference derivative, finds the critical points; for one point a it gives the tangent
// and the derivative error against the step size h, or the path of a ball rolling downhill from a.
// A malformed expression is an ordinary result ({ valid: false, message, position }), not a worker
// error.
import type { Task } from '.';
import type { MlplayModule } from '../../../bindings/mlplay';
import type { DerivativesInvalid } from '../protocol';
import { wholeNumber } from './check';

const LIMIT = 1e9;

function finite(task: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${task}: ${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function expressionText(task: string, value: unknown): string {
  if (typeof value !== 'string') throw new Error(`${task}: expression must be a string, got ${JSON.stringify(value)}`);
  return value;
}

/** The engine checks these too, but a C++ exception is not what a learner's typo should cost. */
function interval(task: string, from: number, to: number): void {
  if (!(to - from >= 1e-9 && to - from <= 2 * LIMIT)) {
    throw new Error(`${task}: the interval [${from}, ${to}] must have from < to and be at least 1e-9 wide`);
  }
}

/** The engine's verdict on the text, or null when it parses. */
function invalid(engine: MlplayModule, expression: string): DerivativesInvalid | null {
  const check = engine.checkExpression(expression);
  return check.valid ? null : { valid: false, message: check.message, position: check.position };
}

export const derivativesPlot: Task<'derivatives.plot'> = async (params, { engine }) => {
  const task = 'derivatives.plot';
  const expression = expressionText(task, params.expression);
  const from = finite(task, 'from', params.from, -LIMIT, LIMIT);
  const to = finite(task, 'to', params.to, -LIMIT, LIMIT);
  const h = finite(task, 'h', params.h, 1e-20, 1000);
  const samples = wholeNumber(task, 'samples', params.samples, 2, 100_000);
  interval(task, from, to);
  const bad = invalid(engine, expression);
  if (bad) return bad;
  const explorer = new engine.FunctionExplorer(expression);
  try {
    const curve = explorer.sample(from, to, samples, h);
    const points = explorer.criticalPoints(from, to);
    return { valid: true, parsed: explorer.parsed(), ...curve, ...points };
  } finally {
    explorer.delete();
  }
};

export const derivativesPoint: Task<'derivatives.point'> = async (params, { engine }) => {
  const task = 'derivatives.point';
  const expression = expressionText(task, params.expression);
  const a = finite(task, 'a', params.a, -LIMIT, LIMIT);
  const h = finite(task, 'h', params.h, 1e-20, 1000);
  const from = finite(task, 'from', params.from, -LIMIT, LIMIT);
  const to = finite(task, 'to', params.to, -LIMIT, LIMIT);
  interval(task, from, to);
  const bad = invalid(engine, expression);
  if (bad) throw new Error(`${task}: ${bad.message}`);
  const explorer = new engine.FunctionExplorer(expression);
  try {
    // h from 10^-16 to 10^0, 8 per decade: both ends of the trade-off and the valley between.
    return { tangent: explorer.tangent(a, h, from, to), sweep: explorer.errorSweep(a, -16, 0, 8) };
  } finally {
    explorer.delete();
  }
};

export const derivativesRoll: Task<'derivatives.roll'> = async (params, { engine }) => {
  const task = 'derivatives.roll';
  const expression = expressionText(task, params.expression);
  const from = finite(task, 'from', params.from, -LIMIT, LIMIT);
  const to = finite(task, 'to', params.to, -LIMIT, LIMIT);
  interval(task, from, to);
  const start = finite(task, 'start', params.start, from, to);
  const learningRate = finite(task, 'learningRate', params.learningRate, 1e-6, 100);
  const maxSteps = wholeNumber(task, 'maxSteps', params.maxSteps, 1, 100_000);
  const bad = invalid(engine, expression);
  if (bad) throw new Error(`${task}: ${bad.message}`);
  const explorer = new engine.FunctionExplorer(expression);
  try {
    return explorer.rollDownhill(start, learningRate, maxSteps, from, to);
  } finally {
    explorer.delete();
  }
};
