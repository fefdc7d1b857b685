// The task table: each task is an async function of (params, context) in its own file.
import type { MlplayModule } from '../../../bindings/mlplay';
import type { ParamsOf, ProgressOf, ResultOf, TaskName } from '../protocol';
import { piRun } from './pi';

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
};
