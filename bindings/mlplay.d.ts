// The one documented JS API of the wasm engine (what bindings/wasm/*.cpp exposes through embind).
// Loaded only by web/engine/worker.ts; lessons use web/engine/client.ts instead.
//
// Every function and method throws a JS Error carrying the C++ message when its arguments are bad,
// e.g. "set_num_threads: 3 threads requested; this build supports 1 to 2".
// Every object created with `new` must be released with `.delete()` (embind owns C++ memory).

export interface BuildInfo {
  /** "mt": SIMD128 + pthreads (needs cross-origin isolation); "st": SIMD128, one thread. */
  build: 'mt' | 'st';
  simd: boolean;
  /** Most threads set_num_threads accepts: navigator.hardwareConcurrency (capped at 16) in mt, 1 in st. */
  maxThreads: number;
}

/** Embind-owned C++ object. */
export interface Deletable {
  delete(): void;
}

/** Monte Carlo estimate of π (engine/include/mlplay/prob/monte_carlo.h). Dart i depends only on (seed, i). */
export interface PiEstimator extends Deletable {
  /** Throws the next `count` darts (a whole number); returns how many landed inside the quarter circle. */
  throwDarts(count: number): number;
  samples(): number;
  inside(): number;
  /** 4 · inside / samples. */
  estimate(): number;
  /** 4 · sqrt(p (1 − p) / n). */
  standardError(): number;
  /** [x0, y0, x1, y1, …] of darts [first, first + count), a fresh Float32Array. */
  darts(first: number, count: number): Float32Array;
}

/** An ordered list of 2D steps as 3×3 homogeneous matrices (engine/include/mlplay/linalg/transform2d.h).
 *  Steps apply in the order added; matrix() = M_k · … · M_1. Matrices are Float64Array(9), row by row. */
export interface Transform2D extends Deletable {
  translate(tx: number, ty: number): void;
  /** Counter-clockwise, in degrees (y up). */
  rotate(degrees: number): void;
  scale(sx: number, sy: number): void;
  stepCount(): number;
  /** "scale", "rotate" or "translate". */
  stepName(index: number): string;
  stepMatrix(index: number): Float64Array;
  matrix(): Float64Array;
  determinant(): number;
  /** [x0, y0, x1, y1, …] → the same points after all steps. */
  apply(xy: Float32Array): Float32Array;
  /** The points after step 1, after step 2, …: stepCount() blocks of xy.length floats. */
  trace(xy: Float32Array): Float32Array;
}

/** Asteroids where every object is placed by its model matrix T · R · S (engine/include/mlplay/linalg/asteroids.h).
 *  World: 20 × 15 units centred on the origin, y up, wrapping at the edges. */
export interface AsteroidsGame extends Deletable {
  /** Advances dt seconds (0 to 0.25) with these keys held, then transforms the whole frame in one batch. */
  step(dt: number, left: boolean, right: boolean, thrust: boolean, fire: boolean): void;
  /** Every transformed vertex of the frame, shape after shape. */
  vertices(): Float32Array;
  /** Points per shape. */
  counts(): Int32Array;
  /** Per shape: 0 ship, 1 flame, 2 asteroid, 3 bullet. */
  kinds(): Uint8Array;
  shipMatrix(): Float64Array;
  shipAngle(): number;
  score(): number;
  lives(): number;
  level(): number;
  over(): boolean;
  invulnerable(): boolean;
  asteroidCount(): number;
  bulletCount(): number;
}

/** A world of balls, springs, gravity and walls that steps itself (engine/include/mlplay/physics/simulation.h).
 *  SI units, y up, box [0, width] × [0, height]. Energies in joules, E₀ the reference for the drift. */
export interface PhysicsSimulation extends Deletable {
  /** Adds a ball inside the box; returns its index. Call resetEnergyReference() after edits. */
  addBall(x: number, y: number, vx: number, vy: number, mass: number, radius: number, fixed: boolean): number;
  /** Joins balls a and b; restLength < 0 means their current distance. Returns the spring's index. */
  addSpring(a: number, b: number, stiffness: number, restLength: number): number;
  setGravity(gravity: number): void;
  /** E₀ := the current energy; the maximum drift starts again from 0. */
  resetEnergyReference(): void;
  /** Restores the clock and energy ledger of a paused run. */
  restore(time: number, steps: number, initialEnergy: number, maxAbsDrift: number): void;
  /** Up to `count` steps of `dt` seconds with 'euler' | 'semi-implicit' | 'verlet' | 'rk4'; returns the steps taken
   *  (fewer once the state blows up: non-finite, or the energy past 4 max(|E₀|, 1 J)). */
  advance(integrator: string, dt: number, count: number): number;
  /** [x0, y0, x1, y1, …] for drawing. */
  positions(): Float32Array;
  /** 7 per ball: x, y, vx, vy, mass, radius, fixed (1 or 0). */
  balls(): Float64Array;
  /** 4 per spring: a, b, stiffness, rest length. */
  springs(): Float64Array;
  kineticEnergy(): number;
  potentialEnergy(): number;
  totalEnergy(): number;
  initialEnergy(): number;
  /** (E − E₀) / |E₀|. */
  relativeDrift(): number;
  maxAbsDrift(): number;
  blownUp(): boolean;
  time(): number;
  steps(): number;
  gravity(): number;
  restitution(): number;
  width(): number;
  height(): number;
}

