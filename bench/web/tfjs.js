// TF.js with its WebAssembly backend (XNNPACK inside) on the same work as gemm-worker.mjs:
// tf.matMul on n×n tensors. Runs on the page's main thread, where TF.js normally runs and where its
// threaded build can start its workers (it cannot from inside a worker). Thread count is fixed at
// backend start, so bench.mjs loads one page per count.
const medianOf = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timeAsync(fn, work) {
  let reps = 1;
  for (;;) {
    const start = performance.now();
    await fn(reps);
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
    await fn(reps);
    rates.push((work * reps) / ((performance.now() - start) / 1000) / 1e9);
  }
  return medianOf(rates);
}

window.tfjsGemm = async (sizes, threads, log) => {
  tf.wasm.setWasmPaths('/tfjs-wasm/');
  // One thread: the SIMD build without threads (its threaded build may start more than asked).
  // More: the threaded SIMD build with an XNNPACK pool of that size.
  if (threads === 1) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  else tf.wasm.setThreadsCount(threads);
  await tf.setBackend('wasm');
  await tf.ready();
  const actual = threads;
  log(`TF.js ${tf.version_core} wasm backend, ${threads === 1 ? 'SIMD build' : 'threaded SIMD build'}, ${threads} thread(s) requested`);
  const results = [];
  for (const n of sizes) {
    const a = tf.randomUniform([n, n], -1, 1);
    const b = tf.randomUniform([n, n], -1, 1);
    const gflops = await timeAsync(async (reps) => {
      for (let r = 0; r < reps; r++) {
        const c = tf.matMul(a, b);
        await c.data(); // the result read back, as a training step would need it
        c.dispose();
      }
    }, 2 * n * n * n);
    a.dispose();
    b.dispose();
    results.push({ case: 'gemm', impl: 'tfjs', n, threads: actual, gflops });
    log(`tfjs wasm matMul n=${n} t=${actual}: ${gflops.toFixed(1)} GFLOP/s`);
  }
  return results;
};
