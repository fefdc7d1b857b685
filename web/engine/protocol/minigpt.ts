// Worker task types of the minigpt lesson (the protocol itself is in ../protocol.ts).
// The worker holds up to two GPTs of engine/include/mlplay/gpt/ (each with its own byte-level BPE
// tokenizer): 'shipped' (public/models/minigpt.safetensors, trained by `mlplay train gpt` on Jane
// Austen) and 'trained' (the one the learner trains in the tab, or loads from IndexedDB / a file).
// Every task names the slot it uses. Bad input a learner can cause (too little text to train, a
// model not loaded yet) comes back as a result with a message, never as an error: an error restarts
// the worker and would lose both models.

export type MinigptSlot = 'shipped' | 'trained';

/** In-tab model sizes (the engine's presets; `minigpt.load` / `minigpt.train` report the numbers). */
export type MinigptSize = 'tiny' | 'small';

/** How the start token (which begins every window, and which the model sees before an empty prompt)
 *  is shown. */
export const MINIGPT_START_TOKEN = '⟨start⟩';

/** Fewest characters of text `minigpt.train` accepts (also stated in its 'too-little-text' message). */
export const MINIGPT_MIN_TRAIN_CHARS = 2000;

export interface MinigptConfig {
  vocabSize: number;
  /** Context window in tokens (the number of learned positions). */
  contextLength: number;
  layers: number;
  heads: number;
  /** Width of the residual stream (d_model); each head has dim / heads. */
  dim: number;
}

export interface MinigptModelInfo {
  slot: MinigptSlot;
  /** False when nothing is loaded in the slot yet (only from minigpt.info). */
  loaded: boolean;
  config: MinigptConfig;
  parameters: number;
  /** Validation loss (nats per token) and perplexity recorded in the file, or null. */
  recordedValLoss: number | null;
  recordedPerplexity: number | null;
  /** Training steps recorded in the file, or null. */
  recordedSteps: number | null;
  /** Corpus the model was trained on, as recorded (e.g. "Jane Austen, six novels"), or ''. */
  corpus: string;
  /** Increases whenever the slot's weights change (load, training). */
  modelVersion: number;
}

/** Load a model into a slot: the shipped one from URLs, or safetensors `bytes` (IndexedDB, an
 *  upload, minigpt.save) whose metadata carries the config and the tokenizer. */
export interface MinigptLoadParams {
  slot: MinigptSlot;
  /** URL of a .safetensors file (e.g. the site's models/minigpt.safetensors). */
  url?: string;
  bytes?: Uint8Array;
}

export type MinigptLoadResult =
  | ({ ok: true } & MinigptModelInfo)
  | { ok: false; slot: MinigptSlot; message: string };

export interface MinigptInfoParams {
  slot: MinigptSlot;
}

/** How a text splits into tokens. */
export interface MinigptTokenizeParams {
  slot: MinigptSlot;
  text: string;
}

export interface MinigptTokenizeResult {
  ok: boolean;
  /** Why not ok (no model in the slot). */
  message: string;
  ids: Int32Array;
  /** Each token's bytes decoded as UTF-8; a token that holds part of a character shows U+FFFD. */
  tokens: string[];
  /** Each token's raw byte length (so partial characters can be shown joined). */
  byteLengths: Int32Array;
  /** Tokens the model would keep as context: the last min(ids.length, contextLength - 1) (the
   *  window's first place holds the start token, which `ids` does not include). */
  kept: number;
  contextLength: number;
}

/** Generate: encode the prompt, then sample tokens one at a time with the KV cache. */
export interface MinigptGenerateParams {
  slot: MinigptSlot;
  /** Any Unicode; '' samples from the start token alone. */
  prompt: string;
  /** Tokens to sample, 1–5000. */
  maxTokens: number;
  /** > 0; 0 means greedy (always the most probable token). */
  temperature: number;
  /** Keep only the k most probable tokens; 0 = off. */
  topK: number;
  /** Keep the smallest set of tokens whose probability reaches p; 1 = off. */
  topP: number;
  /** Same seed, prompt and settings → the same text. */
  seed: number;
  /** Send each token's attention weights in its progress message (default true). */
  attention?: boolean;
}

/** The ten most probable next tokens from one position's distribution (after temperature and
 *  before top-k / top-p), best first. */
export interface MinigptTopTokens {
  ids: Int32Array;
  tokens: string[];
  probs: Float32Array;
}

