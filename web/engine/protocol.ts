// The closed message protocol between a page and its engine worker (STYLE.md 11).
//   page → worker: init | run | cancel        worker → page: ready | progress | result | error
// Each task names its params, progress and result types here, so client.run() is fully typed.

export type BuildKind = 'mt' | 'st';

export interface EngineInfo {
  build: BuildKind;
  simd: boolean;
  /** Threads the engine uses by default (all it can). */
  threads: number;
  maxThreads: number;
}

// ---- tasks ----------------------------------------------------------------------------------

export interface PiRunParams {
  seed: number;
  /** Resume after this many darts… */
  samples: number;
  /** …of which this many landed inside. */
  inside: number;
  /** Darts per engine call. */
  batch: number;
  threads: number;
  /** Stop when this many darts are thrown in all; 0 runs until cancelled. */
  stopAt: number;
  /** How many of each report's newest darts to send back for drawing. */
  sampleDarts: number;
}

export interface PiProgress {
  samples: number;
  inside: number;
  estimate: number;
  stderr: number;
  /** Engine throughput over the last report: darts per second of compute. */
  dartsPerSecond: number;
  /** [x0, y0, x1, y1, …] for up to sampleDarts of the darts thrown since the last report. */
  darts: Float32Array;
}

export interface PiResult {
  samples: number;
  inside: number;
  estimate: number;
  stderr: number;
  reason: 'cancelled' | 'reached-stop';
}

// vectors-2d: shapes moved by 3×3 matrices, and the Asteroids game.

/** One shape and its transform: steps in the order of the letters of `order` (a permutation of "srt"). */
export interface Vectors2dShapeSpec {
  shape: string;
  order: string;
  /** Degrees, counter-clockwise. */
  rotate: number;
  scaleX: number;
  scaleY: number;
  translateX: number;
  translateY: number;
}

export interface Vectors2dTransformParams {
  items: Vectors2dShapeSpec[];
}

export interface Vectors2dTransformed {
  /** Each step with its matrix (9 entries, row by row), first applied first. */
  steps: { op: 'scale' | 'rotate' | 'translate'; matrix: number[] }[];
  /** The composed matrix M = M_3 · M_2 · M_1, row by row. */
  matrix: number[];
  determinant: number;
  /** The shape's own corner points [x0, y0, …]. */
  model: Float32Array;
  /** The points after step 1, 2 and 3 (3 blocks of model.length). */
  stages: Float32Array;
  /** The points after all steps, M p. */
  points: Float32Array;
  /** M applied to the origin, (1, 0) and (0, 1): where the shape's own axes land. */
  axes: Float32Array;
}

export interface Vectors2dTransformResult {
  shapeNames: string[];
  items: Vectors2dTransformed[];
}

export interface AsteroidsStepParams {
  /** Start a new game (with `seed`) before stepping. */
  reset: boolean;
  seed: number;
  /** Seconds since the last frame, 0 to 0.25. */
  dt: number;
  left: boolean;
  right: boolean;
  thrust: boolean;
  fire: boolean;
}

export interface AsteroidsFrame {
  /** Every transformed vertex [x0, y0, …] in world units (20 × 15, centred, y up). */
  vertices: Float32Array;
  /** Points per shape, and per shape 0 ship, 1 flame, 2 asteroid, 3 bullet. */
  counts: Int32Array;
  kinds: Uint8Array;
  /** The ship's model matrix T · R · S, row by row. */
  shipMatrix: number[];
  shipAngle: number;
  score: number;
  lives: number;
  level: number;
  over: boolean;
  invulnerable: boolean;
  asteroids: number;
  bullets: number;
}

export type PhysicsIntegrator = 'euler' | 'semi-implicit' | 'verlet' | 'rk4';
export type PhysicsSceneName = 'spring' | 'chain' | 'jelly' | 'balls';

/** A paused physics simulation as the engine hands it back: enough to resume it exactly. */
export interface PhysicsSnapshot {
  width: number;
  height: number;
  gravity: number;
  restitution: number;
  /** 7 per ball: x, y, vx, vy, mass, radius, fixed (1 or 0). */
  balls: Float64Array;
  /** 4 per spring: a, b, stiffness, rest length. */
  springs: Float64Array;
  time: number;
  steps: number;
  initialEnergy: number;
  maxAbsDrift: number;
}

/** What the page draws each frame; energies in joules, computed by the engine. */
export interface PhysicsFrame {
  time: number;
  steps: number;
  /** [x0, y0, x1, y1, …] in metres. */
  positions: Float32Array;
  kinetic: number;
  potential: number;
  total: number;
  initialEnergy: number;
  /** (E − E₀) / |E₀| and its largest magnitude so far. */
  drift: number;
  maxAbsDrift: number;
  blownUp: boolean;
}

export interface PhysicsSceneParams {
  scene: PhysicsSceneName;
  /** Spring stiffness in N/m; null: the scene's default. */
  stiffness: number | null;
}

