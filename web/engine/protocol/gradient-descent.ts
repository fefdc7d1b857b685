// Worker task types of the gradient-descent lesson (the protocol itself is in ../protocol.ts).

// gradient-descent: optimizers racing down a 2D surface (engine/include/mlplay/optimization/).

export type GdSurfaceName = 'bowl' | 'ravine' | 'rosenbrock' | 'saddle' | 'himmelblau' | 'custom';
export type GdOptimizerName = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam' | 'adamw';
export type GdScheduleName = 'constant' | 'step' | 'cosine' | 'warmup';

/** Which surface: a built-in one, or 'custom' for `expression` over [-halfWidth, halfWidth]². */
export interface GdSurfaceSpec {
  surface: GdSurfaceName;
  expression: string;
  halfWidth: number;
}

export interface GdSurfaceParams extends GdSurfaceSpec {
  /** Grid points along each axis. */
  resolution: number;
  /** Contour lines to trace. */
  levels: number;
}

/** A malformed f(x, y): the engine's message and the 1-based character position it names. */
export interface GdInvalid {
  valid: false;
  message: string;
  position: number;
}

export interface GdSurface {
  valid: true;
  name: string;
  /** The formula as the engine reads it. */
  formula: string;
  /** [xMin, xMax, yMin, yMax]. */
  bounds: Float64Array;
  /** The default start [x, y]. */
  start: Float64Array;
  /** Known minima [x0, y0, …]. */
  minima: Float64Array;
  /** Largest Hessian eigenvalue of a quadratic (GD diverges above lr = 2/L); 0 otherwise. */
  lipschitz: number;
  columns: number;
  rows: number;
  /** Per grid point (row by row from yMin) in [0, 1]: the rank of f among the grid values; NaN: undefined. */
  shade: Float32Array;
  levels: Float64Array;
  /** Contour segments [x0, y0, x1, y1, …] and the level index of each. */
  segments: Float32Array;
  segmentLevels: Int32Array;
  low: number;
  high: number;
  undefined: number;
}

export type GdSurfaceResult = GdSurface | GdInvalid;

export interface GdRaceParams extends GdSurfaceSpec {
  optimizers: GdOptimizerName[];
  lr: number;
  steps: number;
  startX: number;
  startY: number;
  schedule: GdScheduleName;
}

/** One optimizer's path: steps taken + 1 points, the start first. */
export interface GdPath {
  optimizer: GdOptimizerName;
  x: Float64Array;
  y: Float64Array;
  loss: Float64Array;
  /** The learning rate of each step. */
  lr: Float64Array;
  stepsTaken: number;
  diverged: boolean;
  /** Why a path was stopped: '' or a sentence. */
  reason: string;
}

export interface GdRaceResult {
  paths: GdPath[];
}
