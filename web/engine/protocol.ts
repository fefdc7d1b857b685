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
export type * from './protocol/kmeans';
export type * from './protocol/clustering';
export type * from './protocol/recommender';
export type * from './protocol/ab-testing';
export type * from './protocol/information-theory';
export type * from './protocol/spam-filter';
export type * from './protocol/linear-regression';
export type * from './protocol/logistic-regression';
export type * from './protocol/genetic-algorithm';
export type * from './protocol/hmm';
export type * from './protocol/minigpt';
export type * from './protocol/knn-naive-bayes';
export type * from './protocol/svm';
export type * from './protocol/decision-tree';
export type * from './protocol/ensembles';
export type * from './protocol/model-evaluation';
import type { PiRunParams, PiProgress, PiResult } from './protocol/pi';
import type { MnistReadParams, MnistReadResult, MnistProfileParams, MnistProfileResult, MnistLoadParams, MnistModelInfo, MnistSaveResult, MnistDataParams, MnistDataProgress, MnistDataResult, MnistTrainParams, MnistTrainProgress, MnistTrainResult, MnistMistakesParams, MnistMistakesResult } from './protocol/mnist-draw';
import type { Vectors2dTransformParams, Vectors2dTransformResult, AsteroidsStepParams, AsteroidsFrame } from './protocol/vectors2d';
import type { PhysicsFrame, PhysicsSceneParams, PhysicsEditParams, PhysicsRunParams, PhysicsState, PhysicsSceneResult, PhysicsRunResult } from './protocol/physics';
import type { DerivativesPlotParams, DerivativesPlotResult, DerivativesPointParams, DerivativesPointResult, DerivativesRollParams, DerivativesRollResult } from './protocol/derivatives';
import type { ImageLabWarpParams, ImageLabWarpResult } from './protocol/imagelab';
import type { GdSurfaceParams, GdSurfaceResult, GdRaceParams, GdRaceResult } from './protocol/gradient-descent';
import type { ClusteringLoadParams, ClusteringData, DbscanParams, DbscanResult, HclustParams, HclustResult, HclustCutParams, HclustCutResult, GmmParams, GmmState, GmmResult, GmmBicParams, ClusteringKMeansParams, ClusteringKMeansResult } from './protocol/clustering';
import type { KMeansLoadParams, KMeansData, KMeansStartParams, KMeansState, KMeansStepResult, KMeansSweepParams, KMeansSweepRow, KMeansSweepResult, KMeansQuantizeParams, KMeansQuantizeResult } from './protocol/kmeans';
import type { PcaFitParams, PcaComponentProgress, PcaFitResult, PcaReconstructParams, PcaReconstructResult } from './protocol/pca';
import type { DistributionsDescribeParams, DistributionsDescribeResult, DistributionsSampleParams, DistributionsSampleProgress, DistributionsSampleResult } from './protocol/distributions';
import type { CurveFittingLoadParams, CurveFittingData, CurveFittingFitParams, CurveFittingProgress, CurveFittingResult } from './protocol/curve-fitting';
import type { RecommenderData, RecommenderLoadProgress, RecommenderCatalog, RecommenderRecommendParams, RecommenderRecommendResult, RecommenderEvaluateParams, RecommenderEvaluateResult, RecommenderTrainParams, RecommenderTrainProgress, RecommenderTrainResult } from './protocol/recommender';
import type { AbTestParams, AbTestOutcome, AbPlanParams, AbPlanOutcome, AbSimulateParams, AbSimulateProgress, AbSimulateResult } from './protocol/ab-testing';
import type { InformationParams, InformationOutcome } from './protocol/information-theory';
import type { SpamLoadParams, SpamLoadProgress, SpamLoadResult, SpamAlphaParams, SpamEvaluation, SpamClassifyParams, SpamClassification, SpamMessageParams, SpamHeldOutMessage, SpamWordParams, SpamWordLookup } from './protocol/spam-filter';
import type { LinearRegressionLoadParams, LinearRegressionData, LinearRegressionAnalyzeParams, LinearRegressionAnalysis, LinearRegressionGdParams, LinearRegressionGdProgress, LinearRegressionGdResult } from './protocol/linear-regression';
import type { LogisticRegressionLoadParams, LogisticRegressionData, LogisticRegressionTrainParams, LogisticRegressionProgress, LogisticRegressionResult, LogisticRegressionProbaParams, LogisticRegressionProba } from './protocol/logistic-regression';
import type { GaTargetCheckParams, GaTargetCheckResult, GaStringsParams, GaStringsFrame, GaStringsResult, GaCitiesParams, GaCitiesResult, GaTourParams, GaTourFrame, GaTourResult } from './protocol/genetic-algorithm';
import type { HmmPresetParams, HmmModel, HmmNormalizeParams, HmmAnalyzeParams, HmmAnalyzeResult, HmmSampleParams, HmmSampleResult, HmmFitParams, HmmFitProgress, HmmFitResult } from './protocol/hmm';
import type { MinigptLoadParams, MinigptLoadResult, MinigptInfoParams, MinigptModelInfo, MinigptTokenizeParams, MinigptTokenizeResult, MinigptGenerateParams, MinigptToken, MinigptGenerateResult, MinigptInspectParams, MinigptInspectResult, MinigptTrainParams, MinigptTrainProgress, MinigptTrainResult, MinigptSaveParams, MinigptSaveResult } from './protocol/minigpt';
import type { KnnNbParams, KnnNbResult, KnnNbBlobsParams, KnnNbBlobsResult } from './protocol/knn-naive-bayes';
import type { SvmExampleParams, SvmFitParams, SvmFitResult, SvmGridParams, SvmGridProgress, SvmGridResult } from './protocol/svm';
import type { DecisionTreeHeaderParams, DecisionTreeFitParams, DecisionTreeResult } from './protocol/decision-tree';
import type { EvalSetup, EvalCvProgress, EvalCvResult, EvalBinaryParams, EvalBinaryResult, EvalCurveParams, EvalCurveProgress, EvalCurveResult, EvalBiasVarianceParams, EvalBiasVarianceResult } from './protocol/model-evaluation';
import type { EnsembleForestParams, EnsembleForestResult, EnsembleAdaBoostParams, EnsembleAdaBoostResult, EnsembleBoostParams, EnsembleBoostProgress, EnsembleBoostResult, EnsembleBiasVarianceParams, EnsembleBiasVarianceResult } from './protocol/ensembles';

