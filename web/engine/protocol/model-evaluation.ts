// Worker task types of the model-evaluation lesson (the protocol itself is in ../protocol.ts).

export type EvalModelKind = 'logreg' | 'knn' | 'gnb' | 'svm' | 'tree' | 'forest';
export type EvalMissing = 'error' | 'drop' | 'fill';

/** Every model's settings; each model reads its own. */
export interface EvalModel {
  kind: EvalModelKind;
  /** logreg: gradient-descent step, epochs, L2 penalty λ. */
  lr: number;
  epochs: number;
  l2: number;
  /** knn: neighbours. */
  k: number;
  /** svm (RBF): C and γ (0 = 1 / (features · Var X)). */
  C: number;
  gamma: number;
  /** tree / forest: max depth (0 = none); forest: trees. */
  maxDepth: number;
  trees: number;
}

export interface EvalSetup {
  /** CSV text with a header row and a class column. */
  csv: string;
  target: string;
  drop: string[];
  missing: EvalMissing;
  model: EvalModel;
  folds: number;
  stratified: boolean;
  /** Share of rows held out as the final test set, 0 to 0.5 (0 = none). */
  testFraction: number;
  seed: number;
}

/** The split and the folds, known before any model is fitted. */
export interface EvalSplit {
  classes: string[];
  featureNames: string[];
  target: string;
  rows: number;
  cvRows: number;
  testRows: number;
  droppedRows: number;
  /** Class of each cross-validated row, and the fold that holds it out. */
  labels: Int32Array;
  foldOf: Int32Array;
  /** folds × classes: the held-out rows of each fold, per class. */
  foldClassCounts: Int32Array;
  cvClassCounts: Int32Array;
  testClassCounts: Int32Array;
  /** The model in words, e.g. "k-NN (k = 5)". */
  model: string;
}

export interface EvalScores {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number;
  logLoss: number;
}

export interface EvalCvProgress {
  /** Present in the first message only. */
  split?: EvalSplit;
  done: number;
  total: number;
  /** done folds × [accuracy, precision, recall, F1, ROC AUC, log loss]. */
  perFold: Float64Array;
}

export interface EvalCvResult {
  split: EvalSplit;
  stopped: boolean;
  perFold: Float64Array;
  mean: EvalScores;
  sd: EvalScores;
  /** classes × classes, rows true, columns predicted (out of fold). */
  confusion: Int32Array;
  precision: Float64Array;
  recall: Float64Array;
  f1: Float64Array;
  /** cvRows × classes. */
  oofProba: Float64Array;
  oofPredicted: Int32Array;
  fileRows: Int32Array;
  rowText: string[];
  /** The held-out test set scored by a model fitted on all cross-validated rows. */
  holdout: EvalScores | null;
}

export interface EvalBinaryParams {
  proba: Float64Array;
  labels: Int32Array;
  classes: number;
  positive: number;
  bins: number;
  /** Threshold table rows: 0, 1/steps, …, 1. */
  steps: number;
}

export interface EvalBinaryResult {
  positives: number;
  negatives: number;
  rocFpr: Float64Array;
  rocTpr: Float64Array;
  auc: number;
  prPrecision: Float64Array;
  prRecall: Float64Array;
  averagePrecision: number;
  calibrationPredicted: Float64Array;
  calibrationFraction: Float64Array;
  calibrationCounts: Float64Array;
  thresholds: Float64Array;
  tp: Int32Array;
  fp: Int32Array;
  fn: Int32Array;
  tn: Int32Array;
  tpr: Float64Array;
  fpr: Float64Array;
  precision: Float64Array;
  f1: Float64Array;
}

export interface EvalCurveParams extends EvalSetup {
  points: number;
}

export interface EvalCurveProgress {
  done: number;
  total: number;
  curve: EvalCurve;
}

export interface EvalCurve {
  sizes: Float64Array;
  trainMean: Float64Array;
  trainSd: Float64Array;
  validationMean: Float64Array;
  validationSd: Float64Array;
}

export interface EvalCurveResult extends EvalCurveProgress {
  stopped: boolean;
}

export interface EvalBiasVarianceParams {
  datasets: number;
  points: number;
  noise: number;
  maxDegree: number;
  grid: number;
  keep: number;
  seed: number;
}

export interface EvalBiasVarianceResult {
  x: Float64Array;
  truth: Float64Array;
  /** Per degree 1 … maxDegree. */
  bias2: Float64Array;
  variance: Float64Array;
  noise: Float64Array;
  /** bias² + variance + noise: the expected test MSE. */
  sum: Float64Array;
  testMse: Float64Array;
  /** The degree of the lowest test MSE. */
  bestDegree: number;
  trainMse: Float64Array;
  /** maxDegree × keep × grid fitted values. */
  fits: Float32Array;
  /** maxDegree × grid: the mean fit over all data sets. */
  meanFit: Float64Array;
  sampleX: Float64Array;
  sampleY: Float64Array;
}
