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
  /** Mean microseconds per step of predict's one-sample fast path (batch norm folded, layers fused)
   * over `repeats` runs of one sample; empty when a layer has no fast path. */
  profileInference(inputs: Float32Array, repeats: number): { step: string; microseconds: number }[];
  /** Parameters, or with `true` their gradients from the last trainBatch (zeros before). */
  parameters(gradients: boolean): NamedTensor[];
  summary(): ModelSummary;
  setLearningRate(lr: number): void;
  learningRate(): number;
  /** The state_dict as safetensors bytes (loads in PyTorch with the same names). */
  save(): Uint8Array;
  load(bytes: Uint8Array): void;
}

/** ab-testing: everything the two-sided two-proportion z-test reports (engine/include/mlplay/stats/ab_test.h).
 *  Rates and differences are fractions (0.05 = 5%); intervals are at level 1 − alpha. */
export interface AbTestResult {
  rateA: number;
  rateB: number;
  /** Each rate's own Wald interval. */
  rateAInterval: { low: number; high: number };
  rateBInterval: { low: number; high: number };
  /** rateB − rateA. */
  difference: number;
  /** rateB / rateA − 1: Infinity when only A has no conversions, NaN when neither has. */
  lift: number;
  pooledRate: number;
  /** sqrt(p̄ (1 − p̄) (1/nA + 1/nB)), the spread of the difference under H0. */
  standardError: number;
  z: number;
  pValue: number;
  zCritical: number;
  significant: boolean;
  /** The unpooled spread used for the difference's interval. */
  differenceStandardError: number;
  differenceInterval: { low: number; high: number };
  /** Katz's log interval for the lift; NaN bounds when an arm has no conversions. */
  liftInterval: { low: number; high: number };
}

/** ab-testing: experiments that look at their data `looks` times (engine/include/mlplay/stats/peeking.h).
 *  Experiment i depends only on (options, seed, i). Counts are cumulative over every run(). */
export interface PeekingSimulator extends Deletable {
  /** Simulates the next `count` experiments on all engine threads. */
  run(count: number): void;
  experiments(): number;
  /** [k]: experiments significant at some look ≤ k + 1. */
  rejectedByLook(): Float64Array;
  /** Experiments significant at the last look (the fixed-horizon test). */
  rejectedAtEnd(): number;
  /** Experiments significant at some look with the Bonferroni threshold. */
  rejectedBonferroni(): number;
  zCritical(): number;
  zBonferroni(): number;
  /** Visitors per arm at each look. */
  lookVisitors(): Float64Array;
  /** Experiment `index`'s z at every look. */
  zPath(index: number): Float64Array;
}

/** recommender: MovieLens ratings read by the engine (bindings/wasm/recommender.cpp). Movie ids are the
 *  file's ids; `similarity` is 'dot' | 'cosine' | 'centered'. */
export interface Recommender extends Deletable {
  summary(): { users: number; movies: number; ratings: number; minRating: number; maxRating: number };
  /** Every rated movie, most rated first. */
  movies(): { ids: Int32Array; titles: string[]; years: Int32Array; counts: Int32Array; means: Float32Array };
  /** User–user CF for your ratings: the `neighbours` most similar users, the top `top` movies (k neighbours
   *  per movie, at least minSupport of them), and every user's rating count and similarity to you. */
  recommend(movieIds: ArrayLike<number>, ratings: ArrayLike<number>, similarity: string, k: number, top: number,
    minSupport: number, neighbours: number): {
    /** indices: user index (0-based, into `users`); meanCount: mean number of movies these users rated. */
    neighbours: { indices: Int32Array; userIds: Int32Array; similarities: Float64Array; overlaps: Int32Array; counts: Int32Array; meanCount: number };
    items: RecommenderPredictions;
    /** positive / negative: how many users have a similarity above / below 0. */
    users: { counts: Int32Array; similarities: Float64Array; meanCount: number; positive: number; negative: number };
  };
  /** Held-out RMSE of the baselines on the split (testFraction of each user's ratings, seed). */
  baselines(testFraction: number, seed: number): { globalMean: number; userMean: number; itemMean: number; userItemBias: number; train: number; test: number };
  /** Held-out RMSE of user–user CF with k neighbours; coverage: share predicted from neighbours. */
  evaluate(similarity: string, k: number, testFraction: number, seed: number): { rmse: number; coverage: number };
}

export interface RecommenderPredictions {
  movieIds: Int32Array;
  scores: Float64Array;
  /** Neighbours behind each score (CF), or the movie's number of ratings (matrix factorization). */
  supports: Int32Array;
}

/** recommender: a matrix factorization trained by SGD on the training split plus you. */
export interface MatrixFactorization extends Deletable {
  /** One SGD epoch over the training ratings; returns the training RMSE. */
  epoch(): number;
  epochs(): number;
  diverged(): boolean;
  trainRmse(): number;
  testRmse(): number;
  /** Your top movies among those with at least minRatings ratings. */
  recommend(top: number, minRatings: number): RecommenderPredictions;
}

