// GFLOP/s of the engine's packed SGEMM (square n×n×n) and of a SIMD128 mul+add peak loop, in the mt
// build (threads set per case). Median of 5 timed runs of about 0.3 s each.
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeIt(fn, work) {
  let reps = 1;
  for (;;) {
    const start = performance.now();
    fn(reps);
    const ms = performance.now() - start;
    if (ms > 60) {
      reps = Math.max(1, Math.round((reps * 300) / ms));
      break;
    }
    reps *= 4;
  }
  const rates = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    fn(reps);
    rates.push((work * reps) / ((performance.now() - start) / 1000) / 1e9);
  }
  return median(rates);
}

self.onmessage = async ({ data: { sizes, threads } }) => {
  try {
    const engine = await (await import('/wasm/mt/mlplay.mjs')).default();
    const results = [];
    // The machine's SIMD128 mul+add peak: the best of the three loops in bindings/wasm/bench.cpp.
    const peak = Math.max(
      timeIt((reps) => engine.peakMulAdd(0, reps * 1e6), 96e6),
      timeIt((reps) => engine.peakMulAdd(1, reps * 1e6), 64e6),
      timeIt((reps) => engine.peakMulAdd(2, reps * 1e6), 80e6),
    );
    results.push({ case: 'peak', threads: 1, gflops: peak });
    self.postMessage({ type: 'log', text: `wasm SIMD128 mul+add peak: ${peak.toFixed(1)} GFLOP/s per thread` });
    for (const t of threads) {
      engine.setNumThreads(t);
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
