// Worker task types of the logistic-regression lesson (the protocol itself is in ../protocol.ts).

export interface LogisticRegressionLoadParams {
  /** CSV text with a header row. */
  text: string;
  /** The class column; null (or a name the header lacks) picks the last text column, else the last column. */
  target: string | null;
  /** Feature columns; null = every column but the target. */
  features: string[] | null;
  testFraction: number;
  seed: number;
}

export interface LogisticRegressionData {
  columns: { name: string; numeric: boolean }[];
  target: string;
  /** The CSV columns used as features. */
  chosen: string[];
  /** Feature names after one-hot encoding. */
  features: string[];
  classes: string[];
  rows: number;
  trainRows: number;
  testRows: number;
  droppedRows: number;
  classCounts: Float64Array;
  /** Each feature's smallest and largest value (original units). */
  min: Float64Array;
  max: Float64Array;
}

export interface LogisticRegressionTrainParams {
  lr: number;
  /** L2 penalty λ on the weights. */
  l2: number;
  epochs: number;
  /** Probability-surface resolution (two features only; 0 = none). */
  gridSize: number;
  /** The surface's box in the two features' units: [x0, x1, y0, y1]. */
  box: [number, number, number, number];
}

export interface LogisticRegressionProgress {
  epoch: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  diverged: boolean;
  /** gridSize² × classes probabilities (two features only), sent now and then while training. */
  surface: Float64Array | null;
}

export interface LogisticRegressionResult extends LogisticRegressionProgress {
  reason: 'done' | 'stopped' | 'diverged';
  /** outputs × features (standardized units); one output row for two classes (the sigmoid). */
  weights: Float64Array;
  biases: Float64Array;
  /** classes × classes test counts, row = true class, column = predicted. */
  confusion: Float64Array;
  trainX: Float64Array;
  trainLabels: Int32Array;
  testX: Float64Array;
  testLabels: Int32Array;
  testPredicted: Int32Array;
}

export interface LogisticRegressionProbaParams {
  /** One value per feature, original units. */
  point: number[];
}

export interface LogisticRegressionProba {
  probabilities: Float64Array;
  /** The point's z-scores (what the model sees). */
  standardized: Float64Array;
}