/** pca: one data set and its PCA, fitted a component at a time (engine/include/mlplay/linalg/pca.h). */
export interface PcaSession extends Deletable {
  /** CSV text; label: a column name, '' to pick the first text column, 'none' for none. Throws naming a bad row and column. */
  loadCsv(text: string, label: string): void;
  /** The first `count` images of MNIST IDX files (pixels / 255). */
  loadMnist(images: Uint8Array, labels: Uint8Array, count: number): void;
  dataInfo(): { samples: number; features: number; featureNames: string[]; label: string; classes: string[]; ignored: string[]; labels: Int32Array };
  /** Centres (and with standardize scales) the data and forms the covariance; returns its trace. */
  prepare(standardize: boolean, tolerance: number, maxIterations: number, seed: number): number;
  /** Power iteration with deflation for the next component. */
  fitNext(): { value: number; ratio: number; iterations: number; residual: number; converged: boolean };
  nFitted(): number;
  totalVariance(): number;
  /** Scores on the first k components, n × k row by row. */
  scores(k: number): Float32Array;
  /** The first k unit eigenvectors, k × d row by row. */
  components(k: number): Float32Array;
  moments(): { mean: Float64Array; scale: Float64Array; covariance: Float64Array };
  /** Sample `index` rebuilt from k components, in the data's units. */
  reconstruct(index: number, k: number): { original: Float32Array; reconstruction: Float32Array; squaredError: number };
  /** σ_1…σ_k of the centred data by power iteration on Zᵀ(Z w), and |cos| to the covariance eigenvectors. */
  singularValues(k: number): { values: Float64Array; alignment: Float64Array };
}

/** mnist-draw: the lesson's CNN (engine/include/mlplay/train/mnist.h) with MNIST kept in wasm memory.
 *  Results are the protocol's types (web/engine/protocol/mnist-draw.ts). */
export interface DigitReaderTrainStep {
  diverged: boolean;
  /** Why, when diverged (the weights are back to the last good ones). */
  message?: string;
  /** Mean loss of the steps run. */
  loss: number;
  steps: number;
  /** 1-based epoch and step within it of the newest step. */
  epoch: number;
  step: number;
  stepsPerEpoch: number;
  epochEnded: boolean;
  finished: boolean;
  lr: number;
  modelVersion: number;
}

export interface DigitReader extends Deletable {
  info(): import('../web/engine/protocol/mnist-draw').MnistModelInfo;
  /** Safetensors bytes of this network (throws naming the problem otherwise). */
  load(bytes: Uint8Array): void;
  save(): Uint8Array;
  /** Prepares width × height ink (0–1) as MNIST digits were made and runs the network on it. */
  read(ink: Float32Array, width: number, height: number, maps: boolean): import('../web/engine/protocol/mnist-draw').MnistReadResult;
  /** Times the network on this drawing: `repeats` readings back to back, mean µs per fused step. */
  profile(ink: Float32Array, width: number, height: number, repeats: number): import('../web/engine/protocol/mnist-draw').MnistProfileResult;
  /** Keeps the IDX files' digits (parsed and checked by the engine) for training or scoring. */
  setData(which: 'train' | 'test', imagesIdx: Uint8Array, labelsIdx: Uint8Array): void;
  dataCount(which: 'train' | 'test'): number;
  /** A new run: fresh optimizer (and weights from seed when 'scratch'), one-cycle schedule to peak lr. */
  startTraining(start: 'scratch' | 'finetune', optimizer: string, lr: number, batch: number, epochs: number,
    augment: boolean, seed: number, trainDigits: number): { stepsPerEpoch: number; modelVersion: number };
  /** Up to `steps` steps, stopping at the end of an epoch. */
  trainSteps(steps: number): DigitReaderTrainStep;
  /** Accuracy and mean cross-entropy on the first `count` test digits. */
  score(count: number): { accuracy: number; loss: number; count: number };
  mistakes(limit: number): import('../web/engine/protocol/mnist-draw').MnistMistakesResult;
  version(): number;
}

/** distributions: a family's summary (engine/include/mlplay/stats/distributions.h). Families: 'normal' (a = μ, b = σ),
 *  'binomial' (n, p), 'poisson' (λ), 'exponential' (λ), 'uniform' (a, b), 'beta' (α, β), 'gamma' (k, θ). */
export interface DistributionInfo {
  description: string;
  discrete: boolean;
  /** 'Box–Muller' | 'inverse CDF' | 'rejection'. */
  sampler: string;
  quantileClosedForm: boolean;
  mean: number;
  variance: number;
  std: number;
  skewness: number;
  /** [lo, hi] worth plotting. */
  range: Float64Array;
}

