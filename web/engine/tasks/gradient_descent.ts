// gradientDescent.surface / .race: the gradient-descent lesson. The engine builds the surface (a
// built-in test function or a typed f(x, y)), samples it into a shaded grid with contour lines, and
// runs each chosen optimizer (the engine's optim::SGD, Adagrad, RMSprop, Adam, AdamW) from the start
// point. A malformed expression is an ordinary result ({ valid: false, message, position }).
import type { Task } from '.';
import type { MlplayModule } from '../../../bindings/mlplay';
import type { GdInvalid, GdOptimizerName, GdSurfaceSpec } from '../protocol';
import { wholeNumber } from './check';

const SURFACES = ['bowl', 'ravine', 'rosenbrock', 'saddle', 'himmelblau', 'custom'];
const OPTIMIZERS: GdOptimizerName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'];
const SCHEDULES = ['constant', 'step', 'cosine', 'warmup'];

function finite(task: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${task}: ${name} must be a number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function oneOf(task: string, name: string, value: unknown, choices: readonly string[]): string {
  if (typeof value !== 'string' || !choices.includes(value)) {
    throw new Error(`${task}: ${name} must be one of ${choices.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Checks the surface fields; returns the engine's verdict on a malformed custom expression, else null. */
function checkSpec(task: string, engine: MlplayModule, spec: GdSurfaceSpec): GdInvalid | null {
  oneOf(task, 'surface', spec.surface, SURFACES);
  finite(task, 'halfWidth', spec.halfWidth, 0.01, 1000);
  if (typeof spec.expression !== 'string') throw new Error(`${task}: expression must be a string, got ${JSON.stringify(spec.expression)}`);
  if (spec.surface !== 'custom') return null;
  const check = engine.checkSurfaceExpression(spec.expression);
  return check.valid ? null : { valid: false, message: check.message, position: check.position };
}

export const gradientDescentSurface: Task<'gradientDescent.surface'> = async (params, { engine }) => {
  const task = 'gradientDescent.surface';
  const resolution = wholeNumber(task, 'resolution', params.resolution, 2, 1000);
  const levels = wholeNumber(task, 'levels', params.levels, 0, 100);
  const bad = checkSpec(task, engine, params);
  if (bad) return bad;
  const surface = new engine.LossSurface(params.surface, params.expression, params.halfWidth);
  try {
    return { valid: true, ...surface.info(), ...surface.contour(resolution, resolution, levels) };
  } finally {
    surface.delete();
  }
};

export const gradientDescentRace: Task<'gradientDescent.race'> = async (params, { engine, cancelled, yield: pause }) => {
  const task = 'gradientDescent.race';
  const lr = finite(task, 'lr', params.lr, 0, 1000);
  const steps = wholeNumber(task, 'steps', params.steps, 1, 100_000);
  const startX = finite(task, 'startX', params.startX, -1e6, 1e6);
  const startY = finite(task, 'startY', params.startY, -1e6, 1e6);
  const schedule = oneOf(task, 'schedule', params.schedule, SCHEDULES);
  if (!Array.isArray(params.optimizers)) throw new Error(`${task}: optimizers must be a list, got ${JSON.stringify(params.optimizers)}`);
  const optimizers = params.optimizers.map((name) => oneOf(task, 'optimizer', name, OPTIMIZERS) as GdOptimizerName);
  const bad = checkSpec(task, engine, params);
  if (bad) throw new Error(`${task}: ${bad.message}`);
  const surface = new engine.LossSurface(params.surface, params.expression, params.halfWidth);
  try {
    const paths = [];
    for (const optimizer of optimizers) {
      if (cancelled()) break;
      paths.push({ optimizer, ...surface.descend(optimizer, lr, steps, startX, startY, schedule) });
      await pause();
    }
    return { paths };
  } finally {
    surface.delete();
  }
};
