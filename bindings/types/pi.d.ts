// monte-carlo-pi: PiEstimator (bindings/wasm/pi.cpp).
import type { Deletable } from './deletable';

/** Monte Carlo estimate of π (engine/include/mlplay/prob/monte_carlo.h). Dart i depends only on (seed, i). */
export interface PiEstimator extends Deletable {
  /** Throws the next `count` darts (a whole number); returns how many landed inside the quarter circle. */
  throwDarts(count: number): number;
  samples(): number;
  inside(): number;
  /** 4 · inside / samples. */
  estimate(): number;
  /** 4 · sqrt(p (1 − p) / n). */
  standardError(): number;
  /** [x0, y0, x1, y1, …] of darts [first, first + count), a fresh Float32Array. */
  darts(first: number, count: number): Float32Array;
}

/** What bindings/wasm/pi.cpp adds to the module object. */
export interface PiModule {
  /** Resume from (samples, inside), or start fresh with (seed, 0, 0). */
  PiEstimator: new (seed: number, samples: number, inside: number) => PiEstimator;
  dartsPerBlock: number;
}