export interface DistributionCurve {
  x: Float64Array;
  /** Density, or the PMF at whole-number x for binomial and Poisson. */
  pdf: Float64Array;
  cdf: Float64Array;
}

export interface SampleMoments {
  count: number;
  mean: number;
  variance: number;
  std: number;
  skewness: number;
}

/** distributions: draws (n = 1) or means of n draws from one family, kept for summaries
 *  (engine/include/mlplay/stats/sample_run.h). The same seed gives the same values. */
export interface SampleRun extends Deletable {
  /** Appends `count` more values (2,000,000 at most in all). */
  draw(count: number): void;
  count(): number;
  moments(): SampleMoments;
  /** μ, σ²/n and γ/√n: what the values should show (count 0). */
  expected(): SampleMoments;
  /** Proposals per accepted gamma draw for the rejection samplers, else 1. */
  proposalsPerDraw(): number;
  /** The values binned over range(), scaled to a density; cumulative: the empirical CDF at each bin's right edge. */
  histogram(): { low: number; width: number; centers: Float64Array; density: Float64Array; cumulative: Float64Array; below: number; above: number };
  range(): Float64Array;
  ksToDistribution(): number;
  ksToNormal(): number;
  /** N(μ, σ²/n) over range(). */
  normalCurve(points: number): DistributionCurve;
}

/** kmeans: one data set and one k-means run stepped by the page (engine/include/mlplay/cluster/kmeans.h). */
export interface KMeansSession extends Deletable {
  /** CSV text; label: the group column, '' to pick the first text column, 'none'. Throws naming a bad row and column. */
  loadCsv(text: string, label: string): void;
  /** n points around `centers` random centres in [−10, 10]², standard deviation `spread`; the blob is each point's group. */
  loadBlobs(n: number, centers: number, spread: number, seed: number): void;
  info(): {
    samples: number; features: number; featureNames: string[]; label: string; classes: string[]; skipped: string[];
    groups: Int32Array; points: Float32Array;
  };
  /** init: 'kmeans++' | 'random'. Picks the starting centroids and assigns every point (iteration 0). */
  start(k: number, init: string, seed: number, standardize: boolean, maxIter: number, tol: number): KMeansRunState;
  /** One Lloyd iteration: centroids to their clusters' means, then points to their nearest centroid. */
  step(): KMeansRunState;
  state(): KMeansRunState;
  /** Sizes, the mean silhouette (NaN for one cluster; a 2,000-point sample for larger data) and clusters × groups counts. */
  summary(): { sizes: Float64Array; silhouette: number; crosstab: Int32Array };
  /** The best of nInit runs with k clusters, for the elbow and silhouette plots. */
  sweepOne(k: number, init: string, nInit: number, seed: number, standardize: boolean): { inertia: number; silhouette: number; iterations: number };
}

export interface KMeansRunState {
  iteration: number; moved: number; shift: number; inertia: number; relocated: number; converged: boolean; done: boolean;
  tolerance: number; labels: Int32Array; centroids: Float64Array; initial: Int32Array;
}

/** minigpt: one GPT with its byte-level BPE tokenizer (engine/include/mlplay/gpt/session.h). Every method but
 *  info/startTraining throws an Error naming the problem when no model is loaded. */
export interface MiniGptToken {
  id: number;
  token: string;
  /** Text this token adds (partial UTF-8 characters held back until complete). */
  text: string;
  prob: number;
  top: import('../web/engine/protocol/minigpt').MinigptTopTokens;
  /** layers × heads × windowLength (empty unless asked for). */
  attention: Float32Array;
  windowLength: number;
  windowStart: number;
}

export interface MiniGpt extends Deletable {
  info(): Omit<import('../web/engine/protocol/minigpt').MinigptModelInfo, 'slot'>;
  /** A safetensors file written by save() or `mlplay train gpt` (config and tokenizer in its metadata). */
  load(bytes: Uint8Array): void;
  save(): Uint8Array;
  tokenize(text: string): { ids: Int32Array; tokens: string[]; byteLengths: Int32Array; contextLength: number };
  /** Encodes the prompt (its last contextLength - 1 tokens are kept) and fills the KV cache. */
  beginGeneration(prompt: string, temperature: number, topK: number, topP: number, seed: number):
    { ids: Int32Array; tokens: string[]; byteLengths: Int32Array; dropped: number };
  /** Samples one token and advances the cache. */
  nextToken(attention: boolean): MiniGptToken;
  /** Every id sampled since beginGeneration, and their text decoded as a whole. */
  sampled(): { ids: Int32Array; text: string };
  inspect(ids: Int32Array, position: number, temperature: number):
    Omit<import('../web/engine/protocol/minigpt').MinigptInspectResult, 'ok' | 'message'>;
  /** size 'tiny' | 'small'. Learns the tokenizer, builds a fresh model; ok false (with a message) for too little text. */
  startTraining(text: string, size: string, steps: number, batch: number, lr: number, seed: number):
    { ok: boolean; message: string; neededChars: number; givenChars: number };
  /** Up to `steps` optimizer steps; loss is their mean (throws when training diverges). */
  trainSteps(steps: number): { loss: number; step: number; lr: number; tokensPerStep: number };
  validationLoss(): number;
  /** Records steps and the validation loss in the model and ends the run. */
  finishTraining(valLoss: number): void;
  version(): number;
}