export interface Tasks {
  'mnistDraw.read': { params: MnistReadParams; progress: never; result: MnistReadResult };
  'mnistDraw.profile': { params: MnistProfileParams; progress: never; result: MnistProfileResult };
  'mnistDraw.load': { params: MnistLoadParams; progress: never; result: MnistModelInfo };
  'mnistDraw.save': { params: Record<string, never>; progress: never; result: MnistSaveResult };
  'mnistDraw.data': { params: MnistDataParams; progress: MnistDataProgress; result: MnistDataResult };
  'mnistDraw.train': { params: MnistTrainParams; progress: MnistTrainProgress; result: MnistTrainResult };
  'mnistDraw.mistakes': { params: MnistMistakesParams; progress: never; result: MnistMistakesResult };
  'pca.fit': { params: PcaFitParams; progress: PcaComponentProgress; result: PcaFitResult };
  'pca.reconstruct': { params: PcaReconstructParams; progress: never; result: PcaReconstructResult };
  'kmeans.load': { params: KMeansLoadParams; progress: never; result: KMeansData };
  'kmeans.start': { params: KMeansStartParams; progress: never; result: KMeansState };
  'kmeans.step': { params: Record<string, never>; progress: never; result: KMeansStepResult };
  'kmeans.sweep': { params: KMeansSweepParams; progress: KMeansSweepRow; result: KMeansSweepResult };
  'kmeans.quantize': { params: KMeansQuantizeParams; progress: never; result: KMeansQuantizeResult };
  'clustering.load': { params: ClusteringLoadParams; progress: never; result: ClusteringData };
  'clustering.dbscan': { params: DbscanParams; progress: never; result: DbscanResult };
  'clustering.hclust': { params: HclustParams; progress: never; result: HclustResult };
  'clustering.cut': { params: HclustCutParams; progress: never; result: HclustCutResult };
  'clustering.gmm': { params: GmmParams; progress: GmmState; result: GmmResult };
  'clustering.gmmBic': { params: GmmBicParams; progress: never; result: Float64Array };
  'clustering.kmeans': { params: ClusteringKMeansParams; progress: never; result: ClusteringKMeansResult };
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
  'spamFilter.load': { params: SpamLoadParams; progress: SpamLoadProgress; result: SpamLoadResult };
  'spamFilter.alpha': { params: SpamAlphaParams; progress: never; result: SpamEvaluation };
  'spamFilter.classify': { params: SpamClassifyParams; progress: never; result: SpamClassification };
  'spamFilter.message': { params: SpamMessageParams; progress: never; result: SpamHeldOutMessage };
  'spamFilter.word': { params: SpamWordParams; progress: never; result: SpamWordLookup };
  'linearRegression.load': { params: LinearRegressionLoadParams; progress: never; result: LinearRegressionData };
  'linearRegression.analyze': { params: LinearRegressionAnalyzeParams; progress: never; result: LinearRegressionAnalysis };
  'linearRegression.gd': { params: LinearRegressionGdParams; progress: LinearRegressionGdProgress; result: LinearRegressionGdResult };
  'logisticRegression.load': { params: LogisticRegressionLoadParams; progress: never; result: LogisticRegressionData };
  'logisticRegression.train': { params: LogisticRegressionTrainParams; progress: LogisticRegressionProgress; result: LogisticRegressionResult };
  'logisticRegression.proba': { params: LogisticRegressionProbaParams; progress: never; result: LogisticRegressionProba };
  'geneticAlgorithm.checkTarget': { params: GaTargetCheckParams; progress: never; result: GaTargetCheckResult };
  'geneticAlgorithm.strings': { params: GaStringsParams; progress: GaStringsFrame; result: GaStringsResult };
  'geneticAlgorithm.cities': { params: GaCitiesParams; progress: never; result: GaCitiesResult };
  'geneticAlgorithm.tour': { params: GaTourParams; progress: GaTourFrame; result: GaTourResult };
  'hmm.preset': { params: HmmPresetParams; progress: never; result: HmmModel };
  'hmm.normalize': { params: HmmNormalizeParams; progress: never; result: HmmModel };
  'hmm.analyze': { params: HmmAnalyzeParams; progress: never; result: HmmAnalyzeResult };
  'hmm.sample': { params: HmmSampleParams; progress: never; result: HmmSampleResult };
  'hmm.fit': { params: HmmFitParams; progress: HmmFitProgress; result: HmmFitResult };
  'minigpt.load': { params: MinigptLoadParams; progress: never; result: MinigptLoadResult };
  'minigpt.info': { params: MinigptInfoParams; progress: never; result: MinigptModelInfo };
  'minigpt.tokenize': { params: MinigptTokenizeParams; progress: never; result: MinigptTokenizeResult };
  'minigpt.generate': { params: MinigptGenerateParams; progress: MinigptToken; result: MinigptGenerateResult };
  'minigpt.inspect': { params: MinigptInspectParams; progress: never; result: MinigptInspectResult };
  'minigpt.train': { params: MinigptTrainParams; progress: MinigptTrainProgress; result: MinigptTrainResult };
  'minigpt.save': { params: MinigptSaveParams; progress: never; result: MinigptSaveResult };
  'knnNaiveBayes.fit': { params: KnnNbParams; progress: never; result: KnnNbResult };
  'knnNaiveBayes.blobs': { params: KnnNbBlobsParams; progress: never; result: KnnNbBlobsResult };
  'svm.example': { params: SvmExampleParams; progress: never; result: { csv: string } };
  'svm.fit': { params: SvmFitParams; progress: never; result: SvmFitResult };
  'svm.grid': { params: SvmGridParams; progress: SvmGridProgress; result: SvmGridResult };
  'decisionTree.header': { params: DecisionTreeHeaderParams; progress: never; result: string[] };
  'decisionTree.fit': { params: DecisionTreeFitParams; progress: never; result: DecisionTreeResult };
  'ensembles.forest': { params: EnsembleForestParams; progress: never; result: EnsembleForestResult };
  'ensembles.adaBoost': { params: EnsembleAdaBoostParams; progress: never; result: EnsembleAdaBoostResult };
  'ensembles.boost': { params: EnsembleBoostParams; progress: EnsembleBoostProgress; result: EnsembleBoostResult };
  'ensembles.biasVariance': { params: EnsembleBiasVarianceParams; progress: never; result: EnsembleBiasVarianceResult };
  'modelEvaluation.header': { params: { csv: string }; progress: never; result: string[] };
  'modelEvaluation.cv': { params: EvalSetup; progress: EvalCvProgress; result: EvalCvResult };
  'modelEvaluation.binary': { params: EvalBinaryParams; progress: never; result: EvalBinaryResult };
  'modelEvaluation.curve': { params: EvalCurveParams; progress: EvalCurveProgress; result: EvalCurveResult };
  'modelEvaluation.biasVariance': { params: EvalBiasVarianceParams; progress: never; result: EvalBiasVarianceResult };
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