/** derivatives: checking an expression never throws; a typo is reported with its position. */
export interface ExpressionCheck {
  valid: boolean;
  /** e.g. "expression: unknown name 'y' at position 5; use x, pi, e, …"; "" when valid. */
  message: string;
  /** 1-based character of the problem; 0 when valid. */
  position: number;
  /** How the parser read it ("2x" -> "2*x"); "" when invalid. */
  parsed: string;
}

/** f(x) parsed once (engine/include/mlplay/calculus/{expression,derivative,critical_points}.h).
 *  Undefined values (log of a negative, poles, far off the plotted range) are NaN. */
export interface FunctionExplorer extends Deletable {
  parsed(): string;
  /** f, the central difference with step h, and the exact derivative (forward-mode AD) on n points. */
  sample(from: number, to: number, n: number, h: number): {
    x: Float32Array; f: Float32Array; derivative: Float32Array; exactDerivative: Float32Array;
    fLow: number; fHigh: number; derivativeLow: number; derivativeHigh: number; undefined: number;
  };
  /** The tangent at a: slope by central difference (step h) and exactly, f''(a), endpoints at from and to. */
  tangent(a: number, h: number, from: number, to: number): {
    a: number; fa: number; slope: number; exactSlope: number; error: number; secondDerivative: number;
    x0: number; y0: number; x1: number; y1: number;
  };
  /** |D_h f(x) − f'(x)| for h = 10^minExponent … 10^maxExponent, perDecade per decade. */
  errorSweep(x: number, minExponent: number, maxExponent: number, perDecade: number): {
    h: Float32Array; central: Float32Array; forward: Float32Array; truncation: Float32Array; roundoff: Float32Array;
    exact: number; bestH: number; bestError: number; modelBestH: number;
  };
  /** x ← x − learningRate · f'(x) from start: the path, and why it stopped. */
  rollDownhill(start: number, learningRate: number, maxSteps: number, from: number, to: number): {
    x: Float32Array; y: Float32Array; slope: Float32Array;
    reason: 'flat' | 'left the interval' | 'undefined' | 'step limit';
  };
  /** Critical points (kind 'max' | 'min' | 'inflection') and inflection points on [from, to]. */
  criticalPoints(from: number, to: number): {
    critical: { x: number; y: number; kind: 'max' | 'min' | 'inflection'; secondDerivative: number; bySecondDerivative: boolean }[];
    inflections: { x: number; y: number; slope: number }[];
    truncated: boolean;
  };
}

/** The engine's packed SGEMM on fixed random buffers (bindings/wasm/bench.cpp). */
export interface GemmBench extends Deletable {
  /** Multiplies `reps` times; returns C[0, 0] so the work cannot be skipped. */
  run(reps: number): number;
}

/** image-lab (engine/include/mlplay/image/warp.h): the affine matrix for the controls and the size that fits it. */
export interface ImageAffine {
  /** Source pixel -> output pixel (x right, y down), Float64Array(9) row by row. */
  matrix: Float64Array;
  width: number;
  height: number;
  /** det A = ±s² (areas scale by |det A|; negative when flipped once). */
  determinant: number;
}

/** image-lab (engine/include/mlplay/image/homography.h): H from the 8×8 system A h = b. */
export interface ImageHomography {
  matrix: Float64Array;
  /** A, 64 numbers row by row, and b, 8 numbers. */
  a: Float64Array;
  b: Float64Array;
}

