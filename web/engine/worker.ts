// The engine worker: owns the one wasm instance and runs tasks on it, off the page's main thread.
// Protocol in protocol.ts. Tasks stream progress, check for cancel between steps, and end with
// exactly one result or error.
import type { MlplayModule } from '../../bindings/mlplay';
import type { EngineInfo, FromWorker, TaskName, ToWorker } from './protocol';
import { taskTable, type TaskContext } from './tasks';

interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;

let engine: MlplayModule | null = null;
const cancelled = new Set<number>();

/** Lets queued messages (cancel) arrive: a macrotask without setTimeout's 4 ms clamp. */
function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

async function init(build: 'mt' | 'st', wasmBase: string): Promise<void> {
  const url = new URL(`${build}/mlplay.mjs`, wasmBase).href;
  const factory = (await import(/* @vite-ignore */ url)).default as (o?: object) => Promise<MlplayModule>;
  engine = await factory();
  const info = engine.buildInfo();
  engine.setNumThreads(info.maxThreads);
  const ready: EngineInfo = { build: info.build, simd: info.simd, threads: info.maxThreads, maxThreads: info.maxThreads };
  scope.postMessage({ type: 'ready', info: ready });
}

async function run(id: number, task: TaskName, params: unknown): Promise<void> {
  if (!engine) throw new Error('engine worker: run before init');
  const context: TaskContext = {
    engine,
    progress: (data, transfer = []) => scope.postMessage({ type: 'progress', id, data }, transfer),
    cancelled: () => cancelled.has(id),
    yield: yieldToEvents,
  };
  try {
    const fn = taskTable[task];
    if (!fn) throw new Error(`engine worker: unknown task '${task}'`);
    const result = await fn(params as never, context);
    scope.postMessage({ type: 'result', id, data: result }, transferablesOf(result));
  } finally {
    cancelled.delete(id);
  }
}

/** The buffers of the typed arrays a result holds at its top level: moved to the page, not copied
 *  (the worker never touches a result again). Only arrays that own their whole buffer qualify, so a
 *  view into the wasm heap (which must never be detached) is copied instead. */
function transferablesOf(result: unknown): Transferable[] {
  if (typeof result !== 'object' || result === null) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const value of Object.values(result)) {
    if (ArrayBuffer.isView(value) && value.buffer instanceof ArrayBuffer && value.byteLength === value.buffer.byteLength) {
      buffers.add(value.buffer);
    }
  }
  return [...buffers];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

scope.onmessage = (event) => {
  const message = event.data;
  switch (message.type) {
    case 'init':
      init(message.build, message.wasmBase).catch((error) =>
        scope.postMessage({ type: 'error', id: null, message: `could not start the ${message.build} engine: ${messageOf(error)}` }),
      );
      break;
    case 'run':
      run(message.id, message.task, message.params).catch((error) =>
        scope.postMessage({ type: 'error', id: message.id, message: messageOf(error) }),
      );
      break;
    case 'cancel':
      cancelled.add(message.id);
      break;
  }
};
