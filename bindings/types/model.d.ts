// Model: a network built from a JSON spec and trained batch by batch (bindings/wasm/model.cpp).
import type { Deletable } from './deletable';

/** One named tensor copied out of the engine: a layer's activations, a parameter or its gradient. */
export interface NamedTensor {
  /** PyTorch-style name ("0.weight") or the layer's index ("2"). */
  name: string;
  /** "parameter", "gradient", or the layer ("conv2d 1→8, 3×3, padding 1"). */
  description: string;
  shape: number[];
  data: Float32Array;
}

export interface ModelSummary {
  /** Shape of one input sample, e.g. [1, 28, 28]. */
  input: number[];
  layers: { name: string; description: string; outputShape: number[] }[];
  parameterCount: number;
}

/** A network built from a JSON spec and trained batch by batch (engine/include/mlplay/train/).
 *  Spec: {"input": [1, 28, 28], "layers": [{"type": "conv2d", "out": 8, "kernel": 3, "padding": 1},
 *  {"type": "relu"}, {"type": "maxpool2d", "kernel": 2}, {"type": "flatten"}, {"type": "linear", "out": 10}]}.
 *  Options: {"optimizer": "sgd|momentum|nesterov|adagrad|rmsprop|adam|adamw|lion", "lr": 0.001,
 *  "weightDecay": 0, "loss": "cross_entropy|mse"}. Inputs are Float32Arrays of whole samples
 *  (row-major, batch first); cross_entropy targets are class indices as floats. */
export interface Model extends Deletable {
  /** zero_grad → forward → loss → backward → step; returns the loss. Throws when the loss is not finite. */
  trainBatch(inputs: Float32Array, targets: Float32Array): number;
  evaluate(inputs: Float32Array, targets: Float32Array): number;
  /** Outputs (batch × output size), eval mode. */
  predict(inputs: Float32Array): Float32Array;
  /** Every layer's output for the inputs, in order. */
  activations(inputs: Float32Array): NamedTensor[];
  /** Mean microseconds per step of predict's one-sample fast path (batch norm folded, layers fused)
   * over `repeats` runs of one sample; empty when a layer has no fast path. */
  profileInference(inputs: Float32Array, repeats: number): { step: string; microseconds: number }[];
  /** Parameters, or with `true` their gradients from the last trainBatch (zeros before). */
  parameters(gradients: boolean): NamedTensor[];
  summary(): ModelSummary;
  setLearningRate(lr: number): void;
  learningRate(): number;
  /** The state_dict as safetensors bytes (loads in PyTorch with the same names). */
  save(): Uint8Array;
  load(bytes: Uint8Array): void;
}

/** What bindings/wasm/model.cpp adds to the module object. */
export interface ModelModule {
  /** Build a network from a JSON spec with training options (JSON) and an initialization seed. */
  Model: new (spec: string, options: string, seed: number) => Model;
}