/** gradient-descent: a loss surface f(x, y), built-in or typed (engine/include/mlplay/optimization/surface.h). */
export interface LossSurface extends Deletable {
  /** bounds [xMin, xMax, yMin, yMax], the default start [x, y], the known minima [x0, y0, …], and L for a quadratic (else 0). */
  info(): { name: string; formula: string; bounds: Float64Array; start: Float64Array; minima: Float64Array; lipschitz: number };
  /** f sampled on a columns × rows grid, shaded by rank, and levelCount contour lines by marching squares. */
  contour(columns: number, rows: number, levelCount: number): {
    columns: number; rows: number; shade: Float32Array; levels: Float64Array; segments: Float32Array;
    segmentLevels: Int32Array; low: number; high: number; undefined: number;
  };
  /** One optimizer ('sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam' | 'adamw') for `steps` steps from
   *  (x0, y0) with a schedule ('constant' | 'step' | 'cosine' | 'warmup'); stops a path that diverges. */
  descend(optimizer: string, lr: number, steps: number, x0: number, y0: number, schedule: string): {
    x: Float64Array; y: Float64Array; loss: Float64Array; lr: Float64Array; stepsTaken: number; diverged: boolean; reason: string;
  };
  value(x: number, y: number): number;
}

/** checkSurfaceExpression's verdict on a typed f(x, y). */
export interface SurfaceExpressionCheck {
  valid: boolean;
  message: string;
  /** 1-based character of the problem; 0 when valid. */
  position: number;
  parsed: string;
}

/** curve-fitting: one model trained by Adam on the MSE (bindings/wasm/curve_fitting.cpp). */
export interface CurveFitter extends Deletable {
  /** Takes `count` Adam steps; returns the training MSE after them. */
  step(count: number): number;
  loss(): number;
  steps(): number;
  /** True once the loss stopped being finite (training stops). */
  diverged(): boolean;
  predict(x: Float64Array): Float64Array;
  mse(x: Float64Array, y: Float64Array): number;
  /** y − ŷ at each point. */
  residuals(x: Float64Array, y: Float64Array): Float64Array;
  /** In the data's units, e.g. names ['slope m', 'intercept b']. */
  parameters(): { names: string[]; values: number[] };
  scaledParameters(): Float64Array;
  formula(): string;
}

/** One named tensor copied out of the engine: a layer's activations, a parameter or its gradient. */
export interface NamedTensor {
  /** PyTorch-style name ("0.weight") or the layer's index ("2"). */
  name: string;
  /** "parameter", "gradient", or the layer ("conv2d 1→8, 3×3, padding 1"). */
  description: string;
  shape: number[];
  data: Float32Array;
}

export interface ModelSummary {
  /** Shape of one input sample, e.g. [1, 28, 28]. */
  input: number[];
  layers: { name: string; description: string; outputShape: number[] }[];
  parameterCount: number;
}

/** A network built from a JSON spec and trained batch by batch (engine/include/mlplay/train/).
 *  Spec: {"input": [1, 28, 28], "layers": [{"type": "conv2d", "out": 8, "kernel": 3, "padding": 1},
 *  {"type": "relu"}, {"type": "maxpool2d", "kernel": 2}, {"type": "flatten"}, {"type": "linear", "out": 10}]}.
 *  Options: {"optimizer": "sgd|momentum|nesterov|adagrad|rmsprop|adam|adamw|lion", "lr": 0.001,
 *  "weightDecay": 0, "loss": "cross_entropy|mse"}. Inputs are Float32Arrays of whole samples
 *  (row-major, batch first); cross_entropy targets are class indices as floats. */
export interface Model extends Deletable {
  /** zero_grad → forward → loss → backward → step; returns the loss. Throws when the loss is not finite. */
  trainBatch(inputs: Float32Array, targets: Float32Array): number;
  evaluate(inputs: Float32Array, targets: Float32Array): number;
  /** Outputs (batch × output size), eval mode. */
  predict(inputs: Float32Array): Float32Array;
  /** Every layer's output for the inputs, in order. */
  activations(inputs: Float32Array): NamedTensor[];
  /** Parameters, or with `true` their gradients from the last trainBatch (zeros before). */
  parameters(gradients: boolean): NamedTensor[];
  summary(): ModelSummary;
  setLearningRate(lr: number): void;
  learningRate(): number;
  /** The state_dict as safetensors bytes (loads in PyTorch with the same names). */
  save(): Uint8Array;
  load(bytes: Uint8Array): void;
}

