// The closed message protocol between a page and its engine worker (STYLE.md 11).
//   page → worker: init | run | cancel        worker → page: ready | progress | result | error
// Each task names its params, progress and result types here, so client.run() is fully typed.

export type BuildKind = 'mt' | 'st';

export interface EngineInfo {
  build: BuildKind;
  simd: boolean;
  /** Threads the engine uses by default (all it can). */
  threads: number;
  maxThreads: number;
}

// ---- tasks ----------------------------------------------------------------------------------
// Each lesson keeps its task types in protocol/<lesson>.ts; they are all re-exported from here.
export type * from './protocol/pi';
export type * from './protocol/mnist-draw';
export type * from './protocol/vectors2d';
export type * from './protocol/physics';
export type * from './protocol/derivatives';
export type * from './protocol/imagelab';
export type * from './protocol/gradient-descent';
export type * from './protocol/curve-fitting';
export type * from './protocol/distributions';
export type * from './protocol/pca';
export type * from './protocol/recommender';
export type * from './protocol/ab-testing';
export type * from './protocol/information-theory';
import type { PiRunParams, PiProgress, PiResult } from './protocol/pi';
import type { MnistReadParams, MnistReadResult, MnistLoadParams, MnistModelInfo, MnistSaveResult, MnistDataParams, MnistDataProgress, MnistDataResult, MnistTrainParams, MnistTrainProgress, MnistTrainResult, MnistMistakesParams, MnistMistakesResult } from './protocol/mnist-draw';
import type { Vectors2dTransformParams, Vectors2dTransformResult, AsteroidsStepParams, AsteroidsFrame } from './protocol/vectors2d';
import type { PhysicsFrame, PhysicsSceneParams, PhysicsEditParams, PhysicsRunParams, PhysicsState, PhysicsSceneResult, PhysicsRunResult } from './protocol/physics';
import type { DerivativesPlotParams, DerivativesPlotResult, DerivativesPointParams, DerivativesPointResult, DerivativesRollParams, DerivativesRollResult } from './protocol/derivatives';
import type { ImageLabWarpParams, ImageLabWarpResult } from './protocol/imagelab';
import type { GdSurfaceParams, GdSurfaceResult, GdRaceParams, GdRaceResult } from './protocol/gradient-descent';
import type { PcaFitParams, PcaComponentProgress, PcaFitResult, PcaReconstructParams, PcaReconstructResult } from './protocol/pca';
import type { DistributionsDescribeParams, DistributionsDescribeResult, DistributionsSampleParams, DistributionsSampleProgress, DistributionsSampleResult } from './protocol/distributions';
import type { CurveFittingLoadParams, CurveFittingData, CurveFittingFitParams, CurveFittingProgress, CurveFittingResult } from './protocol/curve-fitting';
import type { RecommenderData, RecommenderLoadProgress, RecommenderCatalog, RecommenderRecommendParams, RecommenderRecommendResult, RecommenderEvaluateParams, RecommenderEvaluateResult, RecommenderTrainParams, RecommenderTrainProgress, RecommenderTrainResult } from './protocol/recommender';
import type { AbTestParams, AbTestOutcome, AbPlanParams, AbPlanOutcome, AbSimulateParams, AbSimulateProgress, AbSimulateResult } from './protocol/ab-testing';
import type { InformationParams, InformationOutcome } from './protocol/information-theory';

export interface Tasks {
  'mnistDraw.read': { params: MnistReadParams; progress: never; result: MnistReadResult };
  'mnistDraw.load': { params: MnistLoadParams; progress: never; result: MnistModelInfo };
  'mnistDraw.save': { params: Record<string, never>; progress: never; result: MnistSaveResult };
  'mnistDraw.data': { params: MnistDataParams; progress: MnistDataProgress; result: MnistDataResult };
  'mnistDraw.train': { params: MnistTrainParams; progress: MnistTrainProgress; result: MnistTrainResult };
  'mnistDraw.mistakes': { params: MnistMistakesParams; progress: never; result: MnistMistakesResult };
  'pca.fit': { params: PcaFitParams; progress: PcaComponentProgress; result: PcaFitResult };
  'pca.reconstruct': { params: PcaReconstructParams; progress: never; result: PcaReconstructResult };
  'pi.run': { params: PiRunParams; progress: PiProgress; result: PiResult };
  'derivatives.plot': { params: DerivativesPlotParams; progress: never; result: DerivativesPlotResult };
  'derivatives.point': { params: DerivativesPointParams; progress: never; result: DerivativesPointResult };
  'derivatives.roll': { params: DerivativesRollParams; progress: never; result: DerivativesRollResult };
  'physics.scene': { params: PhysicsSceneParams; progress: never; result: PhysicsSceneResult };
  'physics.edit': { params: PhysicsEditParams; progress: never; result: PhysicsState };
  'physics.run': { params: PhysicsRunParams; progress: PhysicsFrame; result: PhysicsRunResult };
  'vectors2d.transform': { params: Vectors2dTransformParams; progress: never; result: Vectors2dTransformResult };
  'vectors2d.asteroids': { params: AsteroidsStepParams; progress: never; result: AsteroidsFrame };
  'curveFitting.load': { params: CurveFittingLoadParams; progress: never; result: CurveFittingData };
  'curveFitting.fit': { params: CurveFittingFitParams; progress: CurveFittingProgress; result: CurveFittingResult };
  'distributions.describe': { params: DistributionsDescribeParams; progress: never; result: DistributionsDescribeResult };
  'distributions.sample': { params: DistributionsSampleParams; progress: DistributionsSampleProgress; result: DistributionsSampleResult };
  'recommender.load': { params: RecommenderData; progress: RecommenderLoadProgress; result: RecommenderCatalog };
  'recommender.recommend': { params: RecommenderRecommendParams; progress: never; result: RecommenderRecommendResult };
  'recommender.evaluate': { params: RecommenderEvaluateParams; progress: never; result: RecommenderEvaluateResult };
  'recommender.train': { params: RecommenderTrainParams; progress: RecommenderTrainProgress; result: RecommenderTrainResult };
  'imagelab.warp': { params: ImageLabWarpParams; progress: never; result: ImageLabWarpResult };
  'gradientDescent.surface': { params: GdSurfaceParams; progress: never; result: GdSurfaceResult };
  'gradientDescent.race': { params: GdRaceParams; progress: never; result: GdRaceResult };
  'abTesting.test': { params: AbTestParams; progress: never; result: AbTestOutcome };
  'abTesting.plan': { params: AbPlanParams; progress: never; result: AbPlanOutcome };
  'abTesting.simulate': { params: AbSimulateParams; progress: AbSimulateProgress; result: AbSimulateResult };
  'informationTheory.measure': { params: InformationParams; progress: never; result: InformationOutcome };
}

export type TaskName = keyof Tasks;
export type ParamsOf<T extends TaskName> = Tasks[T]['params'];
export type ProgressOf<T extends TaskName> = Tasks[T]['progress'];
export type ResultOf<T extends TaskName> = Tasks[T]['result'];

// ---- messages -------------------------------------------------------------------------------

export type ToWorker =
  | { type: 'init'; build: BuildKind; wasmBase: string }
  | { type: 'run'; id: number; task: TaskName; params: unknown }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'ready'; info: EngineInfo }
  | { type: 'progress'; id: number; data: unknown }
  | { type: 'result'; id: number; data: unknown }
  | { type: 'error'; id: number | null; message: string };
