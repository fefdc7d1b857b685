// Training samples/s of the MLP and CNN workloads (engine/include/mlplay/bench/models.h) and the
// CNN's single-image inference rate, and the same for the mnist-draw lesson's CNN, in the mt build at
// the given thread counts.
import { ratePerSecond as rate } from './timing.mjs';

self.onmessage = async ({ data: { threads } }) => {
  try {
    const engine = await (await import('/wasm/mt/mlplay.mjs')).default();
    const results = [];
    for (const t of threads) {
      engine.setNumThreads(t);
      for (const model of ['mlp', 'cnn']) {
        const bench = new engine.ModelBench(model);
        bench.train(2); // warm-up
        const samples = rate((steps) => bench.train(steps), 64);
        results.push({ case: `${model}-train`, impl: 'ours', threads: t, value: samples });
        self.postMessage({ type: 'log', text: `ours wasm ${model} training t=${t}: ${samples.toFixed(0)} samples/s` });
        if (model === 'cnn') {
          bench.infer(10);
          const images = rate((count) => bench.infer(count), 1);
          results.push({ case: 'cnn-infer', impl: 'ours', threads: t, value: images });
          self.postMessage({ type: 'log', text: `ours wasm cnn inference t=${t}: ${(1000 / images).toFixed(4)} ms per image` });
        }
        bench.delete();
      }
      // The mnist-draw lesson's CNN (engine/include/mlplay/train/mnist.h) through the Model façade
      // the lessons use: training on batches of 64, and one digit's inference as the lesson reads a drawing.
      const model = new engine.Model(engine.mnistCnnSpec(), '{"optimizer":"adam","lr":0.001}', 1);
      const x = Float32Array.from({ length: 64 * 784 }, () => Math.random());
      const y = Float32Array.from({ length: 64 }, () => Math.floor(Math.random() * 10));
      const one = x.slice(0, 784);
      model.trainBatch(x, y);
      const samples = rate((steps) => { for (let i = 0; i < steps; i++) model.trainBatch(x, y); }, 64);
      results.push({ case: 'digits-train', impl: 'ours', threads: t, value: samples });
      self.postMessage({ type: 'log', text: `ours wasm mnist-draw cnn training t=${t}: ${samples.toFixed(0)} samples/s` });
      model.predict(one);
      const images = rate((count) => { for (let i = 0; i < count; i++) model.predict(one); }, 1);
      results.push({ case: 'digits-infer', impl: 'ours', threads: t, value: images });
      self.postMessage({ type: 'log', text: `ours wasm mnist-draw cnn inference t=${t}: ${(1000 / images).toFixed(4)} ms per digit` });
      const steps = model.profileInference(one, 2000).map((s) => `${s.microseconds.toFixed(1)} µs ${s.step}`);
      self.postMessage({ type: 'log', text: `  where the time goes (t=${t}): ${steps.join('; ')}` });
      model.delete();
    }
    self.postMessage({ type: 'results', results });
  } catch (error) {
    self.postMessage({ type: 'error', message: error.message });
  }
};