/** clustering: one data set for DBSCAN, agglomerative clustering and a Gaussian mixture stepped by EM
 *  (engine/include/mlplay/cluster/{dbscan,hierarchical,gaussian_mixture}.h). */
export interface ClusteringSession extends Deletable {
  /** shape: 'moons' | 'circles' | 'blobs' (3 blobs; noise is their spread). */
  loadShape(shape: string, n: number, noise: number, seed: number): void;
  loadCsv(text: string, label: string): void;
  info(): { samples: number; features: number; featureNames: string[]; label: string; classes: string[]; groups: Int32Array; points: Float32Array };
  /** kinds: 0 noise, 1 border, 2 core; labels −1 for noise. */
  dbscan(eps: number, minSamples: number, standardize: boolean): { labels: Int32Array; kinds: Int32Array; clusters: number; noise: number };
  /** linkage: 'single' | 'complete' | 'average' | 'ward'. Keeps the merges for cut and clustersAt. */
  linkage(linkage: string, standardize: boolean): { a: Float64Array; b: Float64Array; height: Float64Array; size: Float64Array; order: Int32Array };
  cut(k: number): Int32Array;
  clustersAt(height: number): number;
  gmmStart(k: number, seed: number, standardize: boolean): GmmSessionState;
  gmmStep(): GmmSessionState;
  gmmState(): GmmSessionState;
  gmmBic(kMax: number, seed: number, standardize: boolean): Float64Array;
  kmeansLabels(k: number, seed: number, standardize: boolean): Int32Array;
}

export interface GmmSessionState {
  iteration: number; logLikelihood: number; converged: boolean; bic: number;
  weights: Float64Array; means: Float64Array; covariances: Float64Array; labels: Int32Array;
}

