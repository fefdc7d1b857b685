// The one documented JS API of the wasm engine (what bindings/wasm/*.cpp exposes through embind).
// Loaded only by web/engine/worker.ts; lessons use web/engine/client.ts instead.
//
// Every function and method throws a JS Error carrying the C++ message when its arguments are bad,
// e.g. "set_num_threads: 3 threads requested; this build supports 1 to 2".
// Every object created with `new` must be released with `.delete()` (embind owns C++ memory).
//
// One declaration file per binding: bindings/types/<name>.d.ts documents bindings/wasm/<name>.cpp, its
// classes and the members it adds to the module object (<Area>Module). MlplayModule is all of them.

export * from './types/deletable';
export * from './types/engine_info';
export * from './types/ab-testing';
export * from './types/bench';
export * from './types/clustering';
export * from './types/curve_fitting';
export * from './types/decision-tree';
export * from './types/derivatives';
export * from './types/distributions';
export * from './types/ensembles';
export * from './types/genetic-algorithm';
export * from './types/gradient_descent';
export * from './types/hmm';
export * from './types/imagelab';
export * from './types/information-theory';
export * from './types/kmeans';
export * from './types/knn-naive-bayes';
export * from './types/linear-regression';
export * from './types/logistic-regression';
export * from './types/minigpt';
export * from './types/mnist_draw';
export * from './types/model-evaluation';
export * from './types/model';
export * from './types/pca';
export * from './types/physics';
export * from './types/pi';
export * from './types/recommender';
export * from './types/spam_filter';
export * from './types/svm';
export * from './types/vectors2d';

import type { EngineInfoModule } from './types/engine_info';
import type { AbTestingModule } from './types/ab-testing';
import type { BenchModule } from './types/bench';
import type { ClusteringModule } from './types/clustering';
import type { CurveFittingModule } from './types/curve_fitting';
import type { DecisionTreeModule } from './types/decision-tree';
import type { DerivativesModule } from './types/derivatives';
import type { DistributionsModule } from './types/distributions';
import type { EnsemblesModule } from './types/ensembles';
import type { GeneticAlgorithmModule } from './types/genetic-algorithm';
import type { GradientDescentModule } from './types/gradient_descent';
import type { HmmModule } from './types/hmm';
import type { ImageLabModule } from './types/imagelab';
import type { InformationTheoryModule } from './types/information-theory';
import type { KMeansModule } from './types/kmeans';
import type { KnnNaiveBayesModule } from './types/knn-naive-bayes';
import type { LinearRegressionModule } from './types/linear-regression';
import type { LogisticRegressionModule } from './types/logistic-regression';
import type { MiniGptModule } from './types/minigpt';
import type { MnistDrawModule } from './types/mnist_draw';
import type { ModelEvaluationModule } from './types/model-evaluation';
import type { ModelModule } from './types/model';
import type { PcaModule } from './types/pca';
import type { PhysicsModule } from './types/physics';
import type { PiModule } from './types/pi';
import type { RecommenderModule } from './types/recommender';
import type { SpamFilterModule } from './types/spam_filter';
import type { SvmModule } from './types/svm';
import type { Vectors2dModule } from './types/vectors2d';

/** The module object createMlplay resolves to: every binding's members together. */
export interface MlplayModule
  extends EngineInfoModule, AbTestingModule, BenchModule, ClusteringModule, CurveFittingModule,
    DecisionTreeModule, DerivativesModule, DistributionsModule, EnsemblesModule, GeneticAlgorithmModule,
    GradientDescentModule, HmmModule, ImageLabModule, InformationTheoryModule, KMeansModule,
    KnnNaiveBayesModule, LinearRegressionModule, LogisticRegressionModule, MiniGptModule, MnistDrawModule,
    ModelEvaluationModule, ModelModule, PcaModule, PhysicsModule, PiModule, RecommenderModule,
    SpamFilterModule, SvmModule, Vectors2dModule {}

/** The factory Emscripten emits (-sMODULARIZE -sEXPORT_ES6 -sEXPORT_NAME=createMlplay). */
export default function createMlplay(options?: Record<string, unknown>): Promise<MlplayModule>;
