// curve-fitting: the CSV reader, CurveFitter, the closed-form polynomial and the degree sweep (bindings/wasm/curve_fitting.cpp).
import type { Deletable } from './deletable';

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

/** What bindings/wasm/curve_fitting.cpp adds to the module object. */
export interface CurveFittingModule {
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
}
