// The learner's trained weights, kept in this browser's IndexedDB (web/site/model-store.ts) so they
// survive a reload: the safetensors bytes and a little about how they were made.
import { modelStore } from '../../web/site/model-store';

export interface StoredModel {
  bytes: Uint8Array;
  savedAt: number;
  /** Test accuracy after the last epoch (fraction) and on how many test digits, when known. */
  accuracy: number | null;
  testDigits: number;
}

const store = modelStore<StoredModel>('mlplay-mnist-draw');
export const loadStoredModel = store.load;
export const saveStoredModel = store.save;
export const deleteStoredModel = store.remove;
