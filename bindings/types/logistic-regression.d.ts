// logistic-regression: LogisticRegressionLab (bindings/wasm/logistic-regression.cpp).
import type { Deletable } from './deletable';
import type { LogisticRegressionData, LogisticRegressionProba, LogisticRegressionProgress, LogisticRegressionResult } from '../../web/engine/protocol/logistic-regression';

/** logistic-regression: stratified training and test rows of a CSV, standardized on the training rows, and a
 *  LogisticRegression trained by batch gradient descent (bindings/wasm/logistic-regression.cpp). */
export interface LogisticRegressionLab extends Deletable {
  info(): Omit<LogisticRegressionData, 'columns' | 'target' | 'chosen'>;
  /** A fresh model, all parameters 0. */
  start(lr: number, l2: number): void;
  step(epochs: number): Omit<LogisticRegressionProgress, 'surface'>;
  result(): Omit<LogisticRegressionResult, keyof LogisticRegressionProgress | 'reason'>;
  /** size² × classes probabilities over [x0, x1] × [y0, y1] (two features only), top row first. */
  surface(size: number, x0: number, x1: number, y0: number, y1: number): Float64Array;
  proba(point: number[]): LogisticRegressionProba;
}

/** What bindings/wasm/logistic-regression.cpp adds to the module object. */
export interface LogisticRegressionModule {
  LogisticRegressionLab: new (text: string, target: string, features: string[], testFraction: number, seed: number) => LogisticRegressionLab;
}