export interface MlplayModule {
  buildInfo(): BuildInfo;
  /** ensembles: a random forest ('all' max features = bagging) on the CSV; OOB and test error after each tree. */
  fitForest(csv: string, options: {
    target: string; drop: string[]; missing: string; regression: boolean; trees: number; maxFeatures: string;
    maxDepth: number; minSamplesLeaf: number; testFraction: number; seed: number;
  }): import('../web/engine/protocol/ensembles').EnsembleForestResult;
  /** ensembles: AdaBoost (SAMME) of small trees on moons or circles, with weights and regions per round. */
  adaBoostDemo(options: import('../web/engine/protocol/ensembles').EnsembleAdaBoostParams): import('../web/engine/protocol/ensembles').EnsembleAdaBoostResult;
  /** ensembles: gradient-boosted regression trees on the CSV's numeric target, grown on demand. */
  GradientBooster: new (csv: string, options: {
    target: string; drop: string[]; missing: string; trees: number; learningRate: number; maxDepth: number; testFraction: number; seed: number;
  }) => GradientBooster;
  /** ensembles: deep trees vs forests on many noisy samples of sin x (engine/include/mlplay/tree/bias_variance.h). */
  biasVariance(options: {
    datasets: number; points: number; noise: number; grid: number; forestTrees: number; maxDepth: number; seed: number;
  }): import('../web/engine/protocol/ensembles').EnsembleBiasVarianceResult;
  /** decision-tree: reads the CSV (one-hot text columns; missing cells 'error' | 'drop' | 'fill'), splits it stratified,
   *  grows a CART tree ('gini' | 'entropy'; maxDepth 0 = no limit) and returns nodes, importances, accuracies, the
   *  accuracy-over-depth sweep, each test row's path, and decision regions when there are two features. Throws naming
   *  the row and column of bad data or the bad option. Shapes: web/engine/protocol/decision-tree.ts. */
  fitDecisionTree(csv: string, options: {
    target: string; features: string[]; drop: string[]; missing: string; criterion: string; maxDepth: number;
    minSamplesSplit: number; minSamplesLeaf: number; testFraction: number; seed: number; sweepDepth: number; gridSize: number;
  }): import('../web/engine/protocol/decision-tree').DecisionTreeResult;
  /** pca: an empty session; loadCsv or loadMnist, then prepare and fitNext. */
  PcaSession: new () => PcaSession;
  /** kmeans: an empty session; loadCsv or loadBlobs, then start and step. */
  KMeansSession: new () => KMeansSession;
  /** clustering: an empty session; loadShape or loadCsv, then dbscan, linkage, gmmStart… */
  ClusteringSession: new () => ClusteringSession;
  /** clustering: the adjusted Rand index of two labelings of the same points (1 identical, about 0 chance). */
  adjustedRandIndex(a: Int32Array, b: Int32Array): number;
  /** kmeans: RGBA pixels repainted with `colors` k-means colours fitted on `sample` random pixels. */
  quantizeColors(rgba: Uint8ClampedArray | Uint8Array, colors: number, init: string, seed: number, sample: number): {
    palette: Uint8Array; counts: Float64Array; rgba: Uint8ClampedArray<ArrayBuffer>; mse: number; iterations: number; sampled: number;
  };
  /** Threads used by the engine's parallel_for from now on, 1..maxThreads. */
  setNumThreads(n: number): void;
  getNumThreads(): number;
  /** Resume from (samples, inside), or start fresh with (seed, 0, 0). */
  PiEstimator: new (seed: number, samples: number, inside: number) => PiEstimator;
  dartsPerBlock: number;
  /** Build a network from a JSON spec with training options (JSON) and an initialization seed. */
  Model: new (spec: string, options: string, seed: number) => Model;
  /** mnist-draw: the lesson's CNN, freshly initialized (load the shipped weights next). */
  DigitReader: new () => DigitReader;
  /** minigpt: a GPT and its tokenizer (one per slot in the worker). */
  MiniGpt: new () => MiniGpt;
  /** The mnist-draw CNN's JSON spec (for a Model with the same layers, e.g. in benchmarks). */
  mnistCnnSpec(): string;
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
  /** recommender: parses MovieLens ratings (userId, movieId, rating) and movies (movieId, title, year, genres) CSV text. */
  Recommender: new (ratingsCsv: string, moviesCsv: string) => Recommender;
  /** factors 1–500, lr in (0, 1], reg λ in [0, 10]; centered: μ + b_u + b_i + p·q, else p·q. */
  MatrixFactorization: new (data: Recommender, movieIds: ArrayLike<number>, ratings: ArrayLike<number>, factors: number,
    lr: number, reg: number, centered: boolean, testFraction: number, seed: number) => MatrixFactorization;
  /** ab-testing: the two-proportion z-test of B against A at level alpha; throws for 0 visitors, conversions > visitors, or no variation. */
  abTest(conversionsA: number, visitorsA: number, conversionsB: number, visitorsB: number, alpha: number): AbTestResult;
  /** Power of the two-sided test with `visitorsPerArm` in each arm when the true rates are rateA and rateB. */
  abPower(rateA: number, rateB: number, visitorsPerArm: number, alpha: number): number;
  /** Visitors per arm to reach `power`; throws when the rates are equal. */
  abSampleSize(rateA: number, rateB: number, alpha: number, power: number): number;
  /** abPower at `points` visitor counts from 0 to maxVisitorsPerArm. */
  abPowerCurve(rateA: number, rateB: number, alpha: number, maxVisitorsPerArm: number, points: number): { x: Float64Array; y: Float64Array };
  /** The N(mean, std²) density at `points` x from `from` to `to`. */
  abDensityCurve(mean: number, std: number, from: number, to: number, points: number): { x: Float64Array; y: Float64Array };
  PeekingSimulator: new (rateA: number, rateB: number, visitorsPerArm: number, looks: number, alpha: number, seed: number) => PeekingSimulator;
  /** information-theory: H(p), H(q), H(p, q), KL(p‖q), KL(q‖p) and each outcome's term, in 'bits' or 'nats';
   *  throws when p or q is not a distribution (naming the entry or the sum) or their lengths differ. Infinity where q misses an outcome p needs. */
  informationMeasures(p: ArrayLike<number>, q: ArrayLike<number>, unit: string): {
    entropyP: number; entropyQ: number; crossEntropy: number; klPQ: number; klQP: number;
    terms: { entropyP: Float64Array; entropyQ: Float64Array; crossEntropy: Float64Array; klPQ: Float64Array; klQP: Float64Array };
  };
  /** Throws an Error naming `name` and the bad entry or the sum when `p` is not a probability distribution. */
  checkDistribution(p: ArrayLike<number>, name: string): void;
  /** p with outcome `index` set to `value` and the others rescaled to share the rest. */
  withProbability(p: ArrayLike<number>, index: number, value: number): Float64Array;
  /** −log q and (1 − q)² at `points` q in (0, 1]. */
  lossCurves(points: number, unit: string): { q: Float64Array; crossEntropy: Float64Array; squaredError: Float64Array };
  /** distributions: summary of a family with parameters (a, b); throws naming a bad parameter. */
  distributionInfo(family: string, a: number, b: number): DistributionInfo;
  /** PDF/PMF and CDF over the family's plot range at `points` points (every whole number for discrete families). */
  distributionCurve(family: string, a: number, b: number, points: number): DistributionCurve;
  distributionCdf(family: string, a: number, b: number, x: number): number;
  distributionQuantile(family: string, a: number, b: number, p: number): number;
  /** Each value is the mean of n draws (1 ≤ n ≤ 1000). */
  SampleRun: new (family: string, a: number, b: number, n: number, seed: number) => SampleRun;
  /** knn-naive-bayes: fits k-NN and Gaussian naive Bayes on a CSV and returns both models' decision regions on the
   *  chosen feature pair, accuracies and the accuracy against k (engine/include/mlplay/classify/{knn,gaussian_nb}.h). */
  knnNaiveBayes(options: import('../web/engine/protocol/knn-naive-bayes').KnnNbParams): import('../web/engine/protocol/knn-naive-bayes').KnnNbResult;
  /** `count` points in 3 blobs inside [0, 10]², for the knn-naive-bayes drawing pad. */
  classifyExampleBlobs(count: number, seed: number): import('../web/engine/protocol/knn-naive-bayes').KnnNbBlobsResult;
  /** svm: a generated 2D set (blobs, overlap, moons, circles) as CSV text "x1,x2,class". */
  svmExampleCsv(name: string, seed: number): string;
  /** svm: fits SVC by SMO on the chosen pair (standardized) and returns the decision grid, support vectors and
   *  accuracies (engine/include/mlplay/classify/svm.h). */
  svmFit(options: import('../web/engine/protocol/svm').SvmFitParams): import('../web/engine/protocol/svm').SvmFitResult;
  /** svm: k-fold cross-validated accuracy over C × gamma, one cell per step(). */
  SvmGridSearch: new (options: import('../web/engine/protocol/svm').SvmGridParams) => SvmGridSearch;
  /** model-evaluation: the header row of a CSV. */
  modelEvalHeader(csv: string): string[];
  /** model-evaluation: k-fold cross-validation of a classifier, one fold per step(), then the held-out test set
   *  (engine/include/mlplay/evaluate/cross_validation.h). */
  ModelEvalCv: new (options: import('../web/engine/protocol/model-evaluation').EvalSetup) => ModelEvalCv;
  /** model-evaluation: ROC, precision–recall, calibration and a threshold table of out-of-fold probabilities. */
  modelEvalBinary(options: import('../web/engine/protocol/model-evaluation').EvalBinaryParams): import('../web/engine/protocol/model-evaluation').EvalBinaryResult;
  /** model-evaluation: a learning curve on the same folds, one training-set size per step()
   *  (engine/include/mlplay/evaluate/learning_curve.h). */
  ModelEvalCurve: new (options: import('../web/engine/protocol/model-evaluation').EvalCurveParams) => ModelEvalCurve;
  /** model-evaluation: bias², variance, noise and test MSE of polynomials of degree 1 … maxDegree
   *  (engine/include/mlplay/evaluate/bias_variance.h). */
  modelEvalBiasVariance(options: import('../web/engine/protocol/model-evaluation').EvalBiasVarianceParams): import('../web/engine/protocol/model-evaluation').EvalBiasVarianceResult;
}

