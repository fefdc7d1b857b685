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

export interface PiRunParams {
  seed: number;
  /** Resume after this many darts… */
  samples: number;
  /** …of which this many landed inside. */
  inside: number;
  /** Darts per engine call. */
  batch: number;
  threads: number;
  /** Stop when this many darts are thrown in all; 0 runs until cancelled. */
  stopAt: number;
  /** How many of each report's newest darts to send back for drawing. */
  sampleDarts: number;
}

export interface PiProgress {
  samples: number;
  inside: number;
  estimate: number;
  stderr: number;
  /** Engine throughput over the last report: darts per second of compute. */
  dartsPerSecond: number;
  /** [x0, y0, x1, y1, …] for up to sampleDarts of the darts thrown since the last report. */
  darts: Float32Array;
}

export interface PiResult {
  samples: number;
  inside: number;
  estimate: number;
  stderr: number;
  reason: 'cancelled' | 'reached-stop';
}

export interface Tasks {
  'pi.run': { params: PiRunParams; progress: PiProgress; result: PiResult };
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
