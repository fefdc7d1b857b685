// Benchmark hooks for bench/web, bound by bindings/wasm/bench.cpp; no lesson uses them.
import type { Deletable } from './deletable';

/** The engine's packed SGEMM on fixed random buffers (bindings/wasm/bench.cpp). */
export interface GemmBench extends Deletable {
  /** Multiplies `reps` times; returns C[0, 0] so the work cannot be skipped. */
  run(reps: number): number;
}

/** The MLP and CNN workloads of engine/include/mlplay/bench/models.h at batch 64 (bench/web/model-worker.mjs). */
export interface ModelBench extends Deletable {
  /** `steps` training steps; returns the last loss. */
  train(steps: number): number;
  /** `count` single-image inferences; returns the last top logit. Throws for the 'mlp' model. */
  infer(count: number): number;
}

/** What bindings/wasm/bench.cpp adds to the module object. */
export interface BenchModule {
  /** Benchmarks only (bench/web): C = A @ B on random n×m buffers kept in wasm memory. */
  GemmBench: new (m: number, n: number, k: number) => GemmBench;
  /** Benchmarks only: a SIMD128 mul+add loop (pattern 0, 1 or 2: bindings/wasm/bench.cpp) of `iterations` steps; returns its FLOP count. */
  peakMulAdd(pattern: number, iterations: number): number;
  /** Benchmarks only: peakMulAdd on every thread of setNumThreads at once; returns the FLOP count of all. */
  peakMulAddThreads(pattern: number, iterations: number): number;
  /** Benchmarks only: model 'mlp' | 'cnn' (throws naming any other). */
  ModelBench: new (model: string) => ModelBench;
}
