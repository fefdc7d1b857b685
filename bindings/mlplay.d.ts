// The one documented JS API of the wasm engine (what bindings/wasm/*.cpp exposes through embind).
// Loaded only by web/engine/worker.ts; lessons use web/engine/client.ts instead.
//
// Every function and method throws a JS Error carrying the C++ message when its arguments are bad,
// e.g. "set_num_threads: 3 threads requested; this build supports 1 to 2".
// Every object created with `new` must be released with `.delete()` (embind owns C++ memory).

export interface BuildInfo {
  /** "mt": SIMD128 + pthreads (needs cross-origin isolation); "st": SIMD128, one thread. */
  build: 'mt' | 'st';
  simd: boolean;
  /** Most threads set_num_threads accepts: navigator.hardwareConcurrency (capped at 16) in mt, 1 in st. */
  maxThreads: number;
}

/** Embind-owned C++ object. */
export interface Deletable {
  delete(): void;
}

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

export interface MlplayModule {
  buildInfo(): BuildInfo;
  /** Threads used by the engine's parallel_for from now on, 1..maxThreads. */
  setNumThreads(n: number): void;
  getNumThreads(): number;
  /** Resume from (samples, inside), or start fresh with (seed, 0, 0). */
  PiEstimator: new (seed: number, samples: number, inside: number) => PiEstimator;
  dartsPerBlock: number;
}

/** The factory Emscripten emits (-sMODULARIZE -sEXPORT_ES6 -sEXPORT_NAME=createMlplay). */
export default function createMlplay(options?: Record<string, unknown>): Promise<MlplayModule>;
