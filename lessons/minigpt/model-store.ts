// The learner's own GPT, kept in this browser's IndexedDB (web/site/model-store.ts) so it survives a
// reload: the safetensors bytes (config and tokenizer in their metadata) and a little about how they
// were made.
import { modelStore } from '../../web/site/model-store';

export interface StoredGpt {
  bytes: Uint8Array;
  savedAt: number;
  /** What it was trained on, in words ("Pride and Prejudice", "your text (12,345 characters)"). */
  source: string;
  steps: number;
  /** Validation loss at the end of training, when known. */
  valLoss: number | null;
}

const store = modelStore<StoredGpt>('mlplay-minigpt');
export const loadStoredGpt = store.load;
export const saveStoredGpt = store.save;
export const deleteStoredGpt = store.remove;
