// Worker task types of the ensembles lesson (the protocol itself is in ../protocol.ts).

export interface EnsembleForestParams {
  csv: string;
  target: string;
  drop: string[];
  missing: 'error' | 'drop' | 'fill';
  /** Numeric target (MSE) instead of classes (error rate). */
  regression: boolean;
  trees: number;
  /** 'sqrt' | 'log2' | 'all' (bagging) | a count | a fraction. */
  maxFeatures: string;
  maxDepth: number;
  minSamplesLeaf: number;
  testFraction: number;
  seed: number;
}

export interface EnsembleForestResult {
  target: string;
  features: number;
  /** Features tried per split. */
  maxFeatures: number;
  trainRows: number;
  testRows: number;
  /** Out-of-bag and test error after 1, 2, … trees. */
  oobHistory: Float64Array;
  testHistory: Float64Array;
  singleTreeTestError: number;
  importances: { names: string[]; values: Float64Array };
}

export interface EnsembleAdaBoostParams {
  dataset: 'moons' | 'circles';
  points: number;
  noise: number;
  rounds: number;
  maxDepth: number;
  learningRate: number;
  seed: number;
  gridSize: number;
}

export interface EnsembleAdaBoostResult {
  x: Float64Array;
  y: Float64Array;
  labels: Int32Array;
  rounds: number;
  /** Sample weights before round m (m = 0 … rounds, a row of points each). */
  weights: Float64Array;
  errors: Float64Array;
  alphas: Float64Array;
  /** Training accuracy of the first m rounds, m = 1 … rounds. */
  accuracy: Float64Array;
  /** Predicted class per cell after round m, rounds × size × size, row 0 at the top. */
  grids: Uint8Array;
  size: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface EnsembleBoostParams {
  csv: string;
  target: string;
  drop: string[];
  missing: 'error' | 'drop' | 'fill';
  trees: number;
  learningRate: number;
  maxDepth: number;
  testFraction: number;
  seed: number;
}

export interface EnsembleBoostProgress {
  trees: number;
  /** Training and validation MSE after 0 … trees trees. */
  trainLoss: Float64Array;
  validationLoss: Float64Array;
}

export interface EnsembleBoostResult extends EnsembleBoostProgress {
  reason: 'done' | 'stopped';
  target: string;
  features: number;
  trainRows: number;
  testRows: number;
  init: number;
  r2: number;
  importances: { names: string[]; values: Float64Array };
}

export interface EnsembleBiasVarianceParams {
  datasets: number;
  points: number;
  noise: number;
  forestTrees: number;
  maxDepth: number;
  seed: number;
}

export interface EnsembleBiasVarianceResult {
  x: Float64Array;
  truth: Float64Array;
  /** datasets × grid predictions. */
  treePredictions: Float64Array;
  forestPredictions: Float64Array;
  treeMean: Float64Array;
  forestMean: Float64Array;
  treeBias2: number;
  treeVariance: number;
  forestBias2: number;
  forestVariance: number;
  sampleX: Float64Array;
  sampleY: Float64Array;
}
