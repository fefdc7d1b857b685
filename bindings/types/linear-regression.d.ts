// linear-regression: LinearRegressionLab and the CSV column kinds (bindings/wasm/linear-regression.cpp).
import type { Deletable } from './deletable';
import type { LinearRegressionFit, LinearRegressionGdProgress, LinearRegressionLabInfo, LinearRegressionPaths, LinearRegressionScalingRace } from '../../web/engine/protocol/linear-regression';

/** linear-regression: training and test rows of a CSV (text columns one-hot, first level dropped; rows with
 *  missing cells left out), standardized on the training rows when asked (bindings/wasm/linear-regression.cpp). */
export interface LinearRegressionLab extends Deletable {
  info(): LinearRegressionLabInfo;
  /** method 'normal' (λ = ridge penalty, 0 = least squares) or 'lasso'; throws naming a singular XᵀX's culprit. */
  fit(method: string, lambda: number): LinearRegressionFit & { sweeps?: number };
  /** Gradient descent from zero; batchSize 0 = batch. */
  startGd(lr: number, batchSize: number, lambda: number, seed: number): void;
  gdStep(epochs: number): LinearRegressionGdProgress;
  gdResult(): LinearRegressionFit;
  paths(count: number): LinearRegressionPaths;
  scalingRace(epochs: number): LinearRegressionScalingRace;
}

/** What bindings/wasm/linear-regression.cpp adds to the module object. */
export interface LinearRegressionModule {
  LinearRegressionLab: new (text: string, target: string, features: string[], testFraction: number, seed: number, standardize: boolean) => LinearRegressionLab;
  /** Each CSV column's name and whether every non-empty cell is a number. */
  csvColumnKinds(text: string): { name: string; numeric: boolean }[];
}
