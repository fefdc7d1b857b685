// ensembles: random forests, AdaBoost, gradient boosting and the bias–variance experiment (bindings/wasm/ensembles.cpp).
import type { Deletable } from './deletable';
import type { EnsembleAdaBoostParams, EnsembleAdaBoostResult, EnsembleBiasVarianceResult, EnsembleForestResult } from '../../web/engine/protocol/ensembles';

/** ensembles: gradient boosting with squared loss (engine/include/mlplay/tree/gradient_boosting.h). */
export interface GradientBooster extends Deletable {
  /** Adds up to `count` trees; returns how many were added. */
  grow(count: number): number;
  trees(): number;
  /** MSE after 0, 1, … trees. */
  trainLoss(): Float64Array;
  validationLoss(): Float64Array;
  info(): { target: string; features: number; trainRows: number; testRows: number; init: number };
  importances(): { names: string[]; values: Float64Array };
  r2(): number;
}

/** What bindings/wasm/ensembles.cpp adds to the module object. */
export interface EnsemblesModule {
  /** ensembles: a random forest ('all' max features = bagging) on the CSV; OOB and test error after each tree. */
  fitForest(csv: string, options: {
    target: string; drop: string[]; missing: string; regression: boolean; trees: number; maxFeatures: string;
    maxDepth: number; minSamplesLeaf: number; testFraction: number; seed: number;
  }): EnsembleForestResult;
  /** ensembles: AdaBoost (SAMME) of small trees on moons or circles, with weights and regions per round. */
  adaBoostDemo(options: EnsembleAdaBoostParams): EnsembleAdaBoostResult;
  /** ensembles: gradient-boosted regression trees on the CSV's numeric target, grown on demand. */
  GradientBooster: new (csv: string, options: {
    target: string; drop: string[]; missing: string; trees: number; learningRate: number; maxDepth: number; testFraction: number; seed: number;
  }) => GradientBooster;
  /** ensembles: deep trees vs forests on many noisy samples of sin x (engine/include/mlplay/tree/bias_variance.h). */
  biasVariance(options: {
    datasets: number; points: number; noise: number; grid: number; forestTrees: number; maxDepth: number; seed: number;
  }): EnsembleBiasVarianceResult;
}
