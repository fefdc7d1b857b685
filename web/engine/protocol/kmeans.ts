// Worker task types of the kmeans lesson (the protocol itself is in ../protocol.ts).

export type KMeansInitName = 'kmeans++' | 'random';

export type KMeansLoadParams =
  | { source: 'blobs'; n: number; centers: number; spread: number; seed: number }
  | { source: 'csv'; csv: string; /** Group column: a name, '' to pick the first text column, 'none'. */ label: string };

export interface KMeansData {
  samples: number;
  features: number;
  featureNames: string[];
  /** The group column ('' when there is none) and its values; groups[i] indexes classes. */
  label: string;
  classes: string[];
  groups: Int32Array;
  /** Text columns that are not features. */
  skipped: string[];
  /** samples × features, row by row, in the data's units. */
  points: Float32Array;
}

export interface KMeansStartParams {
  k: number;
  init: KMeansInitName;
  seed: number;
  standardize: boolean;
  maxIter: number;
  tol: number;
}

/** The run after its initialization (iteration 0) or after an iteration. */
export interface KMeansState {
  iteration: number;
  /** Points that changed cluster in this iteration (all of them at iteration 0). */
  moved: number;
  /** √(Σ ‖c' − c‖²) over the centroids, in the units k-means works in (standardized or not). */
  shift: number;
  inertia: number;
  /** Empty clusters restarted at a far point in this iteration. */
  relocated: number;
  converged: boolean;
  done: boolean;
  /** The shift below which the run counts as converged: √(tol × mean feature variance). */
  tolerance: number;
  labels: Int32Array;
  /** k × features, in the data's units. */
  centroids: Float64Array;
  /** The data points the initialization picked, in order. */
  initial: Int32Array;
}

export interface KMeansSummary {
  sizes: Float64Array;
  /** NaN for a single cluster. */
  silhouette: number;
  /** k × classes counts: cluster against group. */
  crosstab: Int32Array;
}

export interface KMeansStepResult extends KMeansState {
  /** Present once the run is done. */
  summary?: KMeansSummary;
}

export interface KMeansSweepParams {
  kMax: number;
  init: KMeansInitName;
  nInit: number;
  seed: number;
  standardize: boolean;
}

export interface KMeansSweepRow {
  k: number;
  inertia: number;
  /** NaN for k = 1. */
  silhouette: number;
  iterations: number;
}

export interface KMeansSweepResult {
  rows: KMeansSweepRow[];
  reason: 'done' | 'cancelled';
}

export interface KMeansQuantizeParams {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
  colors: number;
  init: KMeansInitName;
  seed: number;
  /** Pixels k-means is fitted on. */
  sample: number;
}

export interface KMeansQuantizeResult {
  /** colors × 3 bytes (r, g, b), the most used colour first. */
  palette: Uint8Array;
  counts: Float64Array;
  rgba: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
  /** Mean squared error per pixel over r, g, b (0–255 units). */
  mse: number;
  iterations: number;
  sampled: number;
  ms: number;
}
