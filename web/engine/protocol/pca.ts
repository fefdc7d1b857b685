// Worker task types of the pca lesson (the protocol itself is in ../protocol.ts).

export type PcaSource = 'iris' | 'wine' | 'digits' | 'mnist' | 'csv';

export interface PcaFitParams {
  source: PcaSource;
  /** CSV text (iris, wine, digits, csv). */
  csv?: string;
  /** MNIST IDX bytes (mnist). */
  images?: Uint8Array;
  labels?: Uint8Array;
  /** Images to use from the MNIST file. */
  count?: number;
  /** Label column: a name, '' to let the engine pick a text column, 'none' for no label. */
  label: string;
  standardize: boolean;
  /** Components to find by power iteration, 1 to the number of features. */
  components: number;
  /** Stop a component when ‖C v − λ v‖ ≤ tolerance · λ. */
  tolerance: number;
  /** Scores returned per sample: the first min(components, scoreColumns) components. */
  scoreColumns: number;
}

/** One component found. */
export interface PcaComponentProgress {
  index: number;
  value: number;
  ratio: number;
  iterations: number;
  residual: number;
  converged: boolean;
  /** Milliseconds of power iteration for this component. */
  ms: number;
}

export interface PcaFitResult {
  reason: 'done' | 'cancelled';
  /** True when the data and options were unchanged, so the fit continued from the last one. */
  reused: boolean;
  samples: number;
  features: number;
  featureNames: string[];
  label: string;
  classes: string[];
  ignored: string[];
  labels: Int32Array;
  totalVariance: number;
  fitted: PcaComponentProgress[];
  /** n × scoreColumns, row by row. */
  scores: Float32Array;
  scoreColumns: number;
  /** fitted × features, row by row: the unit eigenvectors. */
  components: Float32Array;
  mean: Float64Array;
  scale: Float64Array;
  /** features × features covariance (or correlation) matrix; empty when features > 30. */
  covariance: Float64Array;
  /** σ of the centred data for the first min(3, fitted) components, and |cos| between each right
   *  singular vector and the matching eigenvector. */
  singular: { values: Float64Array; alignment: Float64Array };
  /** Milliseconds to centre and form the covariance. */
  covarianceMs: number;
}

export interface PcaReconstructParams {
  sample: number;
  k: number;
}

export interface PcaReconstructResult {
  sample: number;
  k: number;
  original: Float32Array;
  reconstruction: Float32Array;
  squaredError: number;
}
