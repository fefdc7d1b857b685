// The task table: each task is an async function of (params, context) in its own file.
import type { MlplayModule } from '../../../bindings/mlplay';
import type { ParamsOf, ProgressOf, ResultOf, TaskName } from '../protocol';
import { abTestingPlan, abTestingSimulate, abTestingTest } from './ab-testing';
import { informationTheoryMeasure } from './information-theory';
import { curveFittingFit, curveFittingLoad } from './curve_fitting';
import { distributionsDescribe, distributionsSample } from './distributions';
import { derivativesPlot, derivativesPoint, derivativesRoll } from './derivatives';
import { gradientDescentRace, gradientDescentSurface } from './gradient_descent';
import { imagelabWarp } from './imagelab';
import { pcaFit, pcaReconstruct } from './pca';
import { mnistDrawData, mnistDrawLoad, mnistDrawMistakes, mnistDrawRead, mnistDrawSave, mnistDrawTrain } from './mnist_draw';
import { piRun } from './pi';
import { recommenderEvaluate, recommenderLoad, recommenderRecommend, recommenderTrain } from './recommender';
import { physicsEdit, physicsRun, physicsScene } from './physics';
import { vectors2dAsteroids, vectors2dTransform } from './vectors2d';

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
  'mnistDraw.load': mnistDrawLoad,
  'mnistDraw.save': mnistDrawSave,
  'mnistDraw.data': mnistDrawData,
  'mnistDraw.train': mnistDrawTrain,
  'mnistDraw.mistakes': mnistDrawMistakes,
  'pca.fit': pcaFit,
  'pca.reconstruct': pcaReconstruct,
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
};