/** model-evaluation: cross-validation stepped one fold at a time (bindings/wasm/model-evaluation.cpp). */
export interface ModelEvalCv extends Deletable {
  step(): boolean;
  done(): number;
  total(): number;
  setup(): import('../web/engine/protocol/model-evaluation').EvalSplit;
  perFold(): Float64Array;
  result(): Omit<import('../web/engine/protocol/model-evaluation').EvalCvResult, 'split' | 'stopped'>;
}

/** model-evaluation: a learning curve stepped one training-set size at a time. */
export interface ModelEvalCurve extends Deletable {
  step(): boolean;
  done(): number;
  total(): number;
  result(): import('../web/engine/protocol/model-evaluation').EvalCurve;
}

/** genetic-algorithm: strings evolving toward a target (engine/include/mlplay/evolve/string_evolver.h).
 *  Fitness 1 / (1 + d), d the summed alphabet distance to the target; roulette, single-point crossover, mutation. */
export interface StringEvolver extends Deletable {
  /** Breeds `generations` more generations. */
  step(generations: number): void;
  generation(): number;
  best(): string;
  bestDistance(): number;
  bestFitness(): number;
  meanFitness(): number;
  meanDistance(): number;
  solved(): boolean;
  /** The `count` fittest strings, fittest first. */
  top(count: number): { strings: string[]; distances: Float64Array; fitness: Float64Array };
}

/** genetic-algorithm: travelling salesman tours evolving (engine/include/mlplay/evolve/tour_evolver.h).
 *  Fitness 1 / length; roulette, order crossover, swap mutation. */
