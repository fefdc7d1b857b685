// The digit reader in the engine worker, as the page sees it: which model it holds (the learner's
// stored weights or the shipped ones) and whether MNIST is loaded there. An engine error replaces
// the worker, and a fresh worker has neither, so every call goes through `call`, which forgets both.
import { EngineClient, type RunOptions, siteRoot } from '../../web/engine/client';
import type { MnistDataResult, MnistModelInfo, ParamsOf, ResultOf, TaskName } from '../../web/engine/protocol';
import { loadStoredModel, type StoredModel } from './model-store';
import { formatPercent } from './views';

export type ModelSource = 'shipped' | 'stored' | 'session';

/** Where a download shows its progress, its outcome and a retry button. */
export interface DataUi {
  progress: HTMLProgressElement;
  status: HTMLElement;
  retry: HTMLButtonElement;
}

export const say = (element: HTMLElement, text: string, kind: 'info' | 'error' = 'info') => {
  element.textContent = text;
  element.dataset.state = kind;
};

export function describeShipped(info: MnistModelInfo): string {
  const recorded = info.recordedAccuracy === null ? '' : `; ${formatPercent(info.recordedAccuracy)} of MNIST's 10,000 test digits right`;
  return `Using the shipped model (trained natively by mlplay train mnist${recorded}).`;
}

export function describeStored(stored: StoredModel): string {
  const when = new Date(stored.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  const accuracy = stored.accuracy === null ? '' : `, ${formatPercent(stored.accuracy)} on ${stored.testDigits.toLocaleString('en-US')} test digits`;
  return `Using your model, trained in this browser (${when}${accuracy}) and kept in its storage. “Reset to the shipped model” goes back.`;
}

export class DigitSession {
  private readonly engine = EngineClient.shared();
  private modelReady: Promise<MnistModelInfo> | null = null;
  private dataReady: { test?: Promise<MnistDataResult>; all?: Promise<MnistDataResult> } = {};

  /** `showModel` is told about every model the worker takes on, with words for the page. */
  constructor(private readonly showModel: (info: MnistModelInfo, text: string, source: ModelSource) => void) {}

  /** engine.run, remembering that an error replaces the worker (and with it the model and the data). */
  async call<T extends TaskName>(task: T, params: ParamsOf<T>, options?: RunOptions<T>): Promise<ResultOf<T>> {
    try {
      return await this.engine.run(task, params, options);
    } catch (error) {
      this.modelReady = null;
      this.dataReady = {};
      throw error;
    }
  }

  /** The model in the worker, loading it first if this worker has none. */
  ensureModel(): Promise<MnistModelInfo> {
    this.modelReady ??= this.loadModel().catch((error) => {
      this.modelReady = null;
      throw error;
    });
    return this.modelReady;
  }

  /** Loads safetensors bytes (or the shipped model) into the worker and shows it. */
  async use(weights: Uint8Array | 'shipped', text: (info: MnistModelInfo) => string, source: ModelSource): Promise<MnistModelInfo> {
    const params = weights === 'shipped' ? { url: new URL('models/mnist-cnn.safetensors', siteRoot()).href } : { bytes: weights };
    const loading = this.call('mnistDraw.load', params);
    this.modelReady = loading;
    const info = await loading;
    this.showModel(info, text(info), source);
    return info;
  }

  /** The learner's stored weights if this browser has them (and they load), else the shipped model. */
  private async loadModel(): Promise<MnistModelInfo> {
    let stored: StoredModel | null = null;
    try {
      stored = await loadStoredModel();
    } catch {
      stored = null; // no IndexedDB (a private window): the shipped model it is
    }
    if (stored) {
      try {
        const info = await this.call('mnistDraw.load', { bytes: stored.bytes });
        this.showModel(info, describeStored(stored), 'stored');
        return info;
      } catch (error) {
        const problem = (error as Error).message;
        const info = await this.call('mnistDraw.load', { url: new URL('models/mnist-cnn.safetensors', siteRoot()).href });
        this.showModel(info, `${describeShipped(info)} (Your stored weights did not load: ${problem}.)`, 'shipped');
        return info;
      }
    }
    const info = await this.call('mnistDraw.load', { url: new URL('models/mnist-cnn.safetensors', siteRoot()).href });
    this.showModel(info, describeShipped(info), 'shipped');
    return info;
  }

  /** MNIST in the worker: 'test' (10,000 digits) or 'all' (also the 60,000 training digits). */
  ensureData(which: 'test' | 'all', ui: DataUi): Promise<MnistDataResult> {
    const known = this.dataReady.all ?? this.dataReady[which];
    if (known) return known;
    ui.retry.hidden = true;
    ui.progress.hidden = false;
    ui.progress.removeAttribute('value');
    say(ui.status, which === 'all' ? 'Downloading MNIST (about 11.6 MB)…' : 'Downloading the 10,000 test digits (about 1.7 MB)…');
    const loading = this.call('mnistDraw.data', { dataUrl: new URL('data/mnist/', siteRoot()).href, which }, {
      onProgress(p) {
        if (p.totalBytes > 0) ui.progress.value = Math.min(1, p.loadedBytes / p.totalBytes);
        say(ui.status, `Downloading ${p.file}: ${(p.loadedBytes / 1e6).toFixed(1)} of ${(p.totalBytes / 1e6).toFixed(1)} MB…`);
      },
    }).then(
      (result) => {
        ui.progress.hidden = true;
        return result;
      },
      (error) => {
        delete this.dataReady[which];
        ui.progress.hidden = true;
        ui.retry.hidden = false;
        say(ui.status, `Could not load MNIST: ${(error as Error).message}. Check the connection and retry.`, 'error');
        throw error;
      },
    );
    this.dataReady[which] = loading;
    return loading;
  }
}
