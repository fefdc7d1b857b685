// mnist-draw: DigitReader, the lesson's CNN with MNIST in wasm memory (bindings/wasm/mnist_draw.cpp).
import type { Deletable } from './deletable';
import type { MnistMistakesResult, MnistModelInfo, MnistProfileResult, MnistReadResult } from '../../web/engine/protocol/mnist-draw';

/** mnist-draw: the lesson's CNN (engine/include/mlplay/train/mnist.h) with MNIST kept in wasm memory.
 *  Results are the protocol's types (web/engine/protocol/mnist-draw.ts). */
export interface DigitReaderTrainStep {
  diverged: boolean;
  /** Why, when diverged (the weights are back to the last good ones). */
  message?: string;
  /** Mean loss of the steps run. */
  loss: number;
  steps: number;
  /** 1-based epoch and step within it of the newest step. */
  epoch: number;
  step: number;
  stepsPerEpoch: number;
  epochEnded: boolean;
  finished: boolean;
  lr: number;
  modelVersion: number;
}

export interface DigitReader extends Deletable {
  info(): MnistModelInfo;
  /** Safetensors bytes of this network (throws naming the problem otherwise). */
  load(bytes: Uint8Array): void;
  save(): Uint8Array;
  /** Prepares width × height ink (0–1) as MNIST digits were made and runs the network on it. */
  read(ink: Float32Array, width: number, height: number, maps: boolean): MnistReadResult;
  /** Times the network on this drawing: `repeats` readings back to back, mean µs per fused step. */
  profile(ink: Float32Array, width: number, height: number, repeats: number): MnistProfileResult;
  /** Keeps the IDX files' digits (parsed and checked by the engine) for training or scoring. */
  setData(which: 'train' | 'test', imagesIdx: Uint8Array, labelsIdx: Uint8Array): void;
  dataCount(which: 'train' | 'test'): number;
  /** A new run: fresh optimizer (and weights from seed when 'scratch'), one-cycle schedule to peak lr. */
  startTraining(start: 'scratch' | 'finetune', optimizer: string, lr: number, batch: number, epochs: number,
    augment: boolean, seed: number, trainDigits: number): { stepsPerEpoch: number; modelVersion: number };
  /** Up to `steps` steps, stopping at the end of an epoch. */
  trainSteps(steps: number): DigitReaderTrainStep;
  /** Accuracy and mean cross-entropy on the first `count` test digits. */
  score(count: number): { accuracy: number; loss: number; count: number };
  mistakes(limit: number): MnistMistakesResult;
  version(): number;
}

/** What bindings/wasm/mnist_draw.cpp adds to the module object. */
export interface MnistDrawModule {
  /** mnist-draw: the lesson's CNN, freshly initialized (load the shipped weights next). */
  DigitReader: new () => DigitReader;
  /** The mnist-draw CNN's JSON spec (for a Model with the same layers, e.g. in benchmarks). */
  mnistCnnSpec(): string;
}
