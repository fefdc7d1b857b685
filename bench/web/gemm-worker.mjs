// GFLOP/s of the engine's packed SGEMM (square n×n×n) and of a SIMD128 mul+add peak loop, in the mt
// build (threads set per case; the peak on as many threads at once). Median of 5 timed runs of about
// 0.3 s each.
import { ratePerSecond } from './timing.mjs';

/** GFLOP/s of fn(reps) when each rep is `work` FLOP. */
const timeIt = (fn, work) => ratePerSecond(fn, work) / 1e9;

self.onmessage = async ({ data: { sizes, threads } }) => {
  try {
    const engine = await (await import('/wasm/mt/mlplay.mjs')).default();
    const results = [];
    for (const t of threads) {
      engine.setNumThreads(t);
      // The machine's SIMD128 mul+add peak on t threads at once, measured just before the GEMMs it is
      // the reference for: the best of the three loops in bindings/wasm/bench.cpp.
      const peak = Math.max(
        timeIt((reps) => engine.peakMulAddThreads(0, reps * 1e6), 96e6 * t),
        timeIt((reps) => engine.peakMulAddThreads(1, reps * 1e6), 64e6 * t),
        timeIt((reps) => engine.peakMulAddThreads(2, reps * 1e6), 80e6 * t),
      );
      results.push({ case: 'peak', threads: t, gflops: peak });
      self.postMessage({ type: 'log', text: `wasm SIMD128 mul+add peak, ${t} thread(s) at once: ${peak.toFixed(1)} GFLOP/s` });
      for (const n of sizes) {
        const bench = new engine.GemmBench(n, n, n);
        const gflops = timeIt((reps) => bench.run(reps), 2 * n * n * n);
        bench.delete();
        results.push({ case: 'gemm', n, threads: t, gflops });
        self.postMessage({ type: 'log', text: `ours wasm gemm n=${n} t=${t}: ${gflops.toFixed(1)} GFLOP/s` });
      }
    }
    self.postMessage({ type: 'results', results });
  } catch (error) {
    self.postMessage({ type: 'error', message: error.message });
  }
};
