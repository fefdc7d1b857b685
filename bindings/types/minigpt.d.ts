// minigpt: MiniGpt, one GPT with its tokenizer (bindings/wasm/minigpt.cpp).
import type { Deletable } from './deletable';
import type { MinigptInspectResult, MinigptModelInfo, MinigptTopTokens } from '../../web/engine/protocol/minigpt';

/** minigpt: one GPT with its byte-level BPE tokenizer (engine/include/mlplay/gpt/session.h). Every method but
 *  info/startTraining throws an Error naming the problem when no model is loaded. */
export interface MiniGptToken {
  id: number;
  token: string;
  /** Text this token adds (partial UTF-8 characters held back until complete). */
  text: string;
  prob: number;
  top: MinigptTopTokens;
  /** layers × heads × windowLength (empty unless asked for). */
  attention: Float32Array;
  windowLength: number;
  windowStart: number;
}

export interface MiniGpt extends Deletable {
  info(): Omit<MinigptModelInfo, 'slot'>;
  /** A safetensors file written by save() or `mlplay train gpt` (config and tokenizer in its metadata). */
  load(bytes: Uint8Array): void;
  save(): Uint8Array;
  tokenize(text: string): { ids: Int32Array; tokens: string[]; byteLengths: Int32Array; contextLength: number };
  /** Encodes the prompt (its last contextLength - 1 tokens are kept) and fills the KV cache. */
  beginGeneration(prompt: string, temperature: number, topK: number, topP: number, seed: number):
    { ids: Int32Array; tokens: string[]; byteLengths: Int32Array; dropped: number };
  /** Samples one token and advances the cache. */
  nextToken(attention: boolean): MiniGptToken;
  /** Every id sampled since beginGeneration, and their text decoded as a whole. */
  sampled(): { ids: Int32Array; text: string };
  inspect(ids: Int32Array, position: number, temperature: number):
    Omit<MinigptInspectResult, 'ok' | 'message'>;
  /** size 'tiny' | 'small'. Learns the tokenizer, builds a fresh model; ok false (with a message) for too little text. */
  startTraining(text: string, size: string, steps: number, batch: number, lr: number, seed: number):
    { ok: boolean; message: string; neededChars: number; givenChars: number };
  /** Up to `steps` optimizer steps; loss is their mean (throws when training diverges). */
  trainSteps(steps: number): { loss: number; step: number; lr: number; tokensPerStep: number };
  validationLoss(): number;
  /** Records steps and the validation loss in the model and ends the run. */
  finishTraining(valLoss: number): void;
  version(): number;
}

/** What bindings/wasm/minigpt.cpp adds to the module object. */
export interface MiniGptModule {
  /** minigpt: a GPT and its tokenizer (one per slot in the worker). */
  MiniGpt: new () => MiniGpt;
}
