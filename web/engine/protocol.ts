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
export type * from './protocol/vectors2d';
export type * from './protocol/physics';
export type * from './protocol/derivatives';
export type * from './protocol/imagelab';
export type * from './protocol/gradient-descent';
export type * from './protocol/curve-fitting';
import type { PiRunParams, PiProgress, PiResult } from './protocol/pi';
import type { Vectors2dTransformParams, Vectors2dTransformResult, AsteroidsStepParams, AsteroidsFrame } from './protocol/vectors2d';
import type { PhysicsFrame, PhysicsSceneParams, PhysicsEditParams, PhysicsRunParams, PhysicsState, PhysicsSceneResult, PhysicsRunResult } from './protocol/physics';
import type { DerivativesPlotParams, DerivativesPlotResult, DerivativesPointParams, DerivativesPointResult, DerivativesRollParams, DerivativesRollResult } from './protocol/derivatives';
import type { ImageLabWarpParams, ImageLabWarpResult } from './protocol/imagelab';
import type { GdSurfaceParams, GdSurfaceResult, GdRaceParams, GdRaceResult } from './protocol/gradient-descent';
import type { CurveFittingLoadParams, CurveFittingData, CurveFittingFitParams, CurveFittingProgress, CurveFittingResult } from './protocol/curve-fitting';

export interface Tasks {
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
  'imagelab.warp': { params: ImageLabWarpParams; progress: never; result: ImageLabWarpResult };
  'gradientDescent.surface': { params: GdSurfaceParams; progress: never; result: GdSurfaceResult };
  'gradientDescent.race': { params: GdRaceParams; progress: never; result: GdRaceResult };
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
