// The typed engine client: the only way lessons reach the engine (STYLE.md 11).
//   const engine = EngineClient.shared();
//   const result = await engine.run('pi.run', params, { onProgress, signal });
// One worker per page. After an error the worker is discarded and the next call starts a fresh one.
import type { BuildKind, EngineInfo, FromWorker, ParamsOf, ProgressOf, ResultOf, TaskName, ToWorker } from './protocol';

export interface RunOptions<T extends TaskName> {
  onProgress?: (progress: ProgressOf<T>) => void;
  /** Aborting asks the worker to stop between steps; the run then resolves with its partial result. */
  signal?: AbortSignal;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: (progress: never) => void;
}

/** Which build to load: mt when the page is cross-origin isolated (threads allowed), else st.
 *  `?engine=st` in the page URL forces the single-thread build. */
export function chooseBuild(): BuildKind {
  const forced = new URLSearchParams(location.search).get('engine');
  if (forced === 'st') return 'st';
  return globalThis.crossOriginIsolated ? 'mt' : 'st';
}

/** The site root, from the <meta name="mlplay-root"> every page carries (works in any sub-folder). */
export function siteRoot(): URL {
  const relative = document.querySelector<HTMLMetaElement>('meta[name="mlplay-root"]')?.content ?? './';
  return new URL(relative, document.baseURI);
}

export class EngineClient {
  private static instance: EngineClient | null = null;
  private worker: Worker | null = null;
  private ready: Promise<EngineInfo> | null = null;
  private pending = new Map<number, Pending>();
  private nextId = 1;

  static shared(): EngineClient {
    EngineClient.instance ??= new EngineClient(chooseBuild());
    return EngineClient.instance;
  }

  constructor(readonly build: BuildKind) {}

  /** Starts the worker if needed; resolves with the build and threads once the wasm is loaded. */
  info(): Promise<EngineInfo> {
    if (!this.ready) this.ready = this.start();
    return this.ready;
  }

  async run<T extends TaskName>(task: T, params: ParamsOf<T>, options: RunOptions<T> = {}): Promise<ResultOf<T>> {
    await this.info();
    const worker = this.worker!;
    const id = this.nextId++;
    const result = new Promise<ResultOf<T>>((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress: options.onProgress as ((progress: never) => void) | undefined,
      });
    });
    const cancel = () => this.post(worker, { type: 'cancel', id });
    if (options.signal?.aborted) cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    this.post(worker, { type: 'run', id, task, params });
    try {
      return await result;
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
  }

  private post(worker: Worker, message: ToWorker): void {
    if (worker === this.worker) worker.postMessage(message);
  }

  private start(): Promise<EngineInfo> {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'mlplay-engine' });
    this.worker = worker;
    return new Promise<EngineInfo>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'ready') return resolve(message.info);
        if (message.type === 'error' && message.id === null) {
          this.discard(new Error(message.message));
          return reject(new Error(message.message));
        }
        this.dispatch(message);
      };
      worker.onerror = (event) => {
        const error = new Error(`engine worker failed: ${event.message || 'could not load'}`);
        this.discard(error);
        reject(error);
      };
      this.post(worker, { type: 'init', build: this.build, wasmBase: new URL('wasm/', siteRoot()).href });
    });
  }

  private dispatch(message: FromWorker): void {
    if (message.type === 'ready') return;
    const pending = message.id === null ? undefined : this.pending.get(message.id);
    if (!pending) return;
    if (message.type === 'progress') {
      pending.onProgress?.(message.data as never);
    } else if (message.type === 'result') {
      this.pending.delete(message.id);
      pending.resolve(message.data);
    } else {
      this.pending.delete(message.id!);
      // A C++ exception leaves the instance usable, but a fresh worker is the safe default.
      this.discard(new Error(message.message), pending);
      pending.reject(new Error(message.message));
    }
  }

  /** Terminates the worker and fails everything still waiting on it; the next call starts afresh. */
  private discard(error: Error, except?: Pending): void {
    this.worker?.terminate();
    this.worker = null;
    this.ready = null;
    for (const [id, pending] of this.pending) {
      if (pending !== except) pending.reject(error);
      this.pending.delete(id);
    }
  }
}
