// Training samples/s of the MLP and CNN workloads (engine/include/mlplay/bench/models.h) and the
// CNN's single-image inference rate, in the mt build at the given thread counts.
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
    }
    self.postMessage({ type: 'results', results });
  } catch (error) {
    self.postMessage({ type: 'error', message: error.message });
  }
};
