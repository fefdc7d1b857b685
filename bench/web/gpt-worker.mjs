// Sampling tokens/s of the minigpt lesson's shipped model (public/models/minigpt.safetensors) in the
// mt build: the KV-cache sampler the lesson runs, 1000 tokens from the start token at temperature 0.8
// (the window slides past the context as in the lesson), median of three runs.
self.onmessage = async () => {
  try {
    const engine = await (await import('/wasm/mt/mlplay.mjs')).default();
    const bytes = new Uint8Array(await (await fetch('/models/minigpt.safetensors')).arrayBuffer());
    const gpt = new engine.MiniGpt();
    gpt.load(bytes);
    const tokens = 1000;
    const rates = [];
    for (let rep = 0; rep < 3; rep++) {
      gpt.beginGeneration('', 0.8, 0, 1, 1 + rep);
      const start = performance.now();
      for (let i = 0; i < tokens; i++) gpt.nextToken(false);
      rates.push(tokens / ((performance.now() - start) / 1000));
    }
    // The same with each token's attention copied out, as the lesson streams it.
    gpt.beginGeneration('', 0.8, 0, 1, 9);
    const start = performance.now();
    for (let i = 0; i < tokens; i++) gpt.nextToken(true);
    const withAttention = tokens / ((performance.now() - start) / 1000);
    gpt.delete();
    const rate = rates.sort((a, b) => a - b)[1];
    self.postMessage({ type: 'log', text: `ours wasm minigpt sampling: ${rate.toFixed(0)} tokens/s (${withAttention.toFixed(0)} with attention)` });
    self.postMessage({ type: 'results', results: [
      { case: 'gpt-sample', impl: 'gpt', build: 'mt', value: rate },
      { case: 'gpt-sample-attention', impl: 'gpt', build: 'mt', value: withAttention },
    ] });
  } catch (error) {
    self.postMessage({ type: 'error', message: `minigpt bench: ${error.message}` });
  }
};