export type PhysicsEdit =
  | { kind: 'add-ball'; x: number; y: number; radius: number; mass: number }
  | { kind: 'add-spring'; a: number; b: number; stiffness: number }
  | { kind: 'gravity'; gravity: number };

export interface PhysicsEditParams {
  snapshot: PhysicsSnapshot;
  edit: PhysicsEdit;
}

export interface PhysicsRunParams {
  snapshot: PhysicsSnapshot;
  integrator: PhysicsIntegrator;
  /** Time step in seconds. */
  dt: number;
  /** Simulated seconds per real second (1: real time). Ignored when maxSteps > 0. */
  speed: number;
  /** 0: run in real time until cancelled; N > 0: take N steps as fast as possible, then stop. */
  maxSteps: number;
}

export interface PhysicsState {
  snapshot: PhysicsSnapshot;
  frame: PhysicsFrame;
}

export interface PhysicsSceneResult extends PhysicsState {
  /** The stiffness the scene's springs were built with (N/m); 0 for a scene without springs. */
  stiffness: number;
}

export interface PhysicsRunResult extends PhysicsState {
  reason: 'cancelled' | 'done' | 'blown-up';
}

// derivatives: f(x) typed by the learner, its numerical derivative, the tangent at a point, the
// step-size error sweep and the critical points (engine/include/mlplay/calculus/).

export interface DerivativesPlotParams {
  expression: string;
  from: number;
  to: number;
  /** Step of the central difference drawn as f'. */
  h: number;
  /** Points along [from, to]. */
  samples: number;
}

/** A malformed expression: the engine's message and the 1-based character position it names. */
export interface DerivativesInvalid {
  valid: false;
  message: string;
  position: number;
}

export interface DerivativesCriticalPoint {
  x: number;
  y: number;
  kind: 'max' | 'min' | 'inflection';
  /** The second difference D²f(x). */
  secondDerivative: number;
  /** False when f'' ≈ 0 and the sign of f' on either side decided. */
  bySecondDerivative: boolean;
}

export interface DerivativesInflectionPoint {
  x: number;
  y: number;
  slope: number;
}

export interface DerivativesCurve {
  valid: true;
  /** How the parser read the expression ("2x" -> "2*x"). */
  parsed: string;
  /** f, the central difference with step h, and the exact derivative (forward-mode AD); NaN = gap. */
  x: Float32Array;
  f: Float32Array;
  derivative: Float32Array;
  exactDerivative: Float32Array;
  fLow: number;
  fHigh: number;
  derivativeLow: number;
  derivativeHigh: number;
  /** Points where f is not finite. */
  undefined: number;
  critical: DerivativesCriticalPoint[];
  inflections: DerivativesInflectionPoint[];
  truncated: boolean;
}

export type DerivativesPlotResult = DerivativesCurve | DerivativesInvalid;

export interface DerivativesPointParams {
  expression: string;
  a: number;
  h: number;
  from: number;
  to: number;
}

export interface DerivativesTangent {
  a: number;
  fa: number;
  /** Central difference with step h. */
  slope: number;
  exactSlope: number;
  error: number;
  secondDerivative: number;
  /** The tangent's endpoints at x = from and x = to. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface DerivativesSweep {
  /** h = 10^-16 … 10^0, and |error| of the central and forward differences at a, with the two model terms. */
  h: Float32Array;
  central: Float32Array;
  forward: Float32Array;
  truncation: Float32Array;
  roundoff: Float32Array;
  exact: number;
  bestH: number;
  bestError: number;
  modelBestH: number;
}

export interface DerivativesPointResult {
  tangent: DerivativesTangent;
  sweep: DerivativesSweep;
}

export interface DerivativesRollParams {
  expression: string;
  start: number;
  learningRate: number;
  maxSteps: number;
  from: number;
  to: number;
}

/** The path of x ← x − η f'(x), and why it stopped. */
export interface DerivativesRollResult {
  x: Float32Array;
  y: Float32Array;
  slope: Float32Array;
  reason: 'flat' | 'left the interval' | 'undefined' | 'step limit';
}

// image-lab: rotate, scale, shear, flip and perspective-warp a photo by inverse mapping
// (engine/include/mlplay/image/). The page decodes the photo; the engine builds the matrices and warps.

export type ImageLabFlip = 'none' | 'h' | 'v' | 'hv';

export interface ImageLabWarpParams {
  /** The source photo, width × height RGBA (ImageData layout). */
  pixels: Uint8ClampedArray;
  width: number;
  height: number;
  /** Degrees; positive turns the picture clockwise on screen (y points down). */
  rotate: number;
  scale: number;
  /** x' = x + shear · y */
  shear: number;
  flip: ImageLabFlip;
  /** Where the affine result's corners go (top-left, top-right, bottom-right, bottom-left), as
   *  fractions [x0, y0, …, x3, y3] of the output size; the unit square's corners leave it as it is. */
  corners: number[];
}