/** One sampled token (a progress message of minigpt.generate). */
export interface MinigptToken {
  /** 0-based index among the sampled tokens of this run. */
  index: number;
  id: number;
  /** The token's bytes as UTF-8 (may be U+FFFD for a partial character). */
  token: string;
  /** The text added to the output by this token: partial characters are held back until complete
   *  (invalid bytes show as U+FFFD), so joining every `text` gives the result's `text` (which also
   *  holds a last, incomplete character, if any). */
  text: string;
  /** Probability the model gave this token (after temperature, before top-k / top-p). */
  prob: number;
  /** Distribution the token was drawn from. */
  top: MinigptTopTokens;
  /** Attention of the query that produced `id` over the window: layers × heads × windowLength, row by
   *  row (empty when attention: false). Entry [l][h][j] is how much head h of layer l looked at window
   *  token j; each row sums to 1. Window token 0 is always the start token (MINIGPT_START_TOKEN);
   *  window token j ≥ 1 is token windowStart + j - 1 of the whole sequence (prompt tokens, then
   *  sampled ones); the last window token is the one whose query produced `id`. */
  attention: Float32Array;
  /** Tokens in the window, the start token included (at most contextLength). */
  windowLength: number;
  /** Position, in the whole sequence of prompt + sampled tokens, of window token 1. */
  windowStart: number;
  /** Tokens per second of sampling so far (from the first sampled token). */
  tokensPerSecond: number;
}

export interface MinigptGenerateResult {
  /** 'finished' (maxTokens reached), 'cancelled' (stopped), or 'no-model'. */
  outcome: 'finished' | 'cancelled' | 'no-model';
  message: string;
  /** Prompt tokens used as context (after cutting a too-long prompt to its last tokens). */
  promptIds: Int32Array;
  promptTokens: string[];
  /** True when the prompt was longer than the context window and its start was dropped. */
  promptTruncated: boolean;
  /** Prompt tokens dropped from the start. */
  promptDropped: number;
  /** Sampled token ids, and the sampled text (decoded as a whole). */
  ids: Int32Array;
  text: string;
  tokens: number;
  seconds: number;
  tokensPerSecond: number;
}

/** What the model computes at one position of a token sequence (any clicked token): its attention
 *  over the preceding tokens and its next-token distribution. */
export interface MinigptInspectParams {
  slot: MinigptSlot;
  /** The sequence (e.g. promptIds followed by the sampled ids); only the last contextLength tokens
   *  ending at `position` are used. */
  ids: Int32Array;
  /** 0-based index into ids. */
  position: number;
  /** Temperature applied to the distribution (as in generate; 0 or 1 = plain softmax). */
  temperature: number;
}

export interface MinigptInspectResult {
  ok: boolean;
  message: string;
  /** layers × heads × windowLength, as in MinigptToken (window token 0 is the start token). */
  attention: Float32Array;
  windowLength: number;
  windowStart: number;
  layers: number;
  heads: number;
  /** Next-token distribution after ids[position]. */
  top: MinigptTopTokens;
}

/** Train a fresh model in the 'trained' slot on the given text: a BPE tokenizer is learned from the
 *  text first, then the transformer, with AdamW and a warmup + cosine learning rate. The last 10% of
 *  the text is held out for validation. */
export interface MinigptTrainParams {
  text: string;
  size: MinigptSize;
  /** Optimizer steps, 1–100000. */
  steps: number;
  /** Sequences per step (1–64). */
  batch: number;
  /** Peak learning rate (> 0, ≤ 0.1). */
  lr: number;
  seed: number;
  /** Validation loss every this many steps (and at the end). */
  evalEvery: number;
}

export type MinigptTrainProgress =
  | {
      kind: 'tokenizer';
      /** Merges learned so far, of `total`. */
      merges: number;
      total: number;
    }
  | {
      kind: 'step';
      step: number; // 1-based
      steps: number;
      /** Mean training loss over the steps since the last report (nats per token). */
      trainLoss: number;
      /** Validation loss when evaluated at this step, else null. */
      valLoss: number | null;
      lr: number;
      tokensPerSecond: number;
      /** Fraction of the run done, 0–1. */
      done: number;
    };

export interface MinigptTrainResult {
  /** 'finished', 'cancelled' (stopped; the model so far is kept), 'too-little-text', or 'diverged'. */
  outcome: 'finished' | 'cancelled' | 'too-little-text' | 'diverged';
  message: string;
  /** Characters needed and given (for 'too-little-text'). */
  neededChars: number;
  givenChars: number;
  steps: number;
  trainLoss: number;
  valLoss: number;
  perplexity: number;
  seconds: number;
  info: MinigptModelInfo | null;
}

export interface MinigptSaveParams {
  slot: MinigptSlot;
}

export interface MinigptSaveResult {
  ok: boolean;
  message: string;
  /** safetensors (PyTorch names; config, tokenizer and training record in the metadata). */
  bytes: Uint8Array;
}
