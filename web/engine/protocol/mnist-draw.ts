// Worker task types of the mnist-draw lesson (the protocol itself is in ../protocol.ts).
// The worker holds one digit reader (the CNN of engine/include/mlplay/train/mnist.h) for the page;
// every task below uses it, so a model trained by mnistDraw.train is the one mnistDraw.read uses.

export type MnistOptimizerName = 'sgd' | 'momentum' | 'nesterov' | 'adagrad' | 'rmsprop' | 'adam' | 'adamw' | 'lion';

/** Read a drawing: prepare it as MNIST digits were made, then run the CNN on it. */
export interface MnistReadParams {
  /** width × height ink values in [0, 1] (0 = paper), row by row. */
  ink: Float32Array;
  width: number;
  height: number;
  /** Also return the first conv layer's feature maps for this drawing. */
  maps: boolean;
}

export interface MnistReadResult {
  /** No ink at all: digit, probs and maps are zero and top is -1. */
  empty: boolean;
  /** The 28×28 image the network sees (values in [0, 1]). */
  digit: Float32Array;
  /** Softmax probabilities of the digits 0–9. */
  probs: Float32Array;
  /** The most probable digit, or -1 when empty. */
  top: number;
  /** Milliseconds of this reading's forward pass (one pass: caches as the last frame left them). */
  inferenceMs: number;
  /** Milliseconds of cropping, scaling and centring. */
  prepareMs: number;
  /** channels × 28 × 28 first-layer activations (after batch norm and ReLU), when `maps`. */
  maps: Float32Array;
  mapChannels: number;
  /** Which model answered: increases whenever the weights change (training, loading, reset). */
  modelVersion: number;
}

/** Time the network on a drawing: `repeats` readings back to back. */
export interface MnistProfileParams {
  ink: Float32Array;
  width: number;
  height: number;
  repeats: number;
}

export interface MnistProfileResult {
  /** The fused steps in order (e.g. "conv2d 1→16 3×3 + batchnorm + relu + maxpool 2×2"), mean µs per reading. */
  steps: { step: string; microseconds: number }[];
  totalMicroseconds: number;
  repeats: number;
}

/** Load weights: the shipped model from `url`, or safetensors `bytes` (IndexedDB, an upload). */
export interface MnistLoadParams {
  url?: string;
  bytes?: Uint8Array;
}

export interface MnistLayerInfo {
  name: string;
  description: string;
  /** Output shape of one digit, e.g. [16, 28, 28]. */
  shape: number[];
}

export interface MnistModelInfo {
  parameters: number;
  layers: MnistLayerInfo[];
  /** First conv layer's kernels, channels × 3 × 3. */
  filters: Float32Array;
  filterChannels: number;
  filterSize: number;
  modelVersion: number;
  /** The test accuracy recorded in the file's metadata (fraction), or null. */
  recordedAccuracy: number | null;
}

export interface MnistSaveResult {
  /** The current weights as safetensors (PyTorch names, spec in the metadata). */
  bytes: Uint8Array;
}

/** Load MNIST into the engine (once; later calls return at once). Shards under `dataUrl`. */
export interface MnistDataParams {
  /** The site's data/mnist/ folder URL (ends with '/'). */
  dataUrl: string;
  /** 'test' loads only the 10,000 test digits; 'all' also the 60,000 training digits. */
  which: 'test' | 'all';
}

export interface MnistDataProgress {
  loadedBytes: number;
  totalBytes: number;
  /** The file being fetched. */
  file: string;
}

export interface MnistDataResult {
  train: number;
  test: number;
}

export interface MnistTrainParams {
  /** 'scratch' re-initializes the weights (from seed); 'finetune' keeps them. */
  start: 'scratch' | 'finetune';
  optimizer: MnistOptimizerName;
  /** Peak learning rate of the one-cycle schedule. */
  lr: number;
  batch: number;
  epochs: number;
  /** Random shifts/rotations/scales/thickness of the training digits. */
  augment: boolean;
  seed: number;
  /** Training digits per epoch (≤ 60,000): the first n of a shuffle. */
  trainDigits: number;
  /** Test digits scored after each epoch (≤ 10,000). */
  testDigits: number;
}

export type MnistTrainProgress =
  | {
      kind: 'step';
      epoch: number; // 1-based
      step: number; // within the epoch, 1-based
      stepsPerEpoch: number;
      /** Mean training loss over the steps since the last report. */
      loss: number;
      lr: number;
      samplesPerSecond: number;
      /** Fraction of the whole run done, 0–1. */
      done: number;
      modelVersion: number;
    }
  | {
      kind: 'epoch';
      epoch: number;
      testAccuracy: number;
      testLoss: number;
      trainLoss: number;
      seconds: number;
    };

export interface MnistTrainResult {
  /** 'finished', 'cancelled' (the learner stopped), or 'diverged' (weights restored). */
  outcome: 'finished' | 'cancelled' | 'diverged';
  /** Why training stopped when it diverged. */
  message: string;
  epochs: number;
  testAccuracy: number;
  seconds: number;
  modelVersion: number;
}

/** Test digits the current model gets wrong. */
export interface MnistMistakesParams {
  limit: number;
}

export interface MnistMistakesResult {
  /** How many of the scored test digits it got wrong, and how many it scored. */
  wrong: number;
  scored: number;
  accuracy: number;
  /** Up to `limit` of them: their 28×28 bytes, true labels, guesses and confidence. */
  images: Uint8Array;
  labels: Uint8Array;
  guesses: Uint8Array;
  confidence: Float32Array;
  indices: Int32Array;
}
