// Darts per second of the wasm engine (count_darts_inside through the PiEstimator binding), at the
// given thread counts: warm up, size a run to about a second, then the median of 5 runs.
self.onmessage = async ({ data: { build, threads } }) => {
  try {
    const createMlplay = (await import(`/wasm/${build}/mlplay.mjs`)).default;
    const engine = await createMlplay();
    const results = [];
    for (const t of threads) {
      engine.setNumThreads(t);
      const estimator = new engine.PiEstimator(1, 0, 0);
      estimator.throwDarts(2e7); // warm-up
      let n = 1e7;
      for (;;) {
        const start = performance.now();
        estimator.throwDarts(n);
        if (performance.now() - start > 300) break;
        n *= 2;
      }
      n *= 3; // about a second
      const rates = [];
      for (let rep = 0; rep < 5; rep++) {
        const start = performance.now();
        estimator.throwDarts(n);
        rates.push(n / ((performance.now() - start) / 1000));
      }
      estimator.delete();
      rates.sort((a, b) => a - b);
      results.push({ build, threads: t, dartsPerSecond: rates[2], darts: n });
      self.postMessage({ type: 'log', text: `wasm ${build} ${t} thread(s): ${(rates[2] / 1e9).toFixed(3)} G darts/s` });
    }
    self.postMessage({ type: 'results', results });
  } catch (error) {
    self.postMessage({ type: 'error', message: error.message });
  }
};
