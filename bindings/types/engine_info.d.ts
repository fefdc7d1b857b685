// The build and thread facts of bindings/wasm/engine_info.cpp (the page footer, the thread-count seam).

export interface BuildInfo {
  /** "mt": SIMD128 + pthreads (needs cross-origin isolation); "st": SIMD128, one thread. */
  build: 'mt' | 'st';
  simd: boolean;
  /** Most threads set_num_threads accepts: navigator.hardwareConcurrency (capped at 16) in mt, 1 in st. */
  maxThreads: number;
}

/** What bindings/wasm/engine_info.cpp adds to the module object. */
export interface EngineInfoModule {
  buildInfo(): BuildInfo;
  /** Threads used by the engine's parallel_for from now on, 1..maxThreads. */
  setNumThreads(n: number): void;
  getNumThreads(): number;
}