export interface TourEvolver extends Deletable {
  step(generations: number): void;
  generation(): number;
  /** City indices in visiting order. */
  bestTour(): Int32Array;
  bestLength(): number;
  meanLength(): number;
}
export interface MlplayModule {
  /** genetic-algorithm: '' when `target` can be evolved, else the message naming the characters outside the alphabet. */
  gaTargetProblem(target: string): string;
  /** The 69 characters strings are made of, in distance order. */
  gaAlphabet(): string;
  /** population 2 to 100,000; mutationRate in [0, 1]; throws naming a bad target or setting. */
  StringEvolver: new (target: string, population: number, mutationRate: number, elitism: boolean, seed: number) => StringEvolver;
  /** xy = [x0, y0, …] of 3 to 1000 cities. */
  TourEvolver: new (xy: ArrayLike<number>, population: number, mutationRate: number, elitism: boolean, seed: number) => TourEvolver;
  /** `count` cities uniform in the unit square, [x0, y0, …]. */
  randomCities(count: number, seed: number): Float64Array;
  /** Length of the closed tour through xy in the order `tour`. */
  tourLength(xy: ArrayLike<number>, tour: ArrayLike<number>): number;
}

/** svm: cross-validation over C × gamma stepped one cell at a time (bindings/wasm/svm.cpp). */
export interface SvmGridSearch extends Deletable {
  step(): boolean;
  done(): number;
  result(): { mean: Float64Array; std: Float64Array; bestC: number; bestGamma: number };
}

/** linear-regression: training and test rows of a CSV (text columns one-hot, first level dropped; rows with
 *  missing cells left out), standardized on the training rows when asked (bindings/wasm/linear-regression.cpp). */
export interface LinearRegressionLab extends Deletable {
  info(): import('../web/engine/protocol/linear-regression').LinearRegressionLabInfo;
  /** method 'normal' (λ = ridge penalty, 0 = least squares) or 'lasso'; throws naming a singular XᵀX's culprit. */
  fit(method: string, lambda: number): import('../web/engine/protocol/linear-regression').LinearRegressionFit & { sweeps?: number };
  /** Gradient descent from zero; batchSize 0 = batch. */
  startGd(lr: number, batchSize: number, lambda: number, seed: number): void;
  gdStep(epochs: number): import('../web/engine/protocol/linear-regression').LinearRegressionGdProgress;
  gdResult(): import('../web/engine/protocol/linear-regression').LinearRegressionFit;
  paths(count: number): import('../web/engine/protocol/linear-regression').LinearRegressionPaths;
  scalingRace(epochs: number): import('../web/engine/protocol/linear-regression').LinearRegressionScalingRace;
}
export interface MlplayModule {
  LinearRegressionLab: new (text: string, target: string, features: string[], testFraction: number, seed: number, standardize: boolean) => LinearRegressionLab;
  /** Each CSV column's name and whether every non-empty cell is a number. */
  csvColumnKinds(text: string): { name: string; numeric: boolean }[];
}

/** spam-filter: multinomial naive Bayes on the SpamAssassin corpus (bindings/wasm/spam_filter.cpp,
 *  engine/include/mlplay/text/spam_filter.h). */
export interface SpamFilter extends Deletable {
  /** Laplace smoothing α > 0; the counts stay, only the probabilities change. */
  setAlpha(alpha: number): void;
  alpha(): number;
  summary(): import('../web/engine/protocol/spam-filter').SpamSummary;
  /** The held-out messages scored with the current α (truth and predicted: 1 = spam). */
  evaluate(): { metrics: import('../web/engine/protocol/spam-filter').SpamMetrics; pSpam: Float64Array; predicted: Uint8Array; truth: Uint8Array };
  /** Held-out metrics for each α (the filter's α is left as it was). */
  alphaSweep(alphas: ArrayLike<number>): { accuracy: Float64Array; precision: Float64Array; recall: Float64Array; f1: Float64Array };
  /** Classifies any text; the `maxWords` strongest words come back. */
  classify(text: string, maxWords: number): import('../web/engine/protocol/spam-filter').SpamClassification;
  /** The index-th held-out message classified, with its true label. */
  testMessage(index: number, maxWords: number): Omit<import('../web/engine/protocol/spam-filter').SpamHeldOutMessage, 'index'>;
  /** What training learned about one token (lower case, or <url>, <email>, <number>). */
  wordStats(word: string): import('../web/engine/protocol/spam-filter').SpamWord;
  /** The k words pushing hardest towards 'spam' or 'ham' among words in at least minDocuments training messages. */
  topWords(label: 'spam' | 'ham', k: number, minDocuments: number): import('../web/engine/protocol/spam-filter').SpamWord[];
}
export interface MlplayModule {
  /** spam-filter: parses the gunzipped corpus file ('ham N' / 'spam N' records), decodes the e-mails, holds out a
   *  stratified testFraction with `seed` and counts words with smoothing α; throws naming a malformed record. */
  SpamFilter: new (corpus: Uint8Array, testFraction: number, seed: number, alpha: number) => SpamFilter;
  /** The tokens the spam filter counts in `text`. */
  spamTokenize(text: string): string[];
}