export interface ImageLabWarpResult {
  /** A = F·R·Sh·S about the centre, the homography H and M = H·A (source -> output), 9 entries row by row. */
  affine: number[];
  homography: number[];
  matrix: number[];
  /** det A, from the engine. */
  affineDeterminant: number;
  /** M⁻¹: what inverse mapping applies to each output pixel. */
  inverse: number[];
  /** The 8×8 system A h = b solved for H (64 + 8 numbers). */
  systemA: number[];
  systemB: number[];
  width: number;
  height: number;
  nearest: Uint8ClampedArray<ArrayBuffer>;
  bilinear: Uint8ClampedArray<ArrayBuffer>;
  /** Engine time for each warp. */
  nearestMs: number;
  bilinearMs: number;
}

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

// curve-fitting: CSV columns in, gradient-descent fits with streamed loss out.

export interface CurveFittingLoadParams {
  /** CSV text with a header row. */
  text: string;
  /** Columns to read; null (or a name the header lacks) picks the first two columns that read as numbers. */
  x: string | null;
  y: string | null;
}

export interface CurveFittingData {
  header: string[];
  x: string;
  y: string;
  xValues: Float64Array;
  yValues: Float64Array;
  /** The x column held ISO dates, now day numbers from xFirstDate. */
  xDates: boolean;
  xFirstDate: string;
}

export type CurveFittingModel = 'line' | 'poly' | 'exp' | 'sinusoid';

export interface CurveFittingFitParams {
  x: Float64Array;
  y: Float64Array;
  model: CurveFittingModel;
  /** Polynomial degree 0–12 (poly only). */
  degree: number;
  steps: number;
  lr: number;
  /** Sinusoid starting period in x units; 0 picks half the x range. */
  period: number;
  trainFraction: number;
  holdout: 'random' | 'end';
  seed: number;
}

export interface CurveFittingProgress {
  step: number;
  trainLoss: number;
  validationLoss: number;
}

export interface CurveFittingResult {
  reason: 'done' | 'stopped' | 'diverged';
  steps: number;
  formula: string;
  parameters: { name: string; value: number }[];
  trainMse: number;
  validationMse: number;
  /** 1 where the point is in the training set. */
  isTrain: Uint8Array;
  /** y − ŷ of every point. */
  residuals: Float64Array;
  /** The fitted curve sampled across the x range. */
  curveX: Float64Array;
  curveY: Float64Array;
  /** Closed-form least squares of the same degree (line and poly only). */
  closedForm: {
    coefficients: Float64Array;
    trainMse: number;
    validationMse: number;
    conditionScaled: number;
    conditionRaw: number;
    curveY: Float64Array;
  } | null;
  /** Closed-form MSE for degree 0…12 on the same split (NaN where too few training points). */
  sweep: { train: Float64Array; validation: Float64Array };
}

export interface Tasks {
  'pi.run': { params: PiRunParams; progress: PiProgress; result: PiResult };
  'derivatives.plot': { params: DerivativesPlotParams; progress: never; result: DerivativesPlotResult };
  'derivatives.point': { params: DerivativesPointParams; progress: never; result: DerivativesPointResult };
  'derivatives.roll': { params: DerivativesRollParams; progress: never; result: DerivativesRollResult };
  'physics.scene': { params: PhysicsSceneParams; progress: never; result: PhysicsSceneResult };
  'physics.edit': { params: PhysicsEditParams; progress: never; result: PhysicsState };
  'physics.run': { params: PhysicsRunParams; progress: PhysicsFrame; result: PhysicsRunResult };
  'vectors2d.transform': { params: Vectors2dTransformParams; progress: never; result: Vectors2dTransformResult };
  'vectors2d.asteroids': { params: AsteroidsStepParams; progress: never; result: AsteroidsFrame };
  'curveFitting.load': { params: CurveFittingLoadParams; progress: never; result: CurveFittingData };
  'curveFitting.fit': { params: CurveFittingFitParams; progress: CurveFittingProgress; result: CurveFittingResult };
  'imagelab.warp': { params: ImageLabWarpParams; progress: never; result: ImageLabWarpResult };
  'gradientDescent.surface': { params: GdSurfaceParams; progress: never; result: GdSurfaceResult };
  'gradientDescent.race': { params: GdRaceParams; progress: never; result: GdRaceResult };
}

export type TaskName = keyof Tasks;
export type ParamsOf<T extends TaskName> = Tasks[T]['params'];
export type ProgressOf<T extends TaskName> = Tasks[T]['progress'];
export type ResultOf<T extends TaskName> = Tasks[T]['result'];

// ---- messages -------------------------------------------------------------------------------

export type ToWorker =
  | { type: 'init'; build: BuildKind; wasmBase: string }
  | { type: 'run'; id: number; task: TaskName; params: unknown }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'ready'; info: EngineInfo }
  | { type: 'progress'; id: number; data: unknown }
  | { type: 'result'; id: number; data: unknown }
  | { type: 'error'; id: number | null; message: string };
