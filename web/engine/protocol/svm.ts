// Worker task types of the svm lesson (the protocol itself is in ../protocol.ts).

export type SvmKernel = 'linear' | 'rbf' | 'poly';
export type SvmExample = 'blobs' | 'overlap' | 'moons' | 'circles';

export interface SvmExampleParams {
  name: SvmExample;
  seed: number;
}

export interface SvmSetup {
  /** CSV text with a header row and a class column. */
  csv: string;
  target: string;
  /** The two features used; '' = the first (second). */
  x: string;
  y: string;
  kernel: SvmKernel;
  C: number;
  gamma: number;
  degree: number;
  coef0: number;
  /** Hard margin: C = 1,000,000 instead of C. */
  hard: boolean;
  seed: number;
}

export interface SvmFitParams extends SvmSetup {
  /** Stratified test share in [0, 1). */
  testFraction: number;
  /** Decision-grid cells a side. */
  grid: number;
  /** Sub-gradient descent (linear kernel, two classes): base step and epochs. */
  lr: number;
  epochs: number;
}

export interface SvmMachine {
  /** Rows of `points` that are support vectors of this machine. */
  support: Int32Array;
  /** 1 where that support vector's α reached C (inside the margin or misclassified). */
  atC: Uint8Array;
  intercept: number;
  iterations: number;
  converged: boolean;
  /** Linear kernel: w. */
  w?: Float64Array;
}

export interface SvmFitResult {
  featureNames: string[];
  classes: string[];
  x: string;
  y: string;
  /** [x0, y0, …] standardized with the training rows. */
  points: Float64Array;
  labels: Int32Array;
  isTest: Uint8Array;
  trainRows: number;
  testRows: number;
  bounds: [number, number, number, number];
  grid: number;
  /** Two classes: f at each cell (image order); more: the largest one-vs-rest f. */
  values: Float32Array;
  /** The predicted class of each cell. */
  regions: Uint8Array;
  /** One machine for two classes (class 1 vs class 0), else one per class (one-vs-rest). */
  machines: SvmMachine[];
  /** The C used (1e6 for a hard margin). */
  C: number;
  supportCount: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** Linear kernel, two classes: the primal by sub-gradient descent. */
  subgradient: { objective: Float64Array; bestObjective: number; w: Float64Array; b: number; smoObjective: number } | null;
}

export interface SvmGridParams extends SvmSetup {
  /** The same split as svm.fit: only the training rows are cross-validated. */
  testFraction: number;
  Cs: number[];
  gammas: number[];
  folds: number;
}

export interface SvmGridProgress {
  done: number;
  total: number;
  /** Mean accuracy (Cs × gammas), NaN where not yet scored. */
  mean: Float64Array;
}

export interface SvmGridResult extends SvmGridProgress {
  std: Float64Array;
  bestC: number;
  bestGamma: number;
  stopped: boolean;
}
