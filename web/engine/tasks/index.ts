// The task table: each task is an async function of (params, context) in its own file.
import type { MlplayModule } from '../../../bindings/mlplay';
import type { ParamsOf, ProgressOf, ResultOf, TaskName } from '../protocol';
import { abTestingPlan, abTestingSimulate, abTestingTest } from './ab-testing';
import { informationTheoryMeasure } from './information-theory';
import { spamFilterAlpha, spamFilterClassify, spamFilterLoad, spamFilterMessage, spamFilterWord } from './spam-filter';
import { linearRegressionAnalyze, linearRegressionGd, linearRegressionLoad } from './linear-regression';
import { logisticRegressionLoad, logisticRegressionProba, logisticRegressionTrain } from './logistic-regression';
import { minigptGenerate, minigptInfo, minigptInspect, minigptLoad, minigptSave, minigptTokenize, minigptTrain } from './minigpt';
import { gaCheckTarget, gaCities, gaStrings, gaTour } from './genetic-algorithm';
import { hmmAnalyze, hmmFit, hmmNormalize, hmmPreset, hmmSample } from './hmm';
import { knnNaiveBayesBlobs, knnNaiveBayesFit } from './knn-naive-bayes';
import { svmExample, svmFit, svmGrid } from './svm';
import { curveFittingFit, curveFittingLoad } from './curve_fitting';
import { distributionsDescribe, distributionsSample } from './distributions';
import { derivativesPlot, derivativesPoint, derivativesRoll } from './derivatives';
import { gradientDescentRace, gradientDescentSurface } from './gradient_descent';
import { imagelabWarp } from './imagelab';
import { pcaFit, pcaReconstruct } from './pca';
import { clusteringCut, clusteringDbscan, clusteringGmm, clusteringGmmBic, clusteringHclust, clusteringKMeans, clusteringLoad } from './clustering';
import { kmeansLoad, kmeansQuantize, kmeansStart, kmeansStep, kmeansSweep } from './kmeans';
import { mnistDrawData, mnistDrawLoad, mnistDrawMistakes, mnistDrawProfile, mnistDrawRead, mnistDrawSave, mnistDrawTrain } from './mnist_draw';
import { piRun } from './pi';
import { recommenderEvaluate, recommenderLoad, recommenderRecommend, recommenderTrain } from './recommender';
import { physicsEdit, physicsRun, physicsScene } from './physics';
import { vectors2dAsteroids, vectors2dTransform } from './vectors2d';
import { decisionTreeFit, decisionTreeHeader } from './decision-tree';
import { ensemblesAdaBoost, ensemblesBiasVariance, ensemblesBoost, ensemblesForest } from './ensembles';
import { modelEvaluationBiasVariance, modelEvaluationBinary, modelEvaluationCurve, modelEvaluationCv, modelEvaluationHeader } from './model-evaluation';

export interface TaskContext {
  engine: MlplayModule;
  /** Sends a progress message; `transfer` lists ArrayBuffers to move rather than copy. */
  progress(data: unknown, transfer?: Transferable[]): void;
  /** True once the page has asked to cancel this run. */
  cancelled(): boolean;
  /** Lets pending messages (a cancel) be delivered. Call between steps. */
  yield(): Promise<void>;
}

export type Task<T extends TaskName> = (
  params: ParamsOf<T>,
  context: TaskContext & { progress(data: ProgressOf<T>, transfer?: Transferable[]): void },
) => Promise<ResultOf<T>>;

