// The two GPTs in the engine worker, as the page sees them: 'shipped' (trained natively on Jane Austen)
// and 'trained' (the learner's, trained in the tab or loaded from IndexedDB or a file). An engine error
// replaces the worker, and a fresh worker holds neither, so every call goes through `call`, which
// forgets both; `ensure` loads a slot again when it is needed.
import { EngineClient, type RunOptions, siteRoot } from '../../web/engine/client';
import type { MinigptModelInfo, MinigptSlot, ParamsOf, ResultOf, TaskName } from '../../web/engine/protocol';

export const SHIPPED_MODEL = 'models/minigpt.safetensors';

export class GptSession {
  private readonly engine = EngineClient.shared();
  private ready: Partial<Record<MinigptSlot, Promise<MinigptModelInfo>>> = {};
  /** The learner's model as bytes (from IndexedDB, an upload or the last training run): what a
   *  fresh worker gets back in its 'trained' slot. */
  private trainedBytes: Uint8Array | null = null;

  /** engine.run, remembering that an error replaces the worker (and with it both models). */
  async call<T extends TaskName>(task: T, params: ParamsOf<T>, options?: RunOptions<T>): Promise<ResultOf<T>> {
    try {
      return await this.engine.run(task, params, options);
    } catch (error) {
      this.ready = {};
      throw error;
    }
  }

  hasTrained(): boolean {
    return this.trainedBytes !== null;
  }

  /** The model in `slot`, loading it into the worker first if this worker has none. */
  ensure(slot: MinigptSlot): Promise<MinigptModelInfo> {
    const known = this.ready[slot];
    if (known) return known;
    const loading = this.load(slot).catch((error) => {
      delete this.ready[slot];
      throw error;
    });
    this.ready[slot] = loading;
    return loading;
  }

  /** Loads safetensors bytes into the 'trained' slot; on success they become the learner's model. */
  async useTrained(bytes: Uint8Array): Promise<MinigptModelInfo> {
    const result = await this.call('minigpt.load', { slot: 'trained', bytes });
    if (!result.ok) throw new Error(result.message);
    this.trainedBytes = bytes;
    this.ready.trained = Promise.resolve(result);
    return result;
  }

  /** Training replaced the 'trained' slot's weights (info from the result); `bytes` are them saved. */
  trainedNow(info: MinigptModelInfo, bytes: Uint8Array): void {
    this.trainedBytes = bytes;
    this.ready.trained = Promise.resolve(info);
  }

  /** Training is about to replace the 'trained' slot: until it reports, the slot holds no known model. */
  trainingStarts(): void {
    delete this.ready.trained;
  }

  /** The learner's model is forgotten by the page (the worker's copy is simply no longer offered). */
  forgetTrained(): void {
    this.trainedBytes = null;
    delete this.ready.trained;
  }

  private async load(slot: MinigptSlot): Promise<MinigptModelInfo> {
    if (slot === 'trained') {
      if (!this.trainedBytes) throw new Error('there is no model of yours yet: train one below first');
      const result = await this.call('minigpt.load', { slot, bytes: this.trainedBytes });
      if (!result.ok) throw new Error(result.message);
      return result;
    }
    const result = await this.call('minigpt.load', { slot, url: new URL(SHIPPED_MODEL, siteRoot()).href });
    if (!result.ok) throw new Error(result.message);
    return result;
  }
}
