// svm: example data, an SVC fitted by SMO, and the C × gamma grid search (bindings/wasm/svm.cpp).
import type { Deletable } from './deletable';
import type { SvmFitParams, SvmFitResult, SvmGridParams } from '../../web/engine/protocol/svm';

/** svm: cross-validation over C × gamma stepped one cell at a time (bindings/wasm/svm.cpp). */
export interface SvmGridSearch extends Deletable {
  step(): boolean;
  done(): number;
  result(): { mean: Float64Array; std: Float64Array; bestC: number; bestGamma: number };
}

/** What bindings/wasm/svm.cpp adds to the module object. */
export interface SvmModule {
  /** svm: a generated 2D set (blobs, overlap, moons, circles) as CSV text "x1,x2,class". */
  svmExampleCsv(name: string, seed: number): string;
  /** svm: fits SVC by SMO on the chosen pair (standardized) and returns the decision grid, support vectors and
   *  accuracies (engine/include/mlplay/classify/svm.h). */
  svmFit(options: SvmFitParams): SvmFitResult;
  /** svm: k-fold cross-validated accuracy over C × gamma, one cell per step(). */
  SvmGridSearch: new (options: SvmGridParams) => SvmGridSearch;
}