export const taskTable: { [T in TaskName]: Task<T> } = {
  'pi.run': piRun,
  'mnistDraw.read': mnistDrawRead,
  'mnistDraw.profile': mnistDrawProfile,
  'mnistDraw.load': mnistDrawLoad,
  'mnistDraw.save': mnistDrawSave,
  'mnistDraw.data': mnistDrawData,
  'mnistDraw.train': mnistDrawTrain,
  'mnistDraw.mistakes': mnistDrawMistakes,
  'pca.fit': pcaFit,
  'pca.reconstruct': pcaReconstruct,
  'kmeans.load': kmeansLoad,
  'kmeans.start': kmeansStart,
  'kmeans.step': kmeansStep,
  'kmeans.sweep': kmeansSweep,
  'kmeans.quantize': kmeansQuantize,
  'clustering.load': clusteringLoad,
  'clustering.dbscan': clusteringDbscan,
  'clustering.hclust': clusteringHclust,
  'clustering.cut': clusteringCut,
  'clustering.gmm': clusteringGmm,
  'clustering.gmmBic': clusteringGmmBic,
  'clustering.kmeans': clusteringKMeans,
  'curveFitting.load': curveFittingLoad,
  'curveFitting.fit': curveFittingFit,
  'distributions.describe': distributionsDescribe,
  'distributions.sample': distributionsSample,
  'recommender.load': recommenderLoad,
  'recommender.recommend': recommenderRecommend,
  'recommender.evaluate': recommenderEvaluate,
  'recommender.train': recommenderTrain,
  'derivatives.plot': derivativesPlot,
  'derivatives.point': derivativesPoint,
  'derivatives.roll': derivativesRoll,
  'physics.scene': physicsScene,
  'physics.edit': physicsEdit,
  'physics.run': physicsRun,
  'vectors2d.transform': vectors2dTransform,
  'vectors2d.asteroids': vectors2dAsteroids,
  'imagelab.warp': imagelabWarp,
  'gradientDescent.surface': gradientDescentSurface,
  'gradientDescent.race': gradientDescentRace,
  'abTesting.test': abTestingTest,
  'abTesting.plan': abTestingPlan,
  'abTesting.simulate': abTestingSimulate,
  'informationTheory.measure': informationTheoryMeasure,
  'spamFilter.load': spamFilterLoad,
  'spamFilter.alpha': spamFilterAlpha,
  'spamFilter.classify': spamFilterClassify,
  'spamFilter.message': spamFilterMessage,
  'spamFilter.word': spamFilterWord,
  'linearRegression.load': linearRegressionLoad,
  'linearRegression.analyze': linearRegressionAnalyze,
  'linearRegression.gd': linearRegressionGd,
  'logisticRegression.load': logisticRegressionLoad,
  'logisticRegression.train': logisticRegressionTrain,
  'logisticRegression.proba': logisticRegressionProba,
  'minigpt.load': minigptLoad,
  'minigpt.info': minigptInfo,
  'minigpt.tokenize': minigptTokenize,
  'minigpt.generate': minigptGenerate,
  'minigpt.inspect': minigptInspect,
  'minigpt.train': minigptTrain,
  'minigpt.save': minigptSave,
  'geneticAlgorithm.checkTarget': gaCheckTarget,
  'geneticAlgorithm.strings': gaStrings,
  'geneticAlgorithm.cities': gaCities,
  'geneticAlgorithm.tour': gaTour,
  'hmm.preset': hmmPreset,
  'hmm.normalize': hmmNormalize,
  'hmm.analyze': hmmAnalyze,
  'hmm.sample': hmmSample,
  'hmm.fit': hmmFit,
  'knnNaiveBayes.fit': knnNaiveBayesFit,
  'knnNaiveBayes.blobs': knnNaiveBayesBlobs,
  'svm.example': svmExample,
  'svm.fit': svmFit,
  'svm.grid': svmGrid,
  'decisionTree.header': decisionTreeHeader,
  'decisionTree.fit': decisionTreeFit,
  'ensembles.forest': ensemblesForest,
  'ensembles.adaBoost': ensemblesAdaBoost,
  'ensembles.boost': ensemblesBoost,
  'ensembles.biasVariance': ensemblesBiasVariance,
  'modelEvaluation.header': modelEvaluationHeader,
  'modelEvaluation.cv': modelEvaluationCv,
  'modelEvaluation.binary': modelEvaluationBinary,
  'modelEvaluation.curve': modelEvaluationCurve,
  'modelEvaluation.biasVariance': modelEvaluationBiasVariance,
};