export interface MlplayModule {
  buildInfo(): BuildInfo;
  /** Threads used by the engine's parallel_for from now on, 1..maxThreads. */
  setNumThreads(n: number): void;
  getNumThreads(): number;
  /** Resume from (samples, inside), or start fresh with (seed, 0, 0). */
  PiEstimator: new (seed: number, samples: number, inside: number) => PiEstimator;
  dartsPerBlock: number;
  /** Build a network from a JSON spec with training options (JSON) and an initialization seed. */
  Model: new (spec: string, options: string, seed: number) => Model;
  /** Benchmarks only (bench/web): C = A @ B on random n×m buffers kept in wasm memory. */
  GemmBench: new (m: number, n: number, k: number) => GemmBench;
  /** Benchmarks only: a SIMD128 mul+add loop (pattern 0 or 1) of `iterations` steps; returns its FLOP count. */
  peakMulAdd(pattern: number, iterations: number): number;
  /** derivatives: parse without throwing. */
  checkExpression(text: string): ExpressionCheck;
  /** Throws an Error naming the position when the expression is malformed. */
  FunctionExplorer: new (expression: string) => FunctionExplorer;
  /** vectors-2d: the built-in shapes and their corner points [x0, y0, …]. */
  shapeNames(): string[];
  shapeVertices(name: string): Float32Array;
  /** Shape s has counts[s] points of xy and matrix matrices[9s … 9s+8]; returns all points transformed. */
  transformBatch(matrices: Float32Array, counts: Int32Array, xy: Float32Array): Float32Array;
  Transform2D: (new () => Transform2D) & {
    /** Steps in the order of the letters of a permutation of "srt" (s scale, r rotate, t translate). */
    fromOrder(order: string, degrees: number, sx: number, sy: number, tx: number, ty: number): Transform2D;
  };
  AsteroidsGame: new (seed: number) => AsteroidsGame;
  /** physics: an empty box (width, height, gravity, restitution), or a scene ('spring' | 'chain' | 'jelly' | 'balls')
   *  with springs of the given stiffness in N/m. */
  PhysicsSimulation: (new (width: number, height: number, gravity: number, restitution: number) => PhysicsSimulation) &
    (new (scene: string, stiffness: number) => PhysicsSimulation);
  /** The stiffness (N/m) a scene uses by default; 0 for a scene without springs. */
  physicsDefaultStiffness(scene: string): number;
  /** image-lab: the matrix F·R·Sh·S about the centre (rotate in degrees, flip 'none' | 'h' | 'v' | 'hv') and the output size. */
  imageAffine(width: number, height: number, rotate: number, scale: number, shear: number, flip: string): ImageAffine;
  /** image-lab: the homography taking the corners from [x0, y0, …, x3, y3] to `to`; throws when three are on one line. */
  imageHomography(from: ArrayLike<number>, to: ArrayLike<number>): ImageHomography;
  /** image-lab: the 3×3 product a · b (b applies first). */
  imageMultiply(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array;
  /** image-lab: M⁻¹ (Float64Array(9)); throws for a singular M. */
  imageInverse(matrix: ArrayLike<number>): Float64Array;
  /** image-lab: warps width × height RGBA by `matrix` (source -> output) into outWidth × outHeight, by inverse mapping. */
  imageWarp(pixels: Uint8ClampedArray | Uint8Array, width: number, height: number, matrix: ArrayLike<number>,
    outWidth: number, outHeight: number, sampling: 'nearest' | 'bilinear'): Uint8ClampedArray<ArrayBuffer>;
  /** gradient-descent: parse f(x, y) without throwing. */
  checkSurfaceExpression(text: string): SurfaceExpressionCheck;
  /** A built-in surface by name, or 'custom' for `expression` over [-halfWidth, halfWidth]²; throws on a bad one. */
  LossSurface: new (name: string, expression: string, halfWidth: number) => LossSurface;
  /** curve-fitting: the column names of a CSV text (throws naming the bad row and column). */
  csvHeader(text: string): string[];
  /** Two columns as numbers; ISO dates in x become day numbers from the earliest date. */
  csvColumns(text: string, x: string, y: string): { x: Float64Array; y: Float64Array; xDates: boolean; xFirstDate: string; rows: number };
  /** model: 'line' | 'poly:K' | 'exp' | 'sinusoid'; period: the sinusoid's starting period (0: half the x range). */
  CurveFitter: new (model: string, x: Float64Array, y: Float64Array, lr: number, period: number) => CurveFitter;
  /** The least-squares polynomial by the normal equations, scored on both sets and evaluated at xEval. */
  fitPolynomial(xTrain: Float64Array, yTrain: Float64Array, xVal: Float64Array, yVal: Float64Array, degree: number, xEval: Float64Array): {
    coefficients: Float64Array; trainMse: number; validationMse: number; conditionScaled: number; conditionRaw: number; prediction: Float64Array;
  };
  splitTrainValidation(n: number, trainFraction: number, holdOutEnd: boolean, seed: number): { train: Int32Array; validation: Int32Array };
  degreeSweep(xTrain: Float64Array, yTrain: Float64Array, xVal: Float64Array, yVal: Float64Array, maxDegree: number): { train: Float64Array; validation: Float64Array };
}

/** The factory Emscripten emits (-sMODULARIZE -sEXPORT_ES6 -sEXPORT_NAME=createMlplay). */
export default function createMlplay(options?: Record<string, unknown>): Promise<MlplayModule>;
