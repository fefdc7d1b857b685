// Worker task types of the linear-regression lesson (the protocol itself is in ../protocol.ts).

export interface RegressionMetrics {
  mse: number;
  mae: number;
  r2: number;
}

export interface HessianSpectrum {
  largest: number;
  smallest: number;
  condition: number;
}

export interface LinearRegressionLoadParams {
  /** CSV text with a header row. */
  text: string;
  /** The numeric target column; null (or a name the header lacks) picks the last numeric column. */
  target: string | null;
  /** Feature columns; null = every column but the target. */
  features: string[] | null;
  testFraction: number;
  seed: number;
  standardize: boolean;
}

export interface LinearRegressionLabInfo {
  /** Feature names after one-hot encoding (`column=level`). */
  features: string[];
  rows: number;
  trainRows: number;
  testRows: number;
  droppedRows: number;
  hessianRaw: HessianSpectrum;
  hessianScaled: HessianSpectrum;
  /** Standard deviation of each feature on the training rows. */
  featureSd: Float64Array;
}

export interface LinearRegressionData extends LinearRegressionLabInfo {
  columns: { name: string; numeric: boolean }[];
  target: string;
  /** The CSV columns used as features. */
  chosen: string[];
}

export type LinearRegressionPenalty = 'none' | 'ridge' | 'lasso';

export interface LinearRegressionFit {
  intercept: number;
  /** In the original units (per square foot, per year…). */
  coef: Float64Array;
  /** Per standard deviation of each feature: comparable across features. */
  standardizedCoef: Float64Array;
  train: RegressionMetrics;
  test: RegressionMetrics;
  trainActual: Float64Array;
  trainPredicted: Float64Array;
  testActual: Float64Array;
  testPredicted: Float64Array;
  /** The single feature's values (one-feature models only). */
  trainX?: Float64Array;
  testX?: Float64Array;
  /** cond(XᵀX + nλI) (normal equation only; NaN for the lasso). */
  condition: number;
}

export interface LinearRegressionPaths {
  /** Log-spaced, largest first: ridge 1e4 … 1e-4, lasso λ_max … λ_max·1e-4. */
  ridgeLambdas: Float64Array;
  lassoLambdas: Float64Array;
  /** (grid points × features) standardized coefficients, row-major. */
  ridge: Float64Array;
  lasso: Float64Array;
  ridgeTestMse: Float64Array;
  lassoTestMse: Float64Array;
  lassoNonzero: Float64Array;
}

export interface LinearRegressionScalingRace {
  /** Training MSE per epoch (index 0 = before the first step) with raw and standardized features. */
  raw: Float64Array;
  scaled: Float64Array;
  lrRaw: number;
  lrScaled: number;
  /** The normal equation's training MSE (NaN when singular). */
  best: number;
}

export interface LinearRegressionAnalyzeParams {
  penalty: LinearRegressionPenalty;
  lambda: number;
  /** Points on the λ grid of the coefficient paths. */
  pathPoints: number;
  /** Epochs of the scaled-vs-raw race. */
  raceEpochs: number;
}

export interface LinearRegressionAnalysis {
  /** null with `error` set when the fit failed (a singular XᵀX). */
  fit: LinearRegressionFit | null;
  error: string;
  paths: LinearRegressionPaths;
  race: LinearRegressionScalingRace;
}

export interface LinearRegressionGdParams {
  /** 0 = batch gradient descent. */
  batchSize: number;
  lr: number;
  epochs: number;
  /** Ridge penalty (0 = least squares). */
  lambda: number;
  seed: number;
}

export interface LinearRegressionGdProgress {
  epoch: number;
  diverged: boolean;
  trainMse: number;
  testMse: number;
  intercept: number;
  standardizedCoef: Float64Array;
}

export interface LinearRegressionGdResult {
  reason: 'done' | 'stopped' | 'diverged';
  epochs: number;
  fit: LinearRegressionFit;
  /** The normal equation's answer to the same problem (null when singular), for the comparison. */
  exact: LinearRegressionFit | null;
}