/** logistic-regression: stratified training and test rows of a CSV, standardized on the training rows, and a
 *  LogisticRegression trained by batch gradient descent (bindings/wasm/logistic-regression.cpp). */
export interface LogisticRegressionLab extends Deletable {
  info(): Omit<import('../web/engine/protocol/logistic-regression').LogisticRegressionData, 'columns' | 'target' | 'chosen'>;
  /** A fresh model, all parameters 0. */
  start(lr: number, l2: number): void;
  step(epochs: number): Omit<import('../web/engine/protocol/logistic-regression').LogisticRegressionProgress, 'surface'>;
  result(): Omit<import('../web/engine/protocol/logistic-regression').LogisticRegressionResult,
    keyof import('../web/engine/protocol/logistic-regression').LogisticRegressionProgress | 'reason'>;
  /** size² × classes probabilities over [x0, x1] × [y0, y1] (two features only), top row first. */
  surface(size: number, x0: number, x1: number, y0: number, y1: number): Float64Array;
  proba(point: number[]): import('../web/engine/protocol/logistic-regression').LogisticRegressionProba;
}
export interface MlplayModule {
  LogisticRegressionLab: new (text: string, target: string, features: string[], testFraction: number, seed: number) => LogisticRegressionLab;
}

/** hmm: a discrete hidden Markov model as plain data: matrices flat and row-major
 *  (transition K × K, emission K × M; engine/include/mlplay/hmm/hmm.h). */
export interface HmmSpec {
  states: string[];
  symbols: string[];
  start: ArrayLike<number>;
  transition: ArrayLike<number>;
  emission: ArrayLike<number>;
}

/** hmm: Baum–Welch on sequences sampled from a true model (the same experiment as `mlplay hmm fit`). */
export interface HmmFitter extends Deletable {
  /** One EM step; returns the log-likelihood before it. */
  step(): number;
  logLikelihood(): number;
  /** The true model's log-likelihood on the same sequences. */
  trueLogLikelihood(): number;
  iterations(): number;
  model(): HmmSpec & { start: Float64Array; transition: Float64Array; emission: Float64Array };
}
export interface MlplayModule {
  /** hmm: a preset model: 'casino' | 'weather' | 'fever'. */
  hmmPreset(name: string): HmmSpec & { start: Float64Array; transition: Float64Array; emission: Float64Array };
  /** '' when the model is usable, else what is wrong ("transition row 'Fair' sums to 0.9, not 1"). */
  hmmModelProblem(model: HmmSpec): string;
  /** Every row divided by its sum (an all-zero row becomes uniform). */
  hmmNormalized(model: HmmSpec): HmmSpec & { start: Float64Array; transition: Float64Array; emission: Float64Array };
  /** Symbol indices of a typed sequence; throws naming a token that is not a symbol. */
  hmmParseObservations(text: string, model: HmmSpec): Int32Array;
  /** Forward (scaled α̂, log α, c_t, log P(x)), posterior γ and its path, the Viterbi path and log P(path, x);
   *  tables are T × K row by row. Throws when the sequence is impossible under the model. */
  hmmAnalyze(model: HmmSpec, observations: ArrayLike<number>): {
    alphaHat: Float64Array; logAlpha: Float64Array; scale: Float64Array; logLikelihood: number;
    gamma: Float64Array; posteriorPath: Int32Array; viterbiPath: Int32Array; viterbiLogProbability: number;
  };
  hmmSample(model: HmmSpec, length: number, seed: number): { states: Int32Array; observations: Int32Array };
  /** Fraction of positions where two paths agree. */
  hmmAgreement(a: ArrayLike<number>, b: ArrayLike<number>): number;
  HmmFitter: new (truth: HmmSpec, sequences: number, length: number, seed: number) => HmmFitter;
}

/** ensembles: gradient boosting with squared loss (engine/include/mlplay/tree/gradient_boosting.h). */
export interface GradientBooster extends Deletable {
  /** Adds up to `count` trees; returns how many were added. */
  grow(count: number): number;
  trees(): number;
  /** MSE after 0, 1, … trees. */
  trainLoss(): Float64Array;
  validationLoss(): Float64Array;
  info(): { target: string; features: number; trainRows: number; testRows: number; init: number };
  importances(): { names: string[]; values: Float64Array };
  r2(): number;
}

/** The factory Emscripten emits (-sMODULARIZE -sEXPORT_ES6 -sEXPORT_NAME=createMlplay). */
export default function createMlplay(options?: Record<string, unknown>): Promise<MlplayModule>;
