// Worker task types of the knn-naive-bayes lesson (the protocol itself is in ../protocol.ts).

export type KnnMetric = 'euclidean' | 'manhattan' | 'cosine';
export type KnnWeights = 'uniform' | 'distance';

export interface KnnNbParams {
  /** CSV text with a header row and a class column. */
  csv: string;
  target: string;
  /** Feature names for the picture's axes; '' picks the first (second) feature. */
  x: string;
  y: string;
  /** Standardize every feature with the training rows' mean and standard deviation. */
  standardize: boolean;
  /** Share of rows held out for testing (stratified); 0 = every row trains. */
  testFraction: number;
  seed: number;
  k: number;
  metric: KnnMetric;
  weights: KnnWeights;
  /** Accuracy against k is computed for k = 1 … kMax (at most the training rows). */
  kMax: number;
  /** Cells a side of the decision-region grid. */
  grid: number;
  /** The plotted rectangle [x0, x1, y0, y1], or null for the data's box padded by 8%. */
  bounds: [number, number, number, number] | null;
}

export interface KnnNbScores {
  trainRight: number;
  testRight: number;
  /** NaN when there is no test set. */
  trainAccuracy: number;
  testAccuracy: number;
  /** Test accuracy of the same model on every feature, not just the pair. */
  allTestAccuracy: number;
  /** The most probable class of every grid cell (image order, first row at the top) and its probability. */
  regions: { labels: Uint8Array; confidence: Float32Array };
}

export interface KnnNbResult {
  featureNames: string[];
  classes: string[];
  x: string;
  y: string;
  /** [x0, y0, x1, y1, …] of every row on the chosen pair (standardized when asked). */
  points: Float64Array;
  labels: Int32Array;
  /** 1 for a test row. */
  isTest: Uint8Array;
  trainRows: number;
  testRows: number;
  bounds: [number, number, number, number];
  grid: number;
  /** k-NN; `k` is the k used (at most the training rows). */
  knn: KnnNbScores & { k: number };
  /** Gaussian naive Bayes with θ and σ² (classes × 2, row-major) on the pair and the priors. */
  gnb: KnnNbScores & { theta: Float64Array; var: Float64Array; prior: Float64Array };
  /** Accuracy of k-NN for k = 1 … length: on the pair (train, test) and on all features (test). */
  curve: { train: Float64Array; test: Float64Array | null; allTest: Float64Array | null };
}

export interface KnnNbBlobsParams {
  count: number;
  seed: number;
}

export interface KnnNbBlobsResult {
  /** [x0, y0, …] in [0, 10]², 2 decimals. */
  xy: Float64Array;
  labels: Int32Array;
}
