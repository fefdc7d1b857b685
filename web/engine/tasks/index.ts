// The task table: each task is an async function of (params, context) in its own file.
import type { MlplayModule } from '../../../bindings/mlplay';
import type { ParamsOf, ProgressOf, ResultOf, TaskName } from '../protocol';
import { curveFittingFit, curveFittingLoad } from './curve_fitting';
import { derivativesPlot, derivativesPoint, derivativesRoll } from './derivatives';
import { gradientDescentRace, gradientDescentSurface } from './gradient_descent';
import { imagelabWarp } from './imagelab';
import { piRun } from './pi';
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
  'curveFitting.load': curveFittingLoad,
  'curveFitting.fit': curveFittingFit,
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
};
