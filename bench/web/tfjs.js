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

window.tfjsInit = async (threads, log) => {
  tf.wasm.setWasmPaths('/tfjs-wasm/');
  // One thread: the SIMD build without threads (its threaded build may start more than asked).
  // More: the threaded SIMD build with an XNNPACK pool of that size.
  if (threads === 1) tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  else tf.wasm.setThreadsCount(threads);
  await tf.setBackend('wasm');
  await tf.ready();
  log(`TF.js ${tf.version_core} wasm backend, ${threads === 1 ? 'SIMD build' : 'threaded SIMD build'}, ${threads} thread(s) requested`);
};

window.tfjsGemm = async (sizes, threads, log) => {
  const actual = threads;
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

/** Samples/s of a function that trains on `unitsPerCall` samples per call (median of 5 runs). */
function rateOf(fn, unitsPerCall) {
  let calls = 1;
  for (;;) {
    const start = performance.now();
    fn(calls);
    const ms = performance.now() - start;
    if (ms > 60) {
      calls = Math.max(1, Math.round((calls * 300) / ms));
      break;
    }
    calls *= 4;
  }
  const rates = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    fn(calls);
    rates.push((unitsPerCall * calls) / ((performance.now() - start) / 1000));
  }
  return medianOf(rates);
}

/** Training samples/s of `loss` (a function of nothing, batch of 64) under Adam(1e-3), the loss read
 *  back every step as the engine's train_step does. TF.js's wasm backend has no Conv2DBackpropFilter
 *  kernel (4.22.0), so it cannot train conv layers; then the reference is TF.js's own CPU backend,
 *  the one TF.js falls back to in a browser without WebGL. Returns { value, backend }. */
function trainRate(loss, name, threads, log) {
  const optimizer = tf.train.adam(1e-3);
  const step = () => {
    const cost = optimizer.minimize(loss, true);
    cost.dataSync();
    cost.dispose();
  };
  const measure = () => {
    step();
    return rateOf((calls) => { for (let i = 0; i < calls; i++) step(); }, 64);
  };
  try {
    const value = measure();
    log(`tfjs wasm ${name} training t=${threads}: ${value.toFixed(0)} samples/s`);
    return { value, backend: 'wasm' };
  } catch (error) {
    log(`tfjs wasm ${name} training: not possible (${error.message}); measuring TF.js's cpu backend instead`);
    tf.setBackend('cpu');
    const value = measure();
    tf.setBackend('wasm');
    log(`tfjs cpu ${name} training: ${value.toFixed(0)} samples/s`);
    return { value, backend: 'cpu' };
  }
}

/** The same MLP and CNN workloads as engine/include/mlplay/bench/models.h, in TF.js ops (NHWC). */
window.tfjsModels = (threads, log) => {
  const results = [];
  const param = (shape, fanIn) => tf.variable(tf.randomUniform(shape, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)));
  const labels = tf.oneHot(tf.randomUniform([64], 0, 10, 'int32'), 10);

  // MLP 784-128-10, Adam(1e-3), loss read back every step as the engine's train_step does
  {
    const x = tf.randomUniform([64, 784]);
    const w1 = param([784, 128], 784), b1 = param([128], 784), w2 = param([128, 10], 128), b2 = param([10], 128);
    const mlp = () => tf.losses.softmaxCrossEntropy(labels, tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2));
    const { value, backend } = trainRate(mlp, 'mlp', threads, log);
    results.push({ case: 'mlp-train', impl: 'tfjs', threads, value, backend });
  }

  // CNN: conv 8@3x3 same -> relu -> pool 2 -> conv 16@3x3 same -> relu -> pool 2 -> dense 10
  {
    const x = tf.randomUniform([64, 28, 28, 1]);
    const one = tf.randomUniform([1, 28, 28, 1]);
    const f1 = param([3, 3, 1, 8], 9), c1 = param([8], 9), f2 = param([3, 3, 8, 16], 72), c2 = param([16], 72);
    const fw = param([784, 10], 784), fb = param([10], 784);
    const forward = (images) => {
      let h = tf.maxPool(tf.relu(tf.add(tf.conv2d(images, f1, 1, 'same'), c1)), 2, 2, 'valid');
      h = tf.maxPool(tf.relu(tf.add(tf.conv2d(h, f2, 1, 'same'), c2)), 2, 2, 'valid');
      return tf.add(tf.matMul(tf.reshape(h, [images.shape[0], 784]), fw), fb);
    };
    const infer = () => tf.tidy(() => forward(one)).dataSync();
    const images = rateOf((calls) => { for (let i = 0; i < calls; i++) infer(); }, 1);
    results.push({ case: 'cnn-infer', impl: 'tfjs', threads, value: images });
    log(`tfjs wasm cnn inference t=${threads}: ${(1000 / images).toFixed(4)} ms per image`);

    const { value, backend } = trainRate(() => tf.losses.softmaxCrossEntropy(labels, forward(x)), 'cnn', threads, log);
    results.push({ case: 'cnn-train', impl: 'tfjs', threads, value, backend });
  }

  // The mnist-draw lesson's CNN in TF.js layers, same shapes as kMnistCnnSpec: conv 16@3×3 (no bias)
  // → batch norm → ReLU → pool 2 → conv 32@3×3 → batch norm → ReLU → pool 2 → dense 128 → ReLU →
  // dropout 0.25 → dense 10.
  {
    const model = tf.sequential({
      layers: [
        tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 16, kernelSize: 3, padding: 'same', useBias: false }),
        tf.layers.batchNormalization(), tf.layers.reLU(), tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 32, kernelSize: 3, padding: 'same', useBias: false }),
        tf.layers.batchNormalization(), tf.layers.reLU(), tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(), tf.layers.dense({ units: 128, activation: 'relu' }), tf.layers.dropout({ rate: 0.25 }),
        tf.layers.dense({ units: 10 }),
      ],
    });
    const x = tf.randomUniform([64, 28, 28, 1]);
    const one = tf.randomUniform([1, 28, 28, 1]);
    const infer = () => tf.tidy(() => model.predict(one)).dataSync();
    infer();
    const images = rateOf((calls) => { for (let i = 0; i < calls; i++) infer(); }, 1);
    results.push({ case: 'digits-infer', impl: 'tfjs', threads, value: images });
    log(`tfjs wasm mnist-draw cnn inference t=${threads}: ${(1000 / images).toFixed(4)} ms per digit`);
    const loss = () => tf.losses.softmaxCrossEntropy(labels, model.apply(x, { training: true }));
    const { value, backend } = trainRate(loss, 'mnist-draw cnn', threads, log);
    results.push({ case: 'digits-train', impl: 'tfjs', threads, value, backend });
  }
  return results;
};
