// model-evaluation: cross-validation, ROC and friends, learning curves, bias–variance (bindings/wasm/model-evaluation.cpp).
import type { Deletable } from './deletable';
import type { EvalBiasVarianceParams, EvalBiasVarianceResult, EvalBinaryParams, EvalBinaryResult, EvalCurve, EvalCurveParams, EvalCvResult, EvalSetup, EvalSplit } from '../../web/engine/protocol/model-evaluation';

/** model-evaluation: cross-validation stepped one fold at a time (bindings/wasm/model-evaluation.cpp). */
export interface ModelEvalCv extends Deletable {
  step(): boolean;
  done(): number;
  total(): number;
  setup(): EvalSplit;
  perFold(): Float64Array;
  result(): Omit<EvalCvResult, 'split' | 'stopped'>;
}

/** model-evaluation: a learning curve stepped one training-set size at a time. */
export interface ModelEvalCurve extends Deletable {
  step(): boolean;
  done(): number;
  total(): number;
  result(): EvalCurve;
}

/** What bindings/wasm/model-evaluation.cpp adds to the module object. */
export interface ModelEvaluationModule {
  /** model-evaluation: the header row of a CSV. */
  modelEvalHeader(csv: string): string[];
  /** model-evaluation: k-fold cross-validation of a classifier, one fold per step(), then the held-out test set
   *  (engine/include/mlplay/evaluate/cross_validation.h). */
  ModelEvalCv: new (options: EvalSetup) => ModelEvalCv;
  /** model-evaluation: ROC, precision–recall, calibration and a threshold table of out-of-fold probabilities. */
  modelEvalBinary(options: EvalBinaryParams): EvalBinaryResult;
  /** model-evaluation: a learning curve on the same folds, one training-set size per step()
   *  (engine/include/mlplay/evaluate/learning_curve.h). */
  ModelEvalCurve: new (options: EvalCurveParams) => ModelEvalCurve;
  /** model-evaluation: bias², variance, noise and test MSE of polynomials of degree 1 … maxDegree
   *  (engine/include/mlplay/evaluate/bias_variance.h). */
  modelEvalBiasVariance(options: EvalBiasVarianceParams): EvalBiasVarianceResult;
}
