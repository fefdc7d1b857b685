// decision-tree: one call that grows a CART tree on a CSV (bindings/wasm/decision-tree.cpp).
import type { DecisionTreeResult } from '../../web/engine/protocol/decision-tree';

/** What bindings/wasm/decision-tree.cpp adds to the module object. */
export interface DecisionTreeModule {
  /** decision-tree: reads the CSV (one-hot text columns; missing cells 'error' | 'drop' | 'fill'), splits it stratified,
   *  grows a CART tree ('gini' | 'entropy'; maxDepth 0 = no limit) and returns nodes, importances, accuracies, the
   *  accuracy-over-depth sweep, each test row's path, and decision regions when there are two features. Throws naming
   *  the row and column of bad data or the bad option. Shapes: web/engine/protocol/decision-tree.ts. */
  fitDecisionTree(csv: string, options: {
    target: string; features: string[]; drop: string[]; missing: string; criterion: string; maxDepth: number;
    minSamplesSplit: number; minSamplesLeaf: number; testFraction: number; seed: number; sweepDepth: number; gridSize: number;
  }): DecisionTreeResult;
}
